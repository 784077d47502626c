import type { Amendment } from '../model/amendment.js';
import {
  addCalendarDays,
  addCalendarMonths,
  addCalendarWeeks,
  compareDates,
  daysStayInRange,
  monthsStayInRange,
  type IsoDate,
} from '../model/dates.js';
import { diagnose, type Diagnostic } from '../model/diagnostics.js';
import type { CellValue } from '../model/cell-value.js';

/**
 * What re-starting Migration DUST takes, from the reference consultation (section 2): a further
 * MTAD amendment "expected to take up to three months", and a purchase of the service with "a
 * minimum lead time of six weeks".
 */
export const RESTART = { amendmentMonths: 3, purchaseWeeks: 6 } as const;

/**
 * When Migration DUST could be provided again for one cohort a closure closes. The purchase's six
 * weeks are a minimum, the amendment's three months a maximum: so the purchase gives a lower bound
 * (no earlier than) and the amendment, taking its full three months, the date a re-start is
 * expected by, under either reading of how the two combine.
 */
export interface RestartEstimate {
  cohort: string;
  endDate: CellValue;
  decided: IsoDate;
  /**
   * The day the intervals count from: the decision, or, when the decision falls on or before the end
   * date, the day after the end date (until then the service is still provided).
   */
  countedFrom: IsoDate;
  /** The amendment, if it takes the full three months the reference expects at most. */
  amendmentDone: IsoDate;
  /** The purchase, at its minimum lead time: no re-start before this. */
  purchaseDone: IsoDate;
  /** Both started together: expected by the later of the two. */
  inParallel: IsoDate;
  /** The purchase starts once the amendment is made: expected by then. */
  oneAfterTheOther: IsoDate;
  /** The decision falls on or before the end date: the service is still provided until then. */
  decidedBeforeEnd: boolean;
}

/**
 * When each cohort that `amendment` closes could be re-started, from a decision on `decided`: no
 * earlier than the purchase's minimum lead time allows, and expected by the amendment's three
 * months (in parallel) or three months and six weeks (one after the other). The reference does not
 * say whether the purchase can run alongside the amendment, so both readings are given.
 */
export function estimateRestart(amendment: Amendment, decided: IsoDate): RestartEstimate[] {
  return amendment.changes
    .filter((change) => change.action === 'close')
    .map((change) => {
      const decidedBeforeEnd = change.to.kind === 'date' && compareDates(decided, change.to.date) <= 0;
      const countedFrom = change.to.kind === 'date' && decidedBeforeEnd ? addCalendarDays(change.to.date, 1) : decided;
      const amendmentDone = addCalendarMonths(countedFrom, RESTART.amendmentMonths);
      const purchaseDone = addCalendarWeeks(countedFrom, RESTART.purchaseWeeks);
      const inParallel = compareDates(amendmentDone, purchaseDone) >= 0 ? amendmentDone : purchaseDone;
      return {
        cohort: change.cohort,
        endDate: change.to,
        decided,
        countedFrom,
        amendmentDone,
        purchaseDone,
        inParallel,
        oneAfterTheOther: addCalendarWeeks(amendmentDone, RESTART.purchaseWeeks),
        decidedBeforeEnd,
      };
    });
}

/** True when every estimate counted from `from` (three months, then six weeks more) is a date mtad supports. */
export function restartStaysInRange(from: IsoDate): boolean {
  return (
    monthsStayInRange(from, RESTART.amendmentMonths) &&
    daysStayInRange(addCalendarMonths(from, RESTART.amendmentMonths), RESTART.purchaseWeeks * 7)
  );
}

/**
 * The end dates whose re-start estimates would fall after 9999-12-31 (a decision on or before an
 * end date counts from the day after it), each a finding at the date: estimateRestart needs none.
 * The decision date itself is the caller's to check (restartStaysInRange), as it is a flag.
 */
export function restartOutOfRange(amendment: Amendment, decided: IsoDate): Diagnostic[] {
  return amendment.changes.flatMap((change) => {
    if (change.action !== 'close' || change.to.kind !== 'date' || compareDates(decided, change.to.date) > 0) return [];
    const end = change.to.date;
    if (daysStayInRange(end, 1) && restartStaysInRange(addCalendarDays(end, 1))) return [];
    return [
      diagnose(
        'DATE_OUT_OF_RANGE',
        { date: end, span: { kind: 'restart', months: RESTART.amendmentMonths, weeks: RESTART.purchaseWeeks } },
        amendment.origin.locate(['changes', change.index, 'to']),
      ),
    ];
  });
}
