import { Document, isMap, isPair, isScalar, type Node, type Pair } from 'yaml';
import {
  addCalendarDays,
  daysBetween,
  daysStayInRange,
  formatDateWithWeekday,
  formatLongDate,
  monthsStayInRange,
  type IsoDate,
} from '../model/dates.js';
import { diagnose, type Diagnostic, type ExpectedValue } from '../model/diagnostics.js';
import { LONGEST_BREAK, workingDayFrom } from '../model/working-days.js';
import { TODO_TAG, type YamlPath } from '../parse/yaml-source.js';
import { fillTemplateSection, type TemplateValues } from './template.js';
import { departmentValues, type Department } from './department.js';
import { succeed, type Result } from '../model/result.js';
import { writeCell, type CellValue } from '../model/cell-value.js';

/*
 * Drafting a new amendment file (`mtad new`, `mtad revert`): filled from the table where the table
 * knows (GroupID, the value expected before the change, the next sequence), with a consultation
 * timeline proposed from the reference consultation's own intervals, and every value a person must
 * decide tagged `!todo` so that reading the file reports FIELD_TO_DECIDE until it is decided.
 */

/** The reference consultation's timeline (cover page, sections 2 and 3). */
export const REFERENCE_TIMELINE = {
  issued: '2022-12-05',
  responsesDue: '2023-01-13',
  expectedConclusion: '2023-01-20',
  modification: '2023-01-27',
  endDate: '2023-01-31',
} as const;

/** The days between its steps: 39, 7, 7 and 4. */
export const REFERENCE_INTERVALS = {
  responsesDue: daysBetween(REFERENCE_TIMELINE.issued, REFERENCE_TIMELINE.responsesDue),
  expectedConclusion: daysBetween(REFERENCE_TIMELINE.responsesDue, REFERENCE_TIMELINE.expectedConclusion),
  modification: daysBetween(REFERENCE_TIMELINE.expectedConclusion, REFERENCE_TIMELINE.modification),
  endDate: daysBetween(REFERENCE_TIMELINE.modification, REFERENCE_TIMELINE.endDate),
} as const;

/** A proposed consultation timeline. The end date is set only for a closure. */
export interface Timeline {
  issued: IsoDate;
  responsesDue: IsoDate;
  expectedConclusion: IsoDate;
  modification: IsoDate;
  endDate?: IsoDate;
}

/**
 * The timeline that ends Migration DUST on `endDate`, counted back with the reference's intervals;
 * each proposed date is a working day in England and Wales, the nearest one on or before the
 * interval (so that no step comes closer to the next than the reference's interval).
 */
export function timelineEndingOn(endDate: IsoDate): Timeline {
  const back = (date: IsoDate, days: number): IsoDate => workingDayFrom(addCalendarDays(date, -days), -1);
  const modification = back(endDate, REFERENCE_INTERVALS.endDate);
  const expectedConclusion = back(modification, REFERENCE_INTERVALS.modification);
  const responsesDue = back(expectedConclusion, REFERENCE_INTERVALS.expectedConclusion);
  return {
    issued: back(responsesDue, REFERENCE_INTERVALS.responsesDue),
    responsesDue,
    expectedConclusion,
    modification,
    endDate,
  };
}

/** The window a draft proposes for its modification date and its end date, in months. */
const DRAFT_WINDOW_MONTHS = 1;

/**
 * What `date` should have been when no draft can propose a timeline around it, its dates (and the
 * end of their one-month windows) leaving the dates mtad supports; undefined when they fit. `date`
 * is the end date of a closure (`ending`) or the issue date of a consultation (`from`).
 */
function timelineOutOfRange(kind: 'ending' | 'from', date: IsoDate): ExpectedValue | undefined {
  const steps = REFERENCE_INTERVALS;
  // Each step may move on to a working day: by at most LONGEST_BREAK days.
  const forward = steps.responsesDue + steps.expectedConclusion + steps.modification + 3 * LONGEST_BREAK;
  const back = forward + steps.endDate + LONGEST_BREAK;
  const fits =
    kind === 'ending'
      ? daysStayInRange(date, -back) && monthsStayInRange(date, DRAFT_WINDOW_MONTHS)
      : daysStayInRange(date, forward) && monthsStayInRange(addCalendarDays(date, forward), DRAFT_WINDOW_MONTHS);
  if (fits) return undefined;
  return kind === 'ending' ? { kind: 'timeline-end', days: back } : { kind: 'timeline-issue', days: forward };
}

