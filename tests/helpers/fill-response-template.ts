/**
 * Fills in a response template that mtad generated, as a respondent would, in two ways: by editing
 * word/document.xml as Word lays out what a person types (runs split by spell-check marks, rsids,
 * a ticked box as a checkbox content control), and with LibreOffice (headless: the .docx converted
 * to a flat .fodt, the .fodt edited, converted back to .docx by LibreOffice's own Word filter).
 *
 * Both find what to fill by the template's structure, as `mtad responses import` reads it, not by
 * its sentences: the first table of two columns (respondent details, by the keyword of each row's
 * label), the run of checkbox lines (ticked by position), the table between those lines and the
 * first question (the reason), and the first table after each question id. So they fill whatever
 * the template's wording becomes.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { convertWithSoffice } from './soffice-cache.js';

/** What a respondent writes into the template. */
export interface Filling {
  details?: { name?: string; organisation?: string; email?: string; telephone?: string };
  /** Which checkbox line to tick, by position (0 none, 1 all, 2 part); none ticked when absent. */
  tick?: number;
  reason?: string;
  /** The answer to each question id; a question left out keeps its box empty. */
  answers: Record<string, string>;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';

const elements = (node: Node): Element[] => {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1) out.push(child as Element);
  return out;
};
const descendants = (node: Node, ns: string, name: string): Element[] =>
  Array.from((node as Element).getElementsByTagNameNS(ns, name));

/** A format's view of the body: blocks in order, and how to write into them. */
interface Layout {
  blocks: { kind: 'paragraph' | 'table'; element: Element; text: string }[];
  rows(table: Element): Element[][];
  cellText(cell: Element): string;
  setCell(cell: Element, text: string): void;
  tick(paragraph: Element): void;
}

function detailOf(label: string): keyof NonNullable<Filling['details']> | undefined {
  const key = label.toLowerCase();
  if (/e-?mail/.test(key)) return 'email';
  if (/phone/.test(key)) return 'telephone';
  if (/organi[sz]ation|company/.test(key)) return 'organisation';
  if (/name/.test(key)) return 'name';
  return undefined;
}

/** Fills the blocks of `layout` as `filling` says. */
function fill(layout: Layout, filling: Filling): void {
  const { blocks } = layout;
  const boxes = blocks.flatMap((b, i) => (b.kind === 'paragraph' && /^[☐]/.test(b.text.trim()) ? [i] : []));
  if (filling.tick !== undefined) layout.tick(blocks[boxes[filling.tick]!]!.element);
  const details = blocks.slice(0, boxes[0]).find((b) => b.kind === 'table' && layout.rows(b.element)[0]!.length >= 2);
  for (const row of details ? layout.rows(details.element) : []) {
    const field = detailOf(layout.cellText(row[0]!));
    const value = field && filling.details?.[field];
    if (value !== undefined) layout.setCell(row.at(-1)!, value);
  }
  const mentionOf = (id: string) => blocks.findIndex((b, i) => i > boxes.at(-1)! && b.text.includes(id));
  const firstQuestion = Math.min(
    ...Object.keys(filling.answers)
      .map(mentionOf)
      .filter((i) => i >= 0),
    blocks.length,
  );
  if (filling.reason !== undefined) {
    const table = blocks.slice(boxes.at(-1)! + 1, firstQuestion).find((b) => b.kind === 'table')!;
    layout.setCell(layout.rows(table.element).at(-1)![0]!, filling.reason);
  }
  for (const [id, answer] of Object.entries(filling.answers)) {
    const at = mentionOf(id);
    const block = blocks[at]!;
    const table = block.kind === 'table' ? block : blocks.slice(at + 1).find((b) => b.kind === 'table')!;
    layout.setCell(layout.rows(table.element).at(-1)!.at(-1)!, answer);
  }
}

/** Word's layout of word/document.xml. */
function wordLayout(doc: Document): Layout {
  const body = descendants(doc, W, 'body')[0]!;
  const text = (node: Node) =>
    descendants(node, W, 't')
      .map((t) => t.textContent ?? '')
      .join('');
  let rsid = 0x00a1b2c3;
  const nextRsid = () => (rsid++).toString(16).toUpperCase().padStart(8, '0');
  const run = (content: string): Element => {
    const r = doc.createElementNS(W, 'w:r');
    r.setAttributeNS(W, 'w:rsidR', nextRsid());
    const t = doc.createElementNS(W, 'w:t');
    if (/^\s|\s$/.test(content)) t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(content));
    r.appendChild(t);
    return r;
  };
  return {
    blocks: elements(body)
      .filter((e) => e.localName === 'p' || e.localName === 'tbl')
      .map((element) => ({ kind: element.localName === 'tbl' ? 'table' : 'paragraph', element, text: text(element) })),
    rows: (table) =>
      elements(table)
        .filter((e) => e.localName === 'tr')
        .map((tr) => elements(tr).filter((e) => e.localName === 'tc')),
    cellText: (cell) => text(cell),
    setCell: (cell, value) => {
      const template = elements(cell).find((e) => e.localName === 'p')!;
      for (const p of elements(cell).filter((e) => e.localName === 'p')) cell.removeChild(p);
      for (const line of value.split('\n')) {
        const p = template.cloneNode(true) as Element;
        for (const child of elements(p)) if (child.localName !== 'pPr') p.removeChild(child);
        p.setAttributeNS(W, 'w:rsidR', nextRsid());
        // Word splits what is typed into runs, with spell-check marks between them.
        const middle = line.indexOf(' ', Math.floor(line.length / 2));
        if (middle > 0) {
          p.appendChild(run(line.slice(0, middle)));
          const mark = doc.createElementNS(W, 'w:proofErr');
          mark.setAttributeNS(W, 'w:type', 'spellStart');
          p.appendChild(mark);
          p.appendChild(run(line.slice(middle)));
        } else p.appendChild(run(line));
        cell.appendChild(p);
      }
    },
    tick: (paragraph) => {
      // A checkbox content control, as Word's Developer tab inserts it, in place of the ☐.
      const t = descendants(paragraph, W, 't').find((e) => (e.textContent ?? '').includes('☐'))!;
      const r = t.parentNode as Element;
      t.textContent = (t.textContent ?? '').replace('☐', '');
      const sdt = doc.createElementNS(W, 'w:sdt');
      const properties = doc.createElementNS(W, 'w:sdtPr');
      const checkbox = doc.createElementNS(W14, 'w14:checkbox');
      const checked = doc.createElementNS(W14, 'w14:checked');
      checked.setAttributeNS(W14, 'w14:val', '1');
      checkbox.appendChild(checked);
      properties.appendChild(checkbox);
      const content = doc.createElementNS(W, 'w:sdtContent');
      const box = run('☒');
      content.appendChild(box);
      sdt.appendChild(properties);
      sdt.appendChild(content);
      r.parentNode!.insertBefore(sdt, r);
    },
  };
}

