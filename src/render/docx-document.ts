import {
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  HeightRule,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { escapeHtml } from './escape.js';
import type { Block, Span } from './markdown-blocks.js';

/**
 * What every Word document of the pack shares: A4 pages with 2.5 cm margins, Arial, headings,
 * bordered tables. Heavy (it loads docx): only `mtad amend --out` imports it.
 */

/** The width of the text on an A4 page with 2.5 cm margins, in twentieths of a point. */
export const TEXT_WIDTH = 11906 - 2 * 1418;

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const BULLETS = 'bullets';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const HEADER_SHADING = { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' };

/** What a Word document of the pack says about itself beyond its content. */
export interface DocxOptions {
  /**
   * The instant the document is dated (docProps/core.xml's created and modified, and the time of
   * every entry of the zip), e.g. "2022-12-05T00:00:00Z": taken from the data, never the clock,
   * so that the same data gives the same bytes.
   */
  created: string;
  trackRevisions?: boolean;
  /** The footnotes the document calls, by number, each as its paragraphs. */
  footnotes?: Record<number, { children: Paragraph[] }>;
  /** Ask Word to update the fields (a table of contents) when the document is opened. */
  updateFields?: boolean;
  /** A last edit of word/document.xml, for what the docx library cannot write. */
  editDocumentXml?: (xml: string) => string;
}

/**
 * The time fflate gives every entry, so that it never reads the clock (and never refuses a clock set
 * outside the years it can write, 1980 to 2099). setZipEntryTimes then writes the document's own in
 * UTC: fflate reads a date in the machine's time zone.
 */
const PLACEHOLDER_TIME = new Date(1980, 0, 2);

/** The document, packed into the bytes of a .docx file. */
export async function packDocx(title: string, children: FileChild[], options: DocxOptions): Promise<Uint8Array> {
  const document = new Document({
    title,
    creator: 'mtad',
    lastModifiedBy: 'mtad',
    features: {
      trackRevisions: options.trackRevisions ?? false,
      ...(options.updateFields && { updateFields: true }),
    },
    ...(options.footnotes && { footnotes: options.footnotes }),
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: 'Arial', size: 32, bold: true }, paragraph: { spacing: { before: 240, after: 160 } } },
        heading2: { run: { font: 'Arial', size: 26, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: 'Arial', size: 22, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              style: { paragraph: { indent: { left: 360, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, right: 1418, bottom: 1418, left: 1418 } },
        },
        children,
      },
    ],
  });
  // docx dates core.xml by the clock: it is replaced by one dated from the data, and the zip's
  // entry times are set to the same instant.
  const entries = await compiledEntries(document, [
    { path: 'docProps/core.xml', data: coreProperties(title, options.created) },
  ]);
  if (options.editDocumentXml) {
    const xml = entries['word/document.xml'];
    if (!xml) throw new Error('docx compiled no word/document.xml');
    entries['word/document.xml'] = strToU8(options.editDocumentXml(strFromU8(xml)));
  }
  return setZipEntryTimes(zipSync(compressionOf(entries), { mtime: PLACEHOLDER_TIME }), new Date(options.created));
}

/**
 * What docx's compiler gives back: a JSZip archive whose entries are the uncompressed bytes of the
 * package's parts. `Packer` would deflate them with jszip's bundled pako, which sets up its
 * compressor afresh (arrays zero-filled in JavaScript) for each of the 22 parts of every document;
 * and a document mtad edits was then unzipped and zipped again. The two took about 140 ms of the
 * 490 ms of a profiled `mtad amend --out`. mtad takes the parts from the compiler instead and zips
 * them once, with fflate.
 * `Packer.compiler` is private in docx's types; tests/unit/library-contracts.test.ts pins it.
 */
interface CompiledZip {
  files: Record<string, { dir: boolean; async(type: 'uint8array'): Promise<Uint8Array> }>;
}
interface DocxCompiler {
  compile(file: Document, prettify: undefined, overrides: { path: string; data: string }[]): CompiledZip;
}

/** The parts of the document, by path, in the order docx writes them; folders as empty entries. */
export async function compiledEntries(
  document: Document,
  overrides: { path: string; data: string }[],
): Promise<Record<string, Uint8Array>> {
  const { compiler } = Packer as unknown as { compiler: DocxCompiler };
  const zip = compiler.compile(document, undefined, overrides);
  const files = Object.entries(zip.files);
  const contents = await Promise.all(
    files.map(([, file]) => (file.dir ? new Uint8Array(0) : file.async('uint8array'))),
  );
  return Object.fromEntries(files.map(([path], i) => [path, contents[i] as Uint8Array]));
}

/**
 * A part is deflated when it is at least this long, and stored when shorter. fflate's deflate
 * costs about a millisecond a call until V8 has compiled it, whatever the size: deflating the parts
 * under 4 KiB (relationships, settings, numbering, fonts, notes: 68 calls in a pack of four
 * documents) took 70 to 100 ms of a run, to save 12 to 15 KB a document. word/document.xml and
 * word/styles.xml, which hold most of the bytes, are deflated when they reach it.
 */
const DEFLATE_FROM = 4096;

