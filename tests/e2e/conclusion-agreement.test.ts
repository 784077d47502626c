import { cpSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfData, copyWithMocSecureMade, ROOT, snapshotTree } from '../helpers/cli.js';
import { codesIn, runMain } from '../helpers/main.js';

/*
 * A conclusion never contradicts itself nor its amendment: on a copy of data/ with the fictional
 * example responses and conclusion of examples/ beside the table, the drafter's steps (check, then
 * the documents and the history views) all say one thing, or check says why not.
 */
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const MOC = 'data/amendments/mdust-close-moc-secure.yaml';
const CONCLUSION = 'data/conclusions/mdust-close-moc-secure.yaml';
const EXAMPLE = readFileSync(join(ROOT, 'examples/conclusions/mdust-close-moc-secure.yaml'), 'utf8');

/** Setup S: data/, the example responses and conclusion (edited by `pairs`), the amendment concluded. */
function setupS(...pairs: [string, string][]): string {
  const dir = copyOfData();
  made.push(dir);
  cpSync(join(ROOT, 'examples/responses/mdust-close-moc-secure'), join(dir, 'data/responses/mdust-close-moc-secure'), {
    recursive: true,
  });
  mkdirSync(join(dir, 'data/conclusions'));
  writeFileSync(join(dir, CONCLUSION), EXAMPLE);
  edit(dir, CONCLUSION, ...pairs);
  edit(dir, MOC, ['status: proposed', 'status: concluded']);
  return dir;
}

