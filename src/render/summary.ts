import { formatLongDate } from '../domain/dates.js';
import type { UndatedEffect } from '../domain/history.js';
import type { AmendmentSummary, DatedWindow } from '../domain/summary.js';
import type { EndDateMeaning } from '../domain/table.js';
import { describeProvidedUntil } from './end-date-meaning.js';

/** "Tuesday 31 January 2023 (or within one month thereafter: by Tuesday 28 February 2023)" */
export function describeDatedWindow(dated: DatedWindow): string {
  if (!dated.window) return dated.text;
  const months = dated.window.months === 1 ? 'one month' : `${dated.window.months} months`;
  return `${dated.text} (or within ${months} thereafter: by ${dated.window.untilText})`;
}

/** The title as mtad shows it, saying so when the title is mtad's own or not known. */
export function describeTitle(amendment: { title: string; titleSource: AmendmentSummary['titleSource'] }): string {
  if (amendment.titleSource === 'mtad') return `${amendment.title} (a title of mtad's; DCC's title is not recorded)`;
  return amendment.title;
}

/** Each amendment whose date of effect is not recorded and may fall in the span of a diff, as lines of text. */
export function undatedLines(undated: readonly UndatedEffect[]): string[] {
  return undated.map((u) => {
    const between = u.notBefore && u.notAfter ? `between ${formatLongDate(u.notBefore)} and ${formatLongDate(u.notAfter)}` : u.notAfter ? `by ${formatLongDate(u.notAfter)}` : u.notBefore ? `from ${formatLongDate(u.notBefore)}` : 'at no recorded date';
    const unshown = u.shown ? '' : '; the redline shows no change for it, because the values it set are not known';
    return `${u.id}, which changes ${u.cohorts.join(', ')}, took effect on a date that is not recorded, ${between}, which may fall within this span${unshown}.`;
  });
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
      `${summary.id}: ${describeTitle(summary)} [${summary.status}]`,
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
