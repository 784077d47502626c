import { formatDateWithWeekday, formatLongDate, type DatedWindow } from '../domain/model/dates.js';

/** "one month", "3 months": the span of a "within N month(s) thereafter" window. */
export function describeMonths(months: number): string {
  return months === 1 ? 'one month' : `${months} months`;
}

/**
 * "27 January 2023 (or within one month thereafter: by 27 February 2023)", or with weekdays:
 * "Tuesday 31 January 2023 (or within one month thereafter: by Tuesday 28 February 2023)".
 */
export function describeDatedWindow(dated: DatedWindow, style: 'long' | 'weekday'): string {
  const format = style === 'weekday' ? formatDateWithWeekday : formatLongDate;
  if (!dated.window) return format(dated.date);
  return (
    `${format(dated.date)} (or within ${describeMonths(dated.window.months)} thereafter: by ` +
    `${format(dated.window.until)})`
  );
}
