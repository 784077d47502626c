import { inSequence, knownDate, type Amendment, type TimelineDate } from '../domain/model/amendment.js';
import type { Table } from '../domain/model/table.js';
import type { Conclusion } from '../domain/model/conclusion.js';
import { alignColumns, type Styler } from './style.js';

/** One line of `mtad log`: an amendment, where it stands, and the date of each step. */
export interface LogEntry {
  sequence: number;
  id: string;
  status: Amendment['status'];
  /** The table file lists it under `applied`. */
  inTable: boolean;
  cohorts: string[];
  issued: string | null;
  responsesDue: string | null;
  concluded: string | null;
  expectedConclusion: string | null;
  /** From the conclusion, when there is one: DCC's decision and the day its report went to the department. */
  decision: Conclusion['decision'] | null;
  sentToDepartment: string | null;
  modification: string | null;
  withdrawn: string | null;
  reverts: string | null;
  /** Values still tagged !todo (a draft). */
  toDecide: number;
}

/** A step's date as data: the date, "unknown" (with its bounds), or null when not recorded at all. */
function stepDate(date: TimelineDate | undefined): string | null {
  if (date === undefined) return null;
  const known = knownDate(date);
  if (known) return known;
  const { notBefore, notAfter } = date as Exclude<TimelineDate, string>;
  if (notBefore && notAfter) return `unknown (${notBefore}..${notAfter})`;
  if (notAfter) return `unknown (by ${notAfter})`;
  if (notBefore) return `unknown (from ${notBefore})`;
  return 'unknown';
}

/**
 * The log entries of every amendment, in sequence; drafts carry how many fields are still to decide.
 * An amendment's conclusion, when it has one, gives the date it concluded and, once it is final, the
 * date the modification takes effect.
 */
export function logEntries(
  table: Table,
  amendments: readonly { amendment: Amendment; toDecide: number; conclusion?: Conclusion }[],
): LogEntry[] {
  return inSequence(amendments, (entry) => entry.amendment).map(({ amendment, toDecide, conclusion }) => ({
    sequence: amendment.sequence,
    id: amendment.id,
    status: amendment.status,
    inTable: table.applied.includes(amendment.id),
    cohorts: [...new Set(amendment.changes.map((c) => c.cohort))],
    issued: stepDate(amendment.consultation.issued),
    responsesDue: amendment.consultation.responsesDue
      ? `${amendment.consultation.responsesDue.date} ${amendment.consultation.responsesDue.time}`
      : null,
    concluded: conclusion?.concluded ?? stepDate(amendment.consultation.concluded),
    expectedConclusion: amendment.consultation.expectedConclusion ?? null,
    decision: conclusion?.decision ?? null,
    sentToDepartment: conclusion?.sentToDepartment ?? null,
    modification: conclusion?.final?.modification.date ?? stepDate(amendment.modification.date),
    withdrawn: stepDate(amendment.withdrawn),
    reverts: amendment.reverts ?? null,
    toDecide,
  }));
}

/** The conclusion column without a recorded conclusion: expected only while the amendment is not yet concluded. */
function concludedCell(entry: LogEntry): string {
  if (entry.status === 'concluded' || entry.status === 'made') return 'not recorded';
  return entry.expectedConclusion ? `expected ${entry.expectedConclusion}` : '-';
}

/** The log as an aligned table for a terminal. */
export function renderLogText(entries: readonly LogEntry[], table: Table, styler: Styler): string {
  const header = [
    'seq',
    'id',
    'status',
    'in table',
    'cohorts',
    'issued',
    'responses due',
    'concluded',
    'with effect from',
  ].map((h) => styler.heading(h));
  const rows = entries.map((e) => [
    String(e.sequence),
    e.id,
    e.toDecide > 0
      ? `${e.status}, draft: ${e.toDecide} to decide`
      : e.withdrawn
        ? `${e.status} ${e.withdrawn}`
        : e.status,
    e.inTable ? 'yes' : 'no',
    e.cohorts.join(', '),
    e.issued ?? '-',
    e.responsesDue ?? '-',
    e.concluded ?? concludedCell(e),
    e.modification ?? '-',
  ]);
  return [
    ...alignColumns([header, ...rows]),
    '',
    `The table (as at ${table.asAt}) reflects the amendments marked "in table". Dates are YYYY-MM-DD; ` +
      `"unknown (a..b)" is a date the data bounds but does not know.`,
    '',
  ].join('\n');
}
