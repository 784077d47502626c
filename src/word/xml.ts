/**
 * The few DOM operations the Word engine needs, over @xmldom/xmldom: parse a part (errors become a
 * reason, never an exception or a console line), walk WordprocessingML elements, and read the text a
 * reader sees (field results, not field instructions; deleted text left out).
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

/** The WordprocessingML main namespace (transitional, the one Word and LibreOffice write). */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const STRICT_W = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const ELEMENT_NODE = 1;

/** Parses XML text; a malformed part gives the parser's reason. */
export function parseXml(text: string): { ok: true; doc: Document } | { ok: false; reason: string } {
  let problem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problem ??= message;
    },
  });
  try {
    const doc = parser.parseFromString(text, 'application/xml');
    if (problem !== undefined || !doc.documentElement) return { ok: false, reason: problem ?? 'no root element' };
    return { ok: true, doc };
  } catch (error) {
    return { ok: false, reason: problem ?? (error as Error).message };
  }
}

/** A part's XML text again; the declaration and namespace declarations are kept as parsed. */
export function serialiseXml(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}

/** True when the root element is in the Strict namespace, which mtad does not edit. */
export function isStrict(doc: Document): boolean {
  return doc.documentElement?.namespaceURI === STRICT_W;
}

/** True for a WordprocessingML element with the local name `name`. */
export function isW(node: Node | null | undefined, name: string): node is Element {
  return (
    !!node &&
    node.nodeType === ELEMENT_NODE &&
    (node as Element).namespaceURI === W &&
    (node as Element).localName === name
  );
}

/** The element children of a node. */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === ELEMENT_NODE) out.push(child as Element);
  return out;
}

/** The first child w:NAME of an element. */
export function childW(node: Node, name: string): Element | undefined {
  return childElements(node).find((c) => isW(c, name));
}

/** The w:val (or another w: attribute) of an element. */
export function attrW(element: Element, name = 'val'): string | null {
  return element.hasAttributeNS(W, name) ? element.getAttributeNS(W, name) : null;
}

/**
 * The children of a container that count as its content, with content controls (w:sdt), custom XML
 * and smart tags opened: `contentOf(body, ['p', 'tbl'])` gives the body's paragraphs and tables in order.
 */
export function contentOf(node: Node, names: readonly string[]): Element[] {
  const out: Element[] = [];
  for (const child of childElements(node)) {
    if (child.namespaceURI !== W) continue;
    if (names.includes(child.localName ?? '')) out.push(child);
    else if (child.localName === 'sdt') {
      const content = childW(child, 'sdtContent');
      if (content) out.push(...contentOf(content, names));
    } else if (child.localName === 'customXml' || child.localName === 'smartTag') out.push(...contentOf(child, names));
  }
  return out;
}

/** Every descendant element, in document order. */
export function descendants(node: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node): void => {
    for (const child of childElements(n)) {
      out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}

/** Elements whose content a reader does not see as the paragraph's text. */
const HIDDEN = new Set([
  'del',
  'moveFrom',
  'instrText',
  'delText',
  'delInstrText',
  'txbxContent',
  'footnoteReference',
  'endnoteReference',
  'pPr',
  'rPr',
]);

/**
 * The visible text of a paragraph: w:t across runs in order, w:tab as a space, w:br and w:cr as a
 * line break; inside a complex field only the result (after `separate`) counts, and w:fldSimple's
 * result runs count. Deleted text and text boxes are left out; mc:AlternateContent is read once.
 */
export function visibleText(paragraph: Element): string {
  let text = '';
  // For each open complex field: true once its `separate` has been seen.
  const fields: boolean[] = [];
  const walk = (node: Node): void => {
    for (const child of childElements(node)) {
      if (child.namespaceURI === MC && child.localName === 'Fallback') continue;
      if (child.namespaceURI !== W) {
        walk(child);
        continue;
      }
      const name = child.localName ?? '';
      if (name === 'fldChar') {
        const type = attrW(child, 'fldCharType');
        if (type === 'begin') fields.push(false);
        else if (type === 'separate' && fields.length > 0) fields[fields.length - 1] = true;
        else if (type === 'end') fields.pop();
        continue;
      }
      if (HIDDEN.has(name)) continue;
      const shown = fields.every((inResult) => inResult);
      if (name === 't') {
        if (shown) text += child.textContent ?? '';
      } else if (name === 'tab' || name === 'ptab') {
        if (shown) text += ' ';
      } else if (name === 'br' || name === 'cr') {
        if (shown) text += '\n';
      } else if (name === 'noBreakHyphen') {
        if (shown) text += '-';
      } else walk(child);
    }
  };
  walk(paragraph);
  return text;
}

/** Text compared the way a reader compares it: spaces (no-break too) collapsed, ends trimmed. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}
