import type { CheckConfig } from '../../domain/check/check-config.js';
import { planDiff } from '../../app/diff.js';
import type { Include } from '../../domain/history/table-history.js';
import type { ReportFormat } from '../../render/report-formats.js';
import { checkBeforeDocuments } from '../check-gate.js';
import { hasErrors } from '../../domain/model/diagnostics.js';
import { withFinalValues } from '../conclusion-inputs.js';
import { loadHistory } from '../history-inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { findingsOf } from '../../domain/model/result.js';

export interface DiffOptions extends CommonOptions {
  table?: string;
  from: string;
  to: string;
  include?: Include;
  format: ReportFormat;
  redlineOnly: boolean;
  /** The configuration of `mtad check`, for the check the documents pass first. */
  config: CheckConfig;
}

/** Redlines Table 17.6 between two points of its history, in any format `amend` has. */
export async function runDiff(options: DiffOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const history = await loadHistory(cwd, options.table);
  if (!history.ok) return failWith(findingsOf(history), styler);
  // A redline says only what `mtad check` accepts of the history it is made from.
  const gate = await checkBeforeDocuments({
    cwd,
    styler,
    config: options.config,
    paths: [],
    ...(options.table !== undefined && { table: options.table }),
  });
  if ('failure' in gate) return gate.failure;
  // A concluded or made amendment stands in the history with its conclusion's final values, as --write makes it.
  const concluded = await withFinalValues(history.value.amendments, cwd, history.value.tablePath);
  if (hasErrors(concluded.diagnostics)) return failWith(concluded.diagnostics, styler);
  const plan = planDiff({
    table: history.value.input.table,
    amendments: concluded.amendments,
    from: options.from,
    to: options.to,
    include: options.include ?? 'made',
    format: options.format,
    redlineOnly: options.redlineOnly,
    styler,
  });
  return plan.kind === 'refused' ? failWith(plan.diagnostics, styler) : succeed(plan.report, styler);
}
