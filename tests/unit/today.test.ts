import { describe, expect, it } from 'vitest';
import { formatInstant, readSourceDateEpoch, todayInLondon } from '../../src/cli/clock.js';
import { findingsOf, succeed } from '../../src/domain/model/result.js';

describe('the clock', () => {
  it('reads today in the UK calendar, whatever the machine zone and locale', () => {
    expect(todayInLondon(new Date('2023-06-30T23:30:00Z'))).toBe('2023-07-01');
    expect(todayInLondon(new Date('2023-01-31T23:30:00Z'))).toBe('2023-01-31');
    expect(todayInLondon(new Date('0999-03-01T12:00:00Z'))).toBe('0999-03-01');
  });

  it('takes SOURCE_DATE_EPOCH for the clock, and refuses one that is not whole seconds', () => {
    expect(readSourceDateEpoch({})).toEqual(succeed(undefined));
    expect(readSourceDateEpoch({ SOURCE_DATE_EPOCH: '' })).toEqual(succeed(undefined));
    const epoch = readSourceDateEpoch({ SOURCE_DATE_EPOCH: '1670198400' });
    expect(epoch.ok && epoch.value && formatInstant(epoch.value)).toBe('2022-12-05T00:00:00Z');
    for (const bad of ['-1', '1.5', '1e9', 'now', ' 1', '253402300800']) {
      expect(
        findingsOf(readSourceDateEpoch({ SOURCE_DATE_EPOCH: bad })).map((d) => d.code),
        bad,
      ).toEqual(['ARGUMENT_INVALID']);
    }
  });
});
