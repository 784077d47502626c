import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfData, copyOfDataWith } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

/*
 * Text from the data, or a file name, cannot act as markup or as a command: a line break that
 * would start a line GitHub Actions runs as a workflow command, a CR that makes a Markdown
 * heading, redline marks, and text that looks like other text.
 */

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the shipped data with `edit` applied to one of its files. */
function dataWith(file: string, edit: (text: string) => string): string {
  const dir = copyOfDataWith({ [file]: edit });
  folders.push(dir);
  return dir;
}
const MOC = 'amendments/mdust-close-moc-secure.yaml';
const TABLE = 'table-17.6.yaml';
const withTitle = (title: string) => (text: string) =>
  text.replace('title: Migration DUST Closure for MOC (Secure)', `title: ${JSON.stringify(title)}`);
const withTableCohort = (cohort: string) => (text: string) =>
  text.replace('  - cohort: FOC (BG)', `  - cohort: ${JSON.stringify(cohort)}`);
const codesOf = (run: { stdout: string }) =>
  (JSON.parse(run.stdout) as { diagnostics: { code: string; severity: string }[] }).diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => d.code);

/** No line of the output is a workflow command, nor a Markdown heading or fence that the data made. */
function expectNoForgedLine(output: string): void {
  for (const line of output.split(/\r\n|\r|\n|\u2028|\u2029/))
    expect(line, JSON.stringify(output)).not.toMatch(/^\s*(::|#|```)/);
}

describe('line breaks in single-line fields', () => {
  it.each([
    ['a newline', '\n::error file=x::forged'],
    ['a lone CR', '\r# forged heading\r```'],
    ['a tab', '\t::error::forged'],
    ['a line separator', '\u2028::error::forged'],
    ['a paragraph separator', '\u2029::error::forged'],
  ])('refuses %s in a title (VALUE_INVALID), and check, amend and direction print no forged line', async (_, tail) => {
    const dir = dataWith(MOC, withTitle(`Migration DUST Closure${tail}`));
    expect(codesOf(await runMain(['check', '--format', 'json'], { cwd: dir }))).toContain('VALUE_INVALID');
    for (const args of [
      ['check'],
      ['amend'],
      ['amend', '--format', 'markdown'],
      ['direction', 'mdust-close-moc-secure'],
    ]) {
      const run = await runMain(args, { cwd: dir });
      expect(run.status, args.join(' ')).toBe(1);
      expectNoForgedLine(run.stdout + run.stderr);
    }
  });

  it('refuses a newline in a cohort name of the table, and show, diff and the unified redline print no forged row', async () => {
    const dir = dataWith(TABLE, withTableCohort('FOC (BG)\n+::error::forged row'));
    expect(codesOf(await runMain(['check', '--format', 'json'], { cwd: dir }))).toContain('VALUE_INVALID');
    for (const args of [['show'], ['amend', '--format', 'unified'], ['log']]) {
      const run = await runMain(args, { cwd: dir });
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stdout + run.stderr).not.toMatch(/^\+?::error/m);
    }
  });

  it('writes a file name holding a newline escaped, on one line, in every format', async () => {
    const dir = copyOfData();
    folders.push(dir);
    writeFileSync(join(dir, 'data/amendments', 'evil\n::error file=x::forged.yaml'), 'id: [\n');
    for (const format of ['stylish', 'github', 'json', 'sarif']) {
      const run = await runMain(['check', '--format', format], { cwd: dir });
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr, format).not.toMatch(/^::error file=x/m);
    }
    expect((await runMain(['check'], { cwd: dir })).stdout).toContain(
      'data/amendments/evil\\n::error file=x::forged.yaml',
    );
  });
});

describe('text given on the command line', () => {
  it('is echoed on one line in a usage error, by mtad and by commander alike', async () => {
    for (const args of [
      ['check', '--format', 'x\n::error::forged'],
      ['check', '--output', 'pdf=x\n::error::forged'],
      ['amend', 'x\n::error::forged'],
      ['show', '--as-at', 'x\n::error::forged'],
      ['check', '--format', '\\u000a::error::forged'],
    ]) {
      const run = await runMain(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).not.toMatch(/^::error/m);
    }
    expect((await runMain(['chek'])).stderr).toContain(
      "error: unknown command 'chek' (Did you mean check?) [COMMAND_UNKNOWN]\n",
    );
  });

  it('refuses an --author with a line break or a control character (exit 2), and writes no pack', async () => {
    const dir = copyOfData();
    folders.push(dir);
    for (const author of ['Jane\n::error::forged', 'Jane\u0001Doe', 'Jane\u202eDoe', ' Jane']) {
      const run = await runMain(['amend', '--out', 'pack', '--author', author], { cwd: dir });
      expect(run.status, JSON.stringify(author)).toBe(2);
      expect(run.stderr).toContain('[ARGUMENT_INVALID]');
      expectNoForgedLine(run.stderr);
    }
    expect((await runMain(['amend', '--out', 'pack', '--author', 'Jane Doe'], { cwd: dir })).status).toBe(0);
  });
});

