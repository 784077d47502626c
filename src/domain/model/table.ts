import { diagnose, type Diagnostic } from './diagnostics.js';
import type { IsoDate } from './dates.js';
import { tableFileSchema, type TableFile } from '../parse/schema.js';
import { parseYaml, sharedValues, todoPaths, type YamlPath, type YamlSource } from '../parse/yaml-source.js';
import { findingsOf, fromFindings, resultOf, type FileReading, type Result } from './result.js';
import { validateWithSchema } from '../parse/schema-validation.js';
import { readEndDate, type CellValue } from './cell-value.js';

/** The columns of Table 17.6, in order. */
export const COLUMN_KEYS = ['cohort', 'groupId', 'endDate'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** One row of Table 17.6, with the public source of each value. */
export interface CohortRow {
  cohort: string;
  groupId: CellValue;
  endDate: CellValue;
  sources: { groupId?: string; endDate?: string };
  /** The texts of the table's other columns (Table.extraColumns), by heading, as written. */
  extra?: Record<string, string>;
}

/** What an end date means (table.endDateMeaning): a reading, and whether a source settles it. */
export interface EndDateMeaning {
  reading: 'last-day';
  status: 'unsettled' | 'settled';
  note?: string;
  source?: string;
}

/**
 * The meaning of an end date when the table file does not record one: mtad's reading, the last
 * day of the service, which no source settles.
 */
export const UNRECORDED_END_DATE_MEANING: EndDateMeaning = { reading: 'last-day', status: 'unsettled' };

/** Table 17.6 as mtad holds it. */
export interface Table {
  documentName: string;
  documentAbbreviation: string;
  version: CellValue;
  number: string;
  title: CellValue;
  columns: Record<ColumnKey, string>;
  /** Headings of the MTAD's other columns, kept verbatim; absent when it has none. */
  extraColumns?: string[];
  /** Whose the column headings are: the MTAD's own (dcc), mtad's, or not stated. */
  headingsBy: 'dcc' | 'mtad' | 'unknown';
  /** How the end dates are read. */
  endDateMeaning: EndDateMeaning;
  asAt: IsoDate;
  /** The ids of the amendments the table already reflects, in the order they were applied. */
  applied: string[];
  cohorts: CohortRow[];
}

/** A table read from a file: the table, and the parsed file for positions and writing back. */
export interface TableInput {
  table: Table;
  source: YamlSource;
}

type CellFile = TableFile['cohorts'][number]['groupId'];

function readCell(
  cell: CellFile,
  path: YamlPath,
  source: YamlSource,
  read: (text: string) => CellValue | 'DATE_INVALID' | 'VALUE_INVALID',
  expected: string,
  diagnostics: Diagnostic[],
): CellValue {
  const field = path.map(String).join('.');
  if ((cell.value === undefined) === (cell.unknown === undefined)) {
    diagnostics.push(diagnose('CELL_VALUE_OR_UNKNOWN', { field }, source.locate(path)));
    return { kind: 'unknown' };
  }
  if (cell.unknown !== undefined)
    return {
      kind: 'unknown',
      note: cell.unknown,
      ...(cell.notAfter !== undefined && { notAfter: cell.notAfter }),
      ...(cell.written !== undefined && { written: cell.written }),
    };
  if (cell.written !== undefined)
    diagnostics.push(
      diagnose(
        'VALUE_INVALID',
        {
          field: `${field}.written`,
          value: cell.written,
          expected: 'written only with unknown (the text of a cell mtad does not read)',
        },
        source.locate([...path, 'written']),
      ),
    );
  if (cell.notAfter !== undefined) {
    diagnostics.push(
      diagnose(
        'VALUE_INVALID',
        {
          field: `${field}.notAfter`,
          value: cell.notAfter,
          expected: 'notAfter only with unknown (it bounds a value that is not known)',
        },
        source.locate([...path, 'notAfter']),
      ),
    );
  }
  const text = cell.value ?? '';
  const value = read(text);
  if (value === 'DATE_INVALID')
    diagnostics.push(diagnose('DATE_INVALID', { value: text }, source.locate([...path, 'value'])));
  else if (value === 'VALUE_INVALID')
    diagnostics.push(diagnose('VALUE_INVALID', { field, value: text, expected }, source.locate([...path, 'value'])));
  else return value;
  return { kind: 'unknown' };
}

/** A row's extra texts: each a heading of table.columns.extra; a column the row omits is empty. */
function readExtra(
  extra: Record<string, string>,
  headings: readonly string[],
  path: YamlPath,
  source: YamlSource,
  diagnostics: Diagnostic[],
): Record<string, string> {
  for (const heading of Object.keys(extra))
    if (!headings.includes(heading))
      diagnostics.push(
        diagnose(
          'VALUE_INVALID',
          {
            field: [...path, heading].map(String).join('.'),
            value: heading,
            expected:
              `a heading of table.columns.extra ` + `(${headings.map((h) => JSON.stringify(h)).join(', ') || 'none'})`,
          },
          source.locate([...path, heading]),
        ),
      );
  return Object.fromEntries(headings.map((heading) => [heading, extra[heading] ?? '']));
}

/** Turns a schema-valid table file into the table, checking each cell's value. */
export function normaliseTable(file: TableFile, source: YamlSource): Result<Table> {
  const { table, findings } = buildTable(file, source);
  return fromFindings(table, findings);
}

/** The table a schema-valid file holds, with the findings on its cells (a bad cell still reads as something). */
function buildTable(file: TableFile, source: YamlSource): { table: Table; findings: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const text = (t: string): CellValue => ({ kind: 'text', text: t });
  const extraColumns = file.table.columns.extra ?? [];
  const cohorts = file.cohorts.map((row, index): CohortRow => {
    const at = ['cohorts', index] as const;
    return {
      cohort: row.cohort,
      groupId: readCell(row.groupId, [...at, 'groupId'], source, text, 'a GroupID', diagnostics),
      endDate: readCell(
        row.endDate,
        [...at, 'endDate'],
        source,
        (t) => readEndDate(t, false),
        '"none" or a date YYYY-MM-DD',
        diagnostics,
      ),
      sources: { groupId: row.groupId.source, endDate: row.endDate.source },
      ...(row.extra !== undefined && {
        extra: readExtra(row.extra, extraColumns, [...at, 'extra'], source, diagnostics),
      }),
    };
  });
  const table: Table = {
    documentName: file.document.name,
    documentAbbreviation: file.document.abbreviation,
    version: readCell(file.document.version, ['document', 'version'], source, text, 'a version', diagnostics),
    number: file.table.number,
    title: readCell(file.table.title, ['table', 'title'], source, text, 'a title', diagnostics),
    columns: {
      cohort: file.table.columns.cohort,
      groupId: file.table.columns.groupId,
      endDate: file.table.columns.endDate,
    },
    ...(file.table.columns.extra !== undefined && { extraColumns: file.table.columns.extra }),
    headingsBy: file.table.columns.chosenBy ?? 'unknown',
    endDateMeaning: file.table.endDateMeaning ?? UNRECORDED_END_DATE_MEANING,
    asAt: file.asAt,
    applied: file.applied,
    cohorts,
  };
  return { table, findings: diagnostics };
}

/** Reads Table 17.6 from YAML text: parse, check against the schema, normalise. */
export function parseTable(text: string, file: string): Result<TableInput> {
  return resultOf(readTable(text, file));
}

/** Table 17.6 as `mtad check` reads it: every finding, and the table once it passed its schema. */
export function readTable(text: string, file: string): FileReading<TableInput> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return { findings: findingsOf(parsed) };
  const { source } = parsed.value;
  // A !todo tag marks a proposal in an amendment mtad drafted; in the table it would be read as
  // if decided, so it is refused.
  const toDecide = todoPaths(source.document).map((path) =>
    diagnose('FIELD_TO_DECIDE', { field: path.map(String).join('.') }, source.locate(path)),
  );
  // A value shared through an anchor is one node in the file: writing an amendment into one cell
  // would change every cell that shares it, while the redline shows one. The table writes each
  // value out (docs/reliability.md). Most tables hold no & nor <<: they are not walked.
  const shared = /[&*]|<</.test(text)
    ? sharedValues(source.document).map((s) =>
        diagnose('YAML_SHARED_VALUE', { kind: s.kind, name: s.name }, source.locate(s.path)),
      )
    : [];
  if (shared.length > 0) return { findings: [...toDecide, ...shared] };
  const checked = validateWithSchema(tableFileSchema(), parsed.value.data, source);
  if (!checked.ok) return { findings: [...toDecide, ...findingsOf(checked)] };
  const { table, findings } = buildTable(checked.value, source);
  return { data: { table, source }, findings: [...toDecide, ...findings] };
}

// An index of each table's rows by cohort name, made on first use: applying 1,000 changes to a
// 10,000-row table must not scan the table 1,000 times (BENCHMARKS.md).
const indexes = new WeakMap<readonly CohortRow[], Map<string, CohortRow>>();

/** The row of `cohort` (the first, should a name repeat), or undefined. */
export function findCohort(table: Table, cohort: string): CohortRow | undefined {
  let index = indexes.get(table.cohorts);
  if (!index) {
    index = new Map();
    for (const row of table.cohorts) if (!index.has(row.cohort)) index.set(row.cohort, row);
    indexes.set(table.cohorts, index);
  }
  // Rows are never added to or removed from a table's list once made (changes edit cells), so
  // the index stays true; a miss is confirmed by a scan all the same.
  return index.get(cohort) ?? table.cohorts.find((r) => r.cohort === cohort);
}