const compressionOf = (entries: Record<string, Uint8Array>): Record<string, [Uint8Array, { level: 0 | 6 }]> =>
  Object.fromEntries(
    Object.entries(entries).map(([path, bytes]) => [path, [bytes, { level: bytes.length >= DEFLATE_FROM ? 6 : 0 }]]),
  );

/** docProps/core.xml as docx writes it, dated `created`. */
function coreProperties(title: string, created: string): string {
  const dated = (name: string) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${created}</dcterms:${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">') +
    `<dc:title>${escapeHtml(title)}</dc:title><dc:creator>mtad</dc:creator>` +
    `<cp:lastModifiedBy>mtad</cp:lastModifiedBy><cp:revision>1</cp:revision>${dated('created')}${dated('modified')}` +
    '</cp:coreProperties>'
  );
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/**
 * The zip with every entry's MS-DOS modification time and date set to `instant` (read as UTC,
 * clamped to the years DOS time can hold, 1980 to 2107), in both the central directory and each
 * local header (PKWARE APPNOTE 4.3.7 and 4.3.12). Bytes are changed in place; sizes and offsets
 * do not move.
 */
function setZipEntryTimes(zip: Uint8Array, instant: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const year = Math.min(Math.max(instant.getUTCFullYear(), 1980), 2107);
  const inRange = year === instant.getUTCFullYear();
  const time = inRange
    ? (instant.getUTCHours() << 11) | (instant.getUTCMinutes() << 5) | (instant.getUTCSeconds() >> 1)
    : 0;
  const date =
    ((year - 1980) << 9) | ((inRange ? instant.getUTCMonth() + 1 : 1) << 5) | (inRange ? instant.getUTCDate() : 1);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0) throw new Error('the zip of a Word file has no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER)
      throw new Error('the zip of a Word file has a central directory that does not parse');
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER)
      throw new Error('the zip of a Word file has a local header that does not parse');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

/** A table with borders on every cell, as wide as the text. */
export function borderedTable(rows: TableRow[], columnWidths: number[]): Table {
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}

/** A heading cell: bold text on grey. */
export function headerCell(children: ParagraphChild[]): TableCell {
  return new TableCell({ shading: HEADER_SHADING, children: [new Paragraph({ children })] });
}

/** The number of each footnote a document calls, by its id. */
export type FootnoteNumbers = ReadonlyMap<string, number>;

// bold is set only when true: an explicit "not bold" would override a heading style's bold.
export const runs = (spans: readonly Span[], footnotes?: FootnoteNumbers): ParagraphChild[] =>
  spans.map((span) => {
    const number = span.footnote === undefined ? undefined : footnotes?.get(span.footnote);
    if (number !== undefined) return new FootnoteReferenceRun(number);
    return new TextRun({
      text: span.footnote === undefined ? span.text : `[^${span.footnote}]`,
      ...(span.bold && { bold: true }),
    });
  });
const boldRuns = (spans: readonly Span[]): TextRun[] =>
  spans.map((span) => new TextRun({ text: span.text, bold: true }));

/**
 * A Markdown table as a Word table. A one-column table whose body cells are empty is room for an
 * answer: its cell is made tall enough to write in.
 */
function blockTable(header: Span[][], rows: Span[][][]): Table {
  const columns = Math.max(header.length, 1);
  const answerBox = columns === 1 && rows.every((row) => row.every((cell) => cell.length === 0));
  const widths =
    columns === 2
      ? [Math.round(TEXT_WIDTH * 0.35), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.35)]
      : Array.from({ length: columns }, () => Math.floor(TEXT_WIDTH / columns));
  return borderedTable(
    [
      new TableRow({ tableHeader: true, children: header.map((cell) => headerCell(boldRuns(cell))) }),
      ...rows.map(
        (row) =>
          new TableRow({
            ...(answerBox && { height: { value: 2268, rule: HeightRule.ATLEAST } }),
            children: Array.from(
              { length: columns },
              (_, i) => new TableCell({ children: [new Paragraph({ children: runs(row[i] ?? []) })] }),
            ),
          }),
      ),
    ],
    widths,
  );
}

/** A box around paragraphs, as wide as the text: a question of a consultation. */
function boxTable(paragraphs: readonly Span[][], footnotes?: FootnoteNumbers): Table {
  return borderedTable(
    [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            margins: { top: 120, bottom: 120, left: 120, right: 120 },
            children: paragraphs.map((spans) => new Paragraph({ children: runs(spans, footnotes) })),
          }),
        ],
      }),
    ],
    [TEXT_WIDTH],
  );
}

/**
 * Markdown blocks (see markdown-blocks.ts) as the paragraphs and tables of a Word document. A
 * footnote call becomes a Word footnote reference when `footnotes` numbers it.
 */
export function docxFromBlocks(blocks: readonly Block[], footnotes?: FootnoteNumbers): FileChild[] {
  return blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return new Paragraph({ heading: HEADINGS[block.level], children: runs(block.spans, footnotes) });
      case 'paragraph':
        return new Paragraph({ children: runs(block.spans, footnotes) });
      case 'bullet':
        return new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: runs(block.spans, footnotes) });
      case 'table':
        return blockTable(block.header, block.rows);
      case 'box':
        return boxTable(block.paragraphs, footnotes);
    }
  });
}
