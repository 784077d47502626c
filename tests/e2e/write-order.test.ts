import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfData, snapshotTree, writeMocSecureConclusion, writeTestFocBgConclusion } from '../helpers/cli.js';
import { codesIn, runMain } from '../helpers/main.js';

/*
 * `amend --write` never leaves the repository in a state that `mtad check` rejects: the table
 * reflects amendments in their order of application, none skipped. The drafter's steps: a later
 * closure (FOC (BG), sequence 4) is made while MOC (Secure) (sequence 3) is still proposed.
 */
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const MOC = 'data/amendments/mdust-close-moc-secure.yaml';
const FOC_BG = 'data/amendments/test-close-foc-bg.yaml';
const makeMade = (text: string) =>
  text
    .replace('status: proposed', 'status: made')
    .replace('expectedConclusion: 2023-01-20', 'expectedConclusion: 2023-01-20\n  concluded: 2023-01-20')
    .replace('  annex: null', '  annex: A');

/** The shipped data with a made FOC (BG) closure after the proposed MOC (Secure) one. */
function withLaterClosureMade(): string {
  const dir = copyOfData();
  made.push(dir);
  const moc = readFileSync(join(dir, MOC), 'utf8');
  const bg = moc
    .replace('id: mdust-close-moc-secure', 'id: test-close-foc-bg')
    .replace('sequence: 3', 'sequence: 4')
    .replace('cohort: MOC (Secure)', 'cohort: FOC (BG)')
    .replace('groupId: DA', 'groupId: EA');
  writeFileSync(join(dir, FOC_BG), makeMade(bg));
  // Its conclusion, beside the table (the consultation it copies asked questions).
  writeTestFocBgConclusion(dir);
  return dir;
}

const applied = (dir: string) =>
  [...readFileSync(join(dir, 'data/table-17.6.yaml'), 'utf8').matchAll(/^ {2}- ([a-z0-9-]+)$/gm)].map((m) => m[1]);

describe('amend --write keeps the order of application', () => {
  it('refuses a later amendment while an earlier one is unwritten, naming it; nothing is written', async () => {
    const dir = withLaterClosureMade();
    const before = snapshotTree(dir);
    const checkBefore = await runMain(['check', '--no-cache'], dir);
    const run = await runMain(['amend', 'test-close-foc-bg', '--write'], dir);
    expect(run.status).toBe(1);
    expect(codesIn(run.stderr)).toEqual(['AMENDMENT_WRITE_OUT_OF_ORDER']);
    expect(run.stderr).toMatch(
      /^data\/amendments\/test-close-foc-bg\.yaml:\d+:\d+: error: amendment "test-close-foc-bg" comes after "mdust-close-moc-secure" \(proposed\)/,
    );
    expect(snapshotTree(dir)).toEqual(before);
    // What check says is what it said before: no out-of-order table.
    expect(await runMain(['check', '--no-cache'], dir)).toEqual(checkBefore);
    expect(checkBefore.stdout).not.toContain('APPLIED_OUT_OF_ORDER');
  });

  it('writes both once the earlier one is made and written first, and check stays clean', async () => {
    const dir = withLaterClosureMade();
    writeFileSync(join(dir, MOC), makeMade(readFileSync(join(dir, MOC), 'utf8')));
    writeMocSecureConclusion(dir);
    expect((await runMain(['amend', 'mdust-close-moc-secure', '--write'], dir)).status).toBe(0);
    expect((await runMain(['amend', 'test-close-foc-bg', '--write'], dir)).status).toBe(0);
    expect(applied(dir).slice(-2)).toEqual(['mdust-close-moc-secure', 'test-close-foc-bg']);
    const check = await runMain(['check'], dir);
    expect(check.stdout).toMatch(/\(0 errors,/);
  });

  it('writes the later one when the earlier one is withdrawn', async () => {
    const dir = withLaterClosureMade();
    writeFileSync(
      join(dir, MOC),
      readFileSync(join(dir, MOC), 'utf8').replace('status: proposed', 'status: withdrawn'),
    );
    const run = await runMain(['amend', 'test-close-foc-bg', '--write'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(applied(dir).at(-1)).toBe('test-close-foc-bg');
    expect((await runMain(['check'], dir)).stdout).toMatch(/\(0 errors,/);
  });
});
