/**
 * Writing changes to Table 17.6 into the user's own .docx as tracked changes: each changed cell's
 * runs are wrapped in w:del and a w:ins holds one new run formatted like the text it replaces.
 * Only the main document part changes, and in it only the changed cells; every other zip entry is
 * copied byte for byte. Anything the engine cannot redline safely is refused with a finding, so
 * the result is never a half-edited or corrupt document.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { diagnose, type Diagnostic } from '../domain/diagnostics.js';
import { cellText, cellsOf, findTableIn, paragraphsOf, rowsOf, type TableLocation, type WordResult } from './find-table.js';
import { mapColumns, type ColumnOverrides, type WordField, WORD_FIELDS, headingKey } from './map-columns.js';
import { openDocx } from './package.js';
import { replaceEntry } from './zip.js';
import { W, attrW, childW, descendants, isW, normaliseSpace, serialiseXml } from './xml.js';

/** One cell to change: the row named by its cohort, the column by field (or by heading). */
export interface CellChange {
  /** The cohort text of the row, e.g. "MOC (Secure)". */
  row: string;
  /** A field, or the heading of another column. */
  column: WordField | string;
  /** The text the cell holds now ('' for an empty cell): the precondition. */
  from: string;
  /** The text the cell must hold ('' to delete the text). */
  to: string;
}

/** Who made the changes and when, written on every w:ins and w:del. */
export interface RedlineOptions {
  author: string;
  /** A calendar date (2023-01-27) or a UTC instant (2023-01-27T09:00:00Z). */
  date: string;
  /** The caption's number; "17.6" by default. */
  tableNumber?: string;
  /** Headings named for fields, as for mapColumns. */
  columns?: ColumnOverrides;
}

/** The w:date of a revision: a UTC instant without fractional seconds. */
function revisionDate(date: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(date)) return date;
  return undefined;
}

/** What in a cell mtad does not redline, or undefined when the cell is plain runs. */
function unsupportedContent(cell: Element): string | undefined {
  const names = new Set(descendants(cell).filter((e) => e.namespaceURI === W).map((e) => e.localName ?? ''));
  const has = (...list: string[]): boolean => list.some((n) => names.has(n));
  if (has('ins', 'del', 'moveFrom', 'moveTo', 'rPrChange', 'pPrChange', 'tcPrChange', 'cellIns', 'cellDel', 'cellMerge')) return 'a tracked change';
  if (has('fldChar', 'fldSimple', 'instrText')) return 'a field';
  if (has('hyperlink')) return 'a hyperlink';
  if (has('tbl')) return 'a nested table';
  if (has('drawing', 'pict', 'object', 'footnoteReference', 'endnoteReference', 'commentReference', 'txbxContent')) return 'an object, a note or a comment mark';
  const properties = childW(cell, 'tcPr');
  if (properties && (childW(properties, 'vMerge') || Number(attrW(childW(properties, 'gridSpan') ?? cell, 'val') ?? '1') > 1)) return 'a merged cell';
  if (paragraphsOf(cell).length !== 1) return 'more than one paragraph';
  return undefined;
}

/** The largest numeric w:id in the part: new revisions count up from it, so ids stay unique. */
function maxId(doc: Document): number {
  let max = 0;
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    const id = Number(element.getAttributeNS(W, 'id'));
    if (Number.isInteger(id) && id > max) max = id;
  }
  return max;
}

/** Replaces an element by a w: element of another name, keeping its attributes and children. */
function rename(element: Element, name: string): void {
  const doc = element.ownerDocument!;
  const renamed = doc.createElementNS(W, `${element.prefix ? `${element.prefix}:` : ''}${name}`);
  for (const attribute of Array.from(element.attributes)) renamed.setAttributeNode(attribute.cloneNode(true) as typeof attribute);
  while (element.firstChild) renamed.appendChild(element.firstChild);
  element.parentNode!.replaceChild(renamed, element);
}

/** Makes a revision element (w:ins or w:del) with id, author and date. */
function revision(doc: Document, prefix: string, name: 'ins' | 'del', id: number, author: string, date: string): Element {
  const element = doc.createElementNS(W, `${prefix}:${name}`);
  element.setAttributeNS(W, `${prefix}:id`, String(id));
  element.setAttributeNS(W, `${prefix}:author`, author);
  element.setAttributeNS(W, `${prefix}:date`, date);
  return element;
}

/**
 * Redlines one plain cell: its runs, in groups of neighbouring runs, go into w:del (w:t becomes
 * w:delText); bookmarks and proofing marks between them stay where they are. A w:ins with one run
 * follows the last deleted run (or ends the paragraph when the cell was empty); its w:rPr copies
 * the first deleted run's, or the paragraph mark's.
 */