/**
 * The timeline of a consultation issued on `issued`, counted forward with the reference's
 * intervals; each proposed date is a working day in England and Wales, the nearest one on or after
 * the interval.
 */
export function timelineFrom(issued: IsoDate): Timeline {
  const forward = (date: IsoDate, days: number): IsoDate => workingDayFrom(addCalendarDays(date, days), 1);
  const responsesDue = forward(issued, REFERENCE_INTERVALS.responsesDue);
  const expectedConclusion = forward(responsesDue, REFERENCE_INTERVALS.expectedConclusion);
  return {
    issued,
    responsesDue,
    expectedConclusion,
    modification: forward(expectedConclusion, REFERENCE_INTERVALS.modification),
  };
}

/** One change of the draft, its values taken from the table. */
export interface DraftChange {
  action: 'close' | 'reopen';
  cohort: string;
  groupId: CellValue;
  from: CellValue;
  to: CellValue;
}

export interface DraftInput {
  id: string;
  sequence: number;
  changes: DraftChange[];
  timeline: Timeline;
  /** The amendment this one reverses (mtad revert). */
  reverts?: string;
  /** The sections of templates/new-amendment.txt. */
  wording: Record<string, string>;
  /** The departments over time: the draft's wording may name the one of its issue date. */
  departments: readonly Department[];
}

