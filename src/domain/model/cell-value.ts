import { formatLongDate, isIsoDate, type IsoDate } from './dates.js';

/**
 * The value of one cell of Table 17.6. `none` is an end date not set (Migration DUST still
 * provided); `unknown` is a value that exists but is not public, and is shown as unknown.
 */
export type CellValue =
  | { kind: 'none' }
  | { kind: 'date'; date: IsoDate }
  | { kind: 'text'; text: string }
  | { kind: 'unknown'; note?: string; notAfter?: IsoDate; written?: string };

/**
 * What a cell shows in the table: a date in UK long form, "unknown" (or, for a value imported
 * from the MTAD that mtad does not read, the document's text as written), or nothing for `none`.
 */
export function displayCell(value: CellValue): string {
  switch (value.kind) {
    case 'none':
      return '';
    case 'date':
      return formatLongDate(value.date);
    case 'text':
      return value.text;
    case 'unknown':
      return value.written ?? 'unknown';
  }
}

/** How a value is named in a sentence: "no end date", "unknown", "31 January 2023". */
export function describeCell(value: CellValue): string {
  if (value.kind === 'unknown' && value.written !== undefined)
    return `unknown (written ${JSON.stringify(value.written)})`;
  return value.kind === 'none' ? 'none (no end date)' : displayCell(value);
}

/** The value as an amendment file writes it: "none", "unknown", a date or a text. */
export function writeCell(value: CellValue): string {
  switch (value.kind) {
    case 'none':
      return 'none';
    case 'date':
      return value.date;
    case 'text':
      return value.text;
    case 'unknown':
      return 'unknown';
  }
}

/** Equal for a precondition: the same kind and the same date or text. Two unknowns are equal. */
export function sameCell(a: CellValue, b: CellValue): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'date' && b.kind === 'date') return a.date === b.date;
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text;
  return true;
}

/** What went wrong reading a value: the date was impossible, or the word was not one allowed. */
export type CellProblem = 'DATE_INVALID' | 'VALUE_INVALID';

/** Reads an end-date value as written in a file: "none", "unknown" (changes only) or YYYY-MM-DD. */
export function readEndDate(text: string, allowUnknown: boolean): CellValue | CellProblem {
  if (text === 'none') return { kind: 'none' };
  if (allowUnknown && text === 'unknown') return { kind: 'unknown' };
  if (isIsoDate(text)) return { kind: 'date', date: text };
  return /\d/.test(text) ? 'DATE_INVALID' : 'VALUE_INVALID';
}

/** Reads a GroupID value as written in a change: "unknown" or the id. */
export function readGroupId(text: string): CellValue {
  return text === 'unknown' ? { kind: 'unknown' } : { kind: 'text', text };
}