function redlineCell(cell: Element, to: string, author: string, date: string, nextId: () => number): void {
  const doc = cell.ownerDocument!;
  const paragraph = paragraphsOf(cell)[0]!;
  const prefix = paragraph.prefix ?? 'w';
  const runs = descendants(paragraph).filter((e) => isW(e, 'r'));
  let lastDel: Element | undefined;
  let group: Element | undefined;
  for (const run of runs) {
    if (!group || run.previousSibling !== group) {
      group = revision(doc, prefix, 'del', nextId(), author, date);
      run.parentNode!.insertBefore(group, run);
    }
    group.appendChild(run);
    for (const element of descendants(run)) {
      if (isW(element, 't')) rename(element, 'delText');
      else if (isW(element, 'instrText')) rename(element, 'delInstrText');
    }
    lastDel = group;
  }
  if (to === '') return;
  const ins = revision(doc, prefix, 'ins', nextId(), author, date);
  const run = doc.createElementNS(W, `${prefix}:r`);
  const markProperties = childW(paragraph, 'pPr');
  const sourceProperties = runs[0] ? childW(runs[0], 'rPr') : markProperties && childW(markProperties, 'rPr');
  if (sourceProperties) run.appendChild(sourceProperties.cloneNode(true));
  const text = doc.createElementNS(W, `${prefix}:t`);
  text.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
  text.appendChild(doc.createTextNode(to));
  run.appendChild(text);
  ins.appendChild(run);
  if (lastDel) lastDel.parentNode!.insertBefore(ins, lastDel.nextSibling);
  else paragraph.appendChild(ins);
}

/**
 * Returns a copy of the .docx in which each change's cell of the table at `location` carries the
 * old text as a deletion and the new text as an insertion, by `author` on `date`. Refuses, with
 * findings and no bytes, when the table is not where `location` says, a row or column is not found,
 * a cell does not hold `from`, or a cell holds what mtad does not redline (a tracked change, a
 * field, a hyperlink, a merge, several paragraphs, an object). Changes whose `from` equals `to` are
 * skipped. Rows are never inserted or removed.
 */
export function redlineTable(docxBytes: Uint8Array, location: TableLocation, changes: readonly CellChange[], options: RedlineOptions): WordResult<Uint8Array> {
  const tableNumber = options.tableNumber ?? '17.6';
  const date = revisionDate(options.date);
  if (date === undefined) return { ok: false, findings: [diagnose('ARGUMENT_INVALID', { option: 'date', value: options.date, expected: 'a date YYYY-MM-DD or a UTC time YYYY-MM-DDTHH:MM:SSZ' })] };
  const opened = openDocx(docxBytes);
  if (!opened.ok) return opened;
  const { docx } = opened;
  const found = findTableIn(docx, tableNumber);
  if (!found.ok) return found;
  const table = found.value;
  if (table.location.partName !== location.partName || table.location.tableIndex !== location.tableIndex) {
    return { ok: false, findings: [diagnose('WORD_TABLE_MOVED', { tableNumber })] };
  }
  const mapped = mapColumns(table.headers, options.columns);
  if (!mapped.ok) return mapped;
  const columns = mapped.value;
  const tbl = Array.from(docx.doc.getElementsByTagNameNS(W, 'tbl'))[location.tableIndex]!;
  const trs = rowsOf(tbl);
  const findings: Diagnostic[] = [];
  const work: { cell: Element; to: string }[] = [];
  for (const change of changes) {
    const cohortColumn = columns.fields.cohort;
    const matches = table.rows.slice(1).filter((cells) => normaliseSpace(cells[cohortColumn]?.text ?? '') === normaliseSpace(change.row));
    if (matches.length !== 1) {
      findings.push(diagnose('WORD_ROW_NOT_FOUND', { cohort: change.row, count: matches.length }));
      continue;
    }
    const rowIndex = matches[0]![0]?.row ?? 0;
    const column = (WORD_FIELDS as readonly string[]).includes(change.column)
      ? columns.fields[change.column as WordField]
      : table.headers.findIndex((h) => headingKey(h) === headingKey(change.column));
    if (column < 0) {
      findings.push(diagnose('WORD_COLUMN_UNMAPPED', { field: change.column, headings: table.headers.map((h) => JSON.stringify(h)).join(', ') }));
      continue;
    }
    const heading = table.headers[column] ?? '';
    const cell = cellsOf(trs[rowIndex]!)[column];
    const where = { cohort: change.row, heading, row: rowIndex, column };
    if (!cell) {
      findings.push(diagnose('WORD_PRECONDITION_FAILED', { ...where, expected: change.from, actual: '(no such cell)' }));
      continue;
    }
    const actual = cellText(cell);
    if (normaliseSpace(actual) !== normaliseSpace(change.from)) {
      findings.push(diagnose('WORD_PRECONDITION_FAILED', { ...where, expected: change.from, actual }));
      continue;
    }
    if (normaliseSpace(change.from) === normaliseSpace(change.to)) continue;
    const holds = unsupportedContent(cell);
    if (holds !== undefined) {
      findings.push(diagnose('WORD_CELL_UNSUPPORTED', { ...where, holds }));
      continue;
    }
    // Two changes to one cell would wrap the first one's insertion in the second one's deletion.
    if (work.some((w) => w.cell === cell)) {
      findings.push(diagnose('WORD_CELL_UNSUPPORTED', { ...where, holds: 'another change of this list' }));
      continue;
    }
    work.push({ cell, to: change.to });
  }
  if (findings.length > 0) return { ok: false, findings };
  let id = maxId(docx.doc);
  const nextId = (): number => ++id;
  for (const { cell, to } of work) redlineCell(cell, to, options.author, date, nextId);
  const xml = new TextEncoder().encode(serialiseXml(docx.doc));
  return { ok: true, value: replaceEntry(docx.zip, docx.partName, xml), findings: found.findings };
}
