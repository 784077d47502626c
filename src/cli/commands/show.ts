import { planShow, type ShowInputs } from '../../app/show.js';
import { hasErrors } from '../../domain/model/diagnostics.js';
import type { Include } from '../../domain/history/table-history.js';
import { readTemplate } from '../../io/read.js';
import { withFinalValues } from '../conclusion-inputs.js';
import { loadHistory } from '../history-inputs.js';
import { loadTable, resolveTablePath } from '../inputs.js';
import { openDefaultCheckCache } from '../../io/check-cache.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { findingsOf } from '../../domain/model/result.js';
import { readDateOption } from '../clock.js';

export interface ShowOptions extends CommonOptions {
  table?: string;
  /** Show the table as it stood on this date (YYYY-MM-DD) instead of as the file holds it. */
  asAt?: string;
  include?: Include;
  /** mtad's version, and the hash of its code when it runs bundled: the key of check's cache. */
  version: string;
  codeHash?: string;
}

/** Prints Table 17.6 as the table file holds it, or as it stood on a date, with what each closure means. */
export async function runShow(options: ShowOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const template = await readTemplate('closure-effect.txt', cwd);
  if (!template.ok) return failWith(findingsOf(template), styler);
  let view: ShowInputs['view'];
  if (options.asAt === undefined) {
    // Check's cache, when it holds the table as it is, saves parsing it; show never writes the cache.
    const cache = await openDefaultCheckCache(resolveTablePath(cwd, options.table), cwd, options, { readOnly: true });
    const read = await loadTable(cwd, options.table, { checked: false, memo: cache?.memo });
    if (!read.ok) return failWith(findingsOf(read), styler);
    view = { kind: 'file', table: read.value.table, warnings: findingsOf(read) };
  } else {
    const date = readDateOption('--as-at', options.asAt);
    if (!date.ok) return failWith(findingsOf(date), styler);
    const history = await loadHistory(cwd, options.table);
    if (!history.ok) return failWith(findingsOf(history), styler);
    // A concluded or made amendment stands in the history with its conclusion's final values, as --write makes it.
    const concluded = await withFinalValues(history.value.amendments, cwd, history.value.tablePath);
    if (hasErrors(concluded.diagnostics)) return failWith(concluded.diagnostics, styler);
    const { input } = history.value;
    const { amendments } = concluded;
    view = { kind: 'as-at', date: date.value, include: options.include ?? 'made', table: input.table, amendments };
  }
  const plan = planShow({ styler, closureEffect: template.value, view });
  if (plan.kind === 'refused') return failWith(plan.diagnostics, styler);
  return succeed(plan.report, styler, plan.warnings);
}
