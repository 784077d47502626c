import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';

/**
 * A calendar date written `YYYY-MM-DD`. Never an instant: it does not move with the machine's
 * time zone. Every computation below goes through a local-noon `Date`, which no time zone's
 * offset or daylight-saving jump can push onto another day.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date in `YYYY-MM-DD` form (so 2023-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Year 0000 is no year of the calendar mtad writes dates in (1 BC comes before AD 1).
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function toNoon(date: IsoDate): Date {
  const match = ISO_DATE.exec(date);
  if (!match) throw new TypeError(`not a calendar date: ${date}`);
  const noon = new Date(2000, 0, 1, 12);
  // setFullYear, not the Date constructor, which reads years 0 to 99 as 1900 to 1999.
  noon.setFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return noon;
}

function fromLocal(date: Date): IsoDate {
  // Read the fields directly: `mtad check` computes a window for every amendment, and format()
  // costs about 15 µs a call where this costs well under one.
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

// A table repeats few dates many times over: each is formatted once (date-fns format is the costly
// part of rendering a 10,000-row redline otherwise).
const formatted = new Map<string, string>();
function formatOnce(date: IsoDate, pattern: string): string {
  const key = `${pattern}|${date}`;
  let text = formatted.get(key);
  if (text === undefined) formatted.set(key, (text = format(toNoon(date), pattern)));
  return text;
}

/** "31 January 2023": the UK long form used in prose and in the table. */
export function formatLongDate(date: IsoDate): string {
  return formatOnce(date, 'd MMMM yyyy');
}

/** "Tuesday 31 January 2023": the UK long form with its true weekday. */
export function formatDateWithWeekday(date: IsoDate): string {
  return formatOnce(date, 'EEEE d MMMM yyyy');
}

/** The English name of the weekday of `date` ("Tuesday"). */
export function weekdayOf(date: IsoDate): string {
  return format(toNoon(date), 'EEEE');
}

/**
 * The same day `months` later, clamped to the month's end as date-fns does
 * (31 January + 1 month = 28 February). This is the end of a "within one month thereafter" window.
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  return fromLocal(addMonths(toNoon(date), months));
}

/** Negative, zero or positive as `a` is before, on or after `b`. ISO dates sort as text. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date `days` calendar days later (earlier when negative). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromLocal(addDays(toNoon(date), days));
}

/** The date `weeks` weeks later. */
export function addCalendarWeeks(date: IsoDate, weeks: number): IsoDate {
  return fromLocal(addWeeks(toNoon(date), weeks));
}

/** How many calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toNoon(to), toNoon(from));
}

/** True on Saturday and Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const day = toNoon(date).getDay();
  return day === 0 || day === 6;
}
