import { formatDateWithWeekday } from '../domain/dates.js';
import { RESTART, type RestartEstimate } from '../domain/impact.js';
import { describeCell } from '../domain/values.js';
import type { Styler } from './style.js';

/** The earliest re-start of each closed cohort, with both readings of how the two steps combine. */
export function renderImpactText(amendmentId: string, estimates: readonly RestartEstimate[], effects: readonly (string | undefined)[], styler: Styler): string {
  if (estimates.length === 0) return `${amendmentId} closes no cohort: nothing to re-start.\n`;
  return estimates
    .flatMap((e, i) => [
      styler.heading(`Re-starting Migration DUST for ${e.cohort} after ${amendmentId}`),
      `  end date (last day of service): ${e.endDate.kind === 'date' ? formatDateWithWeekday(e.endDate.date) : describeCell(e.endDate)}`,
      `  decision to re-start:           ${formatDateWithWeekday(e.decided)}`,
      `  further MTAD amendment (expected to take up to ${RESTART.amendmentMonths} months): made by ${formatDateWithWeekday(e.amendmentDone)}`,
      `  purchase of the service (minimum lead time ${RESTART.purchaseWeeks} weeks):       not before ${formatDateWithWeekday(e.purchaseDone)}`,
      '  The reference does not say whether the purchase can run alongside the amendment. Both readings:',
      `    in parallel, both started on the decision: earliest re-start ${formatDateWithWeekday(e.inParallel)} (the later of the two)`,
      `    one after the other (purchase once the amendment is made): earliest re-start ${formatDateWithWeekday(e.oneAfterTheOther)}`,
      ...(e.decidedBeforeEnd ? ['  The decision falls on or before the end date: Migration DUST is still provided up to and including the end date.'] : []),
      ...(effects[i] ? ['', ...(effects[i] ?? '').split('\n').map((line) => `  ${line}`)] : []),
      '',
    ])
    .join('\n');
}
