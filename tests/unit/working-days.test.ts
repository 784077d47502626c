import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import {
  bankHolidayOn,
  easterSunday,
  FIRST_RULE_YEAR,
  isWorkingDay,
  LONGEST_BREAK,
  nonWorkingReason,
  workingDayFrom,
} from '../../src/domain/model/working-days.js';
import { FIRST_DATE, LAST_DATE } from '../../src/domain/model/dates.js';

/**
 * Where mtad's list (+) and the library's (-) differ: the library lacks the one-off holidays
 * proclaimed before 2020 (the royal weddings of 1981 and 2011, the Millennium, the moves of 1995,
 * 2002 and 2012 with the Golden and Diamond Jubilees). From 2013 on they agree.
 */
const KNOWN_DIFFERENCES = [
  '1981: +1981-07-29',
  '1995: -1995-05-01 +1995-05-08',
  '1999: +1999-12-31',
  '2002: -2002-05-27 +2002-06-03 +2002-06-04',
  '2011: +2011-04-29',
  '2012: -2012-05-28 +2012-06-04',
];

describe('working days in England and Wales', () => {
  it('are the bank holidays date-holidays (region GB-ENG) gives, every year from 1978 to 2100', () => {
    const england = new Holidays('GB', 'ENG');
    const differences: string[] = [];
    for (let year = FIRST_RULE_YEAR; year <= 2100; year++) {
      const theirs = england
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10))
        .sort();
      const ours: string[] = [];
      for (let day = `${year}-01-01`; day.startsWith(`${year}-`); day = next(day))
        if (bankHolidayOn(day)) ours.push(day);
      const missing = theirs.filter((d) => !ours.includes(d));
      const extra = ours.filter((d) => !theirs.includes(d));
      if (missing.length || extra.length)
        differences.push(
          `${year}: ${missing
            .map((d) => `-${d}`)
            .concat(extra.map((d) => `+${d}`))
            .join(' ')}`,
        );
    }
    expect(differences).toEqual(KNOWN_DIFFERENCES);
  });

  it('never break for more than LONGEST_BREAK days in a row', () => {
    let run = 0;
    let longest = 0;
    for (let day = `${FIRST_RULE_YEAR}-01-01`; day < '2101-01-01'; day = next(day)) {
      run = isWorkingDay(day) ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    expect(longest).toBe(LONGEST_BREAK);
  });

  it('name the day that is not one', () => {
    expect(nonWorkingReason('2022-12-25')).toBe('a Sunday');
    expect(nonWorkingReason('2022-12-27')).toBe('Christmas Day (substitute day)');
    expect(nonWorkingReason('2023-01-02')).toBe("New Year's Day (substitute day)");
    expect(nonWorkingReason('2022-09-19')).toBe('Bank holiday for the State Funeral of Queen Elizabeth II');
    expect(nonWorkingReason('2023-05-08')).toBe('Bank holiday for the coronation of King Charles III');
    expect(nonWorkingReason('2023-01-13')).toBeUndefined();
    expect(isWorkingDay('2023-01-27')).toBe(true);
  });

  it('compute Easter for the Gregorian calendar', () => {
    expect(easterSunday(2023)).toBe('2023-04-09');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('move to the nearest working day, and stop at the edge of the supported dates', () => {
    expect(workingDayFrom('2022-12-25', 1)).toBe('2022-12-28');
    expect(workingDayFrom('2022-12-27', -1)).toBe('2022-12-23');
    expect(workingDayFrom('2023-01-13', -1)).toBe('2023-01-13');
    expect(workingDayFrom(LAST_DATE, 1)).toBe(LAST_DATE); // a Friday
    expect(workingDayFrom('9999-12-25', 1)).toBe('9999-12-29');
    expect(workingDayFrom(FIRST_DATE, -1)).toBe(FIRST_DATE);
    // Before 1978 only weekends are known.
    expect(isWorkingDay('1900-12-25')).toBe(true);
  });
});

function next(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
