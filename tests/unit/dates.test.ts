import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addCalendarMonths, compareDates, daysStayInRange, formatDateWithWeekday, formatLongDate, isIsoDate, monthsStayInRange, weekdayOf } from '../../src/domain/dates.js';

describe('calendar dates', () => {
  it('accepts real dates only, written YYYY-MM-DD', () => {
    expect(isIsoDate('2023-01-31')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['0000-01-01', '2023-02-30', '2023-02-29', '1900-02-29', '2023-13-01', '2023-00-10', '2023-1-31', '31/01/2023', '2023-01-31T23:30:00-05:00', '']) {
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
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -400, max: 400 }), (day, days) => {
        const date = day.toISOString().slice(0, 10);
        const fits = daysStayInRange(date, days);
        if (fits) expect(isIsoDate(addCalendarDays(date, days)), `${date} ${days}`).toBe(true);
        const months = Math.trunc(days / 30);
        if (monthsStayInRange(date, months)) expect(isIsoDate(addCalendarMonths(date, months)), `${date} ${months} months`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
