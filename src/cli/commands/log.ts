import type { LogFormat } from '../log-formats.js';
import { logEntries, renderLogText } from '../../render/log.js';
import { loadHistory } from '../history-inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';


export interface LogOptions extends CommonOptions {
  table?: string;
  format: LogFormat;
}

/** Lists every amendment in sequence: id, status, cohorts and the date of each step. */
export async function runLog(options: LogOptions): Promise<Outcome> {
  const history = await loadHistory(options.cwd, options.table);
  if (!history.value) return failWith(history.diagnostics, options.styler);
  const { input, amendments, drafts } = history.value;
  const entries = logEntries(input.table, [...amendments.map((amendment) => ({ amendment, toDecide: 0 })), ...drafts.map((d) => ({ amendment: d.amendment, toDecide: d.toDecide.length }))]);
  const text = options.format === 'json' ? `${JSON.stringify({ table: { asAt: input.table.asAt, applied: input.table.applied }, amendments: entries }, null, 2)}\n` : renderLogText(entries, input.table, options.styler);
  return succeed(text, options.styler);
}
