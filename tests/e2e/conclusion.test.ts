import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyOfData, ROOT, snapshotTree } from '../helpers/cli.js';
import { codesIn, runMain } from '../helpers/main.js';

/*
 * The drafter's steps after a consultation, on a copy of data/ with the fictional example responses
 * and conclusion of examples/ put beside the table: check them, record the amendment as made, print
 * the final direction and write the table, all from the conclusion's final values.
 */
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const MOC = 'data/amendments/mdust-close-moc-secure.yaml';
const CONCLUSION = 'data/conclusions/mdust-close-moc-secure.yaml';
const EXAMPLE = join(ROOT, 'examples/conclusions/mdust-close-moc-secure.yaml');

/** A copy of data/ with the example responses and a conclusion (the example's unless given; none for null) beside the table. */
function concludedCopy(conclusion: string | null = readFileSync(EXAMPLE, 'utf8')): string {
  const dir = copyOfData();
  made.push(dir);
  cpSync(join(ROOT, 'examples/responses/mdust-close-moc-secure'), join(dir, 'data/responses/mdust-close-moc-secure'), {
    recursive: true,
  });
  if (conclusion !== null) {
    mkdirSync(join(dir, 'data/conclusions'));
    writeFileSync(join(dir, CONCLUSION), conclusion);
  }
  return dir;
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const edit = (dir: string, file: string, ...pairs: [string, string][]) => {
  let text = read(dir, file);
  for (const [from, to] of pairs) {
    expect(text, `${file}: ${from}`).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(join(dir, file), text);
};
/** The drafter records the amendment as made: status, the date it concluded. The annex stays unset: the conclusion gives it. */
const markMade = (dir: string) =>
  edit(
    dir,
    MOC,
    ['status: proposed', 'status: made'],
    ['  expectedConclusion: 2023-01-20\n', '  expectedConclusion: 2023-01-20\n  concluded: 2023-01-20\n'],
  );
const endDateOf = (dir: string, cohort: string): unknown =>
  (
    parse(read(dir, 'data/table-17.6.yaml')) as { cohorts: { cohort: string; endDate: { value?: unknown } }[] }
  ).cohorts.find((row) => row.cohort === cohort)?.endDate.value;

describe('after the consultation: the conclusion beside the table', () => {
  it('check accepts the example conclusion with its responses: only the shipped warnings and the late response', async () => {
    const dir = concludedCopy();
    const check = await runMain(['check'], dir);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/\n8 problems \(0 errors, 8 warnings\) in 10 files checked\.\n$/);
    expect(check.stdout).toContain('RESPONSE_LATE');
    // The log shows each step, the conclusion's date among them.
    const log = await runMain(['log'], dir);
    expect(log.stdout).toMatch(
      /^3 +mdust-close-moc-secure +proposed +no +MOC \(Secure\) +2022-12-05 +2023-01-13 16:00 +2023-01-20 +2023-01-27$/m,
    );
  });

  it('made with its conclusion: --update-lock, the final direction and --write use the final values', async () => {
    // A conclusion that proceeds with changes, within the windows consulted on.
    const dir = concludedCopy(
      readFileSync(EXAMPLE, 'utf8')
        .replace('decision: proceed', 'decision: proceed-with-changes')
        .replace('      to: 2023-01-31', '      to: 2023-02-14')
        .replace('    date: 2023-01-27', '    date: 2023-02-03')
        .replace('    annex: A', '    annex: B')
        // DCC's text says the final dates, as check holds it to.
        .replace('the proposed modification date of 27 January 2023.', 'the proposed modification date.')
        .replaceAll('Tuesday 31 January 2023, as proposed,', 'Tuesday 14 February 2023')
        .replace('(Secure) from Tuesday 31 January 2023.', '(Secure) from the date proposed.')
        .replaceAll('27 January 2023', '3 February 2023'),
    );
    markMade(dir);
    const lock = await runMain(['check', '--update-lock'], dir);
    expect(lock.stderr).toContain('Recorded in data/amendments.lock: mdust-close-moc-secure.');
    expect(lock.status).toBe(0);

    const direction = await runMain(['direction', 'mdust-close-moc-secure', '--final'], dir);
    expect(direction.stderr).toBe('');
    expect(direction.status).toBe(0);
    expect(direction.stdout).toContain(
      'with effect from 3 February 2023, the Migration Test Approach Document is hereby modified in the form set out in Annex B of this direction.',
    );

    const write = await runMain(['amend', '--write'], dir);
    expect(write.stderr).toBe('');
    expect(write.status).toBe(0);
    expect(endDateOf(dir, 'MOC (Secure)')).toBe('2023-02-14');
    expect(read(dir, 'data/table-17.6.yaml')).toMatch(/^asAt: 2023-02-03$/m);
    expect((await runMain(['check'], dir)).status).toBe(0);
    const log = await runMain(['log'], dir);
    expect(log.stdout).toMatch(
      /^3 +mdust-close-moc-secure +made +yes +MOC \(Secure\) +2022-12-05 +2023-01-13 16:00 +2023-01-20 +2023-02-03$/m,
    );
    const json = JSON.parse((await runMain(['log', '--format', 'json'], dir)).stdout) as {
      amendments: { id: string; decision: string | null; sentToDepartment: string | null }[];
    };
    expect(json.amendments.find((a) => a.id === 'mdust-close-moc-secure')).toMatchObject({
      decision: 'proceed-with-changes',
      sentToDepartment: '2023-01-20',
    });
  });

  it('--update-lock records nothing while check reports an error in the amendment or its conclusion; once clean, it records it', async () => {
    const dir = concludedCopy();
    // Made, but recorded as concluded a day before the conclusion says it did.
    edit(
      dir,
      MOC,
      ['status: proposed', 'status: made'],
      ['  expectedConclusion: 2023-01-20\n', '  expectedConclusion: 2023-01-20\n  concluded: 2023-01-19\n'],
    );
    const lockBefore = read(dir, 'data/amendments.lock');
    const refused = await runMain(['check', '--update-lock'], dir);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('error  CONCLUSION_DATE_MISMATCH');
    expect(refused.stderr).toContain(
      'Nothing recorded in data/amendments.lock: mtad check reports an error in the files of mdust-close-moc-secure',
    );
    expect(read(dir, 'data/amendments.lock')).toBe(lockBefore);

    // The drafter puts the date right: no LOCK_MISMATCH to trap them, and the lock records it.
    edit(dir, MOC, ['  concluded: 2023-01-19\n', '  concluded: 2023-01-20\n']);
    const recorded = await runMain(['check', '--update-lock'], dir);
    expect(recorded.stderr).toContain('Recorded in data/amendments.lock: mdust-close-moc-secure.');
    expect(recorded.status).toBe(0);
    const check = await runMain(['check'], dir);
    expect(check.status).toBe(0);
    expect(check.stdout).not.toContain('LOCK_');
  });

  it('refuses a final end date beyond the window consulted on: that needs a new consultation', async () => {
    const dir = concludedCopy(
      readFileSync(EXAMPLE, 'utf8')
        .replace('decision: proceed', 'decision: proceed-with-changes')
        .replace('      to: 2023-01-31', '      to: 2023-03-01'),
    );
    markMade(dir);
    const check = await runMain(['check'], dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(
      '  27:11  error  CONCLUSION_OUTSIDE_WINDOW  the final end date for "MOC (Secure)", 1 March 2023, is outside the window consulted on (31 January 2023 (or within one month thereafter: by 28 February 2023)): that needs a new consultation',
    );
    const before = snapshotTree(dir);
    for (const args of [
      ['amend', '--write'],
      ['direction', 'mdust-close-moc-secure', '--final'],
    ]) {
      const run = await runMain(args, dir);
      expect(run.status, args.join(' ')).toBe(1);
      expect(codesIn(run.stderr), args.join(' ')).toContain('CONCLUSION_OUTSIDE_WINDOW');
    }
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('without its conclusion, a made amendment is refused by check, --write and the final direction, naming the file', async () => {
    const dir = concludedCopy(null);
    markMade(dir);
    edit(dir, MOC, ['  annex: null', '  annex: A']);
    const before = snapshotTree(dir);
    const expected =
      'but it has no conclusion: expected data/conclusions/mdust-close-moc-secure.yaml (mtad schema conclusion gives its shape) [CONCLUSION_MISSING]';
    for (const args of [
      ['check', '--format', 'json'],
      ['amend', '--write'],
      ['direction', 'mdust-close-moc-secure', '--final'],
    ]) {
      const run = await runMain(args, dir);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr + run.stdout, args.join(' ')).toContain('CONCLUSION_MISSING');
    }
    const write = await runMain(['amend', '--write'], dir);
    expect(write.stderr).toContain(expected);
    expect(snapshotTree(dir)).toEqual(before);

    // Named with --conclusion, the example conclusion gives the final direction its annex and date.
    edit(dir, MOC, ['status: made', 'status: concluded']);
    const named = await runMain(['direction', 'mdust-close-moc-secure', '--final', '--conclusion', EXAMPLE], dir);
    expect(named.stderr).toBe('');
    expect(named.stdout).toContain('with effect from 27 January 2023');
  });

  it('a conclusion of another amendment is refused by --conclusion, as a usage error', async () => {
    const dir = concludedCopy(null);
    const run = await runMain(
      [
        'direction',
        'mdust-close-moc-secure',
        '--final',
        '--conclusion',
        join(ROOT, 'examples/conclusions/mdust-close-foc-bg.yaml'),
      ],
      dir,
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('the conclusion of mdust-close-moc-secure (this file concludes mdust-close-foc-bg)');
  });

  it('a made amendment is held to its modification date as at the date checked for (SOURCE_DATE_EPOCH)', async () => {
    const dir = concludedCopy();
    markMade(dir);
    expect((await runMain(['check', '--update-lock'], dir)).status).toBe(0);
    // 2023-01-26T12:00:00Z: the day before the modification takes effect.
    const early = await runMain(['check'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1674734400' } });
    expect(early.status).toBe(1);
    expect(early.stdout).toContain(
      'amendment "mdust-close-moc-secure" is made, but its modification date, 27 January 2023, is after 26 January 2023, the date checked for; expected status concluded until then',
    );
    expect((await runMain(['amend', '--write'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1674734400' } })).status).toBe(
      1,
    );
    // 2023-01-27T00:30:00Z: the day itself.
    const onTheDay = await runMain(['check'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1674779400' } });
    expect(onTheDay.stdout).not.toContain('MADE_BEFORE_MODIFICATION');
    expect(onTheDay.status).toBe(0);
  });
});
