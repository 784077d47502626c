import { isIsoDate, type IsoDate } from '../domain/dates.js';
import { diagnose, type Diagnostic } from '../domain/diagnostics.js';

/** Today's date in the UK (Europe/London), the calendar the data's dates are in. */
export function todayInLondon(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A date given on the command line, or the finding that it is not one (exit status 2). */
export function readDateOption(option: string, value: string): { date?: IsoDate; diagnostics: Diagnostic[] } {
  if (isIsoDate(value)) return { date: value, diagnostics: [] };
  return { diagnostics: [diagnose('ARGUMENT_INVALID', { option, value, expected: 'a calendar date YYYY-MM-DD, e.g. 2022-12-05' })] };
}
