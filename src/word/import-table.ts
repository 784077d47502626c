/**
 * Importing Table 17.6 from the MTAD's Word document: the table file mtad keeps as data, made from
 * the document's own caption, headings and cell texts, every value sourced to the document (its
 * file name, its sha256 and its version). A cell mtad does not read as a value (an end date in
 * prose, "TBC", an empty GroupID, a merged cell) is kept as written, as unknown, with a finding.
 */
import { Document } from 'yaml';
import { findProseDates } from '../domain/check/prose-dates.js';
import type { CellValue } from '../domain/model/cell-value.js';
import { weekdayOf } from '../domain/model/dates.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { fail, findingsOf, fromFindings, type Result } from '../domain/model/result.js';
import type { Table } from '../domain/model/table.js';
import type { TableFile } from '../domain/parse/schema.js';
import { findTable, type TableNumberSource, type WordCell, type WordTable } from './find-table.js';
import { mapColumns, type ColumnMap, type ColumnOverrides, type WordField } from './map-columns.js';
import { documentVersion, readDocumentProperties } from './properties.js';
import { normaliseSpace } from './xml.js';

/** Where the document came from, for the sources: what the user named, and its fingerprint. */
export interface DocumentOrigin {
  /** The file name as given (`MTAD.docx`). */
  fileName: string;
  /** The sha256 of its bytes, lowercase hex. */
  sha256: string;
}

/** Options of importWordTable. */
export interface ImportOptions {
  origin: DocumentOrigin;
  /** The caption's number; "17.6" by default. */
  tableNumber?: string;
  /**
   * Where tableNumber comes from (--table-number, by default, or the table file), for the finding of a missing caption.
   */
  numberFrom?: TableNumberSource;
  /** Headings named for fields (`--column endDate=Closure`). */
  columns?: ColumnOverrides;
  /** The document's version, when the user gives it; else read from its properties. */
  version?: string;
  /** The date the table reflects (the table file's asAt). */
  asAt: string;
  /** The table the import replaces, whose name, reading of end dates and applied amendments it keeps. */
  base?: Table;
}

/** An imported table: the table file as data, and its YAML text. */
export interface ImportedTable {
  file: TableFile;
  text: string;
  /** The table as read from the document, and which column is which, for comparisons. */
  word: WordTable;
  columns: ColumnMap;
}

type CellFile = TableFile['cohorts'][number]['endDate'];

/** Texts that stand for a value not yet known: kept as written, as unknown. */
const PLACEHOLDERS = new Set(['', 'tbc', 'tbd', 'tba', 'unknown', 'n/a', '-', '–', '—']);

/** The calendar date a cell's whole text names in UK long form ("31 January 2023", with or without its weekday). */
function readLongDate(text: string): string | undefined {
  const dates = findProseDates(text);
  const [date] = dates;
  if (dates.length !== 1 || !date?.date || date.offset !== 0 || date.written !== text) return undefined;
  if (date.weekday !== undefined && date.weekday !== weekdayOf(date.date)) return undefined;
  return date.date;
}

/** What an end-date cell's text is: none when empty, a date, or kept as written. */
export function readEndDateText(text: string): CellValue {
  const normal = normaliseSpace(text);
  if (normal === '') return { kind: 'none' };
  const date = readLongDate(normal);
  return date !== undefined ? { kind: 'date', date } : { kind: 'unknown', written: text };
}

/** What a GroupID cell's text is: the id, or kept as written when empty or a placeholder ("TBC"). */
export function readGroupIdText(text: string): CellValue {
  const normal = normaliseSpace(text);
  return PLACEHOLDERS.has(normal.toLowerCase()) ? { kind: 'unknown', written: text } : { kind: 'text', text: normal };
}

/**
 * Reads Table 17.6 from a .docx and makes the table file of it. Findings: those of findTable and
 * mapColumns (errors stop the import), a row without a cohort or a heading that cannot name a
 * column (errors), and a warning for each cell kept as written.
 */
