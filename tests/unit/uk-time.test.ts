import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayInLondon } from '../../src/cli/clock.js';
import { ukMidnight } from '../../src/domain/documents/revision-marks.js';
import { ukOffset } from '../../src/domain/model/uk-time.js';

const HOUR = 3_600_000;

describe("UK time, by the UK's rule from 1996", () => {
  afterEach(() => vi.restoreAllMocks());

  it('agrees with the time-zone database at every half hour of the weeks the clocks change (and so between them), 1996 to 2100', () => {
    const format = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });
    const database = (time: number) => (format.formatToParts(time).some((p) => p.value === 'GMT+01:00') ? HOUR : 0);
    const disagreements: string[] = [];
    for (let year = 1996; year <= 2100; year++)
      for (const month of [2, 9])
        for (let time = Date.UTC(year, month, 22); time < Date.UTC(year, month + 1, 2); time += HOUR / 2)
          if (ukOffset(time) !== database(time)) disagreements.push(new Date(time).toISOString());
    expect(disagreements).toEqual([]);
  });

  it("reads today's date and a day's UK midnight without setting up Intl's time zones", () => {
    const intl = vi.spyOn(Intl, 'DateTimeFormat');
    expect(todayInLondon(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29');
    expect(todayInLondon(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25');
    expect(todayInLondon(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-25');
    expect(ukMidnight('2026-07-01')).toBe('2026-06-30T23:00:00Z');
    expect(intl).not.toHaveBeenCalled();
  });
});
