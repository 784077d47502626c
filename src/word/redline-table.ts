/**
 * Writing changes to Table 17.6 into the user's own .docx as tracked changes: each changed cell's
 * runs are wrapped in w:del and a w:ins holds one new run formatted like the text it replaces.
 * Only the main document part changes, and in it only the changed cells; every other zip entry is
 * copied byte for byte. Anything the engine cannot redline safely is refused with a finding, so
 * the result is never a half-edited or corrupt document.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { isIsoDate } from '../domain/model/dates.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import { ukMidnight } from '../domain/documents/revision-marks.js';
import { cellText, cellsOf, findTableIn, paragraphsOf, rowsOf, type TableLocation } from './find-table.js';
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

/** A row to insert, formatted like the row it follows: its cells' texts by field or heading. */
export interface RowInsertion {
  /** Cell texts by field (cohort, groupId, endDate) or heading; the cohort is required. */
  insert: Partial<Record<WordField, string>> & Record<string, string>;
  /** The cohort of the row it follows; the table's last row when absent. */
  after?: string;
}

/** A row to remove, named by its cohort. */
export interface RowRemoval {
  remove: string;
}

/** A change redlineTable writes: a cell's text, an inserted row or a removed row. */
export type TableChange = CellChange | RowInsertion | RowRemoval;

/** Who made the changes and when, written on every w:ins and w:del. */
export interface RedlineOptions {
  author: string;
  /** A calendar date (2023-01-27: the day's start in the UK) or a UTC instant (2023-01-27T09:00:00Z). */
  date: string;
  /** The caption's number; "17.6" by default. */
  tableNumber?: string;
  /** Headings named for fields, as for mapColumns. */
  columns?: ColumnOverrides;
}

/**
 * The w:date of a revision: a UTC instant without fractional seconds. A calendar date is the
 * instant the day begins in the UK, as in the pack's other Word documents (ukMidnight).
 */
function revisionDate(date: string): string | undefined {
  if (isIsoDate(date)) return ukMidnight(date);
  const time = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/.exec(date);
  if (time && isIsoDate(time[1] ?? '')) return date;
  return undefined;
}

/** What in a cell mtad does not redline, or undefined when the cell is plain runs. */
function unsupportedContent(cell: Element): string | undefined {
  const names = new Set(
    descendants(cell)
      .filter((e) => e.namespaceURI === W)
      .map((e) => e.localName ?? ''),
  );
  const has = (...list: string[]): boolean => list.some((n) => names.has(n));
  if (
    has('ins', 'del', 'moveFrom', 'moveTo', 'rPrChange', 'pPrChange', 'tcPrChange', 'cellIns', 'cellDel', 'cellMerge')
  )
    return 'a tracked change';
  if (has('fldChar', 'fldSimple', 'instrText')) return 'a field';
  if (has('hyperlink')) return 'a hyperlink';
  if (has('tbl')) return 'a nested table';
  if (has('drawing', 'pict', 'object', 'footnoteReference', 'endnoteReference', 'commentReference', 'txbxContent'))
    return 'an object, a note or a comment mark';
  const properties = childW(cell, 'tcPr');
  if (
    properties &&
    (childW(properties, 'vMerge') || Number(attrW(childW(properties, 'gridSpan') ?? cell, 'val') ?? '1') > 1)
  )
    return 'a merged cell';
  return undefined;
}

/** What in a row mtad does not mark inserted or removed: a cell it could not redline, a row revision. */
function unsupportedRow(tr: Element): string | undefined {
  const properties = childW(tr, 'trPr');
  if (properties && ['ins', 'del', 'trPrChange'].some((n) => childW(properties, n))) return 'a tracked change';
  for (const cell of cellsOf(tr)) {
    const holds = unsupportedContent(cell);
    if (holds !== undefined) return holds;
  }
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
  for (const attribute of Array.from(element.attributes))
    renamed.setAttributeNode(attribute.cloneNode(true) as typeof attribute);
  while (element.firstChild) renamed.appendChild(element.firstChild);
  element.parentNode!.replaceChild(renamed, element);
}

/** Makes a revision element (w:ins or w:del) with id, author and date. */
function revision(
  doc: Document,
  prefix: string,
  name: 'ins' | 'del',
  id: number,
  author: string,
  date: string,
): Element {
  const element = doc.createElementNS(W, `${prefix}:${name}`);
  element.setAttributeNS(W, `${prefix}:id`, String(id));
  element.setAttributeNS(W, `${prefix}:author`, author);
  element.setAttributeNS(W, `${prefix}:date`, date);
  return element;
}

