import type { AppliedChange } from '../domain/history/apply.js';
import type { Redline } from '../domain/documents/redline.js';
import type { AmendReport, DirectionText } from '../domain/documents/amend-report.js';
import type { AmendmentSummary } from '../domain/documents/summary.js';
import { writeCell, type CellValue } from '../domain/model/cell-value.js';
import { escapeHtml } from './escape.js';
import { renderMarkdownRedline } from './redline-markdown.js';
import { renderTerminalRedline, renderUnifiedRedline } from './redline-text.js';
import type { ReportFormat } from './report-formats.js';
import type { Styler } from './style.js';
import { summaryLines, undatedLines } from './summary.js';
import { findingsOf } from '../domain/model/result.js';

export interface ReportOptions {
  styler: Styler;
  /** Print the redline alone (a unified diff to pipe into `patch`, say). */
  redlineOnly: boolean;
}

type ReportRenderer = (report: AmendReport, options: ReportOptions) => string;

/** The direction's text, or a line that says what it lacks. */
function directionText({ text }: DirectionText): string {
  if (text.ok) return text.value;
  return `(no direction: ${findingsOf(text)
    .map((d) => ('field' in d.args ? `${d.args.field} is not recorded` : d.code))
    .join('; ')})\n`;
}

function textReport(redline: string, report: AmendReport, options: ReportOptions): string {
  if (options.redlineOnly) return redline;
  const { heading } = options.styler;
  const directions = report.directions.map(
    (d) => `${heading(`Direction for ${d.amendmentId} (${d.mode})`)}\n\n${directionText(d)}`,
  );
  const undated = undatedLines(report.undated ?? []);
  const dates = undated.length > 0 ? [`${heading('Dates not recorded')}\n\n${undated.join('\n')}\n`] : [];
  return [
    redline,
    ...directions,
    `${heading('Summary')}\n\n${summaryLines(report.summaries, report.endDateMeaning).join('\n')}\n`,
    ...dates,
  ].join('\n');
}

/** Indented summary lines as a nested Markdown list. */
function asMarkdownList(lines: readonly string[]): string[] {
  return lines.map((line) => `${'  '.repeat(Math.floor(line.search(/\S/) / 2))}- ${escapeHtml(line.trim())}`);
}

function markdownReport(report: AmendReport, options: ReportOptions): string {
  const redline = renderMarkdownRedline(report.redline);
  if (options.redlineOnly) return redline;
  const directions = report.directions.flatMap((d) => [
    `## Direction for ${d.amendmentId} (${d.mode})`,
    '',
    ...directionText(d)
      .trimEnd()
      .split('\n')
      .map((line) => (line ? `> ${escapeHtml(line)}` : '>')),
    '',
  ]);
  const undated = undatedLines(report.undated ?? []);
  const dates = undated.length > 0 ? ['', '## Dates not recorded', '', ...asMarkdownList(undated)] : [];
  return [
    '## Redline',
    '',
    redline,
    ...directions,
    '## Summary',
    '',
    ...asMarkdownList(summaryLines(report.summaries, report.endDateMeaning)),
    ...dates,
    '',
  ].join('\n');
}

/** The applied changes as data, each value as an amendment file writes it. */
export function changesAsJson(changes: readonly AppliedChange[]): object[] {
  return changes.map((change) => ({
    amendment: change.amendmentId,
    action: change.action,
    cohort: change.cohort,
    groupId: writeCell(change.groupId),
    field: change.field,
    from: writeCell(change.from),
    to: writeCell(change.to),
    ...(change.windowMonths !== undefined && { windowMonths: change.windowMonths }),
  }));
}

/** The summaries as data: dates as ISO dates, each value as an amendment file writes it. */
function summariesAsJson(summaries: readonly AmendmentSummary[]): object[] {
  return summaries.map((summary) => ({
    ...summary,
    changes: summary.changes.map((change) => ({
      ...change,
      groupId: writeCell(change.groupId),
      from: writeCell(change.from),
      to: writeCell(change.to),
    })),
  }));
}

/**
 * The redline as data: every cell's value before and after as an amendment file writes it, null where its row does not
 * exist.
 */
/** A cell as JSON writes it: as an amendment file does, or the MTAD's text for a cell kept as written. */
const cellAsJson = (cell: CellValue): string =>
  cell.kind === 'unknown' && cell.written !== undefined ? cell.written : writeCell(cell);

function redlineAsJson(redline: Redline): object {
  return {
    ...redline,
    title: writeCell(redline.title),
    version: writeCell(redline.version),
    rows: redline.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => ({
        before: cell.before === undefined ? null : cellAsJson(cell.before),
        after: cell.after === undefined ? null : cellAsJson(cell.after),
      })),
    })),
  };
}

/** The report as data: the change list, the summaries and the direction texts. */
function reportAsJson(report: AmendReport): object {
  return {
    table: report.redline.number,
    changes: changesAsJson(report.changes),
    amendments: summariesAsJson(report.summaries),
    directions: report.directions.map(({ amendmentId, mode, text }) => ({
      amendment: amendmentId,
      mode,
      text: text.ok ? text.value : null,
    })),
    ...(report.undated && { undated: report.undated }),
  };
}

/** Each redline format by name (report-formats.ts names them, for `--format`). */
export const REPORT_FORMATS = {
  terminal: (report, options) => textReport(renderTerminalRedline(report.redline, options.styler), report, options),
  unified: (report, options) => textReport(renderUnifiedRedline(report.redline), report, options),
  markdown: markdownReport,
  // The redline alone, as data: the table's headings and every row with each cell before and after.
  json: (report, options) =>
    JSON.stringify(
      options.redlineOnly
        ? { table: report.redline.number, redline: redlineAsJson(report.redline) }
        : reportAsJson(report),
      null,
      2,
    ) + '\n',
} satisfies Record<ReportFormat, ReportRenderer>;
