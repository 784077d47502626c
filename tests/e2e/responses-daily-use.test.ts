/**
 * mtad responses and mtad responses import as a consultation's officer uses them day to day: the
 * templates of several respondents, one of them from another consultation, the summary and the
 * views. Every respondent here is fictional.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOfData, copyOfDataWith, snapshotTree } from '../helpers/cli.js';
import { fillAsWord, type Filling } from '../helpers/fill-response-template.js';
import { runMain } from '../helpers/main.js';

const Q1 = 'MDUST Close MOC (Secure) Q1';
const Q2 = 'MDUST Close MOC (Secure) Q2';
const FOLDER = 'data/responses/mdust-close-moc-secure';

/** The response template as `mtad amend --out` writes it, from a copy of the shipped data. */
async function generatedTemplate(): Promise<Uint8Array> {
  const cwd = copyOfData();
  const run = await runMain(['amend', 'mdust-close-moc-secure', '--out', 'pack'], cwd);
  expect(run.status, run.stderr).toBe(0);
  return new Uint8Array(readFileSync(join(cwd, 'pack/response-template.docx')));
}

const ANSWERS = { [Q1]: 'Yes, we agree.', [Q2]: 'No, we would prefer a later date.' };

const from = (details: Filling['details'], answers: Record<string, string> = ANSWERS): Filling => ({
  details,
  tick: 0,
  answers,
});

/** Imports `bytes` as a filled-in template into `cwd`, received on time, with the options given. */
async function importTemplate(cwd: string, bytes: Uint8Array, ...options: string[]) {
  const path = join(mkdtempSync(join(tmpdir(), 'mtad-response-')), 'filled.docx');
  writeFileSync(path, bytes);
  return runMain(['responses', 'import', path, '--received', '2023-01-12 15:20', ...options], cwd);
}

const responseFiles = (cwd: string): string[] =>
  existsSync(join(cwd, FOLDER)) ? readdirSync(join(cwd, FOLDER)).sort() : [];
const responseIn = (cwd: string, file: string) => parse(readFileSync(join(cwd, FOLDER, file), 'utf8'));

