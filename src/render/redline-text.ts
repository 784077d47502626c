import { createTwoFilesPatch } from 'diff';
import { isChanged, type Redline, type RedlineCell, type RedlineRow } from '../domain/redline.js';
import { alignColumns, type Styler } from './style.js';

const ROW_MARK: Record<RedlineRow['status'], string> = { unchanged: ' ', changed: '~', inserted: '+', deleted: '-' };

/** "MTAD Table 17.6", with the title and version where they are known. */
export function tableCaption(redline: Pick<Redline, 'documentAbbreviation' | 'documentName' | 'number' | 'title' | 'version'>): string {
  const title = redline.title === 'unknown' ? '(title unknown)' : redline.title;
  const version = redline.version === 'unknown' ? 'version unknown' : `version ${redline.version}`;
  return `${redline.documentAbbreviation} Table ${redline.number} ${title}, ${redline.documentName} (${version})`;
}

function markCell(cell: RedlineCell, status: RedlineRow['status'], styler: Styler): string {
  if (status === 'inserted') return styler.inserted(cell.after);
  if (status === 'deleted') return styler.deleted(cell.before);
  if (!isChanged(cell)) return cell.after;
  return [styler.deleted(cell.before), styler.inserted(cell.after)].filter(Boolean).join(styler.color ? ' ' : '');
}

/**
 * The redline for a terminal: every row, a mark in the margin (~ changed, + inserted, - deleted),
 * and in each changed cell the old value deleted and the new one inserted.
 */
export function renderTerminalRedline(redline: Redline, styler: Styler): string {
  const header = [' ', ...redline.headings.map((h) => styler.heading(h))];
  const rows = redline.rows.map((row) => [ROW_MARK[row.status], ...row.cells.map((cell) => markCell(cell, row.status, styler))]);
  return [styler.heading(tableCaption(redline)), '', ...alignColumns([header, ...rows], '  ')].join('\n') + '\n';
}

/** The table on one side of a redline as plain aligned text, one row a line: what the unified diff compares. */
export function renderRedlineSide(redline: Redline, side: 'before' | 'after'): string {
  const rows = redline.rows.filter((row) => row.status !== (side === 'before' ? 'inserted' : 'deleted'));
  // Widths come from both sides so that an unchanged row reads the same on both.
  const widths = redline.headings.map((heading, i) =>
    redline.rows.reduce((width, row) => Math.max(width, [...(row.cells[i]?.before ?? '')].length, [...(row.cells[i]?.after ?? '')].length), [...heading].length),
  );
  const line = (cells: readonly string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  return [line(redline.headings), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map((row) => line(row.cells.map((cell) => cell[side])))].join('\n') + '\n';
}

/** A unified diff of the table rendered as text, for patches and pull requests. */
export function renderUnifiedRedline(redline: Redline): string {
  const name = `table-${redline.number}.txt`;
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, renderRedlineSide(redline, 'before'), renderRedlineSide(redline, 'after'), undefined, undefined, { context: 3 });
}
