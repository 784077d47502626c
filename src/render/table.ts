import { providedOn, type Provision } from '../domain/history/table-history.js';
import { COLUMN_KEYS, type CohortRow, type Table } from '../domain/model/table.js';
import { displayCell } from '../domain/model/cell-value.js';
import { describeEndDateRule } from './end-date-meaning.js';
import { tableCaption } from './redline-text.js';
import { alignColumns, type Styler } from './style.js';

/** The text of every cell of a row, in column order. */
function displayRow(row: CohortRow, extras: readonly string[]): string[] {
  return [row.cohort, displayCell(row.groupId), displayCell(row.endDate), ...extras.map((h) => row.extra?.[h] ?? '')];
}

/** "Migration DUST provided on …: …", naming the cohorts for which the data cannot tell. */
function provisionLine(table: Table, provision: readonly Provision[]): string {
  const names = (which: Provision['provided']) => provision.filter((p) => p.provided === which).map((p) => p.cohort);
  const unknown = names('unknown');
  const date = displayCell({ kind: 'date', date: table.asAt });
  return (
    `Migration DUST provided on ${date}: ` +
    `${names('yes').join(', ') || 'no cohort'}.${unknown.length ? ` Not known for: ${unknown.join(', ')}.` : ''}`
  );
}

/**
 * Table 17.6 for a terminal, with where each unknown value would be found. `provision` says for
 * which cohorts Migration DUST was provided on the table's asAt date (by default, read from the
 * end dates).
 */
export function renderTableText(table: Table, styler: Styler, provision?: readonly Provision[]): string {
  const caption = tableCaption(table);
  const extras = table.extraColumns ?? [];
  const rows = alignColumns([
    [...COLUMN_KEYS.map((key) => table.columns[key]), ...extras].map((heading) => styler.heading(heading)),
    ...table.cohorts.map((row) => displayRow(row, extras)),
  ]);
  const unknowns = table.cohorts.flatMap((row) =>
    (['groupId', 'endDate'] as const).flatMap((key) => {
      const cell = row[key];
      if (cell.kind !== 'unknown') return [];
      const bound = cell.notAfter ? ` It is ${displayCell({ kind: 'date', date: cell.notAfter })} at the latest.` : '';
      return [`  ${row.cohort}, ${table.columns[key]}: unknown. ${cell.note ?? ''}${bound}`.trimEnd()];
    }),
  );
  return [
    styler.heading(caption),
    `as at ${displayCell({ kind: 'date', date: table.asAt })}; reflects ` +
      `${table.applied.length ? table.applied.join(', ') : 'no amendment'}`,
    '',
    ...rows,
    '',
    describeEndDateRule(table.endDateMeaning),
    provisionLine(
      table,
      provision ?? table.cohorts.map((row) => ({ cohort: row.cohort, provided: providedOn(row, table.asAt) })),
    ),
    ...(unknowns.length ? ['', 'Not public (recorded as unknown):', ...unknowns] : []),
    '',
  ].join('\n');
}
