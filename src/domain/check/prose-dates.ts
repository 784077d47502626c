import type { Scalar } from 'yaml';
import { isIsoDate, MONTHS, WEEKDAYS, type IsoDate } from '../model/dates.js';
import type { Location } from '../model/diagnostics.js';
import { eachTextValue, type YamlPath, type YamlSource } from '../parse/yaml-source.js';
import { positionAt } from '../model/text.js';

/**
 * A UK long date as prose writes it: "31 January 2023", "Tuesday 31 January 2023", also with a comma
 * after the weekday or an ordinal ("31st"). The separators are any white space, so a date folded
 * across two lines of a YAML block scalar is still found where it is written.
 */
const PROSE_DATE = new RegExp(
  `\\b(?:(${WEEKDAYS.join('|')}),?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS.join('|')})\\s+(\\d{4})\\b`,
  'g',
);

/** A date found in prose: what was written, where in the text, and the calendar date it names. */
export interface ProseDate {
  /** What was written, with runs of white space made single spaces. */
  written: string;
  /** The offset of the first character within the text searched. */
  offset: number;
  weekday?: string;
  /** The date as YYYY-MM-DD, when it is a real calendar date (30 February is not). */
  date?: IsoDate;
}

/** Every UK long date in `text`, in order. */
export function findProseDates(text: string): ProseDate[] {
  return [...text.matchAll(PROSE_DATE)].map((match) => {
    const [whole, weekday, day, month, year] = match;
    const iso = `${year}-${String(MONTHS.indexOf(month ?? '') + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return {
      written: whole.replace(/\s+/g, ' '),
      offset: match.index ?? 0,
      ...(weekday !== undefined && { weekday }),
      ...(isIsoDate(iso) && { date: iso }),
    };
  });
}

/**
 * False when no date is written anywhere in `text`, so that no text value of it holds one either: a
 * value's source text is a part of the file with no letter or digit just before or after it.
 */
export function mayHoldProseDates(text: string): boolean {
  PROSE_DATE.lastIndex = 0;
  const found = PROSE_DATE.test(text);
  PROSE_DATE.lastIndex = 0;
  return found;
}

/** A text value of a YAML file with its path, for rules that read prose. */
export interface TextNode {
  path: YamlPath;
  value: string;
  /** Where each date written in it is, pointing into the file as written. */
  dates: (ProseDate & Location)[];
}

/**
 * Every text value in the file with the dates written in it. Dates are searched in the value's
 * source text, so that a finding points at the line and column where the date is written, even in
 * a folded block scalar.
 */
export function textNodesOf(source: YamlSource): TextNode[] {
  const nodes: TextNode[] = [];
  eachTextValue(source.document, (node, path) =>
    nodes.push({ path, value: node.value, dates: datesWritten(node, source, path) }),
  );
  return nodes;
}

function datesWritten(node: Scalar<string>, source: YamlSource, path: YamlPath): (ProseDate & Location)[] {
  const [start, end] = node.range ?? [0, 0];
  return findProseDates(source.text.slice(start, end)).map((found) => ({
    ...found,
    ...positionOf(source.text, start + found.offset, source.file),
    path,
  }));
}

/** The file:line:column of `offset` in `text`. */
function positionOf(text: string, offset: number, file: string): Location {
  return { file, ...positionAt(text, offset) };
}
