import { fillTemplate, type TemplateValues } from '../domain/documents/template.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import { diagnose } from '../domain/model/diagnostics.js';
import { escapeMarkdownText } from './escape.js';

/** Every text in `values`, escaped with `escape`; flags and list structure unchanged. */
export function escapeValues(values: TemplateValues, escape: (text: string) => string): TemplateValues {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'string'
        ? escape(value)
        : typeof value === 'boolean'
          ? value
          : value.map((item) => escapeValues(item, escape)),
    ]),
  );
}

/**
 * The response template (Attachment 2) as Markdown: templates/response-template.md filled with
 * the consultation's values, each escaped so that markup in the data shows as text.
 */
export function renderResponseTemplateMarkdown(template: string, values: TemplateValues): Result<string> {
  const filled = fillTemplate(template, escapeValues(values, escapeMarkdownText));
  if (filled.text === undefined)
    return fail([diagnose('TEMPLATE_UNKNOWN_NAME', { names: filled.unknownNames.join(', ') })]);
  return succeed(`${filled.text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`);
}