describe('mtad responses import: day to day', () => {
  let template: Uint8Array;
  beforeAll(async () => {
    template = await generatedTemplate();
  });

  it('two people at one organisation: both responses are kept, the second beside the first', async () => {
    const cwd = copyOfData();
    const alex = fillAsWord(template, from({ name: 'Alex Example', organisation: 'Acme Energy (fictional)' }));
    const sam = fillAsWord(template, from({ name: 'Sam Example', organisation: 'Acme Energy (fictional)' }));
    const first = await importTemplate(cwd, alex);
    expect(first.status, first.stderr).toBe(0);
    const second = await importTemplate(cwd, sam);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain(`Wrote ${FOLDER}/acme-energy-fictional-2.yaml`);
    expect(second.stdout).toContain('acme-energy-fictional.yaml already holds the response of Alex Example');
    expect(responseFiles(cwd)).toEqual(['acme-energy-fictional-2.yaml', 'acme-energy-fictional.yaml']);
    expect(responseIn(cwd, 'acme-energy-fictional.yaml').respondent.name).toBe('Alex Example');
    expect(responseIn(cwd, 'acme-energy-fictional-2.yaml').respondent.name).toBe('Sam Example');
    // A third colleague takes the next free name; the summary counts all three.
    const kim = fillAsWord(template, from({ name: 'Kim Example', organisation: 'Acme Energy (fictional)' }));
    expect((await importTemplate(cwd, kim)).status).toBe(0);
    expect(responseFiles(cwd)).toContain('acme-energy-fictional-3.yaml');
    const summary = await runMain(['responses', '--format', 'json'], cwd);
    expect(JSON.parse(summary.stdout).responses).toBe(3);
  });

  it('the same respondent again is refused with what --force replaces and --out keeps; --force replaces only their own', async () => {
    const cwd = copyOfData();
    const alex = from({ name: 'Alex Example', organisation: 'Acme Energy (fictional)' });
    const sam = from({ name: 'Sam Example', organisation: 'Acme Energy (fictional)' });
    expect((await importTemplate(cwd, fillAsWord(template, alex))).status).toBe(0);
    expect((await importTemplate(cwd, fillAsWord(template, sam))).status).toBe(0);
    const before = snapshotTree(cwd);
    const revised = fillAsWord(template, { ...sam, answers: { ...ANSWERS, [Q1]: 'No, we have changed our minds.' } });
    const again = await importTemplate(cwd, revised);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('[RESPONSE_EXISTS]');
    expect(again.stderr).toContain(`${FOLDER}/acme-energy-fictional-2.yaml already holds a response from Sam Example`);
    expect(again.stderr).toContain('--force');
    expect(again.stderr).toContain('--out FILE');
    expect(again.stderr).not.toContain('--stdout');
    expect(snapshotTree(cwd)).toEqual(before);
    // --out FILE keeps both; the same file again is refused as the default name is.
    const kept = await importTemplate(cwd, revised, '--out', `${FOLDER}/sam-revised.yaml`);
    expect(kept.status, kept.stderr).toBe(0);
    const keptAgain = await importTemplate(cwd, revised, '--out', `${FOLDER}/sam-revised.yaml`);
    expect(keptAgain.status).toBe(2);
    expect(keptAgain.stderr).toContain(`${FOLDER}/sam-revised.yaml already holds a response from Sam Example`);
    rmSync(join(cwd, FOLDER, 'sam-revised.yaml'));
    const forced = await importTemplate(cwd, revised, '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(responseFiles(cwd)).toEqual(['acme-energy-fictional-2.yaml', 'acme-energy-fictional.yaml']);
    expect(responseIn(cwd, 'acme-energy-fictional.yaml').answers[0].text).toEqual(['Yes, we agree.']);
    expect(responseIn(cwd, 'acme-energy-fictional-2.yaml').answers[0].text).toEqual(['No, we have changed our minds.']);
  });

  it('--amendment naming another consultation than the template is refused, naming both', async () => {
    const cwd = copyOfData();
    const run = await importTemplate(
      cwd,
      fillAsWord(template, from({ organisation: 'Acme Energy (fictional)' })),
      '--amendment',
      'mdust-close-foc-np',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[RESPONSE_FORM_UNREADABLE]');
    expect(run.stderr).toContain('SMETS1_Consultation_MDUST_Close_MOC_Secure');
    expect(run.stderr).toContain('mdust-close-moc-secure');
    expect(run.stderr).toContain('--amendment mdust-close-foc-np');
    expect(responseFiles(cwd)).toEqual([]);
    expect(existsSync(join(cwd, 'data/responses/mdust-close-foc-np'))).toBe(false);
  });

  it('--amendment naming an amendment of the same consultation id is taken', async () => {
    const cwd = copyOfData();
    const run = await importTemplate(
      cwd,
      fillAsWord(template, from({ organisation: 'Acme Energy (fictional)' })),
      '--amendment',
      'mdust-close-moc-secure',
    );
    expect(run.status, run.stderr).toBe(0);
  });

  it('--amendment naming another consultation that asks questions is refused before the questions are looked for', async () => {
    const cwd = copyOfDataWith({
      'amendments/mdust-close-foc-np.yaml': (text) =>
        text
          .replace(
            /id:\n\s+unknown: The consultation id is not recorded here\./,
            'id: SMETS1_Consultation_MDUST_Close_FOC_NP_Fictional',
          )
          .replace('questions: []', 'questions:\n    - id: FOC Q1\n      text: Do you agree (fictional)?'),
    });
    const run = await importTemplate(
      cwd,
      fillAsWord(template, from({ organisation: 'Acme Energy (fictional)' })),
      '--amendment',
      'mdust-close-foc-np',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('SMETS1_Consultation_MDUST_Close_MOC_Secure');
    expect(run.stderr).toContain('SMETS1_Consultation_MDUST_Close_FOC_NP_Fictional');
    expect(run.stderr).not.toContain('does not name the question');
  });

  it('a template whose respondent details are all blank is refused: a response from nobody cannot be weighed', async () => {
    const cwd = copyOfData();
    const run = await importTemplate(cwd, fillAsWord(template, from({})));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[RESPONSE_NO_RESPONDENT]');
    expect(run.stderr).toContain('respondent details of the response template are all blank');
    expect(responseFiles(cwd)).toEqual([]);
  });
});

describe('mtad responses: day to day', () => {
  const EXAMPLES = 'examples/responses/mdust-close-moc-secure';

  it('--views prints the late response once, as the summary does', async () => {
    const cwd = copyOfData();
    for (const views of [[], ['--views', 'public'], ['--views', 'department']]) {
      const run = await runMain(
        ['responses', 'mdust-close-moc-secure', '--responses', join(process.cwd(), EXAMPLES), ...views],
        cwd,
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr.match(/RESPONSE_LATE/g), views.join(' ')).toHaveLength(1);
    }
  });

  it('--responses naming a file, or nothing, is a usage error: one line naming it, exit status 2', async () => {
    const cwd = copyOfData();
    writeFileSync(join(cwd, 'one.yaml'), readFileSync(join(process.cwd(), EXAMPLES, 'harbour-power.yaml')));
    writeFileSync(join(cwd, 'notes.txt'), 'x\n');
    for (const file of ['one.yaml', 'notes.txt']) {
      const run = await runMain(['responses', 'mdust-close-moc-secure', '--responses', file], cwd);
      expect(run.status, file).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `mtad: error: "${file}" is not a value for --responses: expected a folder of response files (it is a file) [ARGUMENT_INVALID]\n`,
      );
    }
    const missing = await runMain(['responses', 'mdust-close-moc-secure', '--responses', 'nowhere'], cwd);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      'mtad: error: "nowhere" is not a value for --responses: expected a folder of response files (it does not exist) [ARGUMENT_INVALID]\n',
    );
  });

  it('--responses naming a folder of other files: one finding per file that is not a response to the amendment', async () => {
    const cwd = copyOfData();
    const example = readFileSync(join(process.cwd(), EXAMPLES, 'harbour-power.yaml'), 'utf8');
    mkdirSync(join(cwd, 'data/responses/mdust-close-foc-np'), { recursive: true });
    writeFileSync(
      join(cwd, 'data/responses/mdust-close-foc-np/other.yaml'),
      example.replace('amendment: mdust-close-moc-secure', 'amendment: mdust-close-foc-np'),
    );
    const run = await runMain(['responses', 'mdust-close-moc-secure', '--responses', 'data'], cwd);
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(
      lines.every((line) => line.endsWith('[RESPONSE_NOT_FOR_AMENDMENT]')),
      run.stderr,
    ).toBe(true);
    expect(lines.find((line) => line.startsWith('data/table-17.6.yaml:'))).toContain('the file is the table');
    expect(lines.filter((line) => line.startsWith('data/amendments/'))).toHaveLength(3);
    expect(lines.find((line) => line.startsWith('data/responses/mdust-close-foc-np/other.yaml:'))).toContain(
      'the response is to amendment "mdust-close-foc-np", not to "mdust-close-moc-secure"',
    );
  });

  it('a mistyped subcommand gets "Did you mean", as an unknown command does', async () => {
    const cwd = copyOfData();
    for (const args of [['imprt', 'filled.docx'], ['imprt'], ['inport', '--responses', 'data']]) {
      const run = await runMain(['responses', ...args], cwd);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(
        `mtad: error: unknown command '${args[0]}' for 'responses' (Did you mean mtad responses import?) [COMMAND_UNKNOWN]\n`,
      );
    }
    // Another word is still taken for an amendment id, and refused as one.
    const other = await runMain(['responses', 'mdust-close-moc-secur'], cwd);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('is not a value for AMENDMENT');
  });

  it("respondents' names and text are escaped in the Markdown views, and a cut passage opens no link", async () => {
    const example = readFileSync(join(process.cwd(), EXAMPLES, 'brightwater-supply.yaml'), 'utf8');
    const cwd = copyOfData();
    mkdirSync(join(cwd, FOLDER), { recursive: true });
    writeFileSync(
      join(cwd, FOLDER, 'hostile.yaml'),
      example
        .replace(/organisation: .*/, "organisation: '*Acme* | <b>bold</b>'")
        .replace(
          'SMETS1 installations in the MOC (Secure) cohort to migrate.',
          'SMETS1 installations in the MOC (Secure) cohort(https://example.invalid)',
        ),
    );
    for (const audience of ['public', 'department']) {
      const run = await runMain(['responses', '--views', audience], cwd);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('\\*Acme\\* \\| &lt;b&gt;bold&lt;/b&gt;');
      expect(run.stdout).not.toContain('<b>');
      // A cut or marked passage is shown in brackets that a following "(...)" cannot make a link.
      expect(run.stdout).not.toMatch(/[^\\]\]\(https/);
    }
  });
});
