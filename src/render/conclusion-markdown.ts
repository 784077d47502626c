import type { ConclusionReport } from '../domain/documents/conclusion-values.js';
import type { Redline } from '../domain/documents/redline.js';
import type { Audience } from '../domain/documents/response-views.js';
import { fillTemplate, type TemplateValues } from '../domain/documents/template.js';
import { formatDateWithWeekday, formatLongDate } from '../domain/model/dates.js';
import { diagnose } from '../domain/model/diagnostics.js';
import type { LocalTime } from '../domain/model/diagnostics.js';
import type { Result } from '../domain/model/result.js';
import { directionMarkdown, documentMarkdown } from './consultation-markdown.js';
import { escapeMarkdownCell, escapeMarkdownText } from './escape.js';
import { cellText } from './redline-cell.js';
import { renderMarkdownRedline } from './redline-markdown.js';
import { paragraphText } from './response-views.js';

/**
 * The conclusion report as Markdown, from templates/conclusion.md. The line `[REDLINE]` stands
 * where the redlined table goes: the Markdown file has the redline's Markdown table there, and the
 * Word and HTML files their own tracked changes and <ins>/<del> (conclusion-files.ts).
 */

/** The line of the report where the redlined table (Attachment 3) stands until a format puts it in. */
export const REDLINE_MARKER = '[REDLINE]';

/** The department the report went to, as the templates name it. */
export interface DepartmentNames {
  name: string;
  abbreviation: string;
}

const POSITION_WORDS = {
  agree: 'agree',
  disagree: 'disagree',
  neither: 'neither agree nor disagree',
  'not-stated': 'no position stated',
};

const CATEGORY_WORDS: Record<string, string> = {
  'large-supplier': 'Large supplier',
  'small-supplier': 'Small supplier',
  other: 'Other',
  'not-stated': 'Not stated',
};

const CONFIDENTIALITY_WORDS = { none: 'none', all: 'all of the response', part: 'the parts marked' };

const t = escapeMarkdownText;
const c = escapeMarkdownCell;

const respondBy = (due: LocalTime | undefined): string =>
  due === undefined ? 'the date the consultation gave' : `${due.time} on ${formatDateWithWeekday(due.date)}`;

/** The clean table the redline leaves: every row but the deleted ones, each cell as it is after. */
function cleanTable(redline: Redline): TemplateValues {
  return {
    headings: redline.headings.map((heading) => ({ heading: c(heading) })),
    rows: redline.rows
      .filter((row) => row.status !== 'deleted')
      .map((row) => ({ cells: row.cells.map((cell) => ({ cell: c(cellText(cell.after)) })) })),
  };
}

