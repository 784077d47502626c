import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Amendment, Change } from '../../src/domain/model/amendment.js';
import { FORBIDDEN_CHARACTER, parseYaml } from '../../src/domain/parse/yaml-source.js';
import { valueOf } from './result.js';
import type { CohortRow, Table } from '../../src/domain/model/table.js';
import { UNRECORDED_END_DATE_MEANING } from '../../src/domain/model/table.js';
import { writeCell, type CellValue } from '../../src/domain/model/cell-value.js';
import { amendment } from './data.js';

/*
 * Generators for property tests: tables and amendments as mtad holds them once read, with the
 * values real data has (none, unknown, dates, leap days) and the names hostile data has (unicode,
 * markup). What a file could not hold (a control character) is left out: the reader refuses it.
 */

/** A calendar date YYYY-MM-DD between 1999 and 2099, leap days included more often than by chance. */
const isoDate: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .date({ min: new Date('1999-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  { weight: 1, arbitrary: fc.constantFrom('2000-02-29', '2024-02-29', '2028-02-29', '2023-01-31', '2023-12-31') },
);

/**
 * A calendar date anywhere mtad supports (0001-01-01 to 9999-12-31), dates near either end more
 * often than by chance: where a window or a proposed timeline leaves the range.
 */
export const extremeIsoDate: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  {
    weight: 2,
    arbitrary: fc
      .date({ min: new Date('9999-08-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  {
    weight: 2,
    arbitrary: fc
      .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('0001-04-30T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0001-01-01',
      '0001-02-27',
      '0001-02-28',
      '9999-08-19',
      '9999-08-20',
      '9999-11-30',
      '9999-12-01',
      '9999-12-31',
      '0004-02-29',
      '9996-02-29',
    ),
  },
);

/** Markup of every kind mtad renders into: HTML, Markdown, WordprocessingML, XML, YAML. */
const markup: fc.Arbitrary<string> = fc.constantFrom(
  '<script>alert(1)</script>',
  '**b**',
  '_i_',
  '`c`',
  '| pipe |',
  ']]>',
  '&amp;',
  '<w:t>x</w:t>',
  '# h',
  '[l](javascript:x)',
  '"q"',
  "O'Brien",
  '- item',
  '!todo',
  '*alias',
  '&anchor',
  'key: value',
  '\\',
);

/** Text a file can hold on one line: any unicode but controls and line breaks, trimmed, not empty. */
const lineText: fc.Arbitrary<string> = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .map((text) => text.replace(/[\t\u2028\u2029]/g, ' ').trim())
  .filter((text) => text.length > 0 && !FORBIDDEN_CHARACTER.test(text) && !/[\r\n]/.test(text));

/** A cohort name: like the MTAD's ("MOC (Secure)"), or unicode, or with markup in it. */
export const cohortName: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Z]{3}( \([A-Za-z]{2,6}\))?$/),
  lineText,
  fc.tuple(fc.stringMatching(/^[A-Z]{3}$/), markup).map(([name, mark]) => `${name} ${mark}`),
);

/** A GroupID: two capitals, or unknown. */
const groupId: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant<CellValue>({ kind: 'unknown' }),
  fc.stringMatching(/^[A-Z]{2}$/).map((text): CellValue => ({ kind: 'text', text })),
);

/** An end date: none, unknown (sometimes bounded), or a date. */
const endDate: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant<CellValue>({ kind: 'none' }),
  fc.constant<CellValue>({ kind: 'unknown' }),
  isoDate.map((notAfter): CellValue => ({ kind: 'unknown', note: 'Not public.', notAfter })),
  isoDate.map((date): CellValue => ({ kind: 'date', date })),
);

const TABLE_META: Omit<Table, 'cohorts' | 'applied' | 'asAt'> = {
  documentName: 'Migration Testing Approach Document',
  documentAbbreviation: 'MTAD',
  version: { kind: 'unknown', note: 'generated' },
  number: '17.6',
  title: { kind: 'unknown', note: 'generated' },
  columns: { cohort: 'Cohort', groupId: 'GroupID', endDate: 'Migration DUST end date' },
  headingsBy: 'mtad',
  endDateMeaning: UNRECORDED_END_DATE_MEANING,
};

