/**
 * The small Markdown subset mtad's templates are written in, read into blocks so that a Word
 * document can be built from the same wording as the Markdown one: `#`/`##`/`###` headings,
 * paragraphs, `- ` bullet items, and tables whose second line is the `| --- |` separator. Inline,
 * only `**bold**`, backslash escapes and the entities escapeHtml writes are understood.
 */

/** A piece of a line: its text as a reader sees it, and whether it is bold. */
export interface Span {
  text: string;
  bold: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; spans: Span[] }
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'bullet'; spans: Span[] }
  | { kind: 'table'; header: Span[][]; rows: Span[][][] };

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Reads inline Markdown into spans: `**` toggles bold unless escaped; escapes are removed. */
export function readInline(text: string): Span[] {
  const spans: Span[] = [];
  let bold = false;
  let current = '';
  const flush = (): void => {
    if (current) spans.push({ text: current, bold });
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const rest = text.slice(i);
    const entity = /^&(?:amp|lt|gt|quot|#39);/.exec(rest)?.[0];
    if (text[i] === '\\' && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) current += text[++i];
    else if (entity) {
      current += ENTITIES[entity];
      i += entity.length - 1;
    } else if (rest.startsWith('**')) {
      flush();
      bold = !bold;
      i++;
    } else current += text[i];
  }
  flush();
  return spans;
}

/** The cells of a table line `| a | b |`, split on pipes that are not escaped. */
function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

const isSeparator = (line: string | undefined): boolean => line !== undefined && /^\|(\s*:?-+:?\s*\|)+\s*$/.test(line.trim());

/** Reads Markdown text (of the subset above) into blocks. */
export function readBlocks(markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = (): void => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', spans: readInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      endParagraph();
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, spans: readInline(heading[2]!) });
    } else if (line.startsWith('- ')) {
      endParagraph();
      blocks.push({ kind: 'bullet', spans: readInline(line.slice(2)) });
    } else if (line.startsWith('|') && isSeparator(lines[i + 1])) {
      endParagraph();
      const header = tableCells(line).map(readInline);
      const rows: Span[][][] = [];
      for (i += 2; i < lines.length && (lines[i] ?? '').startsWith('|'); i++) rows.push(tableCells(lines[i] ?? '').map(readInline));
      i--;
      blocks.push({ kind: 'table', header, rows });
    } else if (line.trim() === '') endParagraph();
    else paragraph.push(line.trim());
  }
  endParagraph();
  return blocks;
}
