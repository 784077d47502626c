import { describe, expect, it } from 'vitest';
import { diagnose, type Diagnostic } from '../../src/domain/model/diagnostics.js';
import { formatDiagnostic } from '../../src/render/diagnostic-messages.js';
import { fixtureCodes, materialiseFixture } from '../helpers/fixtures.js';
import { runMain } from '../helpers/main.js';

interface Finding {
  code: string;
  message: string;
  args: Record<string, unknown>;
}

async function findingsOf(code: string): Promise<Finding[]> {
  const run = await runMain(['check', '--no-cache', '--format', 'json'], { cwd: materialiseFixture(code, 'fire') });
  return (JSON.parse(run.stdout) as { diagnostics: Finding[] }).diagnostics;
}

/** Every string in a value, with the key that holds it. */
function stringsOf(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => stringsOf(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, k));
  return [];
}

const LONG_DATE =
  /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;
/** Keys that quote the user's own words, which may hold a date as written. */
const QUOTED = new Set(['written', 'value', 'reason', 'note']);

describe('findings carry data, the renderer writes the words', () => {
  it('gives every date in a finding as an ISO date, never in words', async () => {
    for (const code of fixtureCodes()) {
      for (const finding of await findingsOf(code)) {
        const prose = stringsOf(finding.args).filter(([key, text]) => !QUOTED.has(key) && LONG_DATE.test(text));
        expect(prose, `${code}: ${finding.code}`).toEqual([]);
      }
    }
  }, 60_000);

  it('gives a timeline finding its stages, dates and windows, and the same sentence as before', async () => {
    const order = (await findingsOf('TIMELINE_ORDER')).find((d) => d.code === 'TIMELINE_ORDER');
    expect(order?.args).toEqual({
      earlier: { milestone: 'modification', date: '2023-02-15', window: { months: 1, until: '2023-03-15' } },
      later: {
        milestone: 'end-date',
        cohort: 'MOC (Secure)',
        date: '2023-01-31',
        window: { months: 1, until: '2023-02-28' },
      },
      relation: 'on or after',
    });
    expect(order?.message).toBe(
      'the end date of MOC (Secure), 31 January 2023 (or within one month thereafter: by 28 February 2023), must be on or after the modification date, 15 February 2023 (or within one month thereafter: by 15 March 2023) (expected: issued < responses due < conclusion <= modification date <= end date)',
    );
    const mismatch = (await findingsOf('PROSE_DATE_MISMATCH')).find((d) => d.code === 'PROSE_DATE_MISMATCH');
    expect(mismatch?.args).toEqual({
      written: '28 January 2023',
      date: '2023-01-28',
      nearest: { field: 'modification.date', date: '2023-01-27' },
    });
  });

  it('gives the values of a failed precondition, and who set the value the table holds', async () => {
    const found = (await findingsOf('PRECONDITION_FAILED')).find((d) => d.code === 'PRECONDITION_FAILED');
    expect(found?.args).toMatchObject({
      cohort: 'FOC (NP)',
      field: 'endDate',
      expected: { kind: 'none' },
      actual: { kind: 'date', date: '2022-09-30' },
    });
    const window = (await findingsOf('TIMELINE_WINDOW')).find((d) => d.code === 'TIMELINE_WINDOW');
    expect(window?.message).toMatch(
      /^the modification, .*, may take effect after Migration DUST for .* has ended: its end date is \d+ \w+ \d{4}/,
    );
  });

  it('writes the same sentences from data as it wrote from the words the rules once passed', () => {
    const cases: [Diagnostic, string][] = [
      [
        diagnose('PRECONDITION_FAILED', {
          cohort: 'FOC (NP)',
          field: 'endDate',
          expected: { kind: 'none' },
          actual: { kind: 'date', date: '2022-09-30' },
          setBy: 'mdust-close-foc-np',
        }),
        'the change expects FOC (NP) Migration DUST end date to be none (no end date), but the table holds 30 September 2022, as amendment "mdust-close-foc-np" set it',
      ],
      [
        diagnose('NEW_NOT_APPLICABLE', { cohort: 'IOC', action: 'reopen', value: { kind: 'none' } }),
        'cannot re-open Migration DUST for IOC: its end date is none (no end date)',
      ],
      [
        diagnose('NEW_NOT_APPLICABLE', { cohort: 'IOC', action: 'close', value: { kind: 'unknown' } }),
        'cannot close Migration DUST for IOC: its end date is unknown',
      ],
      [
        diagnose('DATE_OUT_OF_RANGE', { date: '9999-12-15', span: { kind: 'window', months: 1 } }),
        'the end of its window (one month thereafter), counted from 9999-12-15, falls outside the dates mtad supports (0001-01-01 to 9999-12-31); expected a date that leaves room for it',
      ],
      [
        diagnose('DATE_OUT_OF_RANGE', { date: '9999-12-15', span: { kind: 'restart', months: 3, weeks: 6 } }),
        'a re-start estimate (up to 3 months and 6 weeks after the day after the end date), counted from 9999-12-15, falls outside the dates mtad supports (0001-01-01 to 9999-12-31); expected a date that leaves room for it',
      ],
      [
        diagnose('CHANGE_ACTION_MISMATCH', { action: 'close', to: { kind: 'none' } }),
        'a close must set an end date, but "to" is none (no end date); to remove an end date, write "action: reopen"',
      ],
      [
        diagnose('WEEKDAY_MISMATCH', { written: 'Monday 31 January 2023', weekday: 'Tuesday', date: '2023-01-31' }),
        '"Monday 31 January 2023": 31 January 2023 is a Tuesday',
      ],
      [
        diagnose('LOCK_MISMATCH', { id: 'a', fields: [], lockFile: 'l' }),
        'amendment "a" is made (directed) and must not change, but it differs from l in: its recorded checksum',
      ],
      [
        diagnose('WORD_PRECONDITION_FAILED', { cohort: 'C', heading: 'H', row: 1, column: 2, expected: 'x' }),
        'C, H (row 2, column 3): the change expects "x", but the Word document holds "(no such cell)"; nothing was written',
      ],
    ];
    for (const [finding, sentence] of cases) expect(formatDiagnostic(finding)).toBe(sentence);
  });
});
