import { formatLongDate } from '../domain/model/dates.js';
import type { ResponseSummary } from '../domain/documents/response-summary.js';
import { escapeForLine } from '../domain/model/text.js';

/** The formats of `mtad responses`. */
export const RESPONSE_SUMMARY_FORMATS = ['text', 'json'] as const;
export type ResponseSummaryFormat = (typeof RESPONSE_SUMMARY_FORMATS)[number];

const when = (at: { date: string; time: string }): string => `${at.time} on ${formatLongDate(at.date)}`;

/** The summary as the terminal shows it. Respondents' names are escaped: they are the respondents' text. */
function renderText(summary: ResponseSummary): string {
  const lines = [
    `Responses to ${summary.amendment}: ` +
      `${summary.responses}${summary.respondBy ? ` (respond by ${when(summary.respondBy)}, UK time)` : ''}`,
    '',
    'By category:',
    ...Object.entries(summary.categories).map(([category, count]) => `  ${category.padEnd(16)} ${count}`),
    '',
    'By question (agree / disagree / neither / not stated / not answered):',
    ...summary.questions.map(
      (q) =>
        `  ${escapeForLine(q.question)}: ${q.positions.agree} / ${q.positions.disagree} / ` +
        `${q.positions.neither} / ${q.positions['not-stated']} / ${q.notAnswered}`,
    ),
    '',
    `Late (after the respond-by time): ${summary.late.length}`,
    ...summary.late.map(
      (l) => `  ${escapeForLine(l.respondent)}, received ${when(l.received)} (${escapeForLine(l.file)})`,
    ),
    `Questions not answered: ${summary.missing.length}`,
    ...summary.missing.map((m) => `  ${escapeForLine(m.respondent)}: ${escapeForLine(m.question)}`),
    `Confidential: ${summary.confidential.length}`,
    ...summary.confidential.map(
      (c) =>
        `  ${escapeForLine(c.respondent)}: ` +
        `${c.choice === 'all' ? 'all of it, and who sent it' : `part, in ${c.answers.map(escapeForLine).join('; ')}`}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The summary in the format asked for. */
export function renderResponseSummary(summary: ResponseSummary, format: ResponseSummaryFormat): string {
  return format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : renderText(summary);
}
