import { displayRow } from '../domain/apply.js';
import { compareDates } from '../domain/dates.js';
import { COLUMN_KEYS, type Table } from '../domain/table.js';
import { displayCell } from '../domain/values.js';
import { tableCaption } from './redline-text.js';
import { alignColumns, type Styler } from './style.js';

/** The cohorts for which Migration DUST is still provided on `date`: no end date, or one not yet past. */
export function cohortsProvidedOn(table: Table, date: string): string[] {
  return table.cohorts
    .filter((row) => row.endDate.kind === 'none' || (row.endDate.kind === 'date' && compareDates(row.endDate.date, date) >= 0))
    .map((row) => row.cohort);
}

/** Table 17.6 for a terminal, with where each unknown value would be found. */
export function renderTableText(table: Table, styler: Styler): string {
  const caption = tableCaption({ ...table, title: displayCell(table.title), version: displayCell(table.version) });
  const rows = alignColumns([COLUMN_KEYS.map((key) => styler.heading(table.columns[key])), ...table.cohorts.map(displayRow)]);
  const unknowns = table.cohorts.flatMap((row) =>
    (['groupId', 'endDate'] as const).flatMap((key) => {
      const cell = row[key];
      return cell.kind === 'unknown' ? [`  ${row.cohort}, ${table.columns[key]}: unknown. ${cell.note ?? ''}`.trimEnd()] : [];
    }),
  );
  return [
    styler.heading(caption),
    `as at ${displayCell({ kind: 'date', date: table.asAt })}; reflects ${table.applied.length ? table.applied.join(', ') : 'no amendment'}`,
    '',
    ...rows,
    '',
    'The end date is the last day on which Migration DUST is provided for the cohort.',
    `Migration DUST provided on ${displayCell({ kind: 'date', date: table.asAt })}: ${cohortsProvidedOn(table, table.asAt).join(', ') || 'no cohort'}.`,
    ...(unknowns.length ? ['', 'Not public (recorded as unknown):', ...unknowns] : []),
    '',
  ].join('\n');
}