function edit(dir: string, file: string, ...pairs: [string, string][]): void {
  let text = readFileSync(join(dir, file), 'utf8');
  for (const [from, to] of pairs) {
    expect(text, `${file}: ${from}`).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(join(dir, file), text);
}

/** The final values changed within their windows, and DCC's text saying the final ones. */
const CHANGED: [string, string][] = [
  ['decision: proceed', 'decision: proceed-with-changes'],
  ['(Secure) from Tuesday 31 January 2023.', '(Secure) from the date proposed.'],
  ['the proposed modification date of 27 January 2023.', 'the proposed modification date.'],
  [
    '      - DCC will modify the MTAD with effect from 27 January 2023.',
    '      - DCC will modify it from 10 February 2023.',
  ],
  [
    'from Tuesday 31 January 2023, as proposed, and modify the MTAD with effect from 27 January 2023.',
    'from Tuesday 28 February 2023, and modify the MTAD with effect from 10 February 2023.',
  ],
  ['      to: 2023-01-31', '      to: 2023-02-28'],
  ['    date: 2023-01-27', '    date: 2023-02-10'],
];

describe('the conclusion and its amendment agree', () => {
  it("an annex the amendment sets that is not the conclusion's is an error of check, and conclude refuses", async () => {
    const dir = setupS(['    annex: A', '    annex: B']);
    edit(dir, MOC, ['  annex: null', '  annex: A']);
    const check = await runMain(['check'], dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(
      `error  CONCLUSION_AMENDMENT_DISAGREES  the conclusion's final annex is Annex B, but amendment "mdust-close-moc-secure" (${MOC}, status concluded) sets Annex A`,
    );
    const before = snapshotTree(dir);
    for (const args of [
      ['conclude', 'mdust-close-moc-secure'],
      ['direction', 'mdust-close-moc-secure', '--final'],
    ]) {
      const run = await runMain(args, dir);
      expect(run.status, args.join(' ')).toBe(1);
      expect(codesIn(run.stderr), args.join(' ')).toContain('CONCLUSION_AMENDMENT_DISAGREES');
    }
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('once made with changed final values, show --as-at and diff use the final values, as --write does', async () => {
    const dir = setupS(...CHANGED);
    edit(
      dir,
      MOC,
      ['status: concluded', 'status: made'],
      ['  expectedConclusion: 2023-01-20\n', '  expectedConclusion: 2023-01-20\n  concluded: 2023-01-20\n'],
    );
    const lock = await runMain(['check', '--update-lock'], dir);
    expect(lock.status).toBe(0);
    const shown = await runMain(['show', '--as-at', '2023-02-10'], dir);
    expect(shown.stderr).toBe('');
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/MOC \(Secure\) +DA +28 February 2023/);
    // The day before the final modification date, the table is as it was.
    const before = await runMain(['show', '--as-at', '2023-02-09'], dir);
    expect(before.stdout).not.toContain('28 February 2023');
    const diff = await runMain(['diff', '--from', '2023-01-01', '--to', '2023-03-01', '--redline-only'], dir);
    expect(diff.stderr).toBe('');
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('28 February 2023');
    expect(diff.stdout).not.toContain('31 January 2023');
  });

  it('proceed (as proposed) with a final value other than the proposed one is an error naming both', async () => {
    const dir = setupS(['      to: 2023-01-31', '      to: 2023-02-28']);
    const check = await runMain(['check'], dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(
      'error  CONCLUSION_NOT_AS_PROPOSED  the decision is proceed (as proposed), but the final end date for "MOC (Secure)", 28 February 2023, is not the one amendment "mdust-close-moc-secure" proposes, 31 January 2023; expected the proposed value, or decision proceed-with-changes',
    );
    const conclude = await runMain(['conclude', 'mdust-close-moc-secure', '--stdout'], dir);
    expect(conclude.status).toBe(1);
    expect(codesIn(conclude.stderr)).toContain('CONCLUSION_NOT_AS_PROPOSED');
    // With proceed-with-changes, the report does not say "as proposed".
    const changed = setupS(...CHANGED);
    const report = await runMain(['conclude', 'mdust-close-moc-secure', '--stdout'], changed);
    expect(report.stderr).not.toContain('error');
    expect(report.status).toBe(0);
    expect(report.stdout).not.toMatch(/as proposed in the consultation/);
    expect(report.stdout).toContain('with the changes set out below');
  });
});

describe("DCC's text in the conclusion keeps confidences", () => {
  it('naming a respondent who asked for full confidentiality is an error at the text, and the public report is refused', async () => {
    const dir = setupS(['      - One respondent disagreed.', '      - HARBOUR   power (fictional) disagreed.']);
    const check = await runMain(['check'], dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(
      /\d+:\d+ +error +CONCLUSION_CONFIDENTIAL +DCC's text names "Harbour Power \(fictional\)", a respondent who asked for all of their response to be kept confidential/,
    );
    const before = snapshotTree(dir);
    const conclude = await runMain(['conclude', 'mdust-close-moc-secure'], dir);
    expect(conclude.status).toBe(1);
    expect(conclude.stderr).toMatch(
      /data\/conclusions\/mdust-close-moc-secure\.yaml:\d+:\d+: error: .*\[CONCLUSION_CONFIDENTIAL\]/,
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('quoting a passage marked confidential is an error', async () => {
    const response = readFileSync(
      join(ROOT, 'examples/responses/mdust-close-moc-secure/brightwater-supply.yaml'),
      'utf8',
    );
    const passage = /confidentialPassages:\n\s+- (.+)\n/.exec(response)?.[1];
    expect(passage).toBeDefined();
    const dir = setupS([
      '      - One respondent disagreed.',
      `      - As one said, ${passage ?? ''}, one respondent disagreed.`,
    ]);
    const check = await runMain(['check'], dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('a passage marked confidential');
    expect(check.stdout).toContain('CONCLUSION_CONFIDENTIAL');
  });
});

describe("DCC's text in the conclusion keeps confidences in every form", () => {
  const confidential = async (dir: string) => {
    const run = await runMain(['check', '--format', 'json'], dir);
    const found = (JSON.parse(run.stdout) as { diagnostics: { code: string; path: unknown[]; message: string }[] })
      .diagnostics;
    return found.filter((d) => d.code === 'CONCLUSION_CONFIDENTIAL');
  };

  it('names the respondent by the short form of their organisation: an error naming both forms', async () => {
    const found = await confidential(setupS(['      - One respondent disagreed.', '      - Harbour Power disagreed.']));
    expect(found).toEqual([expect.objectContaining({ path: ['questions', 0, 'response', 2] })]);
    expect(found[0]?.message).toContain('names "Harbour Power (fictional)" (as "Harbour Power"), a respondent who');
  });

  it('quotes eight words in a row of a confidential answer, in other punctuation: an error', async () => {
    const found = await confidential(
      setupS([
        '      - One respondent disagreed.',
        '      - One respondent would have preferred a date in February for reasons of its own.',
      ]),
    );
    expect(found).toEqual([expect.objectContaining({ path: ['questions', 0, 'response', 2] })]);
    expect(found[0]?.message).toContain('confidential answer text (to MDUST Close MOC (Secure) Q2)');
  });

  it('holds a short confidential answer ("No, for the same reason.") by chance: no finding', async () => {
    const dir = setupS([
      '      - One respondent disagreed. DCC',
      '      - One respondent disagreed, as another did, and said no, for the same reason. DCC',
    ]);
    expect(await confidential(dir)).toEqual([]);
    expect((await runMain(['check'], dir)).status).toBe(0);
  });

  it('names the respondent in the note, which the report prints on its cover: an error', async () => {
    const dir = setupS([
      "note: Fictional example conclusion; not DCC's conclusion of the consultation.",
      'note: Fictional example conclusion, with thanks to Harbour Power.',
    ]);
    expect(await confidential(dir)).toEqual([expect.objectContaining({ path: ['note'] })]);
    const report = await runMain(['conclude', 'mdust-close-moc-secure', '--stdout'], dir);
    expect(report.status).toBe(1);
  });
});

describe("DCC's text in the conclusion keeps to its dates", () => {
  it('a wrong weekday, or a date that is not the final one, is an error at the text; the final dates pass', async () => {
    expect((await runMain(['check'], setupS(...CHANGED))).status).toBe(0);
    const weekday = setupS(['from Tuesday 31 January 2023, as proposed', 'from Monday 31 January 2023, as proposed']);
    const wrongDay = await runMain(['check'], weekday);
    expect(wrongDay.status).toBe(1);
    expect(wrongDay.stdout).toMatch(
      /mdust-close-moc-secure\.yaml\n(?:.*\n)*? +\d+:\d+ +error +WEEKDAY_MISMATCH +"Monday 31 January 2023": 31 January 2023 is a Tuesday/,
    );
    // The proposed modification date, where the conclusion moved it to 10 February 2023.
    const stale = setupS(...CHANGED.filter(([from]) => !from.startsWith('      - DCC will modify')));
    const check = await runMain(['check', '--format', 'json'], stale);
    expect(check.status).toBe(1);
    const found = (JSON.parse(check.stdout) as { diagnostics: { code: string; file: string; path: unknown[] }[] })
      .diagnostics;
    expect(found.filter((d) => d.code !== 'VALUE_UNKNOWN' && d.code !== 'RESPONSE_LATE')).toEqual([
      expect.objectContaining({
        code: 'PROSE_DATE_MISMATCH',
        file: CONCLUSION,
        path: ['questions', 1, 'response', 1],
      }),
    ]);
    const stylish = await runMain(['check'], stale);
    expect(stylish.stdout).toContain(
      `"27 January 2023" in the wording matches none of the consultation's or the conclusion's dates (the final values, not the proposed ones)`,
    );
  });
});

describe('the wording and the folder of the conclusion report', () => {
  it("the department's copy is not classified public on its cover", async () => {
    const dir = setupS();
    const department = await runMain(['conclude', 'mdust-close-moc-secure', '--for', 'department', '--stdout'], dir);
    expect(department.status).toBe(0);
    expect(department.stdout).toContain('\nClassification: Not for publication: for BEIS only\n');
    expect(department.stdout).not.toMatch(/^Classification: .*Public/m);
    const published = await runMain(['conclude', 'mdust-close-moc-secure', '--stdout'], dir);
    expect(published.stdout).toContain('\nClassification: DCC Public\n');
  });

  it('says one response, respondent or further response in the singular, more in the plural, and leaves no trailing space', async () => {
    const dir = setupS();
    const run = await runMain(['conclude', 'mdust-close-moc-secure', '--stdout'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('(s)');
    expect(run.stdout).toContain('DCC received 4 responses to the consultation.');
    expect(run.stdout).toContain('\n1 respondent asked for all of their response to be kept confidential');
    expect(run.stdout).toContain('\n1 further response to this question is confidential and not published.');
    expect(run.stdout).toContain('\n2 further responses to this question are confidential and not published.');
    expect(run.stdout).toContain('\n| Cohort | GroupID | Migration DUST end date |\n| --- | --- | --- |\n');
    expect(run.stdout).not.toMatch(/ $/m);
  });

  it('with no response received, says there was none for each question, not that a view cannot be published', async () => {
    const dir = copyWithMocSecureMade();
    made.push(dir);
    expect((await runMain(['check', '--update-lock'], dir)).status).toBe(0);
    const run = await runMain(['conclude', 'mdust-close-moc-secure', '--stdout'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('DCC received no response to the consultation.');
    expect(run.stdout.split('No response was received, so there is no view on this question.')).toHaveLength(3);
    expect(run.stdout).not.toContain('can be published');
  });

  it('says "further" only beside views it shows; a question no response answered says so', async () => {
    // Harbour Power asked for all of its response to be kept confidential; Meadow Metering answered Q1 only.
    const dir = setupS();
    for (const file of ['brightwater-supply.yaml', 'northfield-energy.yaml'])
      unlinkSync(join(dir, 'data/responses/mdust-close-moc-secure', file));
    const report = await runMain(['conclude', 'mdust-close-moc-secure', '--stdout'], dir);
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toContain('\n1 further response to this question is confidential and not published.');
    expect(report.stdout).toContain('\n1 response to this question is confidential and not published.');
    expect(report.stdout).not.toContain('can be published');
    unlinkSync(join(dir, 'data/responses/mdust-close-moc-secure/harbour-power.yaml'));
    const views = await runMain(['responses', 'mdust-close-moc-secure', '--views', 'public'], dir);
    expect(views.status, views.stderr).toBe(0);
    expect(views.stdout).toContain('\nNo response gave a view on this question.');
    expect(views.stdout).not.toContain('further');
  });

  it('the views of respondents count in the singular or the plural, never "(s)"', async () => {
    const dir = setupS();
    unlinkSync(join(dir, 'data/responses/mdust-close-moc-secure/northfield-energy.yaml'));
    unlinkSync(join(dir, 'data/responses/mdust-close-moc-secure/meadow-metering.yaml'));
    const one = await runMain(['responses', 'mdust-close-moc-secure', '--views', 'public'], dir);
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout).toContain(
      '\n1 further respondent asked for all of their response to be kept confidential and is not named.',
    );
    expect(one.stdout).toContain('\n1 further response to this question is confidential and not published.');
    expect(one.stdout).toContain('\n2 responses to this question are confidential and not published.');
    expect(one.stdout).not.toContain('(s)');
  });

  it("the folder's .mtad-pack names the conclusion report", async () => {
    const dir = setupS();
    const run = await runMain(['conclude', 'mdust-close-moc-secure'], dir);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'conclusion/.mtad-pack'), 'utf8')).toMatch(/^mtad conclusion report\n/);
  });

  it('--stdout with --force is refused as a usage error: --force would be ignored', async () => {
    const dir = setupS();
    const run = await runMain(['conclude', 'mdust-close-moc-secure', '--stdout', '--force'], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--force cannot go with --stdout');
    expect(codesIn(run.stderr)).toEqual(['OPTIONS_CONFLICT']);
  });

  it('with no amendment named and none pending with a conclusion, says so and names the pending ones', async () => {
    const dir = copyOfData();
    made.push(dir);
    const run = await runMain(['conclude'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('is empty');
    expect(run.stderr).toContain(
      'AMENDMENT is missing: no pending amendment has a conclusion in conclusions/ (pending: mdust-close-moc-secure)',
    );
  });
});
