/**
 * Finding a captioned table in a Word document: the table directly before or after the paragraph
 * whose visible text starts with "Table 17.6". Headings are the first row; every cell is returned
 * with its place and merge, so that a reader can source each value to the document.
 */
import type { Element } from '@xmldom/xmldom';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import { openDocx, type OpenedDocx } from './package.js';
import { W, attrW, childW, contentOf, isW, normaliseSpace, visibleText } from './xml.js';

/** How a cell is merged with its neighbours, when it is. */
export interface CellMerge {
  /** Grid columns the cell spans (w:gridSpan), when more than one. */
  gridSpan?: number;
  /** w:vMerge: `restart` starts a vertical merge, `continue` continues the cell above. */
  vMerge?: 'restart' | 'continue';
}

/** One cell of a Word table: where it is and the text a reader sees in it. */
export interface WordCell {
  /** 0-based row index in the table, the heading row being 0. */
  row: number;
  /** 0-based index of the cell in its row. */
  column: number;
  /** Paragraphs joined by a line break, as written (not trimmed). */
  text: string;
  merge?: CellMerge;
}

/** Where a table is in the main document part: its place among the part's w:tbl elements. */
export interface TableLocation {
  partName: string;
  tableIndex: number;
}

/** A captioned table read from a Word document. */
export interface WordTable {
  location: TableLocation;
  /** The caption paragraph's visible text, e.g. "Table 17.6 – Migration DUST End Dates". */
  caption: string;
  /** The caption after its number, separators removed ("Migration DUST End Dates"); '' when none. */
  title: string;
  /** Whether the caption comes before or after the table. */
  captionPosition: 'before' | 'after';
  /** The first row's cell texts, spaces normalised. */
  headers: string[];
  /** Every row, the heading row first. */
  rows: WordCell[][];
}

/** Options of findTable. */
export interface FindTableOptions {
  /** The number after "Table" in the caption; "17.6" by default. */
  tableNumber?: string;
  /**
   * Where that number comes from, which the finding of a missing caption tells the user to change:
   * an option (mtad import's --table-number, the default) or the table file (table.number).
   */
  numberFrom?: TableNumberSource;
}

/** Where the number of the caption looked for comes from: an option, or the table file. */
export type TableNumberSource = 'option' | 'table';

/**
 * The title after "Table N" when the text is a caption of table N, else undefined. "Table 17.6"
 * does not caption "Table 17.60" or "Table 17.6.1".
 */
