import { describe, expect, it } from 'vitest';
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

const LONG_DATE = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;
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
      later: { milestone: 'end-date', cohort: 'MOC (Secure)', date: '2023-01-31', window: { months: 1, until: '2023-02-28' } },
      relation: 'on or after',
    });
    expect(order?.message).toBe(
      'the end date of MOC (Secure), 31 January 2023 (or within one month thereafter: by 28 February 2023), must be on or after the modification date, 15 February 2023 (or within one month thereafter: by 15 March 2023) (expected: issued < responses due < conclusion <= modification date <= end date)',
    );
    const mismatch = (await findingsOf('PROSE_DATE_MISMATCH')).find((d) => d.code === 'PROSE_DATE_MISMATCH');
    expect(mismatch?.args).toEqual({ written: '28 January 2023', date: '2023-01-28', nearest: { field: 'modification.date', date: '2023-01-27' } });
  });

  it('gives the values of a failed precondition, and who set the value the table holds', async () => {
    const found = (await findingsOf('PRECONDITION_FAILED')).find((d) => d.code === 'PRECONDITION_FAILED');
    expect(found?.args).toMatchObject({ cohort: 'FOC (NP)', field: 'endDate', expected: { kind: 'none' }, actual: { kind: 'date', date: '2022-09-30' } });
    const window = (await findingsOf('TIMELINE_WINDOW')).find((d) => d.code === 'TIMELINE_WINDOW');
    expect(window?.message).toMatch(/^the modification, .*, may take effect after Migration DUST for .* has ended: its end date is \d+ \w+ \d{4}/);
  });
});
