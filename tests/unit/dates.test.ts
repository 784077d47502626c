import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addCalendarMonths,
  addCalendarWeeks,
  compareDates,
  daysBetween,
  daysStayInRange,
  formatDateWithWeekday,
  formatLongDate,
  isIsoDate,
  isWeekend,
  monthsStayInRange,
  weekdayOf,
} from '../../src/domain/model/dates.js';

/** A UTC instant at midnight of a calendar date: the oracle below never reads the local zone. */
function utcMidnight(date: string): Date {
  const instant = new Date(0);
  instant.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return instant;
}
const fromUtc = (instant: Date) =>
  `${String(instant.getUTCFullYear()).padStart(4, '0')}-${String(instant.getUTCMonth() + 1).padStart(2, '0')}-${String(instant.getUTCDate()).padStart(2, '0')}`;
const calendarDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => fromUtc(d));

describe('calendar dates', () => {
  it('accepts real dates only, written YYYY-MM-DD', () => {
    expect(isIsoDate('2023-01-31')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of [
      '0000-01-01',
      '2023-02-30',
      '2023-02-29',
      '1900-02-29',
      '2023-13-01',
      '2023-00-10',
      '2023-1-31',
      '31/01/2023',
      '2023-01-31T23:30:00-05:00',
      '',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('writes UK long dates with the true weekday', () => {
    expect(formatLongDate('2023-01-27')).toBe('27 January 2023');
    expect(formatDateWithWeekday('2023-01-31')).toBe('Tuesday 31 January 2023');
    expect(formatDateWithWeekday('2022-12-05')).toBe('Monday 5 December 2022');
    expect(weekdayOf('2023-01-13')).toBe('Friday');
  });

  it('computes "within one month thereafter" as date-fns addMonths does, clamped to the month end', () => {
    expect(addCalendarMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addCalendarMonths('2023-01-27', 1)).toBe('2023-02-27');
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2022-12-15', 3)).toBe('2023-03-15');
  });

  it('orders dates', () => {
    expect(compareDates('2023-01-27', '2023-01-31')).toBeLessThan(0);
    expect(compareDates('2023-01-31', '2023-01-31')).toBe(0);
  });

  it('counts days and weekdays as the UTC calendar does, for every year from 0001 to 9999', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -4000, max: 4000 }), (date, days) => {
        const later = new Date(utcMidnight(date).getTime() + days * 86_400_000);
        fc.pre(later.getUTCFullYear() >= 1 && later.getUTCFullYear() <= 9999);
        expect(addCalendarDays(date, days)).toBe(fromUtc(later));
        expect(daysBetween(date, fromUtc(later))).toBe(days);
        const weekday = utcMidnight(date).getUTCDay();
        expect(weekdayOf(date)).toBe(
          ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][weekday],
        );
        expect(isWeekend(date)).toBe(weekday === 0 || weekday === 6);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the days that a time zone skipped, whatever the machine zone', () => {
    // Kiribati's Line Islands skipped 31 December 1994 and Samoa 30 December 2011: a local-time
    // Date of either day is the next day there.
    expect(formatDateWithWeekday('1994-12-31')).toBe('Saturday 31 December 1994');
    expect(formatDateWithWeekday('2011-12-30')).toBe('Friday 30 December 2011');
    expect(addCalendarDays('2011-12-29', 1)).toBe('2011-12-30');
    expect(addCalendarWeeks('2011-12-23', 1)).toBe('2011-12-30');
    expect(addCalendarMonths('2011-11-30', 1)).toBe('2011-12-30');
    expect(daysBetween('2011-12-29', '2011-12-31')).toBe(2);
    expect(formatLongDate('0099-03-01')).toBe('1 March 0099');
  });
});

describe('the supported range, 0001-01-01 to 9999-12-31', () => {
  it('says whether a date plus days or months stays in it, before computing it', () => {
    expect(daysStayInRange('9999-12-31', 0)).toBe(true);
    expect(daysStayInRange('9999-12-31', 1)).toBe(false);
    expect(daysStayInRange('9999-12-30', 1)).toBe(true);
    expect(daysStayInRange('0001-01-02', -1)).toBe(true);
    expect(daysStayInRange('0001-01-02', -2)).toBe(false);
    expect(daysStayInRange('0001-02-27', -57)).toBe(true);
    expect(daysStayInRange('0001-02-26', -57)).toBe(false);
    expect(monthsStayInRange('9999-12-31', 0)).toBe(true);
    expect(monthsStayInRange('9999-11-30', 1)).toBe(true);
    expect(monthsStayInRange('9999-12-01', 1)).toBe(false);
    expect(monthsStayInRange('0001-01-31', -1)).toBe(false);
    expect(monthsStayInRange('0001-02-28', -1)).toBe(true);
  });

  it('agrees with the arithmetic wherever the arithmetic can write its result', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -400, max: 400 }),
        (day, days) => {
          const date = day.toISOString().slice(0, 10);
          const fits = daysStayInRange(date, days);
          if (fits) expect(isIsoDate(addCalendarDays(date, days)), `${date} ${days}`).toBe(true);
          const months = Math.trunc(days / 30);
          if (monthsStayInRange(date, months))
            expect(isIsoDate(addCalendarMonths(date, months)), `${date} ${months} months`).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
