import type { ConsultationBlocks } from './consultation-docx.js';
import { CONTENTS_TITLE, headingAnchor } from './consultation-markdown.js';
import { escapeHtml } from './escape.js';
import type { Block, Span } from './markdown-blocks.js';

const STYLE = [
  'body{font-family:Arial,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.45}',
  'table{border-collapse:collapse}td,th{border:1px solid #808080;padding:.3em ' +
    '.6em;text-align:left}th{background:#e7e6e6}',
  '.question{border:1px solid #808080;padding:.2em 1em;margin:1em 0}',
  '.footnotes{border-top:1px solid #808080;margin-top:2em;font-size:.9em}',
].join('');

/**
 * The consultation as one HTML page, from its Markdown: the headings with anchors, the table of
 * contents as links to them, the questions boxed, the footnotes numbered at the end.
 */
export function renderConsultationHtml(
  read: ConsultationBlocks,
  title: string,
  options: {
    /** HTML to stand instead of a paragraph that is only this text (a marker line), when it gives one. */
    replace?: (text: string) => string | undefined;
    /** More CSS, for what the replacements hold. */
    style?: string;
  } = {},
): string {
  const { blocks, footnotes, contentsAt } = read;
  const numbers = new Map<string, number>();
  const inline = (spans: readonly Span[]): string =>
    spans
      .map((span) => {
        if (span.footnote !== undefined && footnotes.has(span.footnote)) {
          const number = numbers.get(span.footnote) ?? numbers.size + 1;
          numbers.set(span.footnote, number);
          return `<sup><a href="#fn-${number}" id="fnref-${number}">${number}</a></sup>`;
        }
        const text = escapeHtml(span.footnote === undefined ? span.text : `[^${span.footnote}]`);
        return span.bold ? `<strong>${text}</strong>` : text;
      })
      .join('');
  const textOf = (spans: readonly Span[]) => spans.map((s) => s.text).join('');
  const sections = blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [textOf(b.spans)] : []));
  const html: string[] = [];
  blocks.forEach((block: Block, i) => {
    const previous = blocks[i - 1];
    if (block.kind !== 'bullet' && previous?.kind === 'bullet') html.push('</ul>');
    switch (block.kind) {
      case 'heading': {
        const id = headingAnchor(textOf(block.spans));
        html.push(`<h${block.level} id="${escapeHtml(id)}">${inline(block.spans)}</h${block.level}>`);
        break;
      }
      case 'paragraph':
        if (i === contentsAt) {
          const items = sections.map((s) => `<li><a href="#${escapeHtml(headingAnchor(s))}">${escapeHtml(s)}</a></li>`);
          html.push(`<nav><p><strong>${CONTENTS_TITLE}</strong></p><ul>${items.join('')}</ul></nav>`);
        } else html.push(options.replace?.(textOf(block.spans)) ?? `<p>${inline(block.spans)}</p>`);
        break;
      case 'bullet':
        if (previous?.kind !== 'bullet') html.push('<ul>');
        html.push(`<li>${inline(block.spans)}</li>`);
        break;
      case 'table':
        html.push(
          `<table><thead><tr>${block.header.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead>` +
            `<tbody>${block.rows
              .map((row) => `<tr>${row.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
              .join('')}</tbody></table>`,
        );
        break;
      case 'box':
        html.push(`<div class="question">${block.paragraphs.map((p) => `<p>${inline(p)}</p>`).join('')}</div>`);
        break;
    }
  });
  if (blocks.at(-1)?.kind === 'bullet') html.push('</ul>');
  const notes = [...numbers].map(
    ([id, number]) =>
      `<li id="fn-${number}">${inline(footnotes.get(id) ?? [])} ` + `<a href="#fnref-${number}">↩</a></li>`,
  );
  if (notes.length > 0) html.push(`<section class="footnotes"><ol>${notes.join('')}</ol></section>`);
  return (
    `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta ` +
    `charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}${options.style ?? ''}</style>\n</head>\n` +
    `<body>\n${html.join('\n')}\n</body>\n</html>\n`
  );
}
