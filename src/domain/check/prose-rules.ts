import type { Amendment } from '../model/amendment.js';
import type { Conclusion } from '../model/conclusion.js';
import { knownDate } from '../model/amendment.js';
import { addCalendarMonths, daysBetween, weekdayOf, type IsoDate } from '../model/dates.js';
import { diagnose, type Diagnostic, type Location } from '../model/diagnostics.js';
import { formatFieldPath } from '../history/amendment-lock.js';
import { findProseDates, mayHoldProseDates, textNodesOf, type ProseDate, type TextNode } from './prose-dates.js';
import { positionAt } from '../model/text.js';
import type { YamlSource } from '../parse/yaml-source.js';

/**
 * Every date written in the file's prose is a real date, and a weekday written with it is the
 * true one ("Tuesday 31 January 2023").
 */
export function checkProseDates(
  source: YamlSource,
  nodes: readonly TextNode[] = mayHoldProseDates(source.text) ? textNodesOf(source) : [],
): Diagnostic[] {
  return nodes.flatMap((node) =>
    node.dates.flatMap((found): Diagnostic[] => {
      const where = { file: found.file, line: found.line, column: found.column, path: node.path };
      if (found.date === undefined) return [diagnose('PROSE_DATE_INVALID', { written: found.written }, where)];
      const weekday = weekdayOf(found.date);
      if (found.weekday !== undefined && found.weekday !== weekday) {
        return [diagnose('WEEKDAY_MISMATCH', { written: found.written, weekday, date: found.date }, where)];
      }
      return [];
    }),
  );
}

/** A date field of an amendment that a question's wording may restate, or the end of its window. */
interface DateField {
  field: string;
  windowMonths?: number;
  date: IsoDate;
}

/** The amendment's dates, with the end of each "within N month(s) thereafter" window. */
function dateFieldsOf(amendment: Amendment): DateField[] {
  const { consultation, modification } = amendment;
  const fields: DateField[] = [];
  const add = (field: string, date: IsoDate | undefined, months?: number) => {
    if (date === undefined) return;
    fields.push({ field, date });
    if (months !== undefined) fields.push({ field, windowMonths: months, date: addCalendarMonths(date, months) });
  };
  add('consultation.issued', knownDate(consultation.issued));
  add('consultation.responsesDue.date', consultation.responsesDue?.date);
  add('consultation.expectedConclusion', consultation.expectedConclusion);
  add('consultation.concluded', knownDate(consultation.concluded));
  add('modification.date', knownDate(modification.date), modification.windowMonths);
  for (const change of amendment.changes) {
    if (change.to.kind === 'date')
      add(formatFieldPath(['changes', change.index, 'to']), change.to.date, change.windowMonths);
  }
  return fields;
}

const isQuestionText = (node: TextNode) =>
  node.path[0] === 'consultation' && node.path[1] === 'questions' && node.path[3] === 'text';

/**
 * The finding for a date written in prose that restates none of `fields` (reported with the field
 * nearest to it, which is most likely the one it meant to restate); with `calendar`, also for a
 * date that is not a calendar date, or whose weekday is not its own. None when it agrees.
 */
function checkRestatedDate(
  found: ProseDate,
  fields: readonly DateField[],
  where: Location,
  options: { calendar: boolean; of?: 'conclusion' },
): Diagnostic[] {
  if (found.date === undefined)
    return options.calendar ? [diagnose('PROSE_DATE_INVALID', { written: found.written }, where)] : [];
  const date = found.date;
  const weekday = weekdayOf(date);
  if (options.calendar && found.weekday !== undefined && found.weekday !== weekday)
    return [diagnose('WEEKDAY_MISMATCH', { written: found.written, weekday, date }, where)];
  if (fields.some((field) => field.date === date)) return [];
  const nearest = [...fields].sort(
    (a, b) => Math.abs(daysBetween(date, a.date)) - Math.abs(daysBetween(date, b.date)),
  )[0];
  return [
    diagnose(
      'PROSE_DATE_MISMATCH',
      { written: found.written, date, ...(nearest && { nearest }), ...(options.of && { of: options.of }) },
      where,
    ),
  ];
}

