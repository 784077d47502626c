import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyWithMocSecureMade, MOC_SECURE_CONCLUSION, writeMocSecureConclusion } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { documentXml } from '../helpers/pack.js';

// A made amendment whose conclusion changed its dates: the conclusion report is made from the
// history as directed, before `amend --write` and after it alike.
const CHANGED = MOC_SECURE_CONCLUSION.replace('decision: proceed', 'decision: proceed-with-changes')
  .replace('      to: 2023-01-31', '      to: 2023-02-28')
  .replace('    date: 2023-01-27', '    date: 2023-02-10')
  .replace('with effect from 27 January 2023.', 'with effect from 10 February 2023.');

function madeWithChanges(): string {
  const dir = copyWithMocSecureMade();
  expect(CHANGED).toContain('to: 2023-02-28');
  expect(CHANGED).toContain('date: 2023-02-10');
  return writeMocSecureConclusion(dir, CHANGED);
}

describe('a conclusion that changed the final dates', () => {
  it('gives the same report before and after amend --write, with the final end date in the modified table', async () => {
    const cwd = madeWithChanges();
    expect((await runMain(['check', '--update-lock'], { cwd })).status).toBe(0);
    const before = await runMain(['conclude', 'mdust-close-moc-secure', '--stdout'], { cwd });
    expect(before.status, before.stderr).toBe(0);
    expect(before.stdout).toContain('| MOC (Secure) | DA | 28 February 2023 |');
    expect((await runMain(['amend', '--write'], { cwd })).status).toBe(0);
    const after = await runMain(['conclude', 'mdust-close-moc-secure', '--stdout'], { cwd });
    expect(after.stderr).not.toContain('PRECONDITION_FAILED');
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).toBe(before.stdout);
  });

  it('check --update-lock records nothing while its conclusion does not even read', async () => {
    const cwd = madeWithChanges();
    const path = join(cwd, 'data/conclusions/mdust-close-moc-secure.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('decision: proceed-with-changes', 'decision: maybe'));
    const lock = readFileSync(join(cwd, 'data/amendments.lock'), 'utf8');
    const run = await runMain(['check', '--update-lock'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toContain('Recorded in');
    expect(readFileSync(join(cwd, 'data/amendments.lock'), 'utf8')).toBe(lock);
  });

  it('impact and revert read the final end date, as the table written with it holds it', async () => {
    const cwd = madeWithChanges();
    expect((await runMain(['check', '--update-lock'], { cwd })).status).toBe(0);
    expect((await runMain(['amend', '--write'], { cwd })).status).toBe(0);
    const impact = await runMain(['impact', 'mdust-close-moc-secure'], { cwd });
    expect(impact.status, impact.stderr).toBe(0);
    expect(impact.stdout).toContain('Tuesday 28 February 2023');
    expect(impact.stdout).not.toContain('31 January 2023');
    const revert = await runMain(['revert', 'mdust-close-moc-secure', '--stdout'], { cwd });
    expect(revert.status, revert.stderr).toBe(0);
    expect(revert.stdout).toMatch(/from: 2023-02-28/);
  });

  it('amend --out: the consultation and its response template show the proposal, the direction the final values', async () => {
    const cwd = madeWithChanges();
    expect((await runMain(['check', '--update-lock'], { cwd })).status).toBe(0);
    const run = await runMain(['amend', 'mdust-close-moc-secure', '--out', 'pack'], { cwd });
    expect(run.status, run.stderr).toBe(0);
    const pack = join(cwd, 'pack');
    const text = async (name: string): Promise<string> =>
      name.endsWith('.docx')
        ? (await documentXml(readFileSync(join(pack, name)))).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
        : readFileSync(join(pack, name), 'utf8').replace(/\\/g, '');
    const consulted = readdirSync(pack).filter((name) => /^(consultation|response-template)\./.test(name));
    expect(consulted.sort()).toEqual([
      'consultation.docx',
      'consultation.html',
      'consultation.md',
      'response-template.docx',
      'response-template.md',
    ]);
    for (const name of consulted) {
      const words = await text(name);
      expect(words, name).toContain('Tuesday 31 January 2023');
      expect(words, name).toContain('27 January 2023');
      expect(words, name).not.toMatch(/28 February 2023|10 February 2023/);
    }
    for (const name of readdirSync(pack).filter((name) => name.startsWith('direction.'))) {
      const words = await text(name);
      expect(words, name).toContain('10 February 2023');
      expect(words, name).not.toMatch(/27 January 2023/);
    }
  });
});
