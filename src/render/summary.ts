import type { AmendmentSummary, DatedWindow } from '../domain/summary.js';
import type { EndDateMeaning } from '../domain/table.js';
import { describeProvidedUntil } from './end-date-meaning.js';

/** "Tuesday 31 January 2023 (or within one month thereafter: by Tuesday 28 February 2023)" */
export function describeDatedWindow(dated: DatedWindow): string {
  if (!dated.window) return dated.text;
  const months = dated.window.months === 1 ? 'one month' : `${dated.window.months} months`;
  return `${dated.text} (or within ${months} thereafter: by ${dated.window.untilText})`;
}

/** The summary of each amendment as lines of text: its timeline, then each cohort that changes. */
export function summaryLines(summaries: readonly AmendmentSummary[], meaning: EndDateMeaning): string[] {
  return summaries.flatMap((summary) => {
    const timeline = [
      summary.issued && `consultation ${summary.consultationId} issued ${summary.issued}`,
      summary.responsesDue && `responses due by ${summary.responsesDue}`,
      summary.expectedConclusion && `conclusion expected ${summary.expectedConclusion}`,
    ].filter(Boolean);
    return [
      `${summary.id}: ${summary.title} [${summary.status}]`,
      ...(timeline.length > 0 ? [`  ${timeline.join('; ')}`] : []),
      ...(summary.modification ? [`  modification date: ${describeDatedWindow(summary.modification)}`] : []),
      ...summary.changes.flatMap((change) => [
        `  ${change.cohort} (GroupID ${change.groupId}): Migration DUST end date ${change.from} → ${change.endDate ? describeDatedWindow(change.endDate) : change.to}`,
        ...(change.endDate ? [`    ${describeProvidedUntil(meaning, change.endDate.text)}`] : []),
        ...(change.effect ? change.effect.split('\n').map((line) => `    ${line}`) : []),
      ]),
    ];
  });
}
