/**
 * The offset of UK time (Europe/London) from UTC, in milliseconds, at `time` (milliseconds since
 * 1970): 3,600,000 while British Summer Time is in force, else 0.
 *
 * From 1996 the UK's rule is written out here: summer time from 01:00 UTC on the last Sunday of
 * March to 01:00 UTC on the last Sunday of October (the Summer Time Order 2002, as the time-zone
 * database has it from 1996). The first Intl.DateTimeFormat a process makes sets up ICU's time
 * zones, which costs more than the rest of a start of `mtad check`; the rule costs nothing. Earlier
 * instants, under the UK's older and irregular rules, are read from the database that Node's Intl
 * carries. Should the UK change its rule, this function changes with it: a test holds it equal to
 * the database, year by year.
 */
export function ukOffset(time: number): number {
  if (time < RULE_FROM) return offsetFromTimeZoneDatabase(time);
  const year = new Date(time).getUTCFullYear();
  return time >= lastSundayAtOneUtc(year, MARCH) && time < lastSundayAtOneUtc(year, OCTOBER) ? HOUR : 0;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MARCH = 2;
const OCTOBER = 9;
const RULE_FROM = Date.parse('1996-01-01T00:00:00Z');

/** 01:00 UTC on the last Sunday of a month (`month` counted from 0, as Date counts it). */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month + 1, 0);
  return lastDay.getTime() - lastDay.getUTCDay() * DAY + HOUR;
}

let londonFormat: Intl.DateTimeFormat | undefined;

function offsetFromTimeZoneDatabase(time: number): number {
  londonFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });
  const name = londonFormat.formatToParts(time).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const [, sign, hours, minutes, seconds] = /^GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(name) ?? [];
  if (sign === undefined) return 0;
  return (sign === '-' ? -1 : 1) * ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds ?? 0)) * 1000;
}