describe('look-alike text', () => {
  it.each([
    ['a right-to-left override', 'Migration DUST Closure for \u202e(eruceS) COM', 'TEXT_HIDDEN_CHARACTER'],
    ['a left-to-right isolate', 'Migration DUST Closure for \u2066MOC (Secure)\u2069', 'TEXT_HIDDEN_CHARACTER'],
    ['a zero-width space', 'Migration DUST Closure for MOC\u200b (Secure)', 'TEXT_HIDDEN_CHARACTER'],
    ['a zero-width joiner', 'Migration DUST Closure for MOC\u200d (Secure)', 'TEXT_HIDDEN_CHARACTER'],
    ['a word joiner', 'Migration DUST Closure for MOC\u2060 (Secure)', 'TEXT_HIDDEN_CHARACTER'],
    ['a byte order mark inside text', 'Migration DUST Closure\ufeff for MOC (Secure)', 'TEXT_HIDDEN_CHARACTER'],
    ['a trailing space', 'Migration DUST Closure for MOC (Secure) ', 'TEXT_SPACE_AROUND'],
    ['a leading no-break space', '\u00a0Migration DUST Closure for MOC (Secure)', 'TEXT_SPACE_AROUND'],
  ])('finds %s in a title', async (_, title, code) => {
    const run = await runMain(['check', '--format', 'json'], { cwd: dataWith(MOC, withTitle(title)) });
    expect(run.status).toBe(1);
    expect(codesOf(run)).toContain(code);
    // The report writes a hidden character as an escape: JSON reads it back as the same text.
    expect(run.stdout).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/);
  });

  it.each([
    ['a Cyrillic M', '\u041cOC (Secure)'],
    ['Greek capitals', '\u039c\u039fC (Secure)'],
    ['a trailing space', 'MOC (Secure) '],
    ['a zero-width space', 'MOC (\u200bSecure)'],
    ['a digit zero for O', 'M0C (Secure)'],
  ])('names the cohort that a change to %s resembles (COHORT_CONFUSABLE), in check and in amend', async (_, cohort) => {
    const dir = dataWith(MOC, (text) =>
      text.replace('    cohort: MOC (Secure)', `    cohort: ${JSON.stringify(cohort)}`),
    );
    const check = await runMain(['check', '--format', 'json'], { cwd: dir });
    expect(codesOf(check)).toContain('COHORT_CONFUSABLE');
    expect(check.stdout).toContain('looks like the cohort \\"MOC (Secure)\\"');
    const amend = await runMain(['amend'], { cwd: dir });
    expect(amend.status).toBe(1);
    // amend stops at the first rule that fires; a space or a hidden character is found on the file alone.
    expect(amend.stderr).toMatch(/\[(COHORT_CONFUSABLE|TEXT_SPACE_AROUND|TEXT_HIDDEN_CHARACTER)\]/);
  });

  it('names the cohort that mtad new is given a look-alike of (COHORT_CONFUSABLE), and writes nothing', async () => {
    const run = await runMain(['new', 'close', '\u041cOC (Secure)', '--on', '2024-06-28', '--stdout']);
    // A cohort typed on the command line that the table lacks is a usage error.
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('looks like the cohort "MOC (Secure)"');
    expect(run.stdout).toBe('');
  });

  it('finds a row of the table that is a look-alike of another (COHORT_CONFUSABLE)', async () => {
    const dir = dataWith(TABLE, withTableCohort('\u041cOC (Secure)'));
    expect(codesOf(await runMain(['check', '--format', 'json'], { cwd: dir }))).toContain('COHORT_CONFUSABLE');
  });

  it.each(['[-1 March 2023-]', 'FOC {+(BG)+}'])(
    'refuses the redline marks in a cohort name of the table (%s)',
    async (cohort) => {
      const dir = dataWith(TABLE, withTableCohort(cohort));
      expect(codesOf(await runMain(['check', '--format', 'json'], { cwd: dir }))).toContain('VALUE_INVALID');
    },
  );

  it('shows a hidden character in data as an escape wherever it prints it (show)', async () => {
    const dir = dataWith(TABLE, withTableCohort('FOC (BG)\u202e'));
    const run = await runMain(['show'], { cwd: dir });
    expect(run.stdout).toContain('FOC (BG)\\u202e');
    expect(run.stdout).not.toContain('\u202e');
  });
});