const joinNames = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** The slug of a cohort for ids: "MOC (Secure)" -> "moc-secure". */
export function cohortSlug(cohort: string): string {
  return cohort
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The values of the wording template for a draft. */
function wordingValues(input: DraftInput): TemplateValues {
  const cohorts = [...new Set(input.changes.map((c) => c.cohort))];
  const groupIds = input.changes.flatMap((c) => (c.groupId.kind === 'text' ? [`GroupID = "${c.groupId.text}"`] : []));
  const endDate = input.changes.find((c) => c.to.kind === 'date')?.to;
  return {
    close: input.changes.every((c) => c.action === 'close'),
    cohorts: joinNames(cohorts),
    cohortCode: cohorts.map((c) => c.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')).join('_'),
    groupIds: groupIds.length > 0 ? ` (where ${joinNames(groupIds)})` : '',
    endDate: endDate?.kind === 'date' ? formatDateWithWeekday(endDate.date) : 'its end date',
    modificationDate: formatLongDate(input.timeline.modification),
    window: 'one month',
  };
}

/** The sections of templates/new-amendment.txt a draft is written from, each required. */
const DRAFT_SECTIONS = [
  'title',
  'consultationTitle',
  'summary',
  'consultationId',
  'questionId',
  'q1',
  'q2',
  'contact',
  'classification',
  'clause',
  'appendix',
  'legalDocument',
] as const;

/**
 * The draft amendment as YAML text. Values a person must decide are tagged `!todo`: the
 * consultation id, every proposed date, the windows, the question wording that quotes those dates,
 * and a GroupID the table does not know.
 */
export function draftAmendmentText(input: DraftInput): Result<string> {
  // A date no department covers leaves the names unset: a wording that uses them is refused then.
  const department = departmentValues(input.departments, input.timeline.issued, {
    id: input.id,
    document: 'new-amendment',
  });
  const values = { ...wordingValues(input), ...(department.ok && department.value) };
  const words: Record<string, string> = {};
  for (const name of DRAFT_SECTIONS) {
    // The consultation's title is made from the amendment's, as DCC's titles are.
    const filled = fillTemplateSection(
      input.wording,
      name,
      words.title === undefined ? values : { ...values, title: words.title },
      'templates/new-amendment.txt',
    );
    if (!filled.ok) return filled;
    words[name] = filled.value;
  }
  const { timeline } = input;
  const close = values.close === true;
  const document = new Document({
    id: input.id,
    sequence: input.sequence,
    title: words.title,
    status: 'proposed',
    ...(input.reverts !== undefined && { reverts: input.reverts }),
    consultation: {
      id: words.consultationId,
      title: words.consultationTitle,
      summary: words.summary,
      issued: timeline.issued,
      responsesDue: { date: timeline.responsesDue, time: '16:00' },
      expectedConclusion: timeline.expectedConclusion,
      contact: words.contact,
      // The cover's author: the reference names the consultations address, its contact, as author.
      author: words.contact,
      classification: words.classification,
      questions: [
        { id: `${words.questionId} Q1`, text: words.q1 },
        { id: `${words.questionId} Q2`, text: words.q2 },
      ],
    },
    legalBasis: { clause: words.clause, appendix: words.appendix, document: words.legalDocument },
    modification: { date: timeline.modification, windowMonths: DRAFT_WINDOW_MONTHS, annex: null },
    changes: input.changes.map((change) => ({
      action: change.action,
      cohort: change.cohort,
      groupId: writeCell(change.groupId),
      field: 'endDate',
      from: writeCell(change.from),
      to: writeCell(change.to),
      ...(change.action === 'close' && change.to.kind === 'date' && { windowMonths: DRAFT_WINDOW_MONTHS }),
    })),
  });

  const todo: YamlPath[] = [
    ['consultation', 'id'],
    ['consultation', 'issued'],
    ['consultation', 'responsesDue', 'date'],
    ['consultation', 'expectedConclusion'],
    ['consultation', 'questions', 0, 'text'],
    ['consultation', 'questions', 1, 'text'],
    ['modification', 'date'],
    ['modification', 'windowMonths'],
    ...(close ? [] : [['consultation', 'summary'] as YamlPath]),
    ...input.changes.flatMap((change, i): YamlPath[] => [
      ...(change.groupId.kind === 'text' ? [] : [['changes', i, 'groupId'] as YamlPath]),
      ...(change.action === 'close' && change.to.kind === 'date' ? [['changes', i, 'windowMonths'] as YamlPath] : []),
    ]),
  ];
  for (const path of todo) {
    const node = document.getIn(path, true);
    if (isScalar(node)) node.tag = TODO_TAG;
  }

  const steps = REFERENCE_INTERVALS;
  document.commentBefore = [
    ` yaml-language-server: $schema=../../schema/amendment.schema.json`,
    '',
    ` ${words.title}: a draft written by mtad, to be completed by a person.`,
    ` Values tagged ${TODO_TAG} are proposals still to decide: confirm or change each one, then`,
    ` delete its tag. Until none is left, mtad check and mtad amend refuse the file (FIELD_TO_DECIDE).`,
    '',
    ` The timeline is proposed with the reference consultation's intervals (5 December 2022 ->`,
    ` 13 January 2023 -> 20 January 2023 -> 27 January 2023 -> 31 January 2023): responses due`,
    ` ${steps.responsesDue} days after issue, conclusion ${steps.expectedConclusion} days later, ` +
      `modification ${steps.modification} days later${close ? `, end date ${steps.endDate} days later` : ''};`,
    ` a date that would not be a working day in England and Wales moves to the nearest one ` +
      `${close ? 'before' : 'after'} it:`,
    `   issued               ${formatDateWithWeekday(timeline.issued)}`,
    `   responses due        16:00 on ${formatDateWithWeekday(timeline.responsesDue)}`,
    `   expected conclusion  ${formatDateWithWeekday(timeline.expectedConclusion)}`,
    `   modification         ${formatDateWithWeekday(timeline.modification)}`,
    ...(timeline.endDate
      ? [`   end date             ${formatDateWithWeekday(timeline.endDate)} (the last day of Migration DUST)`]
      : []),
    ` The question wording quotes these dates: change it with them.`,
  ].join('\n');
  commentBeforeKey(
    document,
    ['changes'],
    ' The value each change expects to replace ("from") is the table\'s, after the amendments before this one.',
  );
  return succeed(document.toString({ lineWidth: 0 }));
}

function commentBeforeKey(document: Document, path: YamlPath, comment: string): void {
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return;
  const pair = parent.items.find(
    (item): item is Pair<Node> => isPair(item) && isScalar(item.key) && item.key.value === path.at(-1),
  );
  if (pair && isScalar(pair.key)) pair.key.commentBefore = comment;
}

/** The sequence a new amendment takes: one after every amendment and draft there is, or 1. */
export function nextSequence(amendments: Iterable<{ sequence: number }>): number {
  return Math.max(0, ...[...amendments].map((a) => a.sequence)) + 1;
}

/** The finding for a date given as `option` around which no timeline can be proposed; none when one can. */
export function checkProposedTimeline(option: string, kind: 'ending' | 'from', date: IsoDate): Diagnostic[] {
  const expected = timelineOutOfRange(kind, date);
  return expected === undefined ? [] : [diagnose('ARGUMENT_INVALID', { option, value: date, expected })];
}
