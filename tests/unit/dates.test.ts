import { describe, expect, it } from 'vitest';
import { addCalendarMonths, compareDates, formatDateWithWeekday, formatLongDate, isIsoDate, weekdayOf } from '../../src/domain/dates.js';

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
