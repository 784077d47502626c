import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfData, snapshotTree } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const AMENDMENT = 'data/amendments/mdust-close-moc-secure.yaml';

/** Breaks the shipped MOC (Secure) amendment in a fresh copy of data/ and runs `mtad amend`. */
async function amendWithEdit(find: string, replace: string, file = AMENDMENT) {
  const dir = copyOfData();
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(find)) throw new Error(`fixture edit found nothing: ${find}`);
  writeFileSync(path, text.replace(find, replace));
  const before = snapshotTree(dir);
  const run = await runMain(['amend'], { cwd: dir });
  expect(snapshotTree(dir), 'no file written or changed').toEqual(before);
  // The line of the edit, so that the tests do not break when the shipped data gains a line.
  const line = text.slice(0, text.indexOf(find)).split('\n').length;
  return { ...run, line };
}

/** One line on standard error, naming file:line:column and the code; no stack trace. */
function expectOneFinding(
  run: { status: number | null; stdout: string; stderr: string },
  status: number,
  pattern: RegExp,
) {
  expect(run.status).toBe(status);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
}

/** A pattern that matches `text` exactly. */
const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

describe('bad input to mtad amend: one clear message, the documented exit status, nothing written', () => {
  it('a missing amendment file: exit 2', async () => {
    expectOneFinding(
      await runMain(['amend', 'no-such-file.yaml']),
      2,
      /^no-such-file\.yaml: error: the file no-such-file\.yaml does not exist \[FILE_NOT_FOUND\]$/,
    );
  });

  it('a misspelt amendment id: exit 2, suggesting the nearest id, in every command that takes one', async () => {
    const dir = copyOfData();
    const before = snapshotTree(dir);
    for (const command of ['amend', 'direction', 'impact', 'revert']) {
      expectOneFinding(
        await runMain([command, 'mdust-close-moc-secur'], { cwd: dir }),
        2,
        exactly(
          'mdust-close-moc-secur: error: the file mdust-close-moc-secur does not exist; did you mean the amendment "mdust-close-moc-secure"? [FILE_NOT_FOUND]',
        ),
      );
    }
    expectOneFinding(
      await runMain(['amend', 'mdust-close-foc-np', 'mdust-close-moc-secur', '--out', 'pack'], { cwd: dir }),
      2,
      /did you mean the amendment "mdust-close-moc-secure"\? \[FILE_NOT_FOUND\]$/,
    );
    expectOneFinding(
      await runMain(['diff', '--from', 'mdust-close-foc-n', '--to', '2023-02-01'], { cwd: dir }),
      2,
      /expected a date YYYY-MM-DD or an amendment id \(.*\); did you mean "mdust-close-foc-np"\? \[ARGUMENT_INVALID\]$/,
    );
    // A name near no id gets no guess.
    expectOneFinding(
      await runMain(['direction', 'nothing-like-it'], { cwd: dir }),
      2,
      exactly('nothing-like-it: error: the file nothing-like-it does not exist [FILE_NOT_FOUND]'),
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a missing table: exit 2, saying how to point at one', async () => {
    expectOneFinding(
      await runMain(['amend', '--table', 'nowhere.yaml']),
      2,
      /nowhere\.yaml does not exist \[FILE_NOT_FOUND\]/,
    );
    expectOneFinding(
      await runMain(['show'], { cwd: '/' }),
      2,
      /data\/table-17\.6\.yaml does not exist; run mtad in a folder with data\/ \(or a folder inside it\), or pass --table FILE \[FILE_NOT_FOUND\]/,
    );
  });

  it('malformed YAML: exit 1, at its line', async () => {
    expectOneFinding(
      await amendWithEdit('status: proposed', 'status: [proposed'),
      1,
      /^data\/amendments\/mdust-close-moc-secure\.yaml:\d+:\d+: error: not valid YAML: .* \[YAML_SYNTAX\]$/,
    );
  });

  it('an unknown key: exit 1, naming the nearest known key', async () => {
    const run = await amendWithEdit('    windowMonths: 1\n', '    windowMonth: 1\n');
    expectOneFinding(
      run,
      1,
      exactly(
        `${AMENDMENT}:${run.line}:5: error: unknown key "windowMonth". Did you mean "windowMonths"? [SCHEMA_UNKNOWN_KEY]`,
      ),
    );
  });

  it('an unknown cohort: exit 1', async () => {
    const run = await amendWithEdit('cohort: MOC (Secure)', 'cohort: MOC (Secured)');
    expectOneFinding(
      run,
      1,
      exactly(
        `${AMENDMENT}:${run.line}:13: error: no cohort "MOC (Secured)" in the table. Did you mean "MOC (Secure)"? [COHORT_UNKNOWN]`,
      ),
    );
  });

  it('an impossible date: exit 1', async () => {
    const run = await amendWithEdit('to: 2023-01-31', 'to: 2023-02-30');
    expectOneFinding(
      run,
      1,
      exactly(
        `${AMENDMENT}:${run.line}:9: error: "2023-02-30" is not a calendar date: expected YYYY-MM-DD, e.g. 2023-01-31 [DATE_INVALID]`,
      ),
    );
  });

  it('an expected old value the table does not hold: exit 1', async () => {
    const run = await amendWithEdit('from: none', 'from: 2023-01-01');
    expectOneFinding(
      run,
      1,
      exactly(
        `${AMENDMENT}:${run.line}:11: error: the change expects MOC (Secure) Migration DUST end date to be 1 January 2023, but the table holds none (no end date) [PRECONDITION_FAILED]`,
      ),
    );
  });

  it('a broken table: exit 1, at the cell', async () => {
    expectOneFinding(
      await amendWithEdit('      value: 2022-09-30', '      value: 2022-09-31', 'data/table-17.6.yaml'),
      1,
      /^data\/table-17\.6\.yaml:\d+:14: error: "2022-09-31" is not a calendar date.* \[DATE_INVALID\]$/,
    );
  });

  it('an unknown option or format: exit 2 with usage', async () => {
    const run = await runMain(['amend', '--format', 'xml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/argument 'xml' is invalid\. Allowed choices are terminal, unified, markdown, json/);
    expect((await runMain(['amend', '--frobnicate'])).status).toBe(2);
  });
});
