import { describeCell, writeCell } from '../domain/model/cell-value.js';
import type { Correction } from '../domain/history/corrections.js';
import type { CorrectedField } from '../domain/model/diagnostics.js';
import { alignColumns, type Styler } from './style.js';

/** How a corrected cell is named. */
const FIELD_NAMES: Record<CorrectedField, string> = { endDate: 'Migration DUST end date', groupId: 'GroupID' };

/** One correction as `mtad log --format json` gives it. */
export interface CorrectionLogEntry {
  id: string;
  on: string;
  cohort: string;
  field: CorrectedField;
  from: string;
  to: string;
  corrects: string | null;
  by: string;
  source: string;
  reason: string | null;
}

/** The log entries of the corrections, in the order given (the order recorded). */
export function correctionLogEntries(corrections: readonly Omit<Correction, 'origin'>[]): CorrectionLogEntry[] {
  return corrections.map((c) => ({
    id: c.id,
    on: c.on,
    cohort: c.cohort,
    field: c.field,
    from: writeCell(c.from),
    to: writeCell(c.to),
    corrects: c.corrects ?? null,
    by: c.by,
    source: c.source,
    reason: c.reason ?? null,
  }));
}

/** The corrections as a terminal table under the log of amendments; nothing when there is none. */
export function renderCorrectionLog(entries: readonly CorrectionLogEntry[], styler: Styler): string {
  if (entries.length === 0) return '';
  const header = ['recorded', 'correction', 'cohort', 'field', 'from', 'to', 'corrects', 'by'].map((h) =>
    styler.heading(h),
  );
  const rows = entries.map((e) => [e.on, e.id, e.cohort, e.field, e.from, e.to, e.corrects ?? '-', e.by]);
  return [
    'Corrections (mtad correct): values stated on a source, for every date the history shows',
    ...alignColumns([header, ...rows]),
    ...entries.map((e) => `  ${e.id}: source: ${e.source}${e.reason === null ? '' : `; reason: ${e.reason}`}`),
    '',
  ].join('\n');
}

/** What `mtad correct` prints: the correction as a redline of its cell, and what it records. */
export function renderCorrection(
  correction: Omit<Correction, 'origin'>,
  files: readonly string[],
  written: boolean,
  styler: Styler,
): string {
  const cell = `${correction.cohort}, ${FIELD_NAMES[correction.field]}`;
  const lines = [
    `Correction ${correction.id} of Table 17.6${written ? '' : ' (not recorded: pass --write to record it)'}`,
    '',
    `  ${cell}: ${styler.deleted(describeCell(correction.from))} ${styler.inserted(describeCell(correction.to))}`,
    '',
    correction.corrects === undefined
      ? `  No amendment set this value: the correction states it for every date the history shows.`
      : `  It states the end date made amendment ${correction.corrects} set and recorded as unknown: the ` +
        `history shows it from the date that amendment counts, and before it the value it replaced.`,
    `  source:    ${correction.source}`,
    `  by:        ${correction.by}`,
    `  recorded:  ${correction.on}`,
    ...(correction.reason === undefined ? [] : [`  reason:    ${correction.reason}`]),
    '',
    written ? 'Wrote, together:' : 'Would write, together:',
    ...files.map((file) => `  ${file}`),
    '',
  ];
  return lines.join('\n');
}