/** A revision mark maker: the next w:ins or w:del of this redline, with its unique id. */
type Mark = (name: 'ins' | 'del') => Element;

/**
 * Wraps a paragraph's runs, in groups of neighbouring runs, in w:del (w:t becomes w:delText,
 * w:instrText w:delInstrText); bookmarks and proofing marks between them stay where they are.
 * Returns the runs and the last w:del, after which an insertion goes.
 */
function deleteRuns(paragraph: Element, mark: Mark): { runs: Element[]; lastDel?: Element } {
  const runs = descendants(paragraph).filter((e) => isW(e, 'r'));
  let group: Element | undefined;
  for (const run of runs) {
    if (!group || run.previousSibling !== group) {
      group = mark('del');
      run.parentNode!.insertBefore(group, run);
    }
    group.appendChild(run);
    for (const element of descendants(run)) {
      if (isW(element, 't')) rename(element, 'delText');
      else if (isW(element, 'instrText')) rename(element, 'delInstrText');
    }
  }
  return group ? { runs, lastDel: group } : { runs };
}

/** A w:ins holding one run of `text`, its w:rPr a copy of `properties` when given. */
function insertedRun(paragraph: Element, text: string, properties: Element | undefined, mark: Mark): Element {
  const doc = paragraph.ownerDocument!;
  const prefix = paragraph.prefix ?? 'w';
  const ins = mark('ins');
  const run = doc.createElementNS(W, `${prefix}:r`);
  if (properties) run.appendChild(properties.cloneNode(true));
  const t = doc.createElementNS(W, `${prefix}:t`);
  t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  run.appendChild(t);
  ins.appendChild(run);
  return ins;
}

/** The formatting a new run in this paragraph takes: its first run's, else the paragraph mark's. */
function runPropertiesOf(paragraph: Element, runs: readonly Element[]): Element | undefined {
  if (runs[0]) return childW(runs[0], 'rPr');
  const mark = childW(paragraph, 'pPr');
  return mark && childW(mark, 'rPr');
}

/** The first run of a cell that holds text, if any. */
function textRunOf(cell: Element): Element | undefined {
  return descendants(cell).find(
    (r) => isW(r, 'r') && descendants(r).some((t) => isW(t, 't') && (t.textContent ?? '') !== ''),
  );
}

/**
 * Redlines one plain cell: its runs go into w:del, and a w:ins with one run follows the last
 * deleted run (or ends the paragraph when the cell was empty); the new run's w:rPr copies the
 * first deleted run's. An empty cell's leftover run and paragraph mark may be formatted as nothing
 * else in the column is (LibreOffice leaves 2-point empty cells): its new text takes the
 * formatting of `like`, the nearest cell of the column that holds text, else the paragraph mark's.
 */
function redlineCell(cell: Element, to: string, mark: Mark, like: Element | undefined): void {
  const paragraph = paragraphsOf(cell)[0]!;
  const own = textRunOf(cell);
  const { runs, lastDel } = deleteRuns(paragraph, mark);
  if (to === '') return;
  const properties = own ? childW(own, 'rPr') : like ? childW(like, 'rPr') : runPropertiesOf(paragraph, runs);
  const ins = insertedRun(paragraph, to, properties, mark);
  if (lastDel) lastDel.parentNode!.insertBefore(ins, lastDel.nextSibling);
  else paragraph.appendChild(ins);
}

/** Adds a row revision (w:ins or w:del) to a row's w:trPr, making the w:trPr when it has none. */
function markRow(tr: Element, revision: Element): void {
  const prefix = tr.prefix ?? 'w';
  let properties = childW(tr, 'trPr');
  if (!properties) {
    properties = tr.ownerDocument!.createElementNS(W, `${prefix}:trPr`);
    // w:trPr follows w:tblPrEx and comes before the cells.
    const exceptions = childW(tr, 'tblPrEx');
    tr.insertBefore(properties, exceptions ? exceptions.nextSibling : tr.firstChild);
  }
  properties.appendChild(revision);
}

/** Marks a row removed: w:trPr/w:del, and every run of every cell in a w:del. */
function removeRow(tr: Element, mark: Mark): void {
  markRow(tr, mark('del'));
  for (const cell of cellsOf(tr)) for (const paragraph of paragraphsOf(cell)) deleteRuns(paragraph, mark);
}

/**
 * Inserts a row after `template`, formatted like it (row, cell and paragraph properties, and each
 * cell's first run's formatting), marked inserted: w:trPr/w:ins, each text in a w:ins. Bookmarks,
 * proofing marks and every other paragraph of the template are left out of the copy.
 */
