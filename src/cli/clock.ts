import { isIsoDate, type IsoDate } from '../domain/model/dates.js';
import { diagnose } from '../domain/model/diagnostics.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import { ukOffset } from '../domain/model/uk-time.js';

/** The UK wall-clock time of `instant`, "YYYY-MM-DD HH:MM": the UTC time moved by the UK's offset. */
function londonWallClock(instant: Date): string {
  const shifted = new Date(instant.getTime() + ukOffset(instant.getTime())).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/**
 * The date of `now` in the UK (Europe/London), the calendar the data's dates are in (`now` is the clock, or
 * SOURCE_DATE_EPOCH).
 */
export function todayInLondon(now: Date): IsoDate {
  return londonWallClock(now).slice(0, 10);
}

/**
 * How many times the UK clock shows `date` at `time` ("HH:MM"): once; never, in the hour the clocks
 * go forward (the last Sunday of March, 01:00 to 01:59); twice, in the hour they go back (the last
 * Sunday of October, 01:00 to 01:59). The UK is an hour ahead of UTC or none, so the instants
 * that may show it are the wall-clock time read as UTC, and an hour before.
 */
export function timesOnLondonClock(date: IsoDate, time: string): 0 | 1 | 2 {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(year, month - 1, day);
  asUtc.setUTCHours(hour, minute, 0, 0);
  const shown = [0, 1].filter(
    (hours) => londonWallClock(new Date(asUtc.getTime() - hours * 3_600_000)) === `${date} ${time}`,
  ).length;
  return shown === 0 ? 0 : shown === 1 ? 1 : 2;
}

/** A date given on the command line, or the finding that it is not one (exit status 2). */
export function readDateOption(option: string, value: string): Result<IsoDate> {
  if (isIsoDate(value)) return succeed(value);
  return fail([diagnose('ARGUMENT_INVALID', { option, value, expected: { kind: 'calendar-date' } })]);
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
        expected: { kind: 'epoch-seconds' },
      }),
    ]);
  }
  return succeed(new Date(seconds * 1000));
}

/** An instant as ISO 8601 to the second, e.g. "2022-12-05T00:00:00Z". */
export function formatInstant(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
