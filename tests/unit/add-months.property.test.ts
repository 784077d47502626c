import fc from 'fast-check';
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { describe, expect, it } from 'vitest';
import { addCalendarMonths } from '../../src/domain/model/dates.js';

describe('addCalendarMonths', () => {
  it('is date-fns addMonths on a local-noon date (the window end it computed before)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9998 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: -36, max: 36 }),
        (year, month, day, months) => {
          const noon = new Date(year, month - 1, day, 12);
          fc.pre(noon.getDate() === day);
          const date = format(noon, 'yyyy-MM-dd');
          expect(addCalendarMonths(date, months)).toBe(format(addMonths(noon, months), 'yyyy-MM-dd'));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