function insertRow(template: Element, texts: readonly string[], mark: Mark): void {
  const tr = template.cloneNode(true) as Element;
  const properties = childW(tr, 'trPr');
  if (properties)
    for (const revision of ['ins', 'del'].map((n) => childW(properties, n)))
      if (revision) properties.removeChild(revision);
  cellsOf(tr).forEach((cell, column) => {
    const [paragraph, ...others] = paragraphsOf(cell);
    for (const other of others) other.parentNode!.removeChild(other);
    if (!paragraph) return;
    const runProperties = runPropertiesOf(
      paragraph,
      descendants(paragraph).filter((e) => isW(e, 'r')),
    );
    const kept = runProperties?.cloneNode(true) as Element | undefined;
    for (const child of Array.from(paragraph.childNodes)) if (!isW(child, 'pPr')) paragraph.removeChild(child);
    const text = texts[column] ?? '';
    if (text !== '') paragraph.appendChild(insertedRun(paragraph, text, kept, mark));
  });
  markRow(tr, mark('ins'));
  template.parentNode!.insertBefore(tr, template.nextSibling);
}

/** The column a change names: a field's mapped column, or the column with that heading; -1 if none. */
function columnOf(name: string, headers: readonly string[], fields: Record<WordField, number>): number {
  return (WORD_FIELDS as readonly string[]).includes(name)
    ? fields[name as WordField]
    : headers.findIndex((h) => headingKey(h) === headingKey(name));
}

/** The work one change asks for, once every precondition holds. */
type Work =
  | { kind: 'cell'; cell: Element; to: string; like?: Element }
  | { kind: 'remove'; tr: Element }
  | { kind: 'insert'; after: Element; texts: string[] };

/**
 * Returns a copy of the .docx in which the table at `location` carries the changes as tracked
 * changes by `author` on `date`: a changed cell's old text as a deletion and its new text as an
 * insertion; a removed row with w:trPr/w:del and every run deleted; an inserted row, formatted
 * like the row it follows, with w:trPr/w:ins and its texts inserted. Refuses, with findings and
 * no bytes, when the table is not where `location` says, a row or column is not found, a cell
 * does not hold `from`, an inserted cohort already has a row, or a cell holds what mtad does not
 * redline (a tracked change, a field, a hyperlink, a merge, several paragraphs, an object).
 * Cell changes whose `from` equals `to` are skipped.
 */
