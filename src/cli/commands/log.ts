import { planLog } from '../../app/log.js';
import type { LogFormat } from '../../app/log-formats.js';
import { loadHistory } from '../history-inputs.js';
import { readConclusionOf } from '../conclusion-inputs.js';
import { resolveTablePath } from '../inputs.js';
import type { Conclusion } from '../../domain/model/conclusion.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { findingsOf } from '../../domain/model/result.js';

export interface LogOptions extends CommonOptions {
  table?: string;
  format: LogFormat;
}

/** Lists every amendment in sequence: id, status, cohorts and the date of each step. */
export async function runLog(options: LogOptions): Promise<Outcome> {
  const history = await loadHistory(options.cwd, options.table);
  if (!history.ok) return failWith(findingsOf(history), options.styler);
  const { input, amendments, drafts, corrections } = history.value;
  const tablePath = resolveTablePath(options.cwd, options.table);
  const conclusions: Conclusion[] = [];
  for (const amendment of amendments) {
    const read = await readConclusionOf(options.cwd, tablePath, amendment.id);
    if (!read.ok) return failWith(findingsOf(read), options.styler);
    if (read.value.conclusion) conclusions.push(read.value.conclusion);
  }
  const { report } = planLog({
    table: input.table,
    amendments,
    conclusions,
    drafts: drafts.map((d) => ({ amendment: d.amendment, toDecide: d.toDecide.length })),
    corrections,
    format: options.format,
    styler: options.styler,
  });
  return succeed(report, options.styler);
}
