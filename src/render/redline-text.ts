import { formatPatch, type StructuredPatchHunk } from 'diff';
import type { Redline, RedlineCell, RedlineRow } from '../domain/documents/redline.js';
import { cellParts, cellText, describeTableTitle } from './redline-cell.js';
import { alignColumns, type Styler } from './style.js';

const ROW_MARK: Record<RedlineRow['status'], string> = { unchanged: ' ', changed: '~', inserted: '+', deleted: '-' };

/** "MTAD Table 17.6", with the title and version where they are known. */
export function tableCaption(
  redline: Pick<Redline, 'documentAbbreviation' | 'documentName' | 'number' | 'title' | 'version'>,
): string {
  const title = describeTableTitle(redline.title);
  const version = redline.version.kind === 'unknown' ? 'version unknown' : `version ${cellText(redline.version)}`;
  return `${redline.documentAbbreviation} Table ${redline.number} ${title}, ${redline.documentName} (${version})`;
}

function markCell(cell: RedlineCell, status: RedlineRow['status'], styler: Styler): string {
  const marks = { kept: (text: string) => text, deleted: styler.deleted, inserted: styler.inserted };
  return cellParts(cell, status)
    .map((part) => marks[part.mark](part.text))
    .join(styler.color ? ' ' : '');
}

/**
 * The redline for a terminal: every row, a mark in the margin (~ changed, + inserted, - deleted),
 * and in each changed cell the old value deleted and the new one inserted.
 */
export function renderTerminalRedline(redline: Redline, styler: Styler): string {
  const header = [' ', ...redline.headings.map((h) => styler.heading(h))];
  const rows = redline.rows.map((row) => [
    ROW_MARK[row.status],
    ...row.cells.map((cell) => markCell(cell, row.status, styler)),
  ]);
  return [styler.heading(tableCaption(redline)), '', ...alignColumns([header, ...rows], '  ')].join('\n') + '\n';
}

/** The width of every column as text: the widest cell on either side, so both sides align alike. */
function columnWidths(redline: Redline): number[] {
  const width = (text: string): number => [...text].length;
  return redline.headings.map((heading, i) =>
    redline.rows.reduce(
      (w, row) => Math.max(w, width(cellText(row.cells[i]?.before)), width(cellText(row.cells[i]?.after))),
      width(heading),
    ),
  );
}

/** One row of cells as a line of the text table, padded to the column widths. */
function textLine(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...cell].length)))
    .join(' | ')
    .trimEnd();
}

/** The table on one side of a redline as plain aligned text, one row a line: what the unified diff compares. */
export function renderRedlineSide(redline: Redline, side: 'before' | 'after'): string {
  const widths = columnWidths(redline);
  const rows = redline.rows.filter((row) => row.status !== (side === 'before' ? 'inserted' : 'deleted'));
  return (
    [
      textLine(redline.headings, widths),
      widths.map((w) => '-'.repeat(w)).join('-|-'),
      ...rows.map((row) =>
        textLine(
          row.cells.map((cell) => cellText(cell[side])),
          widths,
        ),
      ),
    ].join('\n') + '\n'
  );
}

const CONTEXT = 3;

/**
 * A unified diff of the table rendered as text (one row a line), for patches and pull requests.
 * The rows are already matched by the redline, so the diff is made from that match in one pass
 * rather than searched for again: a 10,000-row table takes milliseconds (BENCHMARKS.md). The `diff`
 * library formats it.
 */
export function renderUnifiedRedline(redline: Redline): string {
  const widths = columnWidths(redline);
  const line = (cells: readonly string[]): string => textLine(cells, widths);
  const lines: { kind: ' ' | '-' | '+'; text: string }[] = [
    { kind: ' ', text: line(redline.headings) },
    { kind: ' ', text: widths.map((w) => '-'.repeat(w)).join('-|-') },
  ];
  // Consecutive changed rows read as a block: the old lines, then the new ones, as diff writes them.
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    for (const text of removed) lines.push({ kind: '-', text });
    for (const text of added) lines.push({ kind: '+', text });
    removed = [];
    added = [];
  };
  for (const row of redline.rows) {
    if (row.status === 'unchanged') {
      flush();
      lines.push({ kind: ' ', text: line(row.cells.map((cell) => cellText(cell.before))) });
      continue;
    }
    if (row.status !== 'inserted') removed.push(line(row.cells.map((cell) => cellText(cell.before))));
    if (row.status !== 'deleted') added.push(line(row.cells.map((cell) => cellText(cell.after))));
  }
  flush();

  const name = `table-${redline.number}.txt`;
  return formatPatch({
    oldFileName: `a/${name}`,
    newFileName: `b/${name}`,
    oldHeader: undefined,
    newHeader: undefined,
    hunks: hunksOf(lines),
  });
}

/** Groups changed lines into hunks with CONTEXT lines around them, numbering both sides. */
function hunksOf(lines: readonly { kind: ' ' | '-' | '+'; text: string }[]): StructuredPatchHunk[] {
  const changes = lines.flatMap((l, i) => (l.kind === ' ' ? [] : [i]));
  const hunks: StructuredPatchHunk[] = [];
  // Line numbers on each side before index i.
  const oldBefore: number[] = [];
  const newBefore: number[] = [];
  let [oldCount, newCount] = [0, 0];
  for (const l of lines) {
    oldBefore.push(oldCount);
    newBefore.push(newCount);
    if (l.kind !== '+') oldCount++;
    if (l.kind !== '-') newCount++;
  }
  oldBefore.push(oldCount);
  newBefore.push(newCount);
  for (let c = 0; c < changes.length;) {
    const first = changes[c] ?? 0;
    let last = first;
    while (c + 1 < changes.length && (changes[c + 1] ?? 0) - last <= 2 * CONTEXT) last = changes[++c] ?? last;
    c++;
    const begin = Math.max(0, first - CONTEXT);
    const end = Math.min(lines.length, last + CONTEXT + 1);
    const oldLines = (oldBefore[end] ?? 0) - (oldBefore[begin] ?? 0);
    const newLines = (newBefore[end] ?? 0) - (newBefore[begin] ?? 0);
    hunks.push({
      // An empty side is numbered from the line before it, as diff does.
      oldStart: (oldBefore[begin] ?? 0) + (oldLines === 0 ? 0 : 1),
      oldLines,
      newStart: (newBefore[begin] ?? 0) + (newLines === 0 ? 0 : 1),
      newLines,
      lines: lines.slice(begin, end).map((l) => `${l.kind}${l.text}`),
    });
  }
  return hunks;
}
