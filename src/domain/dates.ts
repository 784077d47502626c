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

/*
 * The supported range. mtad writes every date YYYY-MM-DD with a four-digit year, so it reads,
 * computes and prints dates from 1 January 0001 to 31 December 9999 and no others. A date read
 * from a file or a flag may be in range while a date computed from it (the end of a "within one
 * month thereafter" window, a proposed timeline, a re-start estimate) is not: the checks below
 * say so in plain integer arithmetic, before any date is computed, so that no computation ever
 * meets a year it cannot write.
 */

/** The first date mtad supports. */
export const FIRST_DATE: IsoDate = '0001-01-01';
/** The last date mtad supports. */
export const LAST_DATE: IsoDate = '9999-12-31';

/** The days from 0001-01-01 to `date` in the proleptic Gregorian calendar (0 for 0001-01-01). */
function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new TypeError(`not a calendar date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const y = year - 1;
  const daysBeforeYear = y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  let daysBeforeMonth = 0;
  for (let m = 1; m < month; m++) daysBeforeMonth += daysInMonth(year, m);
  return daysBeforeYear + daysBeforeMonth + day - 1;
}

/** True when `date` plus `days` calendar days (minus, when negative) is a date mtad supports. */
export function daysStayInRange(date: IsoDate, days: number): boolean {
  const target = dayNumber(date) + days;
  return target >= dayNumber(FIRST_DATE) && target <= dayNumber(LAST_DATE);
}

/** True when `date` plus `months` months (clamped to the month's end) is a date mtad supports. */
export function monthsStayInRange(date: IsoDate, months: number): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) throw new TypeError(`not a calendar date: ${date}`);
  // Clamping to the month's end never moves a date into another month: the month decides.
  const month = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  return month >= 1 * 12 && month <= 9999 * 12 + 11;
}
