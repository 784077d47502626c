/**
 * A calendar date written `YYYY-MM-DD`. Never an instant: it does not move with the machine's
 * time zone. Every computation below is plain calendar arithmetic on integers (a day number
 * counted from 1970-01-01 in the proleptic Gregorian calendar); no `Date` is made, so neither the
 * machine's time zone nor a day that a zone skipped (30 December 2011 in Samoa, 31 December 1994
 * in Kiribati) can move a date, a weekday or a window.
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

interface CalendarDate {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
}

function parse(date: IsoDate): CalendarDate {
  const match = ISO_DATE.exec(date);
  if (!match) throw new TypeError(`not a calendar date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function write({ year, month, day }: CalendarDate): IsoDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Days from 1970-01-01 and back: H. Hinnant's days_from_civil and civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html), exact for every Gregorian date.
function toDayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function fromDayNumber(days: number): CalendarDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The months in English, January first: prose dates are written and read with them. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** The weekdays in English, in the order of day numbers: 1970-01-01, day number 0, was a Thursday. */
export const WEEKDAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];

/** "31 January 2023": the UK long form used in prose and in the table. */
export function formatLongDate(date: IsoDate): string {
  const { year, month, day } = parse(date);
  return `${day} ${MONTHS[month - 1]} ${String(year).padStart(4, '0')}`;
}

/** "Tuesday 31 January 2023": the UK long form with its true weekday. */
export function formatDateWithWeekday(date: IsoDate): string {
  return `${weekdayOf(date)} ${formatLongDate(date)}`;
}

/** The English name of the weekday of `date` ("Tuesday"). */
export function weekdayOf(date: IsoDate): string {
  return WEEKDAYS[weekdayIndex(date)] as string;
}

/** 0 for Thursday, counting on to 6 for Wednesday. */
function weekdayIndex(date: IsoDate): number {
  return ((toDayNumber(parse(date)) % 7) + 7) % 7;
}

/**
 * The same day `months` later, clamped to the month's end as date-fns addMonths does
 * (31 January + 1 month = 28 February). This is the end of a "within one month thereafter" window.
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + months;
  const target = { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
  return write({ ...target, day: Math.min(day, daysInMonth(target.year, target.month)) });
}

/** Negative, zero or positive as `a` is before, on or after `b`. ISO dates sort as text. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date `days` calendar days later (earlier when negative). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return write(fromDayNumber(toDayNumber(parse(date)) + days));
}

/** The date `weeks` weeks later. */
export function addCalendarWeeks(date: IsoDate, weeks: number): IsoDate {
  return addCalendarDays(date, weeks * 7);
}

/** How many calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(parse(to)) - toDayNumber(parse(from));
}

/** True on Saturday and Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const index = weekdayIndex(date);
  return index === 2 || index === 3;
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

/** A date and, when it has one, the "within N month(s) thereafter" window that follows it. */
export interface DatedWindow {
  date: IsoDate;
  window?: { months: number; until: IsoDate };
}

/** The date with, when `months` is given, the last day of its window. */
export function withWindow(date: IsoDate, months: number | undefined): DatedWindow {
  return months === undefined ? { date } : { date, window: { months, until: addCalendarMonths(date, months) } };
}
