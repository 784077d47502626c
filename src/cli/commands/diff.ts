import { isIsoDate } from '../../domain/model/dates.js';
import { diagnose, suggestNearest } from '../../domain/model/diagnostics.js';
import {
  changesBetween,
  tableAfter,
  tableAsAt,
  undatedEffectsBetween,
  type Include,
  type TableAtPoint,
} from '../../domain/history/table-history.js';
import { diffTables } from '../../domain/documents/redline.js';
import type { AmendReport } from '../../domain/documents/amend-report.js';
import { summariseAmendments } from '../../domain/documents/summary.js';
import type { Result } from '../../domain/parse/schema-validation.js';
import { REPORT_FORMATS, type ReportFormat } from '../../render/report.js';
import { checkBeforeDocuments } from '../check-gate.js';
import { loadHistory, type History } from '../history-inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';

export interface DiffOptions extends CommonOptions {
  table?: string;
  from: string;
  to: string;
  include?: Include;
  format: ReportFormat;
  redlineOnly: boolean;
}

/** A point in the table's history: a date (YYYY-MM-DD), or an amendment id (just after it). */
function resolvePoint(history: History, option: string, point: string, include: Include): Result<TableAtPoint> {
  const { table } = history.input;
  if (isIsoDate(point)) return tableAsAt(table, history.amendments, point, { include });
  const after = tableAfter(table, history.amendments, point);
  if (after) return after;
  const ids = history.amendments.map((a) => a.id);
  const nearest = suggestNearest(point, ids);
  const expected = `a date YYYY-MM-DD or an amendment id (${ids.join(', ')})${nearest === undefined ? '' : `; did you mean ${JSON.stringify(nearest)}?`}`;
  return { ok: false, diagnostics: [diagnose('ARGUMENT_INVALID', { option, value: point, expected })] };
}

/** Redlines Table 17.6 between two points of its history, in any format `amend` has. */
export async function runDiff(options: DiffOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const history = await loadHistory(cwd, options.table);
  if (!history.value) return failWith(history.diagnostics, styler);
  // A redline says only what `mtad check` accepts of the history it is made from.
  const gate = await checkBeforeDocuments({
    cwd,
    styler,
    paths: [],
    ...(options.table !== undefined && { table: options.table }),
  });
  if ('failure' in gate) return gate.failure;
  const include = options.include ?? 'made';
  const from = resolvePoint(history.value, '--from', options.from, include);
  const to = resolvePoint(history.value, '--to', options.to, include);
  if (!from.value || !to.value) return failWith([...from.diagnostics, ...to.diagnostics], styler);
  const changes = changesBetween(from.value, to.value);
  const involved = history.value.amendments.filter((a) => changes.some((c) => c.amendmentId === a.id));
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
  return succeed(REPORT_FORMATS[options.format](report, { styler, redlineOnly: options.redlineOnly }), styler);
}
