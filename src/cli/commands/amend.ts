import { applyAmendments } from '../../domain/apply.js';
import { hasErrors } from '../../domain/diagnostics.js';
import { buildAmendReport } from '../../domain/report.js';
import { displayPath, readAmendments, readTemplate } from '../../io/read.js';
import { REPORT_FORMATS, type ReportFormat } from '../../render/report.js';
import { amendmentsDirOf, inSequence, loadAmendmentFolder, loadTable, resolveAmendmentPaths, resolveTablePath } from '../inputs.js';
import { writeAmendPack } from './amend-pack.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';

export interface AmendOptions extends CommonOptions {
  amendments: string[];
  table?: string;
  format: ReportFormat;
  redlineOnly: boolean;
  /** Write the consultation pack into this folder instead of printing the report. */
  out?: string;
  /** Replace the --out folder when it exists. */
  force?: boolean;
  /** The author of the redline's tracked changes. */
  author?: string;
}

/**
 * Applies amendments to Table 17.6 and renders the redline, the direction and a summary. With no
 * amendment named, applies those in the amendments folder that the table does not yet reflect.
 * Changes no file; with `out`, writes the consultation pack into that new folder instead.
 */
export async function runAmend(options: AmendOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const tableRead = await loadTable(cwd, options.table);
  if (!tableRead.value || hasErrors(tableRead.diagnostics)) return failWith(tableRead.diagnostics, styler);
  const { table } = tableRead.value;
  const tablePath = resolveTablePath(cwd, options.table);
  const folder = amendmentsDirOf(tablePath);

  let amendmentsRead;
  if (options.amendments.length > 0) {
    amendmentsRead = await readAmendments(resolveAmendmentPaths(cwd, options.amendments, folder), cwd);
  } else {
    amendmentsRead = await loadAmendmentFolder(folder, cwd);
  }
  if (!amendmentsRead.value || hasErrors(amendmentsRead.diagnostics)) return failWith(amendmentsRead.diagnostics, styler);

  const explicit = options.amendments.length > 0;
  const pending = inSequence(amendmentsRead.value).filter((a) => explicit || (!table.applied.includes(a.id) && a.status !== 'withdrawn'));
  if (pending.length === 0) {
    const reflected = table.applied.length ? ` (${table.applied.join(', ')})` : '';
    return succeed(`Nothing to apply: ${displayPath(tablePath, cwd)} already reflects every amendment in ${displayPath(folder, cwd)}${reflected}.\n`, styler);
  }

  const applied = applyAmendments(table, pending);
  if (!applied.value || hasErrors(applied.diagnostics)) return failWith(applied.diagnostics, styler);

  const template = await readTemplate('direction.txt', cwd);
  if (template.value === undefined) return failWith(template.diagnostics, styler);
  const report = buildAmendReport(applied.value, pending, template.value);
  if (options.out !== undefined) {
    const pack = { cwd, styler, out: options.out, force: options.force ?? false, ...(options.author !== undefined && { author: options.author }) };
    return writeAmendPack(pack, { table: tableRead.value, application: applied.value, amendments: pending, report });
  }
  const render = REPORT_FORMATS[options.format];
  return succeed(render(report, { styler, redlineOnly: options.redlineOnly }), styler, applied.diagnostics);
}