/** The template's values for a report: every string escaped for Markdown. */
function conclusionTemplateValues(
  report: ConclusionReport,
  department: DepartmentNames,
  tableNumber: string,
  contact: string,
): TemplateValues {
  const { views, audience } = report;
  const title = report.consultationTitle ?? report.amendmentTitle;
  const withheldAny = report.questions.some((q) => q.withheld > 0);
  const final = report.final;
  return {
    department: audience === 'department',
    title: t(title),
    consultationId: t(report.consultationId ?? report.amendmentId),
    concluded: formatLongDate(report.concluded),
    note: report.note === undefined ? '' : t(report.note),
    author: t(report.author ?? 'DCC'),
    // The department's copy holds confidential text: its cover never carries the public classification.
    classification:
      audience === 'department'
        ? `Not for publication: for ${t(department.abbreviation)} only`
        : t(report.classification ?? 'DCC Public'),
    issued: report.issued === undefined ? 'a date not recorded' : formatDateWithWeekday(report.issued),
    amendmentTitle: t(report.amendmentTitle),
    respondBy: respondBy(report.respondBy),
    departmentName: t(department.name),
    departmentAbbreviation: t(department.abbreviation),
    sentToDepartment: formatDateWithWeekday(report.sentToDepartment),
    responsesReceived: report.responsesReceived,
    responses: String(report.responses),
    responsesOne: report.responses === 1,
    respondentsShown: views.respondents.length > 0,
    respondents: views.respondents.map((r) => ({
      respondent: c([r.name, r.organisation].filter((part) => part !== undefined).join(', ') || 'A respondent'),
      category: CATEGORY_WORDS[r.category] ?? c(r.category),
      confidentiality:
        r.confidentiality === undefined
          ? ''
          : c(`${CONFIDENTIALITY_WORDS[r.confidentiality]}${r.reason === undefined ? '' : `: ${r.reason}`}`),
    })),
    respondentsWithheld: views.respondentsWithheld > 0,
    respondentsWithheldCount: String(views.respondentsWithheld),
    respondentsWithheldOne: views.respondentsWithheld === 1,
    late: report.late.map((l) => ({
      respondent: t(l.respondent),
      received: `${l.received.time} on ${formatDateWithWeekday(l.received.date)}`,
    })),
    withheldAny,
    questions: report.questions.map((q) => ({
      questionId: t(q.id),
      questionText: t(q.text),
      agree: String(q.positions.agree),
      disagree: String(q.positions.disagree),
      neither: String(q.positions.neither),
      notStated: String(q.positions['not-stated']),
      notAnswered: String(q.notAnswered),
      withheld: q.withheld > 0,
      withheldCount: String(q.withheld),
      withheldOne: q.withheld === 1,
      viewsShown: q.views.length > 0,
      views: q.views.map((v) => ({
        respondent: v.respondent === '' ? 'A respondent' : t(v.respondent),
        position: POSITION_WORDS[v.position],
        wholeConfidential: v.wholeResponseConfidential,
        answerConfidential: v.answerConfidential,
        paragraphs: v.paragraphs.map((p) => ({ paragraph: paragraphText(p, audience) })),
      })),
      response: q.response.map((paragraph) => ({ paragraph: t(paragraph) })),
    })),
    proceed: report.decision === 'proceed',
    proceedWithChanges: report.decision === 'proceed-with-changes',
    withdraw: report.decision === 'withdraw',
    summary: report.summary.map((paragraph) => ({ paragraph: t(paragraph) })),
    tableNumber: c(tableNumber),
    contact: t(contact),
    final:
      final === undefined
        ? []
        : [
            {
              changes: final.changes.map((change) => ({
                cohort: t(change.cohort),
                groupId: change.groupId === undefined ? '' : ` (GroupID ${t(change.groupId)})`,
                endDate: change.to === undefined ? 'none (no end date)' : formatDateWithWeekday(change.to),
              })),
              modificationDate: formatLongDate(final.modification.date),
              annex: t(final.modification.annex),
              direction: directionMarkdown(final.direction),
              ...cleanTable(final.redline),
            },
          ],
  };
}

/**
 * The report as Markdown with the line `[REDLINE]` where Attachment 3 goes: the sections (`##`)
 * numbered, `[TOC]` the table of contents. Every value is escaped, so no value is read as markup
 * (nor as the marker).
 */
export function renderConclusionSkeleton(
  template: string,
  report: ConclusionReport,
  context: { department: DepartmentNames; tableNumber: string; contact: string },
): Result<string> {
  return documentMarkdown(
    template,
    conclusionTemplateValues(report, context.department, context.tableNumber, context.contact),
    'templates/conclusion.md',
  );
}

/** The title of the report's files; the department's copy says that it is not to be published. */
export function conclusionTitle(
  report: Pick<ConclusionReport, 'consultationTitle' | 'amendmentTitle'>,
  audience: Audience,
): string {
  const forDepartment = audience === 'department' ? ' (for the department: not to be published)' : '';
  return `${report.consultationTitle ?? report.amendmentTitle} - Conclusion${forDepartment}`;
}

/** The Markdown file: the skeleton with the redline's Markdown table where `[REDLINE]` stands. */
export function renderConclusionMarkdown(skeleton: string, report: ConclusionReport): string {
  const redline = report.final?.redline;
  return redline === undefined
    ? skeleton
    : skeleton.replace(/^\[REDLINE\]$/m, () =>
        [
          'Inserted text is marked <ins>inserted</ins> and deleted text <del>deleted</del>.',
          '',
          renderMarkdownRedline(redline).trimEnd(),
        ].join('\n'),
      );
}
