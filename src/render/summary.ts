import { knownDate, type TimelineDate } from '../domain/model/amendment.js';
import { formatDateWithWeekday, formatLongDate } from '../domain/model/dates.js';
import type { UndatedEffect } from '../domain/history/table-history.js';
import type { AmendmentSummary } from '../domain/documents/summary.js';
import type { EndDateMeaning } from '../domain/model/table.js';
import { describeCell, displayCell } from '../domain/model/cell-value.js';
import { describeDatedWindow } from './dated-window.js';
import { describeProvidedUntil } from './end-date-meaning.js';

/** "Monday 5 December 2022", or "unknown" for a date that is not recorded. */
function timelineDateText(date: TimelineDate): string {
  const known = knownDate(date);
  return known === undefined ? 'unknown' : formatDateWithWeekday(known);
}

/** The title as mtad shows it, saying so when the title is mtad's own or not known. */
function describeTitle(amendment: { title: string; titleSource: AmendmentSummary['titleSource'] }): string {
  if (amendment.titleSource === 'mtad') return `${amendment.title} (a title of mtad's; DCC's title is not recorded)`;
  return amendment.title;
}

/** Each amendment whose date of effect is not recorded and may fall in the span of a diff, as lines of text. */
export function undatedLines(undated: readonly UndatedEffect[]): string[] {
  return undated.map((u) => {
    if (u.countedFrom !== undefined)
      return (
        `${u.id}, which changes ${u.cohorts.join(', ')}, took effect on a date that is not recorded (its ` +
        `modification date); this view counts it from its conclusion, ${formatLongDate(u.countedFrom)}, and ` +
        `places its change there.`
      );
    const between =
      u.notBefore && u.notAfter
        ? `between ${formatLongDate(u.notBefore)} and ${formatLongDate(u.notAfter)}`
        : u.notAfter
          ? `by ${formatLongDate(u.notAfter)}`
          : u.notBefore
            ? `from ${formatLongDate(u.notBefore)}`
            : 'at no recorded date';
    const unshown = u.shown ? '' : '; the redline shows no change for it, because the values it set are not known';
    return (
      `${u.id}, which changes ${u.cohorts.join(', ')}, took effect on a date that is not recorded, ${between}, ` +
      `which may fall within this span${unshown}.`
    );
  });
}

/**
 * When the consultation concluded: the date once it has (an amendment concluded or made), never
 * "expected" then; the expected date only while it is still proposed.
 */
function conclusionText(summary: AmendmentSummary): string | undefined {
  const concluded = summary.concluded === undefined ? undefined : knownDate(summary.concluded);
  if (concluded !== undefined) return `concluded ${formatDateWithWeekday(concluded)}`;
  if (summary.concluded !== undefined || summary.status === 'concluded' || summary.status === 'made')
    return 'concluded on a date not recorded';
  return summary.expectedConclusion && `conclusion expected ${formatDateWithWeekday(summary.expectedConclusion)}`;
}

/** The summary of each amendment as lines of text: its timeline, then each cohort that changes. */
export function summaryLines(summaries: readonly AmendmentSummary[], meaning: EndDateMeaning): string[] {
  return summaries.flatMap((summary) => {
    const consultationId = typeof summary.consultationId === 'string' ? summary.consultationId : 'unknown';
    const timeline = [
      summary.issued !== undefined && `consultation ${consultationId} issued ${timelineDateText(summary.issued)}`,
      summary.responsesDue &&
        `responses due by ${summary.responsesDue.time} (UK time) on ` +
          `${formatDateWithWeekday(summary.responsesDue.date)}`,
      conclusionText(summary),
    ].filter(Boolean);
    return [
      `${summary.id}: ${describeTitle(summary)} [${summary.status}]`,
      ...(timeline.length > 0 ? [`  ${timeline.join('; ')}`] : []),
      ...(summary.modification ? [`  modification date: ${describeDatedWindow(summary.modification, 'weekday')}`] : []),
      ...summary.changes.flatMap((change) => [
        `  ${change.cohort} (GroupID ${displayCell(change.groupId)}): Migration DUST end date ` +
          `${describeCell(change.from)} → ` +
          `${change.endDate ? describeDatedWindow(change.endDate, 'weekday') : describeCell(change.to)}`,
        ...(change.endDate
          ? [`    ${describeProvidedUntil(meaning, formatDateWithWeekday(change.endDate.date))}`]
          : []),
        ...(change.effect ? change.effect.split('\n').map((line) => `    ${line}`) : []),
      ]),
    ];
  });
}
