import { knownDate, type Amendment, type TimelineDate } from '../model/amendment.js';
import type { AppliedChange } from '../history/apply.js';
import { withWindow, type DatedWindow, type IsoDate } from '../model/dates.js';
import type { CellValue } from '../model/cell-value.js';

/** One change: its cohort, its values before and after, and its new end date with its window. */
export interface ChangeSummary {
  amendmentId: string;
  action: 'close' | 'reopen';
  cohort: string;
  groupId: CellValue;
  from: CellValue;
  to: CellValue;
  /** The new end date with its window, when it is a date. */
  endDate?: DatedWindow;
  /** For a closure: what follows from it (templates/closure-effect.txt). */
  effect?: string;
}

/** One amendment's dates, as ISO dates, and its changes. The renderers write them in words. */
export interface AmendmentSummary {
  id: string;
  title: string;
  /** Whose the title is: a title of mtad's, or none, is said so wherever it is shown. */
  titleSource: Amendment['titleSource'];
  status: Amendment['status'];
  consultationId: Amendment['consultation']['id'];
  issued?: TimelineDate;
  responsesDue?: { date: IsoDate; time: string };
  expectedConclusion?: IsoDate;
  /** When the consultation concluded, once it has: a date, or unknown with its reason. */
  concluded?: TimelineDate;
  modification?: DatedWindow;
  changes: ChangeSummary[];
}

/** Summarises each amendment: its timeline, and the changes it made here. */
export function summariseAmendments(
  amendments: readonly Amendment[],
  changes: readonly AppliedChange[],
): AmendmentSummary[] {
  return amendments.map((amendment) => {
    const { consultation, modification } = amendment;
    const modificationDate = knownDate(modification.date);
    const due = consultation.responsesDue;
    return {
      id: amendment.id,
      title: amendment.title,
      titleSource: amendment.titleSource,
      status: amendment.status,
      consultationId: consultation.id,
      ...(consultation.issued !== undefined && { issued: consultation.issued }),
      ...(due && { responsesDue: { date: due.date, time: due.time } }),
      ...(consultation.expectedConclusion && { expectedConclusion: consultation.expectedConclusion }),
      ...(consultation.concluded !== undefined && { concluded: consultation.concluded }),
      ...(modificationDate && { modification: withWindow(modificationDate, modification.windowMonths) }),
      changes: changes
        .filter((change) => change.amendmentId === amendment.id)
        .map((change) => ({
          amendmentId: change.amendmentId,
          action: change.action,
          cohort: change.cohort,
          groupId: change.groupId,
          from: change.from,
          to: change.to,
          ...(change.to.kind === 'date' && { endDate: withWindow(change.to.date, change.windowMonths) }),
        })),
    };
  });
}
