/**
 * Which column of a Word table is which field. Headings differ between documents ("GroupID",
 * "Group ID", "Migration DUST End Date", "End date"), so they are matched on their letters and
 * digits alone; the user names a column with an override when the heading says something else.
 */
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { fail, succeed, type Result } from '../domain/model/result.js';

/** The fields mtad reads from Table 17.6. */
export const WORD_FIELDS = ['cohort', 'groupId', 'endDate'] as const;
export type WordField = (typeof WORD_FIELDS)[number];

/** Headings named by the user for fields, e.g. `{ endDate: 'Closure' }`. */
export type ColumnOverrides = Partial<Record<WordField, string>>;

/** A column the fields do not claim: kept verbatim. */
export interface ExtraColumn {
  column: number;
  heading: string;
}

/** The column index of each field, and the other columns. */
export interface ColumnMap {
  fields: Record<WordField, number>;
  extras: ExtraColumn[];
}

/** A heading reduced to lower-case letters and digits: "Group ID" and "GroupID" agree. */
export const headingKey = (heading: string): string => heading.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The key a heading must contain to be a field's column, when no override names it. */
const FIELD_KEYS: Record<WordField, string> = { cohort: 'cohort', groupId: 'groupid', endDate: 'enddate' };

/**
 * Maps a table's headings to cohort, groupId and endDate: an override names the heading (compared
 * case- and space-insensitively), else the one heading containing "cohort", "group id" or "end date".
 * Every other column is an extra column. A field with no column, or with several candidates, is a
 * finding.
 */
export function mapColumns(headers: readonly string[], overrides: ColumnOverrides = {}): Result<ColumnMap> {
  const findings: Diagnostic[] = [];
  const claimed = new Map<number, WordField>();
  const fields: Partial<Record<WordField, number>> = {};
  const listed = headers.map((h) => JSON.stringify(h)).join(', ');
  for (const field of WORD_FIELDS) {
    const override = overrides[field];
    if (override === undefined) continue;
    const column = headers.findIndex((h, i) => headingKey(h) === headingKey(override) && !claimed.has(i));
    if (column < 0) findings.push(diagnose('WORD_COLUMN_UNMAPPED', { field, headings: listed, override }));
    else {
      fields[field] = column;
      claimed.set(column, field);
    }
  }
  for (const field of WORD_FIELDS) {
    if (overrides[field] !== undefined) continue;
    const candidates = headers
      .map((h, i) => i)
      .filter((i) => !claimed.has(i) && headingKey(headers[i] ?? '').includes(FIELD_KEYS[field]));
    if (candidates.length === 0) findings.push(diagnose('WORD_COLUMN_UNMAPPED', { field, headings: listed }));
    else if (candidates.length > 1)
      findings.push(
        diagnose('WORD_COLUMN_AMBIGUOUS', {
          field,
          headings: candidates.map((i) => JSON.stringify(headers[i])).join(', '),
        }),
      );
    else {
      fields[field] = candidates[0]!;
      claimed.set(candidates[0]!, field);
    }
  }
  if (findings.length > 0) return fail(findings);
  const extras = headers.flatMap((heading, column) => (claimed.has(column) ? [] : [{ column, heading }]));
  return succeed({ fields: fields as Record<WordField, number>, extras }, findings);
}
