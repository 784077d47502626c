import wrapAnsi from 'wrap-ansi';

/** A space inside a bracketed placeholder ("[DD MM YYYY]"), held while wrapping: never a break. */
const HELD_SPACE = '\uE000';

/** The columns left for text after a hanging indent: narrower than this, a line is left alone. */
const MIN_TEXT_WIDTH = 20;

/** A table's rule or a Markdown table row: its columns are its layout, and a terminal shows it as is. */
// Box-drawing characters written as escapes: the bundle stays ASCII (scripts/build.mjs says why).
const TABLE_LINE = /^\s*[|\u2502\u250C\u2514\u251C\u2500]/;

/** Colour codes, which take no column. */
const SGR = /\u001B\[[0-9;]*m/g;

/** Where in `line` (colour codes and all) its visible column `column` starts. */
function rawIndex(line: string, column: number): number {
  let visible = 0;
  let i = 0;
  while (i < line.length && visible < column) {
    const code = /^\u001B\[[0-9;]*m/.exec(line.slice(i));
    if (code) i += code[0].length;
    else {
      i++;
      visible++;
    }
  }
  // Colour codes that start the column go with the text after it.
  return i;
}

/**
 * Where a line's wrapped text continues: under its last column, after the last run of two or more
 * spaces (a table row's message, an aligned "label:   value"), else under its first character
 * (the indentation of prose).
 */
function hangingIndent(line: string): number {
  const text = line.trimStart();
  const lead = line.length - text.length;
  const runs = [...text.matchAll(/ {2,}(?=\S)/g)];
  const last = runs[runs.length - 1];
  return last === undefined ? lead : lead + (last.index ?? 0) + last[0].length;
}

function wrapLine(line: string, width: number): string {
  const plain = line.replace(SGR, '');
  if (plain.length <= width || TABLE_LINE.test(plain)) return line;
  const indent = hangingIndent(plain);
  if (width - indent < MIN_TEXT_WIDTH) return line;
  const start = rawIndex(line, indent);
  const held = line
    .slice(start)
    .replace(/\[[^\]\n]{1,24}\]/g, (placeholder) => placeholder.replaceAll(' ', HELD_SPACE));
  const wrapped = wrapAnsi(held, width - indent, { hard: false, trim: true })
    .replaceAll(HELD_SPACE, ' ')
    .split('\n');
  return [line.slice(0, start) + (wrapped[0] ?? ''), ...wrapped.slice(1).map((part) => ' '.repeat(indent) + part)].join(
    '\n',
  );
}

/**
 * Text for a terminal `width` columns wide: each line longer than that is broken at spaces, never
 * inside a word (a word longer than a line stays whole) nor inside a bracketed placeholder, and
 * continues under the column it started in, so that a table row stays a row and indented prose
 * stays indented. Colour codes do not count as width. Lines that fit, and table rules, are left as
 * they are.
 */
export function wrapForTerminal(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}
