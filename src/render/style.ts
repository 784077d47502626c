import { Chalk } from 'chalk';

/**
 * How a renderer marks text. Decided once by the CLI (NO_COLOR, FORCE_COLOR, TTY) and passed in:
 * renderers never look at the terminal themselves.
 */
export interface Styler {
  color: boolean;
  deleted(text: string): string;
  inserted(text: string): string;
  heading(text: string): string;
  dim(text: string): string;
  error(text: string): string;
  warning(text: string): string;
}

/** Without colour, changes stay unambiguous as word-diff markers: `[-old-]` and `{+new+}`. */
export const plainStyler: Styler = {
  color: false,
  deleted: (text) => (text ? `[-${text}-]` : ''),
  inserted: (text) => (text ? `{+${text}+}` : ''),
  heading: (text) => text,
  dim: (text) => text,
  error: (text) => text,
  warning: (text) => text,
};

/** Red strikethrough for deleted text, green underline for inserted text. */
export function createStyler(color: boolean): Styler {
  if (!color) return plainStyler;
  const chalk = new Chalk({ level: 1 });
  return {
    color: true,
    deleted: (text) => (text ? chalk.red.strikethrough(text) : ''),
    inserted: (text) => (text ? chalk.green.underline(text) : ''),
    heading: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
    error: (text) => chalk.red(text),
    warning: (text) => chalk.yellow(text),
  };
}

/** The width of `text` as a terminal shows it, without its colour codes. */
function visibleWidth(text: string): number {
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

/** Lays out rows of cells as aligned columns, measuring what is visible. */
export function alignColumns(rows: readonly (readonly string[])[], gap = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visibleWidth(cell))))
      .join(gap)
      .trimEnd(),
  );
}
