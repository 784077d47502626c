import type { Redline, RedlineRow } from '../domain/documents/redline.js';
import { escapeMarkdownCell } from './escape.js';
import { cellParts } from './redline-cell.js';
import { tableCaption } from './redline-text.js';

const del = (text: string): string => (text ? `<del>${escapeMarkdownCell(text)}</del>` : '');
const ins = (text: string): string => (text ? `<ins>${escapeMarkdownCell(text)}</ins>` : '');

const MARKS = { kept: escapeMarkdownCell, deleted: del, inserted: ins };

function cellMarkdown(row: RedlineRow, index: number): string {
  return cellParts(row.cells[index] ?? {}, row.status)
    .map((part) => MARKS[part.mark](part.text))
    .join(' ');
}

/** The redline as a Markdown table with <del> and <ins>, for a pull-request comment. */
export function renderMarkdownRedline(redline: Redline): string {
  const lines = [
    `**${escapeMarkdownCell(tableCaption(redline))}**`,
    '',
    `| ${redline.headings.map(escapeMarkdownCell).join(' | ')} |`,
    `| ${redline.headings.map(() => '---').join(' | ')} |`,
    ...redline.rows.map((row) => `| ${row.cells.map((_, i) => cellMarkdown(row, i)).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
}
