/*
 * LibreOffice (7.4) numbers and writes a PDF's embedded fonts in the order of the addresses of its
 * font objects in memory, which changes from run to run: the same document converted twice can
 * give the regular font's objects 5-9 one time and the bold font's the next, and every offset after
 * them moves. The content is the same; only the object numbers and the order differ. So that a pack
 * is the same bytes on every run, the PDF is renumbered here in an order that depends on its content
 * alone: objects are numbered as they are first reached from the trailer (/Root, then /Info),
 * dictionaries visited in the order of their keys, arrays in their order; each object is written
 * again, in that order, with its references renumbered and every other byte (stream data included)
 * kept; the cross-reference table is made again for the new offsets.
 *
 * Only what LibreOffice writes is handled: one classic cross-reference table, no object streams,
 * no incremental update. Anything else is returned as it came, unchanged.
 */

/** A parsed PDF value: only what the renumbering needs (references, and the keys of dictionaries). */
type PdfValue =
  | { kind: 'dict'; entries: { key: string; value: PdfValue }[] }
  | { kind: 'array'; items: PdfValue[] }
  | { kind: 'ref'; num: number; start: number; end: number }
  | { kind: 'atom' };

/** A PDF as LibreOffice lays it out: what precedes the first object, the objects, the trailer. */
export interface PdfLayout {
  header: string;
  objects: Map<number, PdfObject>;
  trailer: PdfValue;
  /** The trailer's dictionary as written. */
  trailerText: string;
}

interface PdfObject {
  num: number;
  /** The object's text between "N 0 obj" and "endobj", exclusive. */
  body: string;
  /** The end of its value (a dictionary, an array...) in `body`: a stream's data follows it. */
  valueEnd: number;
  value: PdfValue;
}

const WHITESPACE = /[\0\t\n\f\r ]/;
const DELIMITER = /[()<>[\]{}/%\0\t\n\f\r ]/;

/** Reads one PDF value of `text` from `at`; the value and where it ends. Throws on what it does not know. */
function readValue(text: string, at: number): { value: PdfValue; end: number } {
  let i = skipSpace(text, at);
  const c = text[i];
  if (c === '<' && text[i + 1] === '<') {
    i += 2;
    const entries: { key: string; value: PdfValue }[] = [];
    for (;;) {
      i = skipSpace(text, i);
      if (text[i] === '>' && text[i + 1] === '>') return { value: { kind: 'dict', entries }, end: i + 2 };
      if (text[i] !== '/') throw new Error(`a dictionary key was expected at ${i}`);
      const keyEnd = nameEnd(text, i + 1);
      const key = text.slice(i + 1, keyEnd);
      const read = readValue(text, keyEnd);
      entries.push({ key, value: read.value });
      i = read.end;
    }
  }
  if (c === '[') {
    i += 1;
    const items: PdfValue[] = [];
    for (;;) {
      i = skipSpace(text, i);
      if (text[i] === ']') return { value: { kind: 'array', items }, end: i + 1 };
      const read = readValue(text, i);
      items.push(read.value);
      i = read.end;
    }
  }
  if (c === '(') return { value: { kind: 'atom' }, end: literalStringEnd(text, i) };
  if (c === '<') {
    const close = text.indexOf('>', i);
    if (close < 0) throw new Error(`an unterminated hex string at ${i}`);
    return { value: { kind: 'atom' }, end: close + 1 };
  }
  if (c === '/') return { value: { kind: 'atom' }, end: nameEnd(text, i + 1) };
  const reference = /^(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+R(?=[()<>[\]{}/%\0\t\n\f\r ]|$)/.exec(
    text.slice(i, i + 40),
  );
  if (reference) {
    const end = i + reference[0].length;
    return { value: { kind: 'ref', num: Number(reference[1]), start: i, end }, end };
  }
  const token = /^[^()<>[\]{}/%\0\t\n\f\r ]+/.exec(text.slice(i, i + 64));
  if (!token) throw new Error(`a value was expected at ${i}`);
  return { value: { kind: 'atom' }, end: i + token[0].length };
}

function skipSpace(text: string, at: number): number {
  let i = at;
  for (;;) {
    while (i < text.length && WHITESPACE.test(text[i] as string)) i += 1;
    if (text[i] !== '%') return i;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i += 1;
  }
}

function nameEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !DELIMITER.test(text[i] as string)) i += 1;
  return i;
}

/** The end of the literal string "(...)" that starts at `at`: escapes and balanced parentheses. */
function literalStringEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`an unterminated string at ${at}`);
}

/** Every reference in `value`, in the canonical order: dictionary keys sorted, arrays in order. */
function referencesOf(value: PdfValue): number[] {
  switch (value.kind) {
    case 'ref':
      return [value.num];
    case 'array':
      return value.items.flatMap(referencesOf);
    case 'dict':
      return [...value.entries]
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .flatMap((entry) => referencesOf(entry.value));
    case 'atom':
      return [];
  }
}

/** Every reference in `value`, with where it stands in the text. */
function referenceSpans(value: PdfValue): { num: number; start: number; end: number }[] {
  if (value.kind === 'ref') return [value];
  if (value.kind === 'array') return value.items.flatMap(referenceSpans);
  if (value.kind === 'dict') return value.entries.flatMap((entry) => referenceSpans(entry.value));
  return [];
}

