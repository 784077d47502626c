import { consultationBlocks } from '../../src/render/consultation-docx.js';
import type { Span } from '../../src/render/markdown-blocks.js';

/**
 * The words of a consultation, for comparing the generated document with the reference's text.
 * Only what is layout in the reference's text is set aside, each case named here:
 * - the contents' page numbers and leader dots ("Introduction and Context3**");
 * - where the footnotes' text stands (at the foot of a page in the reference, at the end here): the
 *   footnote bodies are compared as a list of their own;
 * - the reference's table header "Attachment / Title", whose "/" is the converter's cell separator.
 * A footnote call is a superscript digit in both.
 */
export interface ConsultationWords {
  words: string[];
  footnotes: string[];
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (n: number) => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');
const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');

/** The words of the reference's text, from its title to the end of Attachment 1. */
export function referenceWords(text: string): ConsultationWords {
  const footnotes: string[] = [];
  const lines = text.split(/\r?\n/).flatMap((line): string[] => {
    const note = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+) <(.+)>$/.exec(line.trim());
    if (note) {
      footnotes.push(note[2] ?? '');
      return [];
    }
    const contents = /^- (\d+\. .*?)\.*\d+\*\*$/.exec(line.trim());
    if (contents) return [contents[1] ?? ''];
    if (line.trim() === 'Attachment / Title') return ['Attachment Title'];
    return [line];
  });
  return { words: words(lines.join('\n')), footnotes };
}

/** The words of the generated consultation.md, read as the Word and HTML renderers read it. */
export function generatedWords(markdown: string): ConsultationWords {
  const { blocks, footnotes } = consultationBlocks(markdown);
  const order: string[] = [];
  const text = (spans: readonly Span[]) =>
    spans
      .map((span) => {
        if (span.footnote === undefined) return span.text;
        if (!order.includes(span.footnote)) order.push(span.footnote);
        return superscript(order.indexOf(span.footnote) + 1);
      })
      .join('');
  const sections = blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [text(b.spans)] : []));
  const lines = blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'table':
        return [block.header.map(text).join(' '), ...block.rows.map((row) => row.map(text).join(' '))];
      case 'box':
        return block.paragraphs.map(text);
      case 'bullet':
        return [`- ${text(block.spans)}`];
      default: {
        const line = text(block.spans);
        return line === 'Table of Contents' ? [line, ...sections] : [line];
      }
    }
  });
  return {
    words: words(lines.join('\n')),
    footnotes: order.map((id) => (footnotes.get(id) ?? []).map((s) => s.text).join('')),
  };
}

/** The first place two word sequences differ, with a few words either side; undefined when equal. */
export function firstDifference(expected: readonly string[], actual: readonly string[]): string | undefined {
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    if (expected[i] === actual[i]) continue;
    const around = (list: readonly string[]) => list.slice(Math.max(0, i - 8), i + 8).join(' ');
    return `word ${i + 1}: expected ${JSON.stringify(expected[i])}, got ${JSON.stringify(actual[i])}\n  reference: …${around(expected)}…\n  generated: …${around(actual)}…`;
  }
  return undefined;
}
