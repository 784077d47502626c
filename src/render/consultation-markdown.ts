import { diagnose } from '../domain/model/diagnostics.js';
import type { Narrative } from '../domain/parse/narrative-source.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import { fillTemplate, type TemplateValues } from '../domain/documents/template.js';
import { escapeMarkdownText } from './escape.js';
import { escapeValues } from './response-template.js';

/**
 * The consultation document as Markdown: templates/consultation.md filled with the amendment's
 * values, the narrative (DCC's own sections, filled with the same values) and the draft direction.
 * The sections (`##`) are numbered in order, and the line `[TOC]` becomes the table of contents.
 */

/** The title of the table of contents, which stands where the template has the line `[TOC]`. */
export const CONTENTS_TITLE = 'Table of Contents';

/** The anchor of a heading, as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** The direction as Markdown for Attachment 1: its first line in bold, then one paragraph a line. */
export function directionMarkdown(direction: string): string {
  const [heading = '', ...rest] = direction.trim().split(/\r?\n/);
  const lines = rest.filter((line) => line.trim() !== '').map((line) => escapeMarkdownText(line.trim()));
  return [`**${escapeMarkdownText(heading)}**`, ...lines].join('\n\n');
}

/** Numbers each `## ` section heading in order ("## 1. Introduction and Context"). */
function numberSections(markdown: string): { markdown: string; sections: string[] } {
  const sections: string[] = [];
  const numbered = markdown.replace(/^## (.+)$/gm, (_, title: string) => {
    const heading = `${sections.length + 1}. ${title.trim()}`;
    sections.push(heading);
    return `## ${heading}`;
  });
  return { markdown: numbered, sections };
}

export function renderConsultationMarkdown(
  template: string,
  narrative: Narrative,
  values: TemplateValues,
  direction: string,
): Result<string> {
  const escaped = escapeValues(values, escapeMarkdownText);
  const prose = fillTemplate(narrative.body, escaped);
  if (prose.text === undefined)
    return fail([
      diagnose('TEMPLATE_UNKNOWN_NAME', { names: prose.unknownNames.join(', ') }, { file: narrative.file }),
    ]);
  return documentMarkdown(
    template,
    { ...escaped, narrative: prose.text.trim(), direction: directionMarkdown(direction) },
    'templates/consultation.md',
  );
}

/**
 * A document's template filled with `values` (named `file` in a finding when it names a value
 * there is none of), its sections (`##`) numbered and the line `[TOC]` its table of contents: the
 * consultation's and the conclusion report's.
 */
export function documentMarkdown(template: string, values: TemplateValues, file: string): Result<string> {
  const filled = fillTemplate(template, values);
  if (filled.text === undefined)
    return fail([diagnose('TEMPLATE_UNKNOWN_NAME', { names: filled.unknownNames.join(', ') }, { file })]);
  const { markdown, sections } = numberSections(filled.text);
  const contents = [
    CONTENTS_TITLE,
    '',
    ...sections.map((heading) => `- [${heading}](#${headingAnchor(heading)})`),
  ].join('\n');
  const withContents = markdown.replace(/^\[TOC\]$/m, () => contents);
  return succeed(`${withContents.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`);
}
