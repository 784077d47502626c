/**
 * The lines `mtad amend` prints besides its report: that there is nothing to apply, and what
 * --write wrote.
 */

/** What `mtad amend` found already reflected, when nothing is left to apply. */
export interface NothingPending {
  write: boolean;
  /** The table file, as named on the terminal. */
  tableShown: string;
  /** The amendments named on the command line; none: the folder's pending ones were looked for. */
  named: readonly string[];
  /** The amendments the table reflects, listed when none was named. */
  applied: readonly string[];
  folderShown: string;
}

/** "Nothing to apply: data/table-17.6.yaml already reflects every amendment in data/amendments (a, b)." */
export function renderNothingPending(nothing: NothingPending): string {
  const named = nothing.named.length > 0;
  const what = named ? `amendment ${nothing.named.join(', ')}` : `every amendment in ${nothing.folderShown}`;
  const reflected = !named && nothing.applied.length > 0 ? ` (${nothing.applied.join(', ')})` : '';
  const verb = nothing.write ? 'write' : 'apply';
  return `Nothing to ${verb}: ${nothing.tableShown} already reflects ${what}${reflected}.\n`;
}

/** "Wrote data/table-17.6.yaml: it now reflects a, b, as at 2023-01-31." */
export function renderTableWritten(written: { tableShown: string; applied: readonly string[]; asAt: string }): string {
  return `Wrote ${written.tableShown}: it now reflects ${written.applied.join(', ')}, as at ${written.asAt}.\n`;
}
