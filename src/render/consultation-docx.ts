import {
  HeadingLevel,
  LeaderType,
  Paragraph,
  TableOfContents,
  TabStopPosition,
  TabStopType,
  TextRun,
  type FileChild,
} from 'docx';
import { docxFromBlocks, packDocx, runs } from './docx-document.js';
import { CONTENTS_TITLE } from './consultation-markdown.js';
import { readBlocks, readFootnotes, type Block } from './markdown-blocks.js';

/** The text of a block's spans. */
const textOf = (block: Block): string => ('spans' in block ? block.spans.map((s) => s.text).join('') : '');

/** A consultation's Markdown, read once for its HTML page and its Word document. */
export interface ConsultationBlocks {
  blocks: Block[];
  footnotes: ReturnType<typeof readFootnotes>['footnotes'];
  contentsAt: number;
}

/** The consultation's blocks, with the bullets that list the contents taken out (Word makes its own). */
export function consultationBlocks(markdown: string): ConsultationBlocks {
  const { markdown: body, footnotes } = readFootnotes(markdown);
  const read = readBlocks(body);
  const contentsAt = read.findIndex((b) => b.kind === 'paragraph' && textOf(b) === CONTENTS_TITLE);
  if (contentsAt < 0) return { blocks: read, footnotes, contentsAt };
  let end = contentsAt + 1;
  while (read[end]?.kind === 'bullet') end++;
  return { blocks: [...read.slice(0, contentsAt + 1), ...read.slice(end)], footnotes, contentsAt };
}

/**
 * The consultation as a Word document, from its Markdown: the title in Word's Title style, the
 * sections as Heading 1 (so that Word and LibreOffice list them in their navigation), Attachment 1
 * as Heading 2 on a page of its own, a real table of contents field (its entries written in, for a
 * reader that does not update fields; Word is asked to update it on opening), the questions boxed
 * and the footnotes as Word footnotes.
 */
export function renderConsultationDocx(
  read: ConsultationBlocks,
  title: string,
  created: string,
  /** What stands instead of a paragraph that is only this text (a marker line), when it gives something. */
  replace?: (text: string) => FileChild[] | undefined,
): Promise<Uint8Array> {
  const { blocks, footnotes, contentsAt } = read;
  const numbers = new Map<string, number>();
  for (const block of blocks) {
    const spans = block.kind === 'box' ? block.paragraphs.flat() : 'spans' in block ? block.spans : [];
    for (const span of spans)
      if (span.footnote !== undefined && footnotes.has(span.footnote) && !numbers.has(span.footnote))
        numbers.set(span.footnote, numbers.size + 1);
  }
  const sections = blocks.filter((b) => b.kind === 'heading' && b.level === 2).map(textOf);
  const children: FileChild[] = blocks.flatMap((block, i): FileChild[] => {
    if (block.kind === 'heading') {
      const heading = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2][block.level - 1];
      return [
        new Paragraph({
          heading,
          // The first section and each attachment start a page, as in DCC's documents.
          pageBreakBefore: block.level === 3 || (block.level === 2 && textOf(block) === sections[0]),
          // The outline level, written on the paragraph too: LibreOffice's navigator and the PDF's
          // bookmarks list a heading by it, not by the style's name.
          ...(block.level > 1 && { outlineLevel: block.level - 2 }),
          children: runs(block.spans, numbers),
        }),
      ];
    }
    if (i === contentsAt)
      return [
        new Paragraph({ children: runs([{ text: CONTENTS_TITLE, bold: true }]) }),
        new TableOfContents(CONTENTS_TITLE, {
          hyperlink: true,
          headingStyleRange: '1-1',
          contentChildren: sections.map(
            (section) =>
              new Paragraph({
                style: 'TOC1',
                tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX, leader: LeaderType.DOT }],
                children: [new TextRun(section)],
              }),
          ),
        }),
      ];
    const replaced = block.kind === 'paragraph' ? replace?.(textOf(block)) : undefined;
    return replaced ?? docxFromBlocks([block], numbers);
  });
  const notes = Object.fromEntries(
    [...numbers].map(([id, number]) => [
      number,
      { children: [new Paragraph({ children: runs(footnotes.get(id) ?? []) })] },
    ]),
  );
  return packDocx(title, children, {
    created,
    footnotes: notes,
    updateFields: true,
    // Word marks its table of contents as a building block of the gallery "Table of Contents";
    // without the mark, LibreOffice shows the field's code ("TOC \h \o") as text.
    editDocumentXml: (xml) =>
      xml.replace(
        `<w:sdtPr><w:alias w:val="${CONTENTS_TITLE}"/></w:sdtPr>`,
        `<w:sdtPr><w:alias w:val="${CONTENTS_TITLE}"/><w:docPartObj><w:docPartGallery w:val="Table of ` +
          `Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>`,
      ),
  });
}
