import { knownDate, type Amendment } from '../model/amendment.js';
import type { AppliedChange } from '../history/apply.js';
import type { IsoDate } from '../model/dates.js';
import { ukOffset } from '../model/uk-time.js';

/** Who made a tracked change and when: a Word revision's w:author and w:date. */
export interface RevisionMark {
  author: string;
  /** An ISO 8601 instant, e.g. "2022-12-05T00:00:00Z". */
  date: string;
}

/** The author when neither `--author` nor the amendment names one. */
export const DEFAULT_REVISION_AUTHOR = 'mtad';

/**
 * The mark of each changed cohort's revisions: by the amendment that changed it (the last one,
 * where several did). The author is `author` when given, else the amendment's
 * `consultation.author`; the date is the start of the day the consultation was issued, UK time,
 * or of `fallbackDate` (the table's as-at date) where the issue date is unknown. A cohort no
 * change touched gets `author` (or mtad) and the fallback date. No clock: the same data always
 * gives the same marks.
 */
export function markRevisions(
  changes: readonly AppliedChange[],
  amendments: readonly Amendment[],
  options: { author?: string; fallbackDate: IsoDate },
): (cohort: string) => RevisionMark {
  const marks = new Map<string, RevisionMark>();
  for (const change of changes) {
    const amendment = amendments.find((a) => a.id === change.amendmentId);
    const author = options.author ?? amendment?.consultation.author ?? DEFAULT_REVISION_AUTHOR;
    const day = knownDate(amendment?.consultation.issued) ?? options.fallbackDate;
    marks.set(change.cohort, { author, date: ukMidnight(day) });
  }
  const fallback = { author: options.author ?? DEFAULT_REVISION_AUTHOR, date: ukMidnight(options.fallbackDate) };
  return (cohort) => marks.get(cohort) ?? fallback;
}

/**
 * The instant the documents of a pack are dated: the start (UK time) of the latest day on which
 * one of its amendments' consultations was issued, or of `fallbackDate` (the table's as-at date)
 * where none is known. From the data alone, so the same data gives the same documents.
 */
export function documentsDate(amendments: readonly Amendment[], fallbackDate: IsoDate): string {
  const issued = amendments
    .map((a) => knownDate(a.consultation.issued))
    .filter((date): date is IsoDate => date !== undefined);
  return ukMidnight(issued.sort().at(-1) ?? fallbackDate);
}

/**
 * The instant at which `date` begins in the UK (Europe/London): midnight GMT, or 23:00 UTC the
 * day before while British Summer Time is in force (the UK's rules, past ones included; never the
 * machine's zone).
 */
export function ukMidnight(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = utcTime(year, month, day);
  // The offset in force at local midnight: first guessed at UTC midnight, then taken at the guess,
  // which is right on the days the clocks change too (they change at 01:00 UTC, never at midnight).
  const instant = utcMidnight - ukOffset(utcMidnight - ukOffset(utcMidnight));
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** Midnight UTC at the start of a day; unlike Date.UTC, years 0 to 99 are not read as 1900 to 1999. */
function utcTime(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}
