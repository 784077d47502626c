import {
  BorderStyle,
  Document,
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
export const HEADER_SHADING = { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' };

/** The document, packed into the bytes of a .docx file. */
export async function packDocx(title: string, children: FileChild[], options: { trackRevisions?: boolean } = {}): Promise<Uint8Array> {
  const document = new Document({
    title,
    creator: 'mtad',
    lastModifiedBy: 'mtad',
    features: { trackRevisions: options.trackRevisions ?? false },
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: 'Arial', size: 32, bold: true }, paragraph: { spacing: { before: 240, after: 160 } } },
        heading2: { run: { font: 'Arial', size: 26, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: 'Arial', size: 22, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
    },
    numbering: { config: [{ reference: BULLETS, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', style: { paragraph: { indent: { left: 360, hanging: 360 } } } }] }] },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, right: 1418, bottom: 1418, left: 1418 } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A table with borders on every cell, as wide as the text. */
export function borderedTable(rows: TableRow[], columnWidths: number[]): Table {
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

/** A heading cell: bold text on grey. */
export function headerCell(children: ParagraphChild[]): TableCell {
  return new TableCell({ shading: HEADER_SHADING, children: [new Paragraph({ children })] });
}

// bold is set only when true: an explicit "not bold" would override a heading style's bold.
const runs = (spans: readonly Span[]): TextRun[] => spans.map((span) => new TextRun({ text: span.text, ...(span.bold && { bold: true }) }));
const boldRuns = (spans: readonly Span[]): TextRun[] => spans.map((span) => new TextRun({ text: span.text, bold: true }));

/**
 * A Markdown table as a Word table. A one-column table whose body cells are empty is room for an
 * answer: its cell is made tall enough to write in.
 */
function blockTable(header: Span[][], rows: Span[][][]): Table {
  const columns = Math.max(header.length, 1);
  const answerBox = columns === 1 && rows.every((row) => row.every((cell) => cell.length === 0));
  const widths = columns === 2 ? [Math.round(TEXT_WIDTH * 0.35), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.35)] : Array.from({ length: columns }, () => Math.floor(TEXT_WIDTH / columns));
  return borderedTable(
    [
      new TableRow({ tableHeader: true, children: header.map((cell) => headerCell(boldRuns(cell))) }),
      ...rows.map(
        (row) =>
          new TableRow({
            ...(answerBox && { height: { value: 2268, rule: HeightRule.ATLEAST } }),
            children: Array.from({ length: columns }, (_, i) => new TableCell({ children: [new Paragraph({ children: runs(row[i] ?? []) })] })),
          }),
      ),
    ],
    widths,
  );
}

/** Markdown blocks (see markdown-blocks.ts) as the paragraphs and tables of a Word document. */
export function docxFromBlocks(blocks: readonly Block[]): FileChild[] {
  return blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return new Paragraph({ heading: HEADINGS[block.level], children: runs(block.spans) });
      case 'paragraph':
        return new Paragraph({ children: runs(block.spans) });
      case 'bullet':
        return new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: runs(block.spans) });
      case 'table':
        return blockTable(block.header, block.rows);
    }
  });
}
