import { formatDateWithWeekday } from '../domain/dates.js';
import { RESTART, type RestartEstimate } from '../domain/impact.js';
import { describeCell } from '../domain/values.js';
import type { Styler } from './style.js';

/**
 * When each closed cohort could be re-started: no earlier than the purchase's minimum lead time,
 * and expected by the amendment's maximum (in parallel) or the two one after the other. The
 * purchase's six weeks are a minimum, so no date here is called "earliest" but the lower bound.
 */
export function renderImpactText(amendmentId: string, estimates: readonly RestartEstimate[], effects: readonly (string | undefined)[], styler: Styler): string {
  if (estimates.length === 0) return `${amendmentId} closes no cohort: nothing to re-start.\n`;
  const day = formatDateWithWeekday;
  return estimates
    .flatMap((e, i) => [
      styler.heading(`Re-starting Migration DUST for ${e.cohort} after ${amendmentId}`),
      `  end date (last day of service): ${e.endDate.kind === 'date' ? day(e.endDate.date) : describeCell(e.endDate)}`,
      `  decision to re-start:           ${day(e.decided)}`,
      ...(e.decidedBeforeEnd && e.endDate.kind === 'date'
        ? [
            `  The decision falls on or before the end date: Migration DUST is still provided up to and including ${day(e.endDate.date)},`,
            `  so re-starting is moot until then. The dates below count from ${day(e.countedFrom)}, the first day without it.`,
          ]
        : []),
      ...(e.endDate.kind === 'unknown' ? ['  The end date is not known: should the decision fall on or before it, count from the day after the end date instead.'] : []),
      `  re-start no earlier than:  ${day(e.purchaseDone)} (the purchase's minimum lead time, ${RESTART.purchaseWeeks} weeks)`,
      `  expected by:               ${day(e.inParallel)} if the amendment (up to ${RESTART.amendmentMonths} months) and the purchase run side by side,`,
      `                          or ${day(e.oneAfterTheOther)} one after the other (the purchase once the amendment is made)`,
      '  The reference does not say whether the two can run side by side; a purchase that takes longer than its minimum moves both.',
      ...(effects[i] ? ['', ...(effects[i] ?? '').split('\n').map((line) => `  ${line}`)] : []),
      '',
    ])
    .join('\n');
}
