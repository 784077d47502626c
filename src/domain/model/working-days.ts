import { addCalendarDays, compareDates, FIRST_DATE, isWeekend, LAST_DATE, weekdayOf, type IsoDate } from './dates.js';

/*
 * Working days in England and Wales: not a Saturday, a Sunday or a bank holiday. The bank holidays
 * are computed by the rules of the Banking and Financial Dealings Act 1971 and the royal
 * proclamations made under it every year since 1978 (when the early May holiday joined New Year's
 * Day): New Year's Day, Good Friday, Easter Monday, the first and last Mondays of May, the last
 * Monday of August, Christmas Day and Boxing Day, each falling on a weekend replaced by the next
 * weekday that is not one already. The one-off changes proclaimed since are listed below. Written
 * here rather than loaded from a holiday library: the library costs half a second of start-up that
 * every `mtad check` and `mtad amend` would pay, for eight dates a year. A test compares these
 * rules with date-holidays (region GB-ENG) for every year from 1978 to 2100.
 */

/**
 * The most days in a row that are not working days: four (Good Friday to Easter Monday; Christmas
 * on a Saturday to its substitute on the Tuesday).
 */
export const LONGEST_BREAK = 4;

/** The first year whose bank holidays follow these rules; before it, only weekends are known. */
export const FIRST_RULE_YEAR = 1978;

/**
 * The one-off changes proclaimed for England and Wales (gov.uk/bank-holidays lists those since
 * 2018): a holiday moved (`replaces` the date the rule gives) or added.
 */
const PROCLAIMED: readonly { date: IsoDate; name: string; replaces?: IsoDate }[] = [
  { date: '1981-07-29', name: 'Royal Wedding' },
  { date: '1995-05-08', name: 'Early May bank holiday (VE Day)', replaces: '1995-05-01' },
  { date: '1999-12-31', name: 'Millennium Celebrations' },
  { date: '2002-06-04', name: 'Spring bank holiday', replaces: '2002-05-27' },
  { date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
  { date: '2011-04-29', name: 'Royal Wedding' },
  { date: '2012-06-04', name: 'Spring bank holiday', replaces: '2012-05-28' },
  { date: '2012-06-05', name: 'Diamond Jubilee bank holiday' },
  { date: '2020-05-08', name: 'Early May bank holiday (VE Day)', replaces: '2020-05-04' },
  { date: '2022-06-02', name: 'Spring bank holiday', replaces: '2022-05-30' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
];

const pad = (n: number): string => String(n).padStart(2, '0');
const isoOf = (year: number, month: number, day: number): IsoDate =>
  `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoOf(year, month, day);
}

/** The first Monday on or after `date`. */
function mondayFrom(date: IsoDate): IsoDate {
  let day = date;
  while (weekdayOf(day) !== 'Monday') day = addCalendarDays(day, 1);
  return day;
}

/** The last Monday of a month of 31 days (May, August). */
const lastMondayOf = (year: number, month: number): IsoDate => mondayFrom(addCalendarDays(isoOf(year, month, 31), -6));

const byYear = new Map<number, ReadonlyMap<IsoDate, string>>();

/** The bank holidays of a year in England and Wales, each date with its name. */
function bankHolidaysOf(year: number): ReadonlyMap<IsoDate, string> {
  const known = byYear.get(year);
  if (known) return known;
  const holidays = new Map<IsoDate, string>();
  if (year >= FIRST_RULE_YEAR) {
    const easter = easterSunday(year);
    const fixed: [IsoDate, string][] = [
      [isoOf(year, 1, 1), "New Year's Day"],
      [isoOf(year, 12, 25), 'Christmas Day'],
      [isoOf(year, 12, 26), 'Boxing Day'],
    ];
    for (const [date, name] of fixed) holidays.set(date, name);
    holidays.set(addCalendarDays(easter, -2), 'Good Friday');
    holidays.set(addCalendarDays(easter, 1), 'Easter Monday');
    holidays.set(mondayFrom(isoOf(year, 5, 1)), 'Early May bank holiday');
    holidays.set(lastMondayOf(year, 5), 'Spring bank holiday');
    holidays.set(lastMondayOf(year, 8), 'Summer bank holiday');
    // A fixed holiday on a weekend gives the next weekday that is not a holiday already.
    for (const [date, name] of fixed) {
      if (!isWeekend(date)) continue;
      let day = addCalendarDays(date, 1);
      while (isWeekend(day) || holidays.has(day)) day = addCalendarDays(day, 1);
      holidays.set(day, `${name} (substitute day)`);
    }
    for (const change of PROCLAIMED) {
      if (Number(change.date.slice(0, 4)) !== year) continue;
      if (change.replaces) holidays.delete(change.replaces);
      holidays.set(change.date, change.name);
    }
  }
  byYear.set(year, holidays);
  return holidays;
}

/** The name of the bank holiday in England and Wales on `date` ("Christmas Day"), if it is one. */
export function bankHolidayOn(date: IsoDate): string | undefined {
  return bankHolidaysOf(Number(date.slice(0, 4))).get(date);
}

/** Why `date` is not a working day in England and Wales ("a Saturday", "Christmas Day"), if it is not. */
export function nonWorkingReason(date: IsoDate): string | undefined {
  if (isWeekend(date)) return `a ${weekdayOf(date)}`;
  return bankHolidayOn(date);
}

/** True when `date` is a working day in England and Wales. */
export function isWorkingDay(date: IsoDate): boolean {
  return nonWorkingReason(date) === undefined;
}

/**
 * The working day nearest `date` in the direction of `step` (-1: on or before, 1: on or after).
 * At the edge of the dates mtad supports it stops, and `date` stands as it is.
 */
export function workingDayFrom(date: IsoDate, step: -1 | 1): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) {
    if (compareDates(day, step < 0 ? FIRST_DATE : LAST_DATE) === 0) return date;
    day = addCalendarDays(day, step);
  }
  return day;
}
