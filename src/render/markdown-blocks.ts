import { Lexer, type Token, type Tokens } from 'marked';

/**
 * The small Markdown subset mtad's templates are written in, read into blocks so that a Word
 * document can be built from the same wording as the Markdown one: `#`/`##`/`###` headings,
 * paragraphs, `- ` bullet items, and tables whose second line is the `| --- |` separator. Inline,
 * only `**bold**`, backslash escapes and the entities escapeHtml writes are understood. marked's
 * lexer reads the Markdown; this module keeps what the subset means.
 */

/** A piece of a line: its text as a reader sees it, and whether it is bold. */
export interface Span {
  text: string;
  bold: boolean;
  /** The id of the footnote this span calls (`[^id]`); its text is then empty. */
  footnote?: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; spans: Span[] }
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'bullet'; spans: Span[] }
  | { kind: 'table'; header: Span[][]; rows: Span[][][] }
  /** A block quote: in mtad's documents, a boxed question. */
  | { kind: 'box'; paragraphs: Span[][] };

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Spans of marked's inline tokens: strong is bold, escapes and entities are read, the rest is as written. */
function spansOf(tokens: readonly Token[], bold = false): Span[] {
  return tokens.flatMap((token): Span[] => {
    switch (token.type) {
      case 'strong':
        return spansOf((token as Tokens.Strong).tokens, !bold);
      case 'escape':
        return [{ text: (token as Tokens.Escape).text, bold }];
      case 'link':
        // A link reads as its text; an autolink's text is its address.
        return spansOf((token as Tokens.Link).tokens, bold);
      case 'text':
        return 'tokens' in token && token.tokens
          ? spansOf(token.tokens, bold)
          : [{ text: decodeEntities(token.text), bold }];
      default:
        // Outside mtad's subset (emphasis, code, links): shown as written, as a reader sees it.
        return [{ text: token.raw, bold }];
    }
  });
}

const decodeEntities = (text: string): string =>
  text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);

/** Joins neighbouring spans of the same weight, and the lines of a paragraph with a space. */
function joinSpans(spans: readonly Span[]): Span[] {
  const joined: Span[] = [];
  for (const span of spans) {
    const text = span.text.replace(/[ \t]*\n[ \t]*/g, ' ');
    const last = joined.at(-1);
    if (last && last.bold === span.bold) last.text += text;
    else if (text) joined.push({ text, bold: span.bold });
  }
  return joined;
}

const FOOTNOTE_CALL = /\[\^([^\]\s]+)\]/g;

/** Spans with each footnote call (`[^id]`) in their text made a span of its own. */
function splitFootnoteCalls(spans: readonly Span[]): Span[] {
  return spans.flatMap((span) =>
    span.text.split(FOOTNOTE_CALL).flatMap((part, i): Span[] => {
      if (i % 2 === 1) return [{ text: '', bold: span.bold, footnote: part }];
      return part ? [{ text: part, bold: span.bold }] : [];
    }),
  );
}

const inline = (tokens: readonly Token[]): Span[] => splitFootnoteCalls(joinSpans(spansOf(tokens)));

const FOOTNOTE_DEFINITION = /^\[\^([^\]\s]+)\]:[ \t]+(.*)$/gm;

/**
 * The footnotes of Markdown text (`[^id]: text`, each on one line), by id in the order they are
 * written, and the text without them.
 */
export function readFootnotes(markdown: string): { markdown: string; footnotes: Map<string, Span[]> } {
  const footnotes = new Map<string, Span[]>();
  const rest = markdown.replace(FOOTNOTE_DEFINITION, (_, id: string, text: string) => {
    footnotes.set(id, readInline(text));
    return '';
  });
  return { markdown: rest, footnotes };
}

/** Reads inline Markdown into spans: `**` makes bold; escapes and entities are read. */
export function readInline(text: string): Span[] {
  return inline(Lexer.lexInline(text));
}

/** Reads Markdown text (of the subset above) into blocks, with marked's lexer. */
export function readBlocks(markdown: string): Block[] {
  return Lexer.lex(markdown).flatMap((token): Block[] => {
    switch (token.type) {
      case 'heading': {
        const { depth, tokens } = token as Tokens.Heading;
        return depth <= 3
          ? [{ kind: 'heading', level: depth as 1 | 2 | 3, spans: inline(tokens) }]
          : [{ kind: 'paragraph', spans: inline(tokens) }];
      }
      case 'paragraph':
        return [{ kind: 'paragraph', spans: inline((token as Tokens.Paragraph).tokens) }];
      case 'list':
        return (token as Tokens.List).items.map((item) => ({ kind: 'bullet', spans: inline(item.tokens) }));
      case 'table': {
        const table = token as Tokens.Table;
        return [
          {
            kind: 'table',
            header: table.header.map((cell) => inline(cell.tokens)),
            rows: table.rows.map((row) => row.map((cell) => inline(cell.tokens))),
          },
        ];
      }
      case 'blockquote':
        return [
          {
            kind: 'box',
            paragraphs: (token as Tokens.Blockquote).tokens.flatMap((inner) =>
              inner.type === 'paragraph' ? [inline((inner as Tokens.Paragraph).tokens)] : [],
            ),
          },
        ];
      case 'space':
        return [];
      default:
        return [{ kind: 'paragraph', spans: joinSpans([{ text: token.raw.trim(), bold: false }]) }];
    }
  });
}
