/**
 * Text that can act on whoever reads it: characters a terminal, a log parser or a reader's eye
 * takes for something other than what they are, and the skeleton that shows two names look alike.
 */

import { LineCounter } from 'yaml';

/** Line breaks and tabs: no single-line field may hold one (a new line in a log is a new command). */
export const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

/**
 * Characters that change how text is shown without being seen: the bidirectional controls
 * (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), which reorder what follows ("Trojan
 * Source"), and the zero-width and invisible format characters (U+00AD, U+180E, U+200B-U+200D,
 * U+2060-U+2064, U+FEFF), which make two different names print the same.
 */
export const HIDDEN_CHARACTER = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

const HIDDEN_ALL = new RegExp(HIDDEN_CHARACTER.source, 'g');
const SHOWN_ESCAPED = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]|${HIDDEN_CHARACTER.source}`, 'g');
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** "U+202E": a character named by its code point. */
export function codePointOf(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const escapeCharacter = (c: string) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with every control character, line or paragraph separator and hidden character written
 * as an escape (`\n`, `\u202e`): for a file name or any other text printed on one line.
 */
export function escapeForLine(text: string): string {
  return text.replace(SHOWN_ESCAPED, escapeCharacter);
}

/**
 * `text` with the hidden characters and U+2028/U+2029 written as `\uXXXX`, line breaks kept: for
 * a whole output. In JSON the escape is the same string; elsewhere it shows what is there.
 */
export function escapeHidden(text: string): string {
  return text.replace(/[\u2028\u2029]/g, escapeCharacter).replace(HIDDEN_ALL, escapeCharacter);
}

/**
 * Letters of the Cyrillic and Greek scripts that look like Latin ones, and digits and marks that
 * look like letters, each mapped to the character it is mistaken for. Taken from Unicode's
 * confusables data (UTS #39, https://www.unicode.org/Public/security/latest/confusables.txt),
 * restricted to the letters a cohort name is written in; other scripts' look-alikes and
 * compatibility forms (full-width letters, ligatures) are folded by NFKC first.
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'l',
  Ӏ: 'l',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ѕ: 'S',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ү: 'Y',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ԍ: 'G',
  а: 'a',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  ӏ: 'l',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  ѵ: 'v',
  ԝ: 'w',
  х: 'x',
  у: 'y',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'l',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  Ϳ: 'J',
  α: 'a',
  ι: 'i',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  ϲ: 'c',
  ϳ: 'j',
  // Latin and digits that confusables.txt maps together
  '0': 'O',
  '1': 'l',
  I: 'l',
  '|': 'l',
};
const LOOK_ALIKE = new RegExp(
  `[${Object.keys(LOOK_ALIKES)
    .join('')
    .replace(/[|\]\\^-]/g, '\\$&')}]`,
  'g',
);

/**
 * The skeleton of a name: what a reader sees of it. Two names with the same skeleton look the
 * same ("МOC (Secure)" in Cyrillic and "MOC (Secure)"): compatibility forms folded (NFKC), hidden
 * characters dropped, look-alike letters mapped, runs of spaces made one, the ends trimmed.
 */
export function skeletonOf(text: string): string {
  return text
    .normalize('NFKC')
    .replace(HIDDEN_ALL, '')
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The redline's marks of deleted and inserted text in plain text (`[-old-]{+new+}`). */
export const REDLINE_MARK = /\[-|-\]|\{\+|\+\}/;

/**
 * The 1-based line and column of `offset` in `text`, as the yaml library's LineCounter counts them
 * for the parser's own positions (a column counts UTF-16 code units from the line's start).
 */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const counter = new LineCounter();
  // Line starts, as the parser reports them: the first line's, then each after a line feed.
  counter.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) counter.addNewLine(at + 1);
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}
