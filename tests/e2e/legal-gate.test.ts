import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/commands/check.js';
import { RULES, type DiagnosticCode } from '../../src/domain/model/diagnostics.js';
import { plainStyler } from '../../src/render/style.js';
import {
  copiesOfData,
  MOC_SECURE_CONCLUSION,
  removedAfterAll,
  snapshotTree,
  writeMocSecureConclusion,
} from '../helpers/cli.js';
import { fixtureCodes, materialiseFixture } from '../helpers/fixtures.js';
import { codesIn, runMain } from '../helpers/main.js';

/*
 * Every command that prints or writes a direction, a redline or a pack runs the checks of
 * `mtad check` first, over the same files, and refuses what check rejects with the same findings.
 */

const copyOfData = copiesOfData();
const fresh = removedAfterAll();
const MOC = 'data/amendments/mdust-close-moc-secure.yaml';

/**
 * A copy of data/ with the MOC (Secure) amendment edited: each [find, replace] must apply. Concluded
 * or made, it has its conclusion beside the table, as check requires.
 */
function dataWith(...edits: [string | RegExp, string][]): string {
  const dir = copyOfData();
  const path = join(dir, MOC);
  let text = readFileSync(path, 'utf8');
  for (const [find, replace] of edits) {
    const next = text.replace(find, replace);
    if (next === text) throw new Error(`nothing to replace: ${String(find)}`);
    text = next;
  }
  writeFileSync(path, text);
  // Its final modification date is the amendment's, so that the findings are the amendment's own.
  const modification = /^modification:\n(?: .*\n)*? {2}date: (\S+)$/m.exec(text)?.[1] ?? '2023-01-27';
  if (/^status: (concluded|made)$/m.test(text))
    writeMocSecureConclusion(dir, MOC_SECURE_CONCLUSION.replace('    date: 2023-01-27', `    date: ${modification}`));
  return dir;
}

const CONCLUDED: [string, string][] = [
  ['status: proposed', 'status: concluded'],
  ['  expectedConclusion: 2023-01-20\n', '  expectedConclusion: 2023-01-20\n  concluded: 2023-01-20\n'],
  ['  annex: null', '  annex: A'],
];

async function checkCodes(cwd: string): Promise<{ status: number; errors: DiagnosticCode[] }> {
  const outcome = await runCheck({
    cwd,
    styler: plainStyler,
    paths: [],
    format: 'json',
    outputs: [],
    updateLock: false,
    version: 'test',
    // As the CLI gives it from its clock; the fixtures' dates of 2099 lie after it.
    today: '2026-01-05',
  });
  const report = JSON.parse(outcome.stdout) as { diagnostics: { code: DiagnosticCode; severity: string }[] };
  return {
    status: outcome.exitCode,
    errors: report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
  };
}

describe('mtad direction --final', () => {
  it('prints the final direction of a concluded amendment with its annex set', async () => {
    const run = await runMain(['direction', 'mdust-close-moc-secure', '--final'], dataWith(...CONCLUDED));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('with effect from 27 January 2023');
  });

  it('refuses an amendment still proposed, naming its status field', async () => {
    const cwd = dataWith(['  annex: null', '  annex: A']);
    const run = await runMain(['direction', 'mdust-close-moc-secure', '--final'], cwd);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(codesIn(run.stderr)).toEqual(['DIRECTION_NOT_CONCLUDED']);
    expect(run.stderr).toMatch(/^data\/amendments\/mdust-close-moc-secure\.yaml:9:9: error: .*status is proposed/);
    // The draft needs no conclusion.
    expect((await runMain(['direction', 'mdust-close-moc-secure'], cwd)).status).toBe(0);
  });

  it.each([
    [
      'a modification date after the end date',
      [['  date: 2023-01-27', '  date: 2023-02-03']] as [string, string][],
      'TIMELINE_ORDER',
    ],
    [
      'a question whose prose date disagrees',
      [['modification date of 27 January 2023', 'modification date of 28 January 2023']] as [string, string][],
      'PROSE_DATE_MISMATCH',
    ],
  ])('refuses %s, with the findings check prints, in draft and final form', async (_name, edits, code) => {
    const cwd = dataWith(...CONCLUDED, ...edits);
    const check = await checkCodes(cwd);
    expect(check.status).toBe(1);
    expect(check.errors).toContain(code);
    for (const args of [
      ['direction', 'mdust-close-moc-secure', '--final'],
      ['direction', 'mdust-close-moc-secure'],
      ['amend'],
      ['amend', '--format', 'json'],
      ['amend', '--format', 'markdown', '--redline-only'],
    ]) {
      const run = await runMain(args, cwd);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(codesIn(run.stderr), args.join(' ')).toEqual(check.errors);
    }
  });
});