export function importWordTable(docxBytes: Uint8Array, options: ImportOptions): Result<ImportedTable> {
  const tableNumber = options.tableNumber ?? '17.6';
  const found = findTable(docxBytes, { tableNumber, ...(options.numberFrom && { numberFrom: options.numberFrom }) });
  if (!found.ok) return found;
  const word = found.value;
  const mapped = mapColumns(word.headers, options.columns);
  if (!mapped.ok) return fail([...found.warnings, ...findingsOf(mapped)]);
  const properties = readDocumentProperties(docxBytes);
  if (!properties.ok) return properties;
  const { fields, extras } = mapped.value;
  const findings: Diagnostic[] = [...found.warnings];

  const { fileName, sha256 } = options.origin;
  const version = options.version ?? documentVersion(properties.value);
  const document = `${fileName} (sha256 ${sha256}${version !== undefined ? `, version ${version}` : ''})`;
  const headingOf = (column: number) => word.headers[column] ?? '';
  const at = (cell: WordCell) =>
    `${document}, Table ${tableNumber}, row ${cell.row + 1}, column ${cell.column + 1} ` +
    `(${JSON.stringify(headingOf(cell.column))}).`;

  for (const extra of extras) {
    const twice = extras.filter((e) => e.heading === extra.heading).length > 1;
    if (extra.heading === '' || twice)
      findings.push(diagnose('WORD_HEADING_UNUSABLE', { column: extra.column, heading: extra.heading }));
  }

  const cohorts: TableFile['cohorts'] = [];
  for (const cells of word.rows.slice(1)) {
    const cellAt = (column: number): WordCell => cells[column] ?? { row: cells[0]?.row ?? 0, column, text: '' };
    const cohortCell = cellAt(fields.cohort);
    const cohort = normaliseSpace(cohortCell.text);
    if (cohort === '') {
      findings.push(diagnose('WORD_COHORT_MISSING', { row: cohortCell.row }));
      continue;
    }
    // A merged cell, or any cell after one that spans columns, is not where its heading says.
    const spans = cells.some((c) => c.merge?.gridSpan !== undefined);
    const sourced = (field: Exclude<WordField, 'cohort'>, read: (text: string) => CellValue): CellFile => {
      const cell = cellAt(fields[field]);
      const merged = spans || cell.merge !== undefined;
      const value: CellValue = merged ? { kind: 'unknown', written: cell.text } : read(cell.text);
      if (value.kind !== 'unknown') return { value: fileValue(value), source: at(cell) };
      const heading = headingOf(cell.column);
      // A merged cell has its finding already (WORD_CELL_MERGED).
      if (!merged)
        findings.push(
          diagnose('WORD_VALUE_KEPT', { cohort, heading, row: cell.row, column: cell.column, text: cell.text, field }),
        );
      return {
        unknown:
          `The MTAD's cell ` +
          (merged
            ? 'is merged with another'
            : normaliseSpace(cell.text) === ''
              ? 'is empty'
              : `reads ${JSON.stringify(cell.text)}`) +
          ', ' +
          `which mtad does not read as ${field === 'endDate' ? 'an end date' : 'a GroupID'}; kept as written.`,
        source: at(cell),
        written: cell.text,
      };
    };
    const row: TableFile['cohorts'][number] = {
      cohort,
      groupId: sourced('groupId', readGroupIdText),
      endDate: sourced('endDate', readEndDateText),
    };
    if (extras.length > 0) row.extra = Object.fromEntries(extras.map((e) => [e.heading, cellAt(e.column).text]));
    cohorts.push(row);
  }

  const base = options.base;
  const meaning = base && endDateMeaningOf(base);
  const file: TableFile = {
    document: {
      name: base?.documentName ?? 'Migration Testing Approach Document',
      abbreviation: base?.documentAbbreviation ?? 'MTAD',
      version:
        version !== undefined
          ? {
              value: version,
              source:
                options.version !== undefined
                  ? `Given with --version when importing ${fileName} (sha256 ${sha256}).`
                  : `${fileName} (sha256 ${sha256}), its document properties.`,
            }
          : {
              unknown: `${fileName} states no version in its document properties, and none was given with --version.`,
              source: `${fileName} (sha256 ${sha256}), its document properties.`,
            },
    },
    table: {
      number: tableNumber,
      title:
        word.title !== ''
          ? { value: word.title, source: `${document}, the caption ${JSON.stringify(word.caption)}.` }
          : {
              unknown: `The caption ${JSON.stringify(word.caption)} gives no title.`,
              source: `${document}, the caption.`,
            },
      ...(meaning && { endDateMeaning: meaning }),
      columns: {
        cohort: headingOf(fields.cohort),
        groupId: headingOf(fields.groupId),
        endDate: headingOf(fields.endDate),
        ...(extras.length > 0 && { extra: extras.map((e) => e.heading) }),
        source: `${document}, the heading row of Table ${tableNumber}.`,
        chosenBy: 'dcc',
      },
    },
    asAt: options.asAt,
    applied: base ? [...base.applied] : [],
    cohorts,
  };
  return fromFindings({ file, text: renderTableFile(file, options.origin), word, columns: mapped.value }, findings);
}

/** A read value as the table file writes it. */
function fileValue(value: Exclude<CellValue, { kind: 'unknown' }>): string {
  return value.kind === 'none' ? 'none' : value.kind === 'date' ? value.date : value.text;
}

/** The base table's reading of end dates, as the table file writes it. */
function endDateMeaningOf(base: Table): NonNullable<TableFile['table']['endDateMeaning']> | undefined {
  const { reading, status, note, source } = base.endDateMeaning;
  return note !== undefined && source !== undefined ? { reading, status, note, source } : undefined;
}

/** The table file's YAML text, with a header that says where it came from. */
function renderTableFile(file: TableFile, origin: DocumentOrigin): string {
  const document = new Document(file);
  document.commentBefore = [
    ' yaml-language-server: $schema=../schema/table.schema.json',
    '',
    ` Table ${file.table.number} of the ${file.document.name} (${file.document.abbreviation}), imported by`,
    ` mtad import from ${origin.fileName} (sha256 ${origin.sha256}).`,
    ' Every value is sourced to the document; a cell mtad does not read as a value is kept as written',
    ' (written:) and recorded as unknown.',
  ].join('\n');
  return document.toString({ lineWidth: 0 });
}
