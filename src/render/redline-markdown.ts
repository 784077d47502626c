import { isChanged, type Redline, type RedlineRow } from '../domain/redline.js';
import { escapeMarkdownCell } from './escape.js';
import { tableCaption } from './redline-text.js';

const del = (text: string): string => (text ? `<del>${escapeMarkdownCell(text)}</del>` : '');
const ins = (text: string): string => (text ? `<ins>${escapeMarkdownCell(text)}</ins>` : '');

function cellMarkdown(row: RedlineRow, index: number): string {
  const cell = row.cells[index] ?? { before: '', after: '' };
  if (row.status === 'inserted') return ins(cell.after);
  if (row.status === 'deleted') return del(cell.before);
  if (!isChanged(cell)) return escapeMarkdownCell(cell.after);
  return [del(cell.before), ins(cell.after)].filter(Boolean).join(' ');
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
