import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfData, ROOT, snapshotTree } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

/*
 * What a user meets in daily use: a message for a value not given says what is missing and what to
 * give, in words (never ""); an empty path is a usage error, never the working folder; an option
 * that would be ignored, or that needs another, is refused by name; nothing is written or removed.
 */

const codes = (stderr: string) => [...stderr.matchAll(/\[([A-Z_]+)\]$/gm)].map((m) => m[1]);

/** A run that is a usage error: one line, its code, exit 2, nothing printed on stdout or changed. */
async function expectUsageError(args: readonly string[], cwd: string, code: string): Promise<string> {
  const before = snapshotTree(cwd);
  const run = await runMain(args, cwd);
  expect(run.status, run.stderr).toBe(2);
  expect(codes(run.stderr)).toEqual([code]);
  expect(run.stderr).toMatch(/^mtad: error: /);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toContain('""');
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).toBe('');
  expect(snapshotTree(cwd)).toEqual(before);
  return run.stderr;
}

describe('a value not given: what is missing and what to give, in words', () => {
  it('mtad consultation with no amendment, when no pending amendment has a narrative', async () => {
    const cwd = copyOfData();
    rmSync(join(cwd, 'data/consultations'), { recursive: true });
    const says = await expectUsageError(['consultation'], cwd, 'ARGUMENT_MISSING');
    expect(says).toContain(
      'the amendment is missing: no amendment that the table does not reflect yet has a narrative',
    );
    expect(says).toMatch(/give the id of the amendment, e\.g\. mtad consultation [a-z-]+, after writing its narrative/);
  });

  it('mtad consultation with no amendment, when several pending amendments have a narrative', async () => {
    const cwd = copyOfData();
    copyFileSync(
      join(cwd, 'data/consultations/mdust-close-moc-secure.md'),
      join(cwd, 'data/consultations/mdust-close-ioc-moc-mds.md'),
    );
    // The table reflects mdust-close-ioc-moc-mds: only a pending amendment counts.
    expect((await runMain(['consultation', '--out', 'one'], cwd)).status).toBe(0);
    writeFileSync(join(cwd, 'data/consultations/mdust-close-extra.md'), '');
    copyFileSync(
      join(cwd, 'data/amendments/mdust-close-moc-secure.yaml'),
      join(cwd, 'data/amendments/mdust-close-extra.yaml'),
    );
    writeFileSync(
      join(cwd, 'data/amendments/mdust-close-extra.yaml'),
      readFileSync(join(cwd, 'data/amendments/mdust-close-extra.yaml'), 'utf8').replace(
        /^id: .*$/m,
        'id: mdust-close-extra',
      ),
    );
    const says = await expectUsageError(['consultation'], cwd, 'ARGUMENT_MISSING');
    expect(says).toContain('2 amendments that the table does not reflect yet have a narrative');
    expect(says).toContain('give one of mdust-close-extra, mdust-close-moc-secure');
  });

  it('mtad consultation AMENDMENT, when it has no narrative: the file to write and where its scaffold is', async () => {
    const cwd = copyOfData();
    const before = snapshotTree(cwd);
    const run = await runMain(['consultation', 'mdust-close-foc-np', '--out', 'out'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "data/consultations/mdust-close-foc-np.md: error: data/consultations/mdust-close-foc-np.md, the narrative of the consultation on mdust-close-foc-np (DCC's own words for its sections before Next Steps), does not exist; write it there: templates/narrative.md is its scaffold (mtad new close copies it for a new closure), and templates/README.md describes it [FILE_NOT_FOUND]\n",
    );
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('mtad import without --as-at, with no table to take it from', async () => {
    const cwd = copyOfData();
    copyFileSync(join(ROOT, 'tests/fixtures/word/mtad-docx.docx'), join(cwd, 'MTAD.docx'));
    const says = await expectUsageError(['import', 'MTAD.docx', '--table', 'new.yaml'], cwd, 'ARGUMENT_MISSING');
    expect(says).toContain('--as-at is missing: there is no readable table at new.yaml to take the date from');
    expect(says).toContain("give the date the document's table reflects, e.g. --as-at 2022-12-05");
  });

  it('mtad responses with no amendment, when no consultation asks questions', async () => {
    const cwd = copyOfData();
    for (const id of ['mdust-close-foc-np', 'mdust-close-ioc-moc-mds', 'mdust-close-moc-secure'])
      rmSync(join(cwd, `data/amendments/${id}.yaml`));
    mkdirSync(join(cwd, 'data/amendments'), { recursive: true });
    const says = await expectUsageError(['responses'], cwd, 'ARGUMENT_MISSING');
    expect(says).toContain(
      'the amendment is missing: no amendment beside the table has a consultation that asks questions',
    );
  });

  it.each([
    [['amend', '--pdf'], '--pdf goes with --out DIR: the PDFs go into the pack; give --out DIR too'],
    [
      ['amend', '--into', 'MTAD.docx'],
      '--into goes with --out DIR: the redlined copy of the document goes into the pack',
    ],
    [['amend', '--force'], '--force goes with --out DIR'],
    [['amend', '--author', 'DCC'], '--author goes with --out DIR'],
  ])('mtad %j: the option it needs, named', async (args, says) => {
    expect(await expectUsageError(args, copyOfData(), 'OPTION_NEEDS')).toContain(says);
  });
});

describe('an empty path is a usage error (an unset shell variable), never the working folder', () => {
  it.each([
    [['amend', '--out', 'pack', '--into', ''], '--into'],
    [['amend', '--out', ''], '--out'],
    [['amend', '--out='], '--out'],
    [['consultation', '--out', ''], '--out'],
    [['check', '--against', ''], '--against'],
    [['check', '--cache-location', ''], '--cache-location'],
    [['check', '--stdin', '--stdin-filename', ''], '--stdin-filename'],
    [['show', '--table', ''], '--table'],
    [['log', '--table', ''], '--table'],
    [['responses', 'mdust-close-moc-secure', '--responses', ''], '--responses'],
    [['responses', 'import', 'filled.docx', '--received', '2023-01-12 15:20', '--out', ''], '--out'],
    [['import', ''], 'the argument <docx>'],
    [['init', ''], 'the argument [dir]'],
    [['check', ''], 'one of the arguments [path...]'],
    [['direction', ''], 'the argument <amendment>'],
    [['correct', 'IOC', 'groupId', '', '--source', 's', '--by', 'me', '--on', '2026-01-01'], 'the argument <value>'],
    [['correct', '', 'groupId', 'DA', '--source', 's', '--by', 'me', '--on', '2026-01-01'], 'the argument <cohort>'],
  ])('mtad %j names %s', async (args, named) => {
    const says = await expectUsageError(args, copyOfData(), 'ARGUMENT_INVALID');
    expect(says).toContain(`mtad: error: ${named} is empty: expected `);
    expect(says).toContain('unset shell variable');
  });
});

describe('an option that would be ignored is refused, naming the two', () => {
  it.each([
    [
      ['amend', '--out', 'pack', '--format', 'markdown'],
      '--format cannot go with --out DIR: the pack holds the redline in every format',
    ],
    [['amend', '--out', 'pack', '--redline-only'], '--redline-only cannot go with --out DIR'],
    [['new', 'close', 'FOC (BG)', '--on', '2023-06-30', '--stdout', '--force'], '--force cannot go with --stdout'],
    [['revert', 'mdust-close-foc-np', '--stdout', '--force'], '--force cannot go with --stdout'],
    [['import', 'MTAD.docx', '--dry-run', '--force'], '--force cannot go with --dry-run'],
    [['check', '--no-cache', '--cache-location', 'cache'], '--cache-location cannot go with --no-cache'],
    [
      ['check', '--list-rules', 'data/table-17.6.yaml'],
      '--list-rules cannot go with the arguments [path...]: --list-rules prints the rules and checks no file',
    ],
  ])('mtad %j', async (args, says) => {
    expect(await expectUsageError(args, copyOfData(), 'OPTIONS_CONFLICT')).toContain(says);
  });

  it('--format and --redline-only still go with amend without --out, and --force with --out', async () => {
    const cwd = copyOfData();
    expect((await runMain(['amend', '--format', 'markdown', '--redline-only'], cwd)).status).toBe(0);
    expect((await runMain(['amend', '--out', 'pack'], cwd)).status).toBe(0);
    expect((await runMain(['amend', '--out', 'pack', '--force'], cwd)).status).toBe(0);
  });
});

describe('--force replaces only a pack of the same kind', () => {
  it('mtad consultation --force never replaces the full pack amend --out wrote: refused, naming what it holds', async () => {
    const cwd = copyOfData();
    expect((await runMain(['amend', '--out', 'pack'], cwd)).status).toBe(0);
    const before = snapshotTree(cwd);
    const run = await runMain(['consultation', '--out', 'pack', '--force'], cwd);
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['OUT_OTHER_PACK']);
    expect(run.stderr).toContain(
      'refusing to replace pack: it is a pack that mtad amend --out wrote (13 files: changes.json, consultation.docx, consultation.html, consultation.md, direction.docx, direction.md, direction.txt, redline.docx, ...), and mtad consultation --force replaces only a pack that mtad consultation --out wrote. Nothing was written or removed',
    );
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('mtad amend --out --force never replaces a consultation: refused, naming it', async () => {
    const cwd = copyOfData();
    expect((await runMain(['consultation', '--out', 'pack'], cwd)).status).toBe(0);
    const before = snapshotTree(cwd);
    const run = await runMain(['amend', '--out', 'pack', '--force'], cwd);
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['OUT_OTHER_PACK']);
    expect(run.stderr).toContain(
      'it is a pack that mtad consultation --out wrote (3 files: consultation.docx, consultation.html, consultation.md)',
    );
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('each replaces its own pack, and a consultation of an older mtad (whose marker named amend) stays a consultation', async () => {
    const cwd = copyOfData();
    expect((await runMain(['consultation', '--out', 'pack'], cwd)).status).toBe(0);
    expect((await runMain(['consultation', '--out', 'pack', '--force'], cwd)).status).toBe(0);
    const marker = join(cwd, 'pack/.mtad-pack');
    expect(readFileSync(marker, 'utf8')).toContain('This folder was written by `mtad consultation --out`.');
    writeFileSync(
      marker,
      readFileSync(marker, 'utf8').replace('written by `mtad consultation --out`', 'written by `mtad amend --out`'),
    );
    expect(codes((await runMain(['amend', '--out', 'pack', '--force'], cwd)).stderr)).toEqual(['OUT_OTHER_PACK']);
    expect((await runMain(['consultation', '--out', 'pack', '--force'], cwd)).status).toBe(0);
    expect((await runMain(['amend', '--out', 'full'], cwd)).status).toBe(0);
    expect((await runMain(['amend', '--out', 'full', '--force'], cwd)).status).toBe(0);
  });
});

describe('a narrative that keeps a placeholder of its scaffold (templates/narrative.md)', () => {
  const SCAFFOLD = readFileSync(join(ROOT, 'templates/narrative.md'), 'utf8');
  const NARRATIVE = 'data/consultations/mdust-close-foc-bg.md';

  /** mtad new close, then the narrative it scaffolded edited as `edit` says; the findings of check in it. */
  async function checkedScaffold(edit: (text: string) => string) {
    const cwd = copyOfData();
    expect((await runMain(['new', 'close', 'FOC (BG)', '--on', '2023-06-30'], cwd)).status).toBe(0);
    const scaffolded = readFileSync(join(cwd, NARRATIVE), 'utf8');
    expect(scaffolded).toBe(SCAFFOLD);
    writeFileSync(join(cwd, NARRATIVE), edit(scaffolded));
    const run = await runMain(['check', '--format', 'json'], cwd);
    const report = JSON.parse(run.stdout) as {
      diagnostics: { code: string; file: string; line: number; column: number; message: string }[];
    };
    return { cwd, found: report.diagnostics.filter((d) => d.file === NARRATIVE) };
  }

  it('its !todo marks removed and nothing written: every placeholder is an error naming line and column', async () => {
    const { found } = await checkedScaffold((text) => text.replaceAll('!todo ', ''));
    const placeholders = found.filter((d) => d.code === 'NARRATIVE_PLACEHOLDER');
    // One placeholder under each !todo of the scaffold, and nothing left for NARRATIVE_TODO.
    expect(placeholders).toHaveLength([...SCAFFOLD.matchAll(/!todo /g)].length);
    expect(found.map((d) => d.code)).not.toContain('NARRATIVE_TODO');
    const lines = SCAFFOLD.split('\n');
    for (const d of placeholders) expect(lines[d.line - 1]?.slice(d.column - 1 + '!todo '.length)).toBeTruthy();
    expect(placeholders[0]).toMatchObject({
      line: 6,
      column: 25,
      message: 'redlineAttachment still holds the scaffold\'s placeholder "<version>": write the value in its place',
    });
    expect(placeholders.slice(1).map((d) => d.message)).toEqual([
      expect.stringMatching(/^the scaffold's instruction "The earlier closures, each with its month/),
      expect.stringMatching(/^the scaffold's instruction "Why DCC proposes the closure:"/),
      expect.stringMatching(/^the scaffold's instruction "What re-starting the service would take"/),
    ]);
  });

  it('as scaffolded, each is NARRATIVE_TODO alone; written, neither', async () => {
    const { found } = await checkedScaffold((text) => text);
    expect(found.map((d) => d.code)).toEqual(Array(4).fill('NARRATIVE_TODO'));
    const written = await checkedScaffold((text) =>
      text
        .replace('!todo MTAD <version> Draft Redlined', 'MTAD 4.FOCBG Draft Redlined')
        .replace(/^!todo .*$/gm, "DCC's own words for {{cohort}}."),
    );
    expect(written.found.map((d) => d.code)).toEqual([]);
  });

  it('mtad consultation refuses it, as check does', async () => {
    const { cwd } = await checkedScaffold((text) =>
      text.replace('!todo MTAD <version>', 'MTAD <version>').replace(/^!todo .*$/gm, "DCC's own words."),
    );
    const amendment = join(cwd, 'data/amendments/mdust-close-foc-bg.yaml');
    writeFileSync(amendment, readFileSync(amendment, 'utf8').replaceAll('!todo ', ''));
    const run = await runMain(['consultation', 'mdust-close-foc-bg', '--out', 'out'], cwd);
    expect(run.status).toBe(1);
    expect(run.stderr + run.stdout).toContain('NARRATIVE_PLACEHOLDER');
  });
});

describe('the scaffold of a narrative, written as its instructions say: one cohort is "cohort"', () => {
  it('mtad new close "FOC (BG)", then mtad consultation: "the FOC (NP) cohort", "the FOC (BG) cohort"', async () => {
    const cwd = copyOfData();
    expect((await runMain(['new', 'close', 'FOC (BG)', '--on', '2023-06-30'], cwd)).status).toBe(0);
    const amendment = join(cwd, 'data/amendments/mdust-close-foc-bg.yaml');
    writeFileSync(amendment, readFileSync(amendment, 'utf8').replaceAll('!todo ', ''));
    const narrative = join(cwd, 'data/consultations/mdust-close-foc-bg.md');
    const scaffold = readFileSync(narrative, 'utf8');
    // Each instruction's own example sentences, as a drafter copies them, for the two concluded closures.
    const [, earlier = '', then = ''] =
      /^!todo The earlier closures[^(]*\("(.*?)"\), then: "(.*?)"$/m.exec(scaffold) ?? [];
    const closures = [1, 2].map((n) => earlier.replaceAll('closure1.', `closure${n}.`).replace('[^1]', ''));
    writeFileSync(
      narrative,
      scaffold
        .replace('!todo MTAD <version> Draft Redlined', 'MTAD 4.FOCBG Draft Redlined')
        .replace(/^!todo The earlier closures.*$/m, `${closures.join(' ')} ${then}`)
        .replace(/^!todo .*$/gm, 'DCC has written this paragraph.'),
    );
    const run = await runMain(['consultation', 'mdust-close-foc-bg', '--out', 'out'], cwd);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(join(cwd, 'out/consultation.md'), 'utf8').replace(/\s+/g, ' ');
    expect(text).toContain('on the closure of Migration DUST for the IOC and MOC (MDS) cohorts.');
    expect(text).toContain('on the closure of Migration DUST for the FOC (NP) cohort.');
    expect(text).toContain('At present Migration DUST is only provided for the FOC (BG) cohort.');
    expect(text).toContain('solely for the FOC (BG) cohort via a further amendment');
    expect(text).not.toMatch(/\(NP\) cohorts|\(Secure\) cohorts|\(BG\) cohorts/);
  });
});
