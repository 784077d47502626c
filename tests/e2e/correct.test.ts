import { existsSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { copyOfData, ROOT, runCli, snapshotTree } from '../helpers/cli.js';
import { codesIn, runMain } from '../helpers/main.js';

const TABLE = 'data/table-17.6.yaml';
const LOCK = 'data/amendments.lock';
const FILE = 'data/corrections/ioc-end-date-2026-12-02.yaml';
// A fictional source: the tests record a correction, not a fact of the record.
const SOURCE = 'https://example.org/fictional-ioc-conclusion';
const IOC = ['correct', 'IOC', 'endDate', '2022-06-30', '--source', SOURCE, '--by', 'A Drafter', '--on', '2026-12-02'];

/** A copy of data/ with IOC's end date corrected to 30 June 2022, as the drafter records it. */
async function corrected(): Promise<string> {
  const dir = copyOfData();
  const run = await runMain([...IOC, '--reason', 'the conclusion gives it', '--write'], dir);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return dir;
}

const rowOf = (stdout: string, cohort: string) => stdout.split('\n').find((l) => l.startsWith(`${cohort}  `));

describe('mtad correct: the drafter records IOC end date from a source', () => {
  it('without --write prints the correction and the files it would write, and writes nothing', async () => {
    const dir = copyOfData();
    const before = snapshotTree(dir);
    const run = await runMain(IOC, dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'Correction ioc-end-date-2026-12-02 of Table 17.6 (not recorded: pass --write to record it)',
    );
    expect(run.stdout).toContain('IOC, Migration DUST end date: [-unknown-] {+30 June 2022+}');
    expect(run.stdout).toContain(`source:    ${SOURCE}`);
    expect(run.stdout).toContain(`Would write, together:\n  ${FILE}\n  ${LOCK}\n  ${TABLE}\n`);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('with --write records the correction, the lock and the table, and mtad check passes with no hand edit', async () => {
    const dir = copyOfData();
    const tableBefore = readFileSync(join(dir, TABLE), 'utf8');
    const lockBefore = readFileSync(join(dir, LOCK), 'utf8');
    const run = await runMain([...IOC, '--write'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Wrote, together:\n  ${FILE}\n  ${LOCK}\n  ${TABLE}\n`);

    const file = readFileSync(join(dir, FILE), 'utf8');
    for (const line of [
      'kind: correction',
      'id: ioc-end-date-2026-12-02',
      'cohort: "IOC"',
      'field: endDate',
      'from: "unknown"',
      'to: "2022-06-30"',
      'corrects: mdust-close-ioc-moc-mds',
      `source: "${SOURCE}"`,
      'by: "A Drafter"',
      'on: 2026-12-02',
    ])
      expect(file).toContain(`\n${line}\n`);

    // The table: only IOC's end-date cell changed, its comments and every other line kept.
    const parts = diffLines(tableBefore, readFileSync(join(dir, TABLE), 'utf8'));
    const added = parts.filter((p) => p.added).flatMap((p) => p.value.trimEnd().split('\n'));
    const removed = parts.filter((p) => p.removed).flatMap((p) => p.value.trimEnd().split('\n'));
    expect(added).toEqual(['      value: 2022-06-30', `      source: ${SOURCE} (correction ioc-end-date-2026-12-02)`]);
    expect(removed).toHaveLength(3);
    expect(removed.join('\n')).toContain('DCC concluded on the closure of Migration DUST for IOC in May 2022');

    // The lock: its made amendments as they were, the correction recorded after them.
    const lock = readFileSync(join(dir, LOCK), 'utf8');
    expect(lock.startsWith(lockBefore)).toBe(true);
    expect(lock.slice(lockBefore.length)).toMatch(
      /^corrections:\n {2}- id: "ioc-end-date-2026-12-02"\n {4}checksum: "[0-9a-f]{64}"\n/,
    );

    const check = await runMain(['check'], dir);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('0 errors');
    expect(check.stdout).toContain('the GroupID of IOC is unknown');
    expect(check.stdout).not.toContain('the Migration DUST end date of IOC is unknown');
  });

  it('show gives the corrected end date; show --as-at gives it from the closure on, and before it no end date', async () => {
    const dir = await corrected();
    expect(rowOf((await runMain(['show'], dir)).stdout, 'IOC')).toMatch(/^IOC +unknown +30 June 2022$/);
    // Before the closure's earliest date (May 2022): no end date, Migration DUST provided.
    const april = await runMain(['show', '--as-at', '2022-04-30'], dir);
    expect(rowOf(april.stdout, 'IOC')).toMatch(/^IOC +unknown$/);
    expect(april.stdout).toContain(
      'Migration DUST provided on 30 April 2022: IOC, MOC (MDS), MOC (Secure), FOC (NP), FOC (BG).',
    );
    // While the closure's date is not known, the cell is not known; IOC was provided either way.
    const june = await runMain(['show', '--as-at', '2022-06-01'], dir);
    expect(rowOf(june.stdout, 'IOC')).toMatch(/^IOC +unknown +unknown$/);
    expect(june.stdout).toContain('Migration DUST provided on 1 June 2022: IOC, MOC (Secure), FOC (NP), FOC (BG).');
    // Once the closure counts: the corrected end date, whatever the day the correction was recorded.
    const december = await runMain(['show', '--as-at', '2022-12-05'], dir);
    expect(december.status).toBe(0);
    expect(rowOf(december.stdout, 'IOC')).toMatch(/^IOC +unknown +30 June 2022$/);
    expect(december.stdout).toContain('After Thursday 30 June 2022, the last day of Migration DUST for IOC');
  });

  it('impact counts a re-start from the corrected end date', async () => {
    const dir = await corrected();
    const impact = await runMain(['impact', 'mdust-close-ioc-moc-mds', '--decided', '2022-07-01'], dir);
    expect(impact.status).toBe(0);
    expect(impact.stdout).toContain('end date (last day of service): Thursday 30 June 2022');
  });

  it('log lists the correction: when, who, what, which source', async () => {
    const dir = await corrected();
    const log = await runMain(['log'], dir);
    expect(log.status).toBe(0);
    expect(log.stdout).toMatch(
      /2026-12-02 +ioc-end-date-2026-12-02 +IOC +endDate +unknown +2022-06-30 +mdust-close-ioc-moc-mds +A Drafter/,
    );
    expect(log.stdout).toContain(`ioc-end-date-2026-12-02: source: ${SOURCE}; reason: the conclusion gives it`);
    const json = JSON.parse((await runMain(['log', '--format', 'json'], dir)).stdout) as { corrections: unknown[] };
    expect(json.corrections).toEqual([
      {
        id: 'ioc-end-date-2026-12-02',
        on: '2026-12-02',
        cohort: 'IOC',
        field: 'endDate',
        from: 'unknown',
        to: '2022-06-30',
        corrects: 'mdust-close-ioc-moc-mds',
        by: 'A Drafter',
        source: SOURCE,
        reason: 'the conclusion gives it',
      },
    ]);
  });

  it('a GroupID no amendment set is the value at every date', async () => {
    const dir = copyOfData();
    const run = await runMain(
      ['correct', 'IOC', 'groupId', 'ZZ', '--source', SOURCE, '--by', 'A Drafter', '--on', '2026-12-02', '--write'],
      dir,
    );
    expect(run.status).toBe(0);
    expect((await runMain(['check'], dir)).status).toBe(0);
    expect(rowOf((await runMain(['show', '--as-at', '2022-04-30'], dir)).stdout, 'IOC')).toMatch(/^IOC +ZZ$/);
  });

  it('a GroupID a correction stated can be corrected again', async () => {
    const dir = copyOfData();
    const first = ['correct', 'IOC', 'groupId', 'ZZ', '--source', SOURCE, '--by', 'A Drafter', '--on', '2026-12-02'];
    expect((await runMain([...first, '--write'], dir)).status).toBe(0);
    const again = await runMain(
      ['correct', 'IOC', 'groupId', 'ZY', '--source', SOURCE, '--by', 'B Drafter', '--on', '2026-12-02', '--write'],
      dir,
    );
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect((await runMain(['check'], dir)).status).toBe(0);
  });

  it('the end date can be corrected again: the latest correction is the value', async () => {
    const dir = await corrected();
    const again = await runMain(
      [
        'correct',
        'IOC',
        'endDate',
        '2022-07-29',
        '--source',
        SOURCE,
        '--by',
        'B Drafter',
        '--on',
        '2026-12-02',
        '--write',
      ],
      dir,
    );
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('[-30 June 2022-] {+29 July 2022+}');
    expect((await runMain(['check'], dir)).status).toBe(0);
    expect(rowOf((await runMain(['show', '--as-at', '2022-12-05'], dir)).stdout, 'IOC')).toMatch(/29 July 2022$/);
  });
});

describe('mtad correct refuses, and writes nothing', () => {
  const refused = async (args: string[], code: string, message?: string) => {
    const dir = copyOfData();
    const before = snapshotTree(dir);
    const run = await runMain([...args, '--write'], dir);
    expect(run.status).toBe(1);
    expect(codesIn(run.stderr)).toEqual([code]);
    if (message !== undefined) expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(dir)).toEqual(before);
  };
  const by = ['--source', SOURCE, '--by', 'A Drafter'];

  it('a --from the table contradicts', () =>
    refused(
      ['correct', 'IOC', 'endDate', '2022-06-30', '--from', 'none', ...by],
      'CORRECTION_FROM_MISMATCH',
      'the correction expects IOC Migration DUST end date to be none (no end date) (--from), but the table holds unknown',
    ));

  it('an unknown cohort, with the nearest name', () =>
    refused(['correct', 'IOX', 'endDate', '2022-06-30', ...by], 'COHORT_UNKNOWN', 'Did you mean "IOC"?'));

  it('a value a made amendment set (FOC (NP), 30 September 2022): that needs an amendment', () =>
    refused(
      ['correct', 'FOC (NP)', 'endDate', '2022-10-31', ...by],
      'CORRECTION_SET_BY_AMENDMENT',
      'as made amendment "mdust-close-foc-np" set it',
    ));

  it('"none" for an end date a closure set', () =>
    refused(['correct', 'IOC', 'endDate', 'none', ...by], 'CORRECTION_SET_BY_AMENDMENT'));

  it('a date that is not a date', () => refused(['correct', 'IOC', 'endDate', '2022-02-30', ...by], 'DATE_INVALID'));

  it('a value that is not a date', () => refused(['correct', 'IOC', 'endDate', 'June', ...by], 'VALUE_INVALID'));

  it('an end date after the bound the sources give (4 December 2022 at the latest)', () =>
    refused(['correct', 'IOC', 'endDate', '2022-12-05', ...by], 'CORRECTION_OUT_OF_BOUNDS'));

  it('an end date before the closure that set it was concluded (MOC (MDS): May 2022)', () =>
    refused(
      ['correct', 'MOC (MDS)', 'endDate', '2021-01-01', ...by],
      'CORRECTION_BEFORE_AMENDMENT',
      'is before 1 May 2022, the earliest date made amendment "mdust-close-ioc-moc-mds" can have set',
    ));

  it('a correction recorded before the closure it states was concluded', () =>
    refused(
      ['correct', 'MOC (MDS)', 'endDate', '2022-06-30', ...by, '--on', '2022-04-30'],
      'CORRECTION_RECORDED_BEFORE',
    ));

  it('a correction recorded on a day yet to come is a usage error (exit status 2)', async () => {
    const dir = copyOfData();
    const before = snapshotTree(dir);
    const args = ['correct', 'MOC (MDS)', 'endDate', '2022-06-30', ...by, '--on', '2030-01-01', '--write'];
    // 2026-12-02T12:00:00Z stands in for the clock.
    const run = await runMain(args, { cwd: dir, env: { SOURCE_DATE_EPOCH: '1796212800' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no later than today (2026-12-02)');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('the earliest end date the history allows, recorded today, is accepted', async () => {
    const dir = copyOfData();
    const args = ['correct', 'MOC (MDS)', 'endDate', '2022-05-01', ...by, '--on', '2026-12-02', '--write'];
    const run = await runMain(args, { cwd: dir, env: { SOURCE_DATE_EPOCH: '1796212800' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect((await runMain(['check'], dir)).status).toBe(0);
  });

  it('a known end date no amendment set (FOC (BG): none): closing it needs an amendment', () =>
    refused(['correct', 'FOC (BG)', 'endDate', '2023-09-29', ...by], 'CORRECTION_NOT_UNKNOWN'));

  it('a GroupID another cohort has', () =>
    refused(['correct', 'IOC', 'groupId', 'DA', ...by], 'GROUPID_DUPLICATE', 'MOC (Secure)'));

  it('a GroupID with a hidden character', () =>
    refused(['correct', 'IOC', 'groupId', 'Z\u200bZ', ...by], 'VALUE_INVALID'));

  it('a GroupID the table holds from its source (MOC (Secure): DA): a correction states an unknown one', async () => {
    await refused(
      ['correct', 'MOC (Secure)', 'groupId', 'DB', '--source', 'https://x.invalid', '--by', 'A'],
      'CORRECTION_NOT_UNKNOWN',
      'the table holds DA as MOC (Secure) GroupID, from its source',
    );
  });

  it('the value the table already holds', () =>
    refused(['correct', 'MOC (Secure)', 'groupId', 'DA', ...by], 'CORRECTION_UNCHANGED'));

  it('a correction without a source is a usage error (exit status 2)', async () => {
    const dir = copyOfData();
    const before = snapshotTree(dir);
    const run = await runMain(['correct', 'IOC', 'endDate', '2022-06-30', '--by', 'A Drafter', '--write'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("required option '--source <text>' not specified");
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a field it does not correct is a usage error', async () => {
    const run = await runMain(['correct', 'IOC', 'title', 'x', ...by], copyOfData());
    expect(run.status).toBe(2);
  });
});

describe('the lock covers corrections as it covers made amendments', () => {
  it('a correction edited by hand is LOCK_MISMATCH, naming the field', async () => {
    const dir = await corrected();
    const path = join(dir, FILE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('to: "2022-06-30"', 'to: "2022-06-29"'));
    const check = await runMain(['check'], dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(
      'correction "ioc-end-date-2026-12-02" is recorded history and must not change, but it differs from data/amendments.lock in: to',
    );
    expect(check.stdout).toContain('CORRECTION_NOT_REFLECTED');
  });

  it('a correction written by hand is LOCK_MISSING; one removed is LOCK_STALE', async () => {
    const dir = await corrected();
    const text = readFileSync(join(dir, FILE), 'utf8');
    writeFileSync(
      join(dir, 'data/corrections/by-hand.yaml'),
      text.replace('id: ioc-end-date-2026-12-02', 'id: by-hand').replace('on: 2026-12-02', 'on: 2026-12-04'),
    );
    rmSync(join(dir, FILE));
    const check = await runMain(['check', '--format', 'json'], dir);
    expect(check.status).toBe(1);
    const codes = (JSON.parse(check.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(codes).toContain('LOCK_MISSING');
    expect(codes).toContain('LOCK_STALE');
  });

  it('a correction file that breaks its schema is reported with its position', async () => {
    const dir = await corrected();
    const path = join(dir, FILE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('by: "A Drafter"\n', ''));
    const check = await runMain(['check'], dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(
      /data\/corrections\/ioc-end-date-2026-12-02\.yaml\n +\d+:\d+ +error +SCHEMA_MISSING_FIELD/,
    );
  });
});

describe('the correction, the lock and the table change together', () => {
  const FAULTS = pathToFileURL(join(ROOT, 'tests/helpers/write-faults.mjs')).href;
  it('a table that cannot be replaced puts the correction and the lock back: nothing was written', () => {
    const dir = copyOfData();
    const before = snapshotTree(dir);
    const run = runCli([...IOC, '--write'], {
      cwd: dir,
      env: { NODE_OPTIONS: `--import ${FAULTS}`, MTAD_TEST_FAULT: 'fail-before-rename:table-17.6.yaml:ENOSPC' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nothing was written');
    expect(existsSync(join(dir, 'data/corrections'))).toBe(false);
    expect(snapshotTree(dir)).toEqual(before);
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(readdirSync(join(ROOT, 'data')).sort());
  });
});