export function redlineTable(
  docxBytes: Uint8Array,
  location: TableLocation,
  changes: readonly TableChange[],
  options: RedlineOptions,
): Result<Uint8Array> {
  const tableNumber = options.tableNumber ?? '17.6';
  const date = revisionDate(options.date);
  if (date === undefined)
    return fail([
      diagnose('ARGUMENT_INVALID', {
        option: 'date',
        value: options.date,
        expected: { kind: 'revision-date' },
      }),
    ]);
  const opened = openDocx(docxBytes);
  if (!opened.ok) return opened;
  const docx = opened.value;
  const found = findTableIn(docx, tableNumber);
  if (!found.ok) return found;
  const table = found.value;
  if (table.location.partName !== location.partName || table.location.tableIndex !== location.tableIndex) {
    return fail([diagnose('WORD_TABLE_MOVED', { tableNumber })]);
  }
  const mapped = mapColumns(table.headers, options.columns);
  if (!mapped.ok) return mapped;
  const { fields } = mapped.value;
  const headers = table.headers;
  const listed = headers.map((h) => JSON.stringify(h)).join(', ');
  const tbl = Array.from(docx.doc.getElementsByTagNameNS(W, 'tbl'))[location.tableIndex]!;
  const trs = rowsOf(tbl);
  const findings: Diagnostic[] = [];
  const work: Work[] = [];
  /** The index of the one row naming the cohort, or a finding. */
  const rowNamed = (cohort: string): number | undefined => {
    const matches = table.rows
      .slice(1)
      .filter((cells) => normaliseSpace(cells[fields.cohort]?.text ?? '') === normaliseSpace(cohort));
    if (matches.length === 1) return matches[0]![0]?.row ?? 0;
    findings.push(diagnose('WORD_ROW_NOT_FOUND', { cohort, count: matches.length }));
    return undefined;
  };
  const rowRefusal = (tr: Element, cohort: string, row: number): boolean => {
    const holds = unsupportedRow(tr);
    if (holds !== undefined)
      findings.push(diagnose('WORD_CELL_UNSUPPORTED', { cohort, heading: '', row, column: -1, holds }));
    return holds !== undefined;
  };
  for (const change of changes) {
    if ('remove' in change) {
      const row = rowNamed(change.remove);
      if (row !== undefined && !rowRefusal(trs[row]!, change.remove, row)) work.push({ kind: 'remove', tr: trs[row]! });
      continue;
    }
    if ('insert' in change) {
      const cohort = change.insert.cohort ?? '';
      if (
        cohort === '' ||
        table.rows.slice(1).some((cells) => normaliseSpace(cells[fields.cohort]?.text ?? '') === normaliseSpace(cohort))
      ) {
        findings.push(diagnose('WORD_ROW_EXISTS', { cohort }));
        continue;
      }
      const texts = headers.map(() => '');
      const unknown = Object.keys(change.insert).filter((name) => columnOf(name, headers, fields) < 0);
      for (const name of unknown) findings.push(diagnose('WORD_COLUMN_UNMAPPED', { field: name, headings: listed }));
      if (unknown.length > 0) continue;
      for (const [name, text] of Object.entries(change.insert)) texts[columnOf(name, headers, fields)] = text;
      const row = change.after === undefined ? trs.length - 1 : rowNamed(change.after);
      if (row !== undefined && !rowRefusal(trs[row]!, change.after ?? '', row))
        work.push({ kind: 'insert', after: trs[row]!, texts });
      continue;
    }
    const rowIndex = rowNamed(change.row);
    if (rowIndex === undefined) continue;
    const column = columnOf(change.column, headers, fields);
    if (column < 0) {
      findings.push(diagnose('WORD_COLUMN_UNMAPPED', { field: change.column, headings: listed }));
      continue;
    }
    const heading = headers[column] ?? '';
    const cell = cellsOf(trs[rowIndex]!)[column];
    const where = { cohort: change.row, heading, row: rowIndex, column };
    if (!cell) {
      findings.push(diagnose('WORD_PRECONDITION_FAILED', { ...where, expected: change.from }));
      continue;
    }
    const actual = cellText(cell);
    if (normaliseSpace(actual) !== normaliseSpace(change.from)) {
      findings.push(diagnose('WORD_PRECONDITION_FAILED', { ...where, expected: change.from, actual }));
      continue;
    }
    if (normaliseSpace(change.from) === normaliseSpace(change.to)) continue;
    const holds = unsupportedContent(cell) ?? (paragraphsOf(cell).length !== 1 ? 'more than one paragraph' : undefined);
    if (holds !== undefined) {
      findings.push(diagnose('WORD_CELL_UNSUPPORTED', { ...where, holds }));
      continue;
    }
    // Two changes to one cell would wrap the first one's insertion in the second one's deletion.
    if (work.some((w) => (w.kind === 'cell' && w.cell === cell) || (w.kind === 'remove' && w.tr === trs[rowIndex]))) {
      findings.push(diagnose('WORD_CELL_UNSUPPORTED', { ...where, holds: 'another change of this list' }));
      continue;
    }
    // The nearest other body row's cell of this column that holds text: the formatting of new text
    // in a cell that holds none.
    const others = trs
      .map((tr, i) => ({ i, run: i === 0 || i === rowIndex ? undefined : cellsOf(tr)[column] }))
      .map(({ i, run }) => ({ i, run: run && textRunOf(run) }))
      .filter((o): o is { i: number; run: Element } => o.run !== undefined)
      .sort((a, b) => Math.abs(a.i - rowIndex) - Math.abs(b.i - rowIndex) || a.i - b.i);
    work.push({ kind: 'cell', cell, to: change.to, ...(others[0] && { like: others[0].run }) });
  }
  for (const w of work) {
    if (w.kind === 'remove' && work.some((other) => other.kind === 'cell' && cellsOf(w.tr).includes(other.cell))) {
      findings.push(
        diagnose('WORD_CELL_UNSUPPORTED', {
          cohort: '',
          heading: '',
          row: trs.indexOf(w.tr),
          column: -1,
          holds: 'another change of this list',
        }),
      );
    }
  }
  if (findings.length > 0) return fail(findings);
  let id = maxId(docx.doc);
  const prefix = tbl.prefix ?? 'w';
  const mark: Mark = (name) => revision(docx.doc, prefix, name, ++id, options.author, date);
  for (const w of work) {
    if (w.kind === 'cell') redlineCell(w.cell, w.to, mark, w.like);
    else if (w.kind === 'remove') removeRow(w.tr, mark);
    else insertRow(w.after, w.texts, mark);
  }
  const xml = new TextEncoder().encode(serialiseXml(docx.doc));
  return succeed(replaceEntry(docx.zip, docx.partName, xml), found.warnings);
}
