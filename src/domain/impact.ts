import type { Amendment } from './amendment.js';
import { addCalendarMonths, addCalendarWeeks, compareDates, type IsoDate } from './dates.js';
import type { CellValue } from './values.js';

/**
 * What re-starting Migration DUST takes, from the reference consultation (section 2): a further
 * MTAD amendment "expected to take up to three months", and a purchase of the service with "a
 * minimum lead time of six weeks".
 */
export const RESTART = { amendmentMonths: 3, purchaseWeeks: 6 } as const;

/** When Migration DUST could be provided again for one cohort a closure closes. */
export interface RestartEstimate {
  cohort: string;
  endDate: CellValue;
  decided: IsoDate;
  /** The amendment, if it takes the three months the reference expects. */
  amendmentDone: IsoDate;
  /** The purchase, at its minimum lead time. */
  purchaseDone: IsoDate;
  /** Both run at once from the decision: the later of the two. */
  inParallel: IsoDate;
  /** The purchase starts once the amendment is made. */
  oneAfterTheOther: IsoDate;
  /** The decision falls on or before the end date: the service is still provided until then. */
  decidedBeforeEnd: boolean;
}

/**
 * The earliest re-start of each cohort that `amendment` closes, from a decision on `decided`. The
 * reference does not say whether the purchase can run alongside the amendment, so both readings
 * are given: in parallel (the later of the two) and one after the other.
 */
export function estimateRestart(amendment: Amendment, decided: IsoDate): RestartEstimate[] {
  return amendment.changes
    .filter((change) => change.action === 'close')
    .map((change) => {
      const amendmentDone = addCalendarMonths(decided, RESTART.amendmentMonths);
      const purchaseDone = addCalendarWeeks(decided, RESTART.purchaseWeeks);
      const inParallel = compareDates(amendmentDone, purchaseDone) >= 0 ? amendmentDone : purchaseDone;
      return {
        cohort: change.cohort,
        endDate: change.to,
        decided,
        amendmentDone,
        purchaseDone,
        inParallel,
        oneAfterTheOther: addCalendarWeeks(amendmentDone, RESTART.purchaseWeeks),
        decidedBeforeEnd: change.to.kind === 'date' && compareDates(decided, change.to.date) <= 0,
      };
    });
}
