import { isIsoDate, type IsoDate } from '../domain/model/dates.js';
import { diagnose } from '../domain/model/diagnostics.js';
import { fail, succeed, type Result } from '../domain/model/result.js';

/** The date of `now` in the UK (Europe/London), the calendar the data's dates are in (`now` is the clock, or SOURCE_DATE_EPOCH). */
export function todayInLondon(now: Date): IsoDate {
  // The parts, not the formatted string: how a locale orders and separates them is CLDR's to change.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** A date given on the command line, or the finding that it is not one (exit status 2). */
export function readDateOption(option: string, value: string): Result<IsoDate> {
  if (isIsoDate(value)) return succeed(value);
  return fail([
    diagnose('ARGUMENT_INVALID', { option, value, expected: 'a calendar date YYYY-MM-DD, e.g. 2022-12-05' }),
  ]);
}

/**
 * The instant SOURCE_DATE_EPOCH names (whole seconds since 1970-01-01 UTC, as
 * https://reproducible-builds.org/specs/source-date-epoch/ defines it), which stands in for the
 * clock; none when it is unset or empty. A value that is not such a number is refused (exit
 * status 2), as the specification asks, rather than silently ignored.
 */
export function readSourceDateEpoch(env: NodeJS.ProcessEnv): Result<Date | undefined> {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return succeed(undefined);
  const seconds = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  // 253402300799 is 9999-12-31T23:59:59Z, the last second a calendar date of mtad can name.
  if (!(seconds <= 253_402_300_799)) {
    return fail([
      diagnose('ARGUMENT_INVALID', {
        option: 'the environment variable SOURCE_DATE_EPOCH',
        value,
        expected: 'whole seconds since 1970-01-01T00:00:00Z, e.g. 1670198400',
      }),
    ]);
  }
  return succeed(new Date(seconds * 1000));
}

/** An instant as ISO 8601 to the second, e.g. "2022-12-05T00:00:00Z". */
export function formatInstant(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
