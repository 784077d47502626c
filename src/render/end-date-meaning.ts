import type { EndDateMeaning } from '../domain/model/table.js';

/** The words for each reading of an end date: mtad's own, for its own views. */
const READINGS: Record<EndDateMeaning['reading'], { rule: string; providedUntil: (day: string) => string }> = {
  'last-day': {
    rule: 'The end date is the last day on which Migration DUST is provided for the cohort.',
    providedUntil: (day) => `Migration DUST is provided up to and including ${day}, its last day.`,
  },
};

/**
 * How the table's end dates are read, in mtad's words, and whether a source settles it. For mtad's
 * own views (the terminal, `show`): never written into DCC's documents.
 */
export function describeEndDateRule(meaning: EndDateMeaning): string {
  const { rule } = READINGS[meaning.reading];
  return meaning.status === 'settled'
    ? rule
    : `${rule} That is mtad's reading: the record does not settle it (table.endDateMeaning).`;
}

/** "Migration DUST is provided up to and including Tuesday 31 January 2023, its last day." */
export function describeProvidedUntil(meaning: EndDateMeaning, day: string): string {
  return READINGS[meaning.reading].providedUntil(day);
}
