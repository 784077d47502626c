import type { Amendment } from '../domain/model/amendment.js';
import { isIsoDate } from '../domain/model/dates.js';
import { diagnose, suggestNearest, type Diagnostic } from '../domain/model/diagnostics.js';
import type { Table } from '../domain/model/table.js';
import { fail, findingsOf, type Result } from '../domain/model/result.js';
import type { AmendReport } from '../domain/documents/amend-report.js';
import { diffTables } from '../domain/documents/redline.js';
import { summariseAmendments } from '../domain/documents/summary.js';
import {
  changesBetween,
  tableAfter,
  tableAsAt,
  undatedEffectsBetween,
  type Include,
  type TableAtPoint,
} from '../domain/history/table-history.js';
import { REPORT_FORMATS } from '../render/report.js';
import type { ReportFormat } from '../render/report-formats.js';
import type { Styler } from '../render/style.js';

/** What `mtad diff` works from, gathered by the CLI: the table and its history, and the two points. */
export interface DiffInputs {
  table: Table;
  /** The complete amendments, in sequence. */
  amendments: readonly Amendment[];
  /** Each a date (YYYY-MM-DD) or an amendment id (just after it). */
  from: string;
  to: string;
  include: Include;
  format: ReportFormat;
  redlineOnly: boolean;
  styler: Styler;
}

/** What `mtad diff` prints, or why it cannot. */
export type DiffPlan = { kind: 'refused'; diagnostics: Diagnostic[] } | { kind: 'report'; report: string };

/** A point in the table's history: a date (YYYY-MM-DD), or an amendment id (just after it). */
function resolvePoint(inputs: DiffInputs, option: string, point: string): Result<TableAtPoint> {
  const { table, amendments } = inputs;
  if (isIsoDate(point)) return tableAsAt(table, amendments, point, { include: inputs.include });
  const after = tableAfter(table, amendments, point);
  if (after) return after;
  const ids = amendments.map((a) => a.id);
  const nearest = suggestNearest(point, ids);
  const expected = { kind: 'history-point' as const, ids, ...(nearest !== undefined && { nearest }) };
  return fail([diagnose('ARGUMENT_INVALID', { option, value: point, expected })]);
}

/** The redline of Table 17.6 between two points of its history, in any format `amend` has. */
export function planDiff(inputs: DiffInputs): DiffPlan {
  const from = resolvePoint(inputs, '--from', inputs.from);
  const to = resolvePoint(inputs, '--to', inputs.to);
  if (!from.ok || !to.ok) return { kind: 'refused', diagnostics: [...findingsOf(from), ...findingsOf(to)] };
  const changes = changesBetween(from.value, to.value);
  const involved = inputs.amendments.filter((a) => changes.some((c) => c.amendmentId === a.id));
  const report: AmendReport = {
    redline: diffTables(from.value.table, to.value.table),
    changes,
    summaries: summariseAmendments(involved, changes),
    directions: [],
    endDateMeaning: to.value.table.endDateMeaning,
    // Between two dates, an amendment whose date of effect is not recorded may lie in the span
    // while the redline shows nothing of it: the report says so.
    ...(from.value.provision &&
      to.value.provision && { undated: undatedEffectsBetween(from.value, to.value, changes) }),
  };
  return {
    kind: 'report',
    report: REPORT_FORMATS[inputs.format](report, { styler: inputs.styler, redlineOnly: inputs.redlineOnly }),
  };
}