export function captionTitle(text: string, tableNumber: string): string | undefined {
  const normal = normaliseSpace(text);
  const prefix = normaliseSpace(`Table ${tableNumber}`);
  if (normal.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return undefined;
  const rest = normal.slice(prefix.length);
  if (/^\d|^\.\d/.test(rest)) return undefined;
  // An en or em dash (escaped: the bundle stays ASCII) or a hyphen may separate number and title.
  return rest.replace(/^[\s.:;,\u2013\u2014-]+/, '').trim();
}

/** The paragraphs and tables of the body in reading order, content controls opened. */
export function bodyBlocks(docx: OpenedDocx): Element[] {
  const body = childW(docx.doc.documentElement!, 'body');
  return body ? contentOf(body, ['p', 'tbl']) : [];
}

/** The rows of a table and the cells of a row, content controls opened. */
export const rowsOf = (table: Element): Element[] => contentOf(table, ['tr']);
export const cellsOf = (row: Element): Element[] => contentOf(row, ['tc']);
export const paragraphsOf = (cell: Element): Element[] => contentOf(cell, ['p']);

/** How a cell is merged, read from its w:tcPr. */
function mergeOf(cell: Element): CellMerge | undefined {
  const properties = childW(cell, 'tcPr');
  if (!properties) return undefined;
  const merge: CellMerge = {};
  const span = childW(properties, 'gridSpan');
  const spanValue = span ? Number(attrW(span)) : 1;
  if (spanValue > 1) merge.gridSpan = spanValue;
  const vMerge = childW(properties, 'vMerge');
  if (vMerge) merge.vMerge = attrW(vMerge) === 'restart' ? 'restart' : 'continue';
  return merge.gridSpan !== undefined || merge.vMerge !== undefined ? merge : undefined;
}

/** A cell's text: its paragraphs' visible texts joined by line breaks. */
export function cellText(cell: Element): string {
  return paragraphsOf(cell).map(visibleText).join('\n');
}

/** Reads a w:tbl into cells, with a finding for each merged cell. */
function readRows(table: Element): { rows: WordCell[][]; findings: Diagnostic[] } {
  const findings: Diagnostic[] = [];
  const rows = rowsOf(table).map((tr, row) =>
    cellsOf(tr).map((tc, column): WordCell => {
      const merge = mergeOf(tc);
      return { row, column, text: cellText(tc), ...(merge ? { merge } : {}) };
    }),
  );
  const headers = (rows[0] ?? []).map((c) => normaliseSpace(c.text));
  for (const cell of rows.flat()) {
    if (!cell.merge) continue;
    const merge = [
      cell.merge.gridSpan ? `spans ${cell.merge.gridSpan} columns` : '',
      cell.merge.vMerge ? `vertical merge, ${cell.merge.vMerge}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    findings.push(
      diagnose('WORD_CELL_MERGED', { row: cell.row, column: cell.column, heading: headers[cell.column] ?? '', merge }),
    );
  }
  return { rows, findings };
}

/** The nearest block before or after `index` that is not an empty paragraph. */
function neighbour(blocks: readonly Element[], index: number, step: 1 | -1): Element | undefined {
  for (let i = index + step; i >= 0 && i < blocks.length; i += step) {
    const block = blocks[i]!;
    if (isW(block, 'p') && normaliseSpace(visibleText(block)) === '') continue;
    return block;
  }
  return undefined;
}

/** True when a block is a paragraph that captions some table ("Table 3", "Table 17.5 ..."). */
const isAnyCaption = (block: Element | undefined): boolean =>
  !!block && isW(block, 'p') && /^table\s+\d/i.test(normaliseSpace(visibleText(block)));

/** Finds the table captioned "Table N" in an opened document. */
export function findTableIn(
  docx: OpenedDocx,
  tableNumber: string,
  numberFrom: TableNumberSource = 'option',
): Result<WordTable> {
  const blocks = bodyBlocks(docx);
  const allTables = Array.from(docx.doc.getElementsByTagNameNS(W, 'tbl'));
  const found: { table: Element; caption: string; title: string; position: 'before' | 'after' }[] = [];
  const lonely: string[] = [];
  blocks.forEach((block, index) => {
    if (!isW(block, 'p')) return;
    const caption = normaliseSpace(visibleText(block));
    const title = captionTitle(caption, tableNumber);
    if (title === undefined) return;
    const before = neighbour(blocks, index, -1);
    const after = neighbour(blocks, index, 1);
    const tableBefore = isW(before, 'tbl') ? before : undefined;
    const tableAfter = isW(after, 'tbl') ? after : undefined;
    // Between two tables: captions below their tables show as a caption right after the next table.
    const position =
      tableAfter && (!tableBefore || !isAnyCaption(neighbour(blocks, blocks.indexOf(tableAfter), 1)))
        ? 'before'
        : tableBefore
          ? 'after'
          : undefined;
    if (position === undefined) lonely.push(caption);
    else found.push({ table: (position === 'before' ? tableAfter : tableBefore)!, caption, title, position });
  });
  if (found.length === 0) {
    const findings =
      lonely.length > 0
        ? [diagnose('WORD_CAPTION_NOT_ADJACENT', { tableNumber, caption: lonely[0]! })]
        : [diagnose('WORD_TABLE_NOT_FOUND', { tableNumber, numberFrom })];
    return fail(findings);
  }
  if (found.length > 1) return fail([diagnose('WORD_TABLE_AMBIGUOUS', { tableNumber, count: found.length })]);
  const { table, caption, title, position } = found[0]!;
  const { rows, findings } = readRows(table);
  return succeed(
    {
      location: { partName: docx.partName, tableIndex: allTables.indexOf(table) },
      caption,
      title,
      captionPosition: position,
      headers: (rows[0] ?? []).map((c) => normaliseSpace(c.text)),
      rows,
    },
    findings,
  );
}

/**
 * Finds the table captioned "Table 17.6" (or `tableNumber`) in a .docx: the caption is a paragraph
 * whose visible text (field results, runs joined, inside content controls too) starts with
 * "Table 17.6", directly before or after the table (empty paragraphs between are skipped).
 * Returns findings, never throws, for an unreadable package, no caption, a caption next to no
 * table, two captioned tables, and (as warnings) merged cells.
 */
export function findTable(docxBytes: Uint8Array, options: FindTableOptions = {}): Result<WordTable> {
  const opened = openDocx(docxBytes);
  if (!opened.ok) return opened;
  return findTableIn(opened.value, options.tableNumber ?? '17.6', options.numberFrom);
}