/** A value a change sets, as an amendment file can write it: none, unknown (no note, no bound) or a date. */
const changeValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant<CellValue>({ kind: 'none' }),
  fc.constant<CellValue>({ kind: 'unknown' }),
  isoDate.map((date): CellValue => ({ kind: 'date', date })),
);

/** Rows with the given names, in that order. */
export const rowsNamed = (names: readonly string[]): fc.Arbitrary<CohortRow[]> =>
  fc.tuple(
    ...names.map((cohort) => fc.record({ cohort: fc.constant(cohort), groupId, endDate, sources: fc.constant({}) })),
  );

/** A table of 1 to `maxRows` cohorts with distinct names. */
export const table = (maxRows = 6): fc.Arbitrary<Table> =>
  fc
    .tuple(fc.uniqueArray(cohortName, { minLength: 1, maxLength: maxRows }), isoDate)
    .chain(([names, asAt]) =>
      rowsNamed(names).map((cohorts): Table => ({ ...TABLE_META, asAt, applied: [], cohorts })),
    );

const origin = valueOf(parseYaml('{}', 'generated.yaml')).source;

/**
 * An amendment of 1 to 5 changes consistent with `t`: each change expects the value the earlier
 * ones left, so that it applies; a change may name the same cohort as an earlier one.
 */
export const amendmentFor = (t: Table, id = 'generated'): fc.Arbitrary<Amendment> =>
  fc
    .array(fc.tuple(fc.nat({ max: t.cohorts.length - 1 }), changeValue, fc.boolean()), { minLength: 1, maxLength: 5 })
    .map((picks) => {
      const values = t.cohorts.map((row) => row.endDate);
      const changes = picks.map(([row, to, statesGroupId], index): Change => {
        const cohort = t.cohorts[row]!;
        // As a file writes it: "unknown", whatever the table notes about its unknown value.
        const from = values[row]!.kind === 'unknown' ? { kind: 'unknown' as const } : values[row]!;
        values[row] = to;
        return {
          index,
          action: to.kind === 'none' ? 'reopen' : 'close',
          cohort: cohort.cohort,
          ...(statesGroupId && cohort.groupId.kind === 'text' && { groupId: cohort.groupId.text }),
          field: 'endDate',
          from,
          to,
        };
      });
      return { ...amendment('mdust-close-moc-secure'), id, changes, origin };
    });

/** A table and an amendment that applies to it. */
export const tableAndAmendment = (maxRows = 6): fc.Arbitrary<[Table, Amendment]> =>
  table(maxRows).chain((t) => fc.tuple(fc.constant(t), amendmentFor(t)));

/** A cell as a table file writes it. */
function cellFile(value: CellValue, unknownNote: string): Record<string, string> {
  if (value.kind !== 'unknown') return { value: writeCell(value) };
  return { unknown: value.note ?? unknownNote, ...(value.notAfter !== undefined && { notAfter: value.notAfter }) };
}

/** The text of a table file holding `t`, as a person would write it (yaml's own quoting). */
export function tableFileText(t: Table): string {
  return stringify(
    {
      document: {
        name: t.documentName,
        abbreviation: t.documentAbbreviation,
        version: cellFile(t.version, 'Not stated.'),
      },
      table: { number: t.number, title: cellFile(t.title, 'Not stated.'), columns: t.columns },
      asAt: t.asAt,
      applied: t.applied,
      cohorts: t.cohorts.map((row) => ({
        cohort: row.cohort,
        groupId: cellFile(row.groupId, 'Not public.'),
        endDate: cellFile(row.endDate, 'Not public.'),
      })),
    },
    { lineWidth: 0 },
  );
}

/** What a table says, cell by cell, without the notes on unknown values (which a file may word otherwise). */
export function cellsOf(t: Table): { cohort: string; groupId: string; endDate: string; notAfter?: string }[] {
  return t.cohorts.map((row) => ({
    cohort: row.cohort,
    groupId: `${row.groupId.kind}:${writeCell(row.groupId)}`,
    endDate: `${row.endDate.kind}:${writeCell(row.endDate)}`,
    ...(row.endDate.kind === 'unknown' && row.endDate.notAfter !== undefined && { notAfter: row.endDate.notAfter }),
  }));
}
