import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/commands/check.js';
import { CHECK_RULES } from '../../src/domain/check/check-sources.js';
import { RULES, type DiagnosticCode } from '../../src/domain/model/diagnostics.js';
import { plainStyler } from '../../src/render/style.js';
import { removedAfterAll } from '../helpers/cli.js';
import { fixtureCodes, materialiseFixture } from '../helpers/fixtures.js';

const fresh = removedAfterAll();

/** The codes `mtad check` reports on a fixture, through the command as the CLI calls it. */
async function codesOf(code: string, kind: 'fire' | 'pass'): Promise<{ codes: DiagnosticCode[]; exitCode: number }> {
  const cwd = fresh(materialiseFixture(code, kind));
  const outcome = await runCheck({
    cwd,
    styler: plainStyler,
    paths: [],
    format: 'json',
    outputs: [],
    updateLock: false,
    version: 'test',
    // The date the check is run for, as the CLI gives it from its clock: fixed here, long before
    // the modification date of 2099 that MADE_BEFORE_MODIFICATION's fixture makes.
    today: '2026-01-05',
  });
  const report = JSON.parse(outcome.stdout) as { diagnostics: { code: DiagnosticCode }[] };
  return { codes: report.diagnostics.map((d) => d.code), exitCode: outcome.exitCode };
}

describe('every rule of mtad check has a fixture that fires it and one that does not', () => {
  it('has fixtures for exactly the rules it lists, each rule with a severity and a one-line doc', () => {
    expect(fixtureCodes().sort()).toEqual([...CHECK_RULES].sort());
    for (const code of CHECK_RULES) expect(RULES[code].doc, code).toMatch(/^[^\n]+\.$/);
  });

  it.each(CHECK_RULES.map((code) => [code]))('%s', async (code) => {
    const fire = await codesOf(code, 'fire');
    expect(fire.codes, `${code}: the "fire" fixture`).toContain(code);
    expect(fire.exitCode).toBe(RULES[code].severity === 'error' ? 1 : 0);
    const pass = await codesOf(code, 'pass');
    expect(pass.codes, `${code}: the "pass" fixture`).not.toContain(code);
  });
});

describe('the --format choices', () => {
  it('are the keys of the reporters registry', async () => {
    const { CHECK_FORMAT_NAMES } = await import('../../src/render/check-format-names.js');
    const { CHECK_FORMATS } = await import('../../src/render/check-formats.js');
    expect([...CHECK_FORMAT_NAMES]).toEqual(Object.keys(CHECK_FORMATS));
  });
});