describe('amend refuses what check rejects in the sequence and the lock', () => {
  it('--out writes no pack while check reports LOCK_MISSING for a made amendment', async () => {
    const cwd = dataWith(...CONCLUDED, ['status: concluded', 'status: made']);
    expect((await checkCodes(cwd)).errors).toEqual(['LOCK_MISSING']);
    const before = snapshotTree(cwd);
    const run = await runMain(['amend', '--out', 'pack'], cwd);
    expect(run.status).toBe(1);
    expect(codesIn(run.stderr)).toEqual(['LOCK_MISSING']);
    expect(existsSync(join(cwd, 'pack'))).toBe(false);
    expect(snapshotTree(cwd)).toEqual(before);
    // --write records the amendment in the lock itself: its absence from the lock does not stop it.
    const written = await runMain(['amend', '--write'], cwd);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    expect((await checkCodes(cwd)).errors).toEqual([]);
  });

  it('--write is still refused when a made amendment the table already reflects is missing from the lock', async () => {
    const cwd = dataWith(...CONCLUDED, ['status: concluded', 'status: made']);
    const lock = join(cwd, 'data/amendments.lock');
    const text = readFileSync(lock, 'utf8');
    writeFileSync(lock, text.slice(0, text.indexOf('  - id: "mdust-close-foc-np"')));
    const before = snapshotTree(cwd);
    const run = await runMain(['amend', '--write'], cwd);
    expect(run.status).toBe(1);
    expect(codesIn(run.stderr)).toEqual(['LOCK_MISSING']);
    expect(run.stderr).toContain('"mdust-close-foc-np"');
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('two amendments with the same sequence: amend (every format, --out, --write) and direction refuse as check does', async () => {
    const cwd = dataWith(...CONCLUDED, ['status: concluded', 'status: made'], ['sequence: 3', 'sequence: 2']);
    const check = await checkCodes(cwd);
    expect(check.errors).toContain('SEQUENCE_DUPLICATE');
    const before = snapshotTree(cwd);
    for (const args of [
      ['amend'],
      ['amend', 'mdust-close-moc-secure'],
      ['amend', '--format', 'unified'],
      ['amend', '--out', 'pack'],
      ['amend', '--write'],
      ['direction', 'mdust-close-moc-secure', '--final'],
      ['diff', '--from', '2022-12-05', '--to', '2023-02-01'],
    ]) {
      const run = await runMain(args, cwd);
      expect(run.status, args.join(' ')).toBe(1);
      expect(codesIn(run.stderr), args.join(' ')).toContain('SEQUENCE_DUPLICATE');
    }
    expect(snapshotTree(cwd)).toEqual(before);
  });
});

describe('one amendment that closes and then re-opens the same cohort', () => {
  it('is a finding of check, and --write writes nothing', async () => {
    const reopen =
      '  - action: reopen\n    cohort: MOC (Secure)\n    groupId: DA\n    field: endDate\n    from: 2023-01-31\n    to: none\n';
    const cwd = dataWith(
      ...CONCLUDED,
      ['status: concluded', 'status: made'],
      [/windowMonths: 1\n$/, `windowMonths: 1\n${reopen}`],
    );
    expect((await checkCodes(cwd)).errors.sort()).toEqual(['CHANGE_TARGET_REPEATED', 'LOCK_MISSING']);
    const before = snapshotTree(cwd);
    const run = await runMain(['amend', '--write'], cwd);
    expect(run.status).toBe(1);
    expect(codesIn(run.stderr)).toEqual(['CHANGE_TARGET_REPEATED']);
    expect(run.stderr).toMatch(
      /^data\/amendments\/mdust-close-moc-secure\.yaml:\d+:\d+: error: change 2 changes the endDate of "MOC \(Secure\)" again, as change 1 does/,
    );
    expect(snapshotTree(cwd)).toEqual(before);
  });
});

describe('amend and direction agree with check on every rule', () => {
  // The documents are made from the table, the amendments and their conclusions, checked with the
  // responses beside the table as check checks them.
  const errorRules = fixtureCodes().filter((code) => RULES[code as DiagnosticCode].severity === 'error');
  it.each(errorRules.map((code) => [code]))('%s: the fire fixture that check rejects is refused', async (code) => {
    const cwd = fresh(materialiseFixture(code, 'fire'));
    const check = await checkCodes(cwd);
    expect(check.status, 'check').not.toBe(0);
    const before = snapshotTree(cwd);
    for (const args of [['amend'], ['amend', '--out', 'pack'], ['direction', 'mdust-close-moc-secure']]) {
      const run = await runMain(args, cwd);
      expect(run.status, args.join(' ')).not.toBe(0);
      expect(run.stdout, args.join(' ')).toBe('');
    }
    expect(snapshotTree(cwd)).toEqual(before);
  });
});
