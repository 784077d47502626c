import type { Amendment } from '../domain/model/amendment.js';
import type { Table } from '../domain/model/table.js';
import type { Conclusion } from '../domain/model/conclusion.js';
import { logEntries, renderLogText } from '../render/log.js';
import type { Styler } from '../render/style.js';
import { correctionLogEntries, renderCorrectionLog } from '../render/corrections.js';
import type { Correction } from '../domain/history/corrections.js';
import type { LogFormat } from './log-formats.js';

/** What `mtad log` works from, gathered by the CLI: the table, its amendments and the drafts beside it. */
export interface LogInputs {
  table: Table;
  amendments: readonly Amendment[];
  /** Drafts with the number of their fields still to decide. */
  drafts: readonly { amendment: Amendment; toDecide: number }[];
  /** The conclusions beside the table, each of its amendment. */
  conclusions?: readonly Conclusion[];
  format: LogFormat;
  styler: Styler;
  /** The corrections of values, in the order recorded. */
  corrections?: readonly Omit<Correction, 'origin'>[];
}

/**
 * The log: every amendment in sequence with its id, status, cohorts and the date of each step (issued, responses due,
 * concluded, with effect from).
 */
export function planLog(inputs: LogInputs): { report: string } {
  const { table } = inputs;
  const entries = logEntries(table, [
    ...inputs.amendments.map((amendment) => {
      const conclusion = inputs.conclusions?.find((c) => c.amendment === amendment.id);
      return { amendment, toDecide: 0, ...(conclusion && { conclusion }) };
    }),
    ...inputs.drafts,
  ]);
  const corrections = correctionLogEntries(inputs.corrections ?? []);
  // The corrections are listed only when there is one, so that a log without them keeps its shape.
  const report =
    inputs.format === 'json'
      ? JSON.stringify(
          {
            table: { asAt: table.asAt, applied: table.applied },
            amendments: entries,
            ...(corrections.length > 0 && { corrections }),
          },
          null,
          2,
        ) + '\n'
      : [renderLogText(entries, table, inputs.styler), renderCorrectionLog(corrections, inputs.styler)]
          .filter((part) => part !== '')
          .join('\n');
  return { report };
}
