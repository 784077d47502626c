import { knownDate, type Amendment, type TimelineDate } from './amendment.js';
import type { AppliedChange } from './apply.js';
import { addCalendarMonths, formatDateWithWeekday, type IsoDate } from './dates.js';
import { describeCell, displayCell } from './values.js';

/** A date with its weekday, and the "within N month(s) thereafter" window that follows it. */
export interface DatedWindow {
  date: IsoDate;
  /** "Tuesday 31 January 2023" */
  text: string;
  window?: { months: number; until: IsoDate; untilText: string };
}

/** One change in words. */
export interface ChangeSummary {
  amendmentId: string;
  action: 'close' | 'reopen';
  cohort: string;
  groupId: string;
  from: string;
  to: string;
  /** The new end date with its weekday and window, when it is a date. */
  endDate?: DatedWindow;
  /** For a closure: what follows from it (templates/closure-effect.txt). */
  effect?: string;
}

/** One amendment's dates in words, and its changes. */
export interface AmendmentSummary {
  id: string;
  title: string;
  /** Whose the title is: a title of mtad's, or none, is said so wherever it is shown. */
  titleSource: Amendment['titleSource'];
  status: Amendment['status'];
  consultationId: string;
  issued?: string;
  responsesDue?: string;
  expectedConclusion?: string;
  modification?: DatedWindow;
  changes: ChangeSummary[];
}

/** The date with its weekday and, when `months` is given, the end of its window. */
export function withWindow(date: IsoDate, months: number | undefined): DatedWindow {
  const dated: DatedWindow = { date, text: formatDateWithWeekday(date) };
  if (months === undefined) return dated;
  const until = addCalendarMonths(date, months);
  return { ...dated, window: { months, until, untilText: formatDateWithWeekday(until) } };
}

const dateText = (date: TimelineDate | undefined): string | undefined => {
  const known = knownDate(date);
  if (known) return formatDateWithWeekday(known);
  return date === undefined ? undefined : 'unknown';
};

/** Summarises each amendment: its timeline in UK long form, and the changes it made here. */
export function summariseAmendments(amendments: readonly Amendment[], changes: readonly AppliedChange[]): AmendmentSummary[] {
  return amendments.map((amendment) => {
    const { consultation, modification } = amendment;
    const modificationDate = knownDate(modification.date);
    const due = consultation.responsesDue;
    return {
      id: amendment.id,
      title: amendment.title,
      titleSource: amendment.titleSource,
      status: amendment.status,
      consultationId: typeof consultation.id === 'string' ? consultation.id : 'unknown',
      ...(consultation.issued !== undefined && { issued: dateText(consultation.issued) }),
      ...(due && { responsesDue: `${due.time} (UK time) on ${formatDateWithWeekday(due.date)}` }),
      ...(consultation.expectedConclusion && { expectedConclusion: formatDateWithWeekday(consultation.expectedConclusion) }),
      ...(modificationDate && { modification: withWindow(modificationDate, modification.windowMonths) }),
      changes: changes
        .filter((change) => change.amendmentId === amendment.id)
        .map((change) => ({
          amendmentId: change.amendmentId,
          action: change.action,
          cohort: change.cohort,
          groupId: displayCell(change.groupId),
          from: describeCell(change.from),
          to: describeCell(change.to),
          ...(change.to.kind === 'date' && { endDate: withWindow(change.to.date, change.windowMonths) }),
        })),
    };
  });
}
