import { escapeMarkdownText } from './escape.js';

/**
 * The direction's text as Markdown: its first line a heading, each later line a paragraph, every
 * character of the wording kept (escaped where Markdown would read it as markup).
 */
export function renderDirectionMarkdown(text: string): string {
  const [heading = '', ...rest] = text.trim().split(/\r?\n/);
  const paragraphs = rest.filter((line) => line.trim() !== '').map((line) => escapeMarkdownText(line.trim()));
  return [`# ${escapeMarkdownText(heading)}`, ...paragraphs].join('\n\n') + '\n';
}