/** Fills in the template by editing its XML as Word lays out what a respondent types. */
export function fillAsWord(docx: Uint8Array, filling: Filling): Uint8Array {
  const files = unzipSync(docx);
  const doc = new DOMParser().parseFromString(strFromU8(files['word/document.xml']!), 'application/xml');
  fill(wordLayout(doc), filling);
  files['word/document.xml'] = strToU8(new XMLSerializer().serializeToString(doc));
  return zipSync(files);
}

/** LibreOffice's layout of a flat ODF text document. */
function odfLayout(doc: Document): Layout {
  const office = descendants(doc, 'urn:oasis:names:tc:opendocument:xmlns:office:1.0', 'text')[0]!;
  const blocks: Layout['blocks'] = [];
  const walk = (node: Node): void => {
    for (const child of elements(node)) {
      if (child.namespaceURI === TABLE && child.localName === 'table')
        blocks.push({ kind: 'table', element: child, text: child.textContent ?? '' });
      else if (child.namespaceURI === TEXT && (child.localName === 'p' || child.localName === 'h'))
        blocks.push({ kind: 'paragraph', element: child, text: child.textContent ?? '' });
      else walk(child);
    }
  };
  walk(office);
  return {
    blocks,
    rows: (table) =>
      descendants(table, TABLE, 'table-row').map((row) => elements(row).filter((e) => e.localName === 'table-cell')),
    cellText: (cell) => cell.textContent ?? '',
    setCell: (cell, value) => {
      const template = elements(cell).find((e) => e.localName === 'p')!;
      for (const p of elements(cell).filter((e) => e.localName === 'p')) cell.removeChild(p);
      for (const line of value.split('\n')) {
        const p = template.cloneNode(false) as Element;
        p.appendChild(doc.createTextNode(line));
        cell.appendChild(p);
      }
    },
    tick: (paragraph) => {
      // The respondent types ☒ over the ☐.
      const walkText = (node: Node): boolean => {
        for (let child = node.firstChild; child; child = child.nextSibling) {
          if (child.nodeType === 3 && (child.nodeValue ?? '').includes('☐')) {
            child.nodeValue = (child.nodeValue ?? '').replace('☐', '☒');
            return true;
          }
          if (walkText(child)) return true;
        }
        return false;
      };
      walkText(paragraph);
    },
  };
}

/** Converts `names` (in `folder`) into `outdir` as `target`, by one soffice, or from the cache. */
function soffice(folder: string, target: string, outdir: string, names: readonly string[]): void {
  const files = names.map((name) => join(folder, name));
  const run = convertWithSoffice(files, outdir, target, join(folder, 'profile'));
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
}

/**
 * Fills in the template with LibreOffice, once per filling: the .docx opened and saved as flat
 * ODF, each copy filled in, and all saved back as .docx by LibreOffice in one run.
 */
export function fillWithLibreOffice(docx: Uint8Array, fillings: readonly Filling[]): Uint8Array[] {
  const folder = mkdtempSync(join(tmpdir(), 'mtad-libreoffice-'));
  writeFileSync(join(folder, 'template.docx'), docx);
  soffice(folder, 'fodt', folder, ['template.docx']);
  const flat = readFileSync(join(folder, 'template.fodt'), 'utf8');
  const names = fillings.map((filling, i) => {
    const doc = new DOMParser().parseFromString(flat, 'application/xml');
    fill(odfLayout(doc), filling);
    const name = `filled-${i}.fodt`;
    writeFileSync(join(folder, name), new XMLSerializer().serializeToString(doc));
    return name;
  });
  const out = join(folder, 'out');
  mkdirSync(out);
  soffice(folder, 'docx:MS Word 2007 XML', out, names);
  return names.map((name) => new Uint8Array(readFileSync(join(out, name.replace(/\.fodt$/, '.docx')))));
}