/** The objects and trailer of a PDF laid out as LibreOffice writes it, or undefined for any other layout. */
function readLayout(text: string): PdfLayout | undefined {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start) return undefined;
  const xrefAt = Number(start[1]);
  const xref = /^xref\r?\n0 (\d+)\r?\n/.exec(text.slice(xrefAt, xrefAt + 32));
  if (!xref) return undefined;
  const count = Number(xref[1]);
  const entriesAt = xrefAt + xref[0].length;
  const trailerAt = entriesAt + count * 20;
  if (!/^trailer\s*<</.test(text.slice(trailerAt, trailerAt + 16))) return undefined;
  const trailerValueAt = text.indexOf('<<', trailerAt);
  const trailerText = text.slice(trailerValueAt, readValue(text, trailerValueAt).end);
  // Read again from its own text, so that the positions of its references are in that text.
  const trailer = readValue(trailerText, 0);
  if (
    trailer.value.kind !== 'dict' ||
    trailer.value.entries.some((entry) => entry.key === 'Prev' || entry.key === 'XRefStm')
  ) {
    return undefined;
  }
  const offsets: { num: number; offset: number }[] = [];
  for (let num = 1; num < count; num += 1) {
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(text.slice(entriesAt + num * 20, entriesAt + num * 20 + 18));
    if (!entry) return undefined;
    if (entry[3] === 'n') offsets.push({ num, offset: Number(entry[1]) });
  }
  offsets.sort((a, b) => a.offset - b.offset);
  const objects = new Map<number, PdfObject>();
  for (const [index, { num, offset }] of offsets.entries()) {
    const spanEnd = offsets[index + 1]?.offset ?? xrefAt;
    const head = new RegExp(`^${num} 0 obj`).exec(text.slice(offset, offset + 24));
    const close = text.lastIndexOf('endobj', spanEnd);
    if (!head || close < offset) return undefined;
    const body = text.slice(offset + head[0].length, close);
    const read = readValue(body, 0);
    // Objects packed in object streams, or a cross-reference stream: not LibreOffice's layout.
    if (/\/Type\s*\/(ObjStm|XRef)\b/.test(body.slice(0, read.end))) return undefined;
    objects.set(num, { num, body, valueEnd: read.end, value: read.value });
  }
  const firstObject = offsets[0]?.offset ?? xrefAt;
  return { header: text.slice(0, firstObject), objects, trailer: trailer.value, trailerText };
}

/** `text` with each reference in `spans` (positions in it, before `limit`) renumbered by `numbers`. */
function renumbered(
  text: string,
  spans: { num: number; start: number; end: number }[],
  numbers: Map<number, number>,
): string {
  let out = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const num = numbers.get(span.num);
    if (num === undefined) throw new Error(`a reference to object ${span.num}, which the file does not hold`);
    out += `${text.slice(at, span.start)}${num} 0 R`;
    at = span.end;
  }
  return out + text.slice(at);
}

/**
 * The PDF renumbered and laid out in an order of its content alone (see above): two conversions
 * of one document that differ only in the numbering and order of their objects give the same bytes.
 * A PDF laid out otherwise than LibreOffice writes it comes back unchanged.
 */
export function canonicalPdf(pdf: Uint8Array): Uint8Array {
  return renumberedPdf(pdf, (layout) => {
    // Number the objects as they are first reached from the trailer, depth first.
    const numbers = new Map<number, number>();
    const stack = referencesOf(layout.trailer).reverse();
    while (stack.length > 0) {
      const next = stack.pop() as number;
      const object = layout.objects.get(next);
      if (numbers.has(next) || !object) continue;
      numbers.set(next, numbers.size + 1);
      stack.push(...referencesOf(object.value).reverse());
    }
    // Objects nothing refers to (LibreOffice writes none) keep their relative order, after the rest.
    for (const num of [...layout.objects.keys()].sort((a, b) => a - b)) {
      if (!numbers.has(num)) numbers.set(num, numbers.size + 1);
    }
    return numbers;
  });
}

/**
 * The PDF with its objects numbered by `numbering` (old number to new, 1 to N, each once) and
 * written in the order of their new numbers; the PDF unchanged when its layout is not LibreOffice's.
 */
export function renumberedPdf(pdf: Uint8Array, numbering: (layout: PdfLayout) => Map<number, number>): Uint8Array {
  // latin1 maps each byte to one character and back: stream data passes through unchanged.
  const text = Buffer.from(pdf).toString('latin1');
  try {
    const layout = readLayout(text);
    if (!layout) return pdf;
    const numbers = numbering(layout);
    const byNumber = [...layout.objects.values()].sort(
      (a, b) => (numbers.get(a.num) as number) - (numbers.get(b.num) as number),
    );
    const offsets: number[] = [];
    let out = layout.header;
    for (const object of byNumber) {
      offsets.push(out.length);
      const value = renumbered(object.body.slice(0, object.valueEnd), referenceSpans(object.value), numbers);
      out += `${numbers.get(object.num) as number} 0 obj${value}${object.body.slice(object.valueEnd)}endobj\n\n`;
    }
    const xrefAt = out.length;
    const size = byNumber.length + 1;
    out += `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
    const trailer = renumbered(layout.trailerText, referenceSpans(layout.trailer), numbers);
    out += `trailer\n${trailer.replace(/\/Size \d+/, `/Size ${size}`)}\nstartxref\n${xrefAt}\n%%EOF\n`;
    return new Uint8Array(Buffer.from(out, 'latin1'));
  } catch {
    return pdf;
  }
}