/**
 * A date in a question's wording restates one of the amendment's dates ("from Tuesday 31 January
 * 2023" is the new end date; "the proposed modification date of 27 January 2023" is the
 * modification date) and must agree with it. Whether it is a real date with its true weekday is
 * checkProseDates's finding, made for every text of the file, and not repeated here.
 */
export function checkQuestionDates(
  amendment: Amendment,
  nodes: readonly TextNode[] = textNodesOf(amendment.origin),
): Diagnostic[] {
  const questions = nodes.filter((node) => isQuestionText(node) && node.dates.length > 0);
  return questions.length === 0 ? [] : checkRestatedNodes(questions, dateFieldsOf(amendment), {});
}

/** checkRestatedDate for each date written in `nodes`, at the place it is written. */
function checkRestatedNodes(
  nodes: readonly TextNode[],
  fields: readonly DateField[],
  options: { of?: 'conclusion' },
): Diagnostic[] {
  return nodes.flatMap((node) =>
    node.dates.flatMap((found) =>
      checkRestatedDate(
        found,
        fields,
        { file: found.file, line: found.line, column: found.column, path: node.path },
        { calendar: false, ...options },
      ),
    ),
  );
}

/**
 * Every date a consultation's narrative writes out (rather than through a placeholder) is a real
 * date with its true weekday, and restates one of the amendment's dates. `offset` is where `text`
 * starts in the file's `whole` text, so that findings point into the file.
 */
export function checkNarrativeDates(
  amendment: Amendment,
  narrative: { file: string; whole: string; text: string; offset: number },
): Diagnostic[] {
  const fields = dateFieldsOf(amendment);
  return findProseDates(narrative.text).flatMap((found) =>
    checkRestatedDate(
      found,
      fields,
      {
        file: narrative.file,
        ...positionAt(narrative.whole, narrative.offset + found.offset),
      },
      { calendar: true },
    ),
  );
}

/**
 * The dates DCC's text in a conclusion may restate: the consultation's own (issued, responses due,
 * expected conclusion), the conclusion's and the day it went to the department, and what is made:
 * the final modification date and end dates, never the proposed ones they replace. A withdrawn
 * amendment has no final values: its text speaks of the proposal it withdraws.
 */
function conclusionDateFieldsOf(conclusion: Conclusion, amendment: Amendment): DateField[] {
  const consulted = dateFieldsOf(amendment).filter((field) => field.field.startsWith('consultation.'));
  const own: DateField[] = [
    { field: 'concluded', date: conclusion.concluded },
    { field: 'sentToDepartment', date: conclusion.sentToDepartment },
  ];
  const { final } = conclusion;
  if (!final) return [...dateFieldsOf(amendment), ...own];
  return [
    ...consulted,
    ...own,
    { field: 'final.modification.date', date: final.modification.date },
    ...final.changes.map((change, index) => ({ field: `final.changes[${index}].to`, date: change.to })),
  ];
}

const isConclusionText = (node: TextNode) =>
  node.path[0] === 'summary' || (node.path[0] === 'questions' && node.path[2] === 'response');

/**
 * A date in DCC's text in a conclusion (its summary, its response to each question) restates one of
 * the dates of the consultation or of the conclusion and agrees with it, as a question's wording
 * agrees with its amendment. Whether it is a real date with its true weekday is checkProseDates's
 * finding, made for every text of the file.
 */
export function checkConclusionDates(
  conclusion: Conclusion,
  amendment: Amendment,
  nodes: readonly TextNode[] = mayHoldProseDates(conclusion.origin.text) ? textNodesOf(conclusion.origin) : [],
): Diagnostic[] {
  const texts = nodes.filter((node) => isConclusionText(node) && node.dates.length > 0);
  return texts.length === 0
    ? []
    : checkRestatedNodes(texts, conclusionDateFieldsOf(conclusion, amendment), { of: 'conclusion' });
}
