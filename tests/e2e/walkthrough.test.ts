import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyOfData, ROOT } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

/*
 * The README's "round trip of a closure", step by step, as the drafter runs it: each mtad step goes
 * through main(), each `sed` of the README is the same substitution done here, and each step checks
 * what the drafter looks at before going on. The steps share one folder, as in the README.
 */
const dir = copyOfData();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FOC_BG = 'data/amendments/mdust-close-foc-bg.yaml';
const NARRATIVE = 'data/consultations/mdust-close-foc-bg.md';
const MOC = 'data/amendments/mdust-close-moc-secure.yaml';
const read = (file: string) => readFileSync(join(dir, file), 'utf8');

/** `sed -i EXPRESSIONS FILES`, for the README's substitutions. */
function sed(files: readonly string[], edit: (text: string) => string): void {
  for (const file of files) {
    const before = read(file);
    const after = edit(before);
    // A substitution that no longer applies would leave the walk-through testing nothing.
    expect(after, file).not.toBe(before);
    writeFileSync(join(dir, file), after);
  }
}

/** The end date the table file records for a cohort. */
function endDateOf(cohort: string): unknown {
  const table = parse(read('data/table-17.6.yaml')) as { cohorts: { cohort: string; endDate: { value?: unknown } }[] };
  return table.cohorts.find((row) => row.cohort === cohort)?.endDate.value;
}

const mtad = (...args: string[]) => runMain(args, dir);

describe('the round trip of a closure (README)', () => {
  it('1. new close drafts the amendment and its narrative, with the values to decide tagged !todo', async () => {
    const run = await mtad('new', 'close', 'FOC (BG)', '--on', '2023-09-29');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Wrote ${FOC_BG}: Migration DUST Closure for FOC (BG) (sequence 4, proposed).`);
    expect(run.stdout).toContain(`Wrote ${NARRATIVE}`);
    expect(run.stdout).toContain('(tagged !todo, FIELD_TO_DECIDE): 9');
    expect(read(FOC_BG)).toContain('!todo');
    expect(read(NARRATIVE)).toContain('!todo');
    // Until the drafter decides, check refuses the draft.
    const check = await mtad('check');
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('FIELD_TO_DECIDE');
  });

  it('2-3. once every !todo is decided, check accepts it and amend prints the redline', async () => {
    sed([FOC_BG, NARRATIVE], (text) => text.replaceAll('!todo ', ''));
    expect(read(FOC_BG) + read(NARRATIVE)).not.toContain('!todo');
    const check = await mtad('check');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/\n7 problems \(0 errors, 7 warnings\) in 6 files checked\.\n$/);
    const amend = await mtad('amend', 'mdust-close-foc-bg', '--redline-only');
    expect(amend.status).toBe(0);
    expect(amend.stdout).toContain('~  FOC (BG)      EA       {+29 September 2023+}');
    expect(amend.stdout).toContain('   MOC (Secure)  DA\n');
  });

  it('4-5. made: check --update-lock records both, amend --write writes them, the table has the end date', async () => {
    sed([MOC, FOC_BG], (text) =>
      text
        .replace(/^status: proposed/m, 'status: made')
        .replace(/^ {2}expectedConclusion: (.*)$/m, (line, date: string) => `${line}\n  concluded: ${date}`)
        .replace(/^ {2}annex: null/m, '  annex: A'),
    );
    // Made without its conclusion, an amendment whose consultation asked questions is refused.
    const refused = await mtad('check');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      'amendment "mdust-close-foc-bg" is made after a consultation that asked questions, but it has no conclusion: expected data/conclusions/mdust-close-foc-bg.yaml',
    );
    // The README's `mkdir -p ... && cp ...`: the fictional conclusions, and the responses one states.
    mkdirSync(join(dir, 'data/conclusions'));
    for (const id of ['mdust-close-moc-secure', 'mdust-close-foc-bg'])
      cpSync(join(ROOT, `examples/conclusions/${id}.yaml`), join(dir, `data/conclusions/${id}.yaml`));
    cpSync(
      join(ROOT, 'examples/responses/mdust-close-moc-secure'),
      join(dir, 'data/responses/mdust-close-moc-secure'),
      { recursive: true },
    );
    const lock = await mtad('check', '--update-lock');
    expect(lock.status).toBe(0);
    expect(lock.stderr).toContain('Recorded in data/amendments.lock: mdust-close-moc-secure, mdust-close-foc-bg.');
    expect(read('data/amendments.lock')).toMatch(/id: "mdust-close-moc-secure"[\s\S]*id: "mdust-close-foc-bg"/);

    const write = await mtad('amend', '--write', '--redline-only');
    expect(write.status).toBe(0);
    expect(write.stderr).toBe('');
    expect(write.stdout).toContain(
      'Wrote data/table-17.6.yaml: it now reflects mdust-close-ioc-moc-mds, mdust-close-foc-np, mdust-close-moc-secure, mdust-close-foc-bg, as at 2023-09-25.',
    );
    expect(endDateOf('FOC (BG)')).toBe('2023-09-29');
    expect(endDateOf('MOC (Secure)')).toBe('2023-01-31');

    // The repository is one check accepts, and the log shows the amendment in the table.
    const check = await mtad('check');
    expect(check.status).toBe(0);
    // The seven VALUE_UNKNOWN of the shipped data, and the one late response of the examples.
    expect(check.stdout).toMatch(/\n8 problems \(0 errors, 8 warnings\) in 12 files checked\.\n$/);
    const log = await mtad('log');
    expect(log.status).toBe(0);
    expect(log.stdout).toMatch(
      /^4 +mdust-close-foc-bg +made +yes +FOC \(BG\) +2023-08-03 +2023-09-11 16:00 +2023-09-18 +2023-09-25$/m,
    );
  });

  it('6. amend ID --out regenerates the final pack: the direction has its date and annex', async () => {
    const run = await mtad('amend', 'mdust-close-foc-bg', '--out', 'pack');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Wrote the consultation pack to pack/ (14 files):');
    for (const file of ['direction.md', 'direction.txt']) {
      const direction = read(join('pack', file));
      expect(direction).toContain('with effect from 25 September 2023');
      expect(direction).toContain('in the form set out in Annex A of this direction');
      expect(direction).not.toMatch(/DD MM YYYY|TBC/);
    }
    expect(existsSync(join(dir, 'pack/direction.docx'))).toBe(true);
    // The redline is the amendment's own: from the table as it stood before it (MOC (Secure) closed).
    const redline = read('pack/redline.md');
    expect(redline).toContain('| FOC (BG) | EA | <ins>29 September 2023</ins> |');
    expect(redline).toContain('| MOC (Secure) | DA | 31 January 2023 |');
  });
});
