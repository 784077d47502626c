import type { Audience, ResponseViews, Segment } from '../domain/documents/response-views.js';
import { fillTemplate } from '../domain/documents/template.js';
import { diagnose } from '../domain/model/diagnostics.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import { escapeMarkdownText } from './escape.js';

/**
 * A paragraph as Markdown: confidential runs marked (department) or shown as cut (public). The
 * brackets of the marks are escaped as the respondent's own are: the text after a mark is the
 * respondent's, and "(https://...)" after a bare "[…]" would make the mark a link.
 */
export function paragraphText(segments: readonly Segment[], audience: Audience): string {
  return segments
    .map((s) =>
      !s.confidential
        ? escapeMarkdownText(s.text)
        : audience === 'public'
          ? '\\[…\\]'
          : `\\[CONFIDENTIAL: ${escapeMarkdownText(s.text)}\\]`,
    )
    .join('');
}

/**
 * The views of respondents as Markdown, from templates/response-views.md: for the public, only
 * what may be published; for the department, every response in full with its confidential text
 * marked. The views are made by `viewsFor`, which never hands a confidential text to a public one.
 */
export function renderResponseViews(template: string, views: ResponseViews, audience: Audience): Result<string> {
  const filled = fillTemplate(template, {
    department: audience === 'department',
    respondents: views.respondents.map((r) => ({
      respondent: escapeMarkdownText(
        [r.name, r.organisation].filter((part) => part !== undefined).join(', ') || 'A respondent',
      ),
      category: r.category,
      confidentiality: r.confidentiality ?? '',
      reason: r.reason === undefined ? '' : escapeMarkdownText(r.reason),
      hasReason: r.reason !== undefined,
    })),
    respondentsShown: views.respondents.length > 0,
    respondentsWithheld: views.respondentsWithheld > 0,
    respondentsWithheldCount: String(views.respondentsWithheld),
    respondentsWithheldOne: views.respondentsWithheld === 1,
    questions: views.questions.map((q) => ({
      question: escapeMarkdownText(q.question),
      withheld: q.withheld > 0,
      withheldCount: String(q.withheld),
      withheldOne: q.withheld === 1,
      viewsShown: q.views.length > 0,
      views: q.views.map((v) => ({
        respondent: v.respondent === '' ? 'A respondent' : escapeMarkdownText(v.respondent),
        position: v.position,
        wholeConfidential: v.wholeResponseConfidential,
        answerConfidential: v.answerConfidential,
        paragraphs: v.paragraphs.map((p) => ({ paragraph: paragraphText(p, audience) })),
      })),
    })),
  });
  if (filled.text === undefined)
    return fail([diagnose('TEMPLATE_UNKNOWN_NAME', { names: filled.unknownNames.join(', ') })]);
  return succeed(`${filled.text.replace(/\n{3,}/g, '\n\n').trim()}\n`);
}
