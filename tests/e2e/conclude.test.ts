import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOfData, ROOT, snapshotTree } from '../helpers/cli.js';
import { codesIn, runMain, type MainRun } from '../helpers/main.js';
import { referenceDirection } from '../helpers/reference.js';
import { pandocText, zipEntries } from '../helpers/word.js';

/**
 * A copy of data/ with the fictional example responses and conclusion put where mtad looks for
 * them (responses/<id>/ and conclusions/<id>.yaml beside the table): the shipped data/ holds no
 * response and no conclusion, being DCC's record.
 */
function copyWithExample(editConclusion?: (text: string) => string): string {
  const cwd = copyOfData();
  cpSync(join(ROOT, 'examples/responses/mdust-close-moc-secure'), join(cwd, 'data/responses/mdust-close-moc-secure'), {
    recursive: true,
  });
  mkdirSync(join(cwd, 'data/conclusions'));
  const conclusion = readFileSync(join(ROOT, 'examples/conclusions/mdust-close-moc-secure.yaml'), 'utf8');
  writeFileSync(join(cwd, 'data/conclusions/mdust-close-moc-secure.yaml'), editConclusion?.(conclusion) ?? conclusion);
  // The drafter records that the consultation has concluded: the final direction needs it.
  const path = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace('status: proposed', 'status: concluded'));
  return cwd;
}

const SECRETS = [
  '37 SMETS1 installations in the MOC (Secure) cohort',
  'We would have preferred a date in February',
  'Harbour Power',
  'Jo Placeholder',
  'product change planned for 2023',
];

/** The text a reader sees of each file of a folder: Markdown and HTML as written, Word through its XML. */
function textsOf(dir: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const bytes = readFileSync(join(dir, name));
      if (!name.endsWith('.docx')) return [name, bytes.toString('utf8')];
      const entries = zipEntries(new Uint8Array(bytes));
      return [
        name,
        Object.values(entries)
          .map((entry) => strFromU8(entry))
          .join('\n'),
      ];
    }),
  );
}

/**
 * `mtad conclude` on a copy of the example, run once: the tests that read the files it writes, and
 * write nothing, read the same folder.
 */
let concluded: Promise<{ cwd: string; run: MainRun }> | undefined;
const concludeOnce = () =>
  (concluded ??= (async () => {
    const cwd = copyWithExample();
    return { cwd, run: await runMain(['conclude'], cwd) };
  })());

describe('mtad conclude', () => {
  // LibreOffice's conversion runs in its own process while the tests before its own run in this one.
  let withPdf: Promise<{ cwd: string; run: MainRun }>;
  beforeAll(() => {
    const cwd = copyWithExample();
    withPdf = runMain(['conclude', '--pdf'], cwd).then((run) => ({ cwd, run }));
  });

  it('writes the conclusion report as Markdown, HTML and Word, with the pack marker, and no confidential text', async () => {
    const cwd = copyWithExample();
    const run = await runMain(['conclude', 'mdust-close-moc-secure'], cwd);
    expect(run.stderr).toContain('RESPONSE_LATE');
    expect(run.status).toBe(0);
    const names = ['conclusion.md', 'conclusion.html', 'conclusion.docx'];
    for (const name of [...names, '.mtad-pack']) expect(existsSync(join(cwd, 'conclusion', name)), name).toBe(true);
    const texts = textsOf(join(cwd, 'conclusion'), names);
    for (const [name, text] of Object.entries(texts)) {
      for (const secret of SECRETS) expect(text, `${name}: ${secret}`).not.toContain(secret);
      expect(text, name).not.toMatch(/\[DD MM YYYY\]|\[TBC\]|NOT TO BE PUBLISHED/);
    }
    // A fictional conclusion says so on the cover of every format.
    for (const [name, text] of Object.entries(texts)) expect(text, name).toContain('Fictional example conclusion');
    // What is not marked is published.
    expect(texts['conclusion.md']).toContain('We agree, provided that a re-start remains possible');
    expect(texts['conclusion.md']).toBe(readFileSync(join(ROOT, 'tests/golden/conclusion/conclusion.md'), 'utf8'));
  });

  it("writes the department's copy under its own name: every response in full, the confidential text marked, a banner", async () => {
    const cwd = copyWithExample();
    const run = await runMain(['conclude', '--for', 'department'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('never to be published');
    const names = ['conclusion-for-department.md', 'conclusion-for-department.html', 'conclusion-for-department.docx'];
    expect(existsSync(join(cwd, 'conclusion'))).toBe(false);
    const texts = textsOf(join(cwd, 'conclusion-for-department'), names);
    for (const [name, text] of Object.entries(texts)) {
      for (const secret of SECRETS) expect(text, `${name}: ${secret}`).toContain(secret);
      expect(text, name).toContain('NOT TO BE PUBLISHED');
    }
    expect(texts['conclusion-for-department.md']).toContain(
      'We still have \\[CONFIDENTIAL: 37 SMETS1 installations in the MOC (Secure) cohort\\] to migrate.',
    );
  });

  it('Attachment 1 is the reference direction in its final form, as mtad direction --final prints it', async () => {
    const { cwd, run } = await concludeOnce();
    expect(run.status, run.stderr).toBe(0);
    const printed = await runMain(['direction', 'mdust-close-moc-secure', '--final'], cwd);
    expect(printed.status, printed.stderr).toBe(0);
    const docx = new Uint8Array(readFileSync(join(cwd, 'conclusion/conclusion.docx')));
    const text = pandocText(docx, 'accept', 'plain').replace(/\s+/g, ' ');
    const final = referenceDirection()
      .replace('MTAD Draft Modification Text', 'MTAD Modification Text')
      .replace('[DD MM YYYY]', '27 January 2023')
      .replace('Annex [TBC]', 'Annex A')
      .replace(/\s+/g, ' ');
    expect(text).toContain(final);
    expect(printed.stdout.replace(/\s+/g, ' ').trim()).toBe(final);
  });

  it('the Word file reads back: the redline accepted gives the table as modified, rejected the table in force', async () => {
    const { cwd, run } = await concludeOnce();
    expect(run.status, run.stderr).toBe(0);
    const docx = new Uint8Array(readFileSync(join(cwd, 'conclusion/conclusion.docx')));
    const redlined = (mode: 'accept' | 'reject') => {
      const text = pandocText(docx, mode, 'plain');
      return text.slice(text.lastIndexOf('Attachment 3'));
    };
    expect(redlined('accept')).toMatch(/MOC \(Secure\)\s+DA\s+31 January 2023/);
    expect(redlined('reject')).not.toContain('31 January 2023');
    const xml = strFromU8(zipEntries(docx)['word/document.xml']!);
    expect(xml).toMatch(/<w:ins [^>]*w:author="consultations@smartdcc.co.uk"[^>]*>.*?31 January 2023/);
    const plain = pandocText(docx, 'accept', 'plain');
    for (const heading of ['Summary of Responses', 'Responses to the Questions', "DCC's response", 'Next Steps'])
      expect(plain).toContain(heading);
  });

  it('the HTML file marks the redline with <ins> and names each section', async () => {
    const { cwd, run } = await concludeOnce();
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(join(cwd, 'conclusion/conclusion.html'), 'utf8');
    expect(html).toMatch(/<ins><span class="visually-hidden">inserted: <\/span>31 January 2023<\/ins>/);
    expect(html).toContain('<h2 id="2-summary-of-responses">2. Summary of Responses</h2>');
    expect(html).not.toContain('[REDLINE]');
  });

  it('withdraw: the report says so, with no final direction and no modified table', async () => {
    const cwd = copyWithExample((text) =>
      text.replace('decision: proceed', 'decision: withdraw').replace(/\nfinal:[\s\S]*$/, '\n'),
    );
    const path = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('status: concluded', 'status: withdrawn'));
    const run = await runMain(['conclude', '--stdout'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('DCC has decided to withdraw its proposal');
    expect(run.stdout).not.toMatch(/Attachment 1|Modification Text|<ins>/);
    expect(existsSync(join(cwd, 'conclusion'))).toBe(false);
  });

  it('refuses without a conclusion, naming the file, and writes nothing', async () => {
    const cwd = copyOfData();
    const before = snapshotTree(cwd);
    const run = await runMain(['conclude', 'mdust-close-moc-secure'], cwd);
    // As for a consultation's missing narrative: a file not found is exit 2.
    expect(run.status).toBe(2);
    expect(codesIn(run.stderr)).toEqual(['FILE_NOT_FOUND']);
    expect(run.stderr).toContain('data/conclusions/mdust-close-moc-secure.yaml');
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('--pdf without soffice on the PATH: one line naming the package, exit 2, nothing written', async () => {
    const cwd = copyWithExample();
    const before = snapshotTree(cwd);
    const run = await runMain(['conclude', '--pdf'], { cwd, env: { PATH: join(cwd, 'nowhere') } });
    expect(run.status).toBe(2);
    expect(codesIn(run.stderr)).toEqual(['PDF_CONVERTER_MISSING']);
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('--pdf adds a PDF of the Word file, dated the day DCC concluded, that reads as the report', async () => {
    const { cwd, run } = await withPdf;
    expect(run.status, run.stderr).toBe(0);
    const pdf = readFileSync(join(cwd, 'conclusion/conclusion.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/CreationDate(D:20230120000000Z');
    const text = spawnSync('pdftotext', ['-layout', join(cwd, 'conclusion/conclusion.pdf'), '-'], { encoding: 'utf8' });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(
      'with effect from 27 January 2023, the Migration Test Approach Document',
    );
    for (const secret of SECRETS) expect(text.stdout.replace(/\s+/g, ' ')).not.toContain(secret);
  }, 600_000);

  it('an output folder in the data folder, or an existing folder mtad did not write, is refused and left as it was', async () => {
    const cwd = copyWithExample();
    mkdirSync(join(cwd, 'mine'));
    writeFileSync(join(cwd, 'mine/notes.txt'), 'my notes');
    const before = snapshotTree(cwd);
    for (const out of ['data/conclusion', 'mine', '.']) {
      const run = await runMain(['conclude', '--out', out, '--force'], cwd);
      expect(run.status, out).toBe(2);
    }
    expect(snapshotTree(cwd)).toEqual(before);
    // A folder mtad wrote is replaced with --force, and only then.
    expect((await runMain(['conclude'], cwd)).status).toBe(0);
    expect((await runMain(['conclude'], cwd)).status).toBe(2);
    expect((await runMain(['conclude', '--force'], cwd)).status).toBe(0);
  });

  it('takes the responses and the conclusion from --responses and --conclusion', async () => {
    const cwd = copyOfData();
    const path = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('status: proposed', 'status: concluded'));
    const run = await runMain(
      [
        'conclude',
        'mdust-close-moc-secure',
        '--responses',
        join(ROOT, 'examples/responses/mdust-close-moc-secure'),
        '--conclusion',
        join(ROOT, 'examples/conclusions/mdust-close-moc-secure.yaml'),
        '--stdout',
      ],
      cwd,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(ROOT, 'tests/golden/conclusion/conclusion.md'), 'utf8'));
  });
});

/**
 * The README's round trip up to just before `amend --write`: FOC (BG) drafted and accepted, it and
 * MOC (Secure) made with the example conclusions and responses, and both recorded in the lock.
 */
async function walkThroughBeforeWrite(): Promise<string> {
  const cwd = copyOfData();
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(cwd, file);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    expect(after, file).not.toBe(before);
    writeFileSync(path, after);
  };
  expect((await runMain(['new', 'close', 'FOC (BG)', '--on', '2023-09-29'], cwd)).status).toBe(0);
  edit('data/amendments/mdust-close-foc-bg.yaml', (text) => text.replaceAll('!todo ', ''));
  edit('data/consultations/mdust-close-foc-bg.md', (text) =>
    text.replace('!todo MTAD <version>', 'MTAD [version]').replace(/^!todo .*$/gm, "[DCC's words]"),
  );
  for (const file of ['data/amendments/mdust-close-moc-secure.yaml', 'data/amendments/mdust-close-foc-bg.yaml'])
    edit(file, (text) =>
      text
        .replace(/^status: proposed/m, 'status: made')
        .replace(/^ {2}expectedConclusion: (.*)$/m, (line, date: string) => `${line}\n  concluded: ${date}`)
        .replace(/^ {2}annex: null/m, '  annex: A'),
    );
  mkdirSync(join(cwd, 'data/conclusions'));
  for (const id of ['mdust-close-moc-secure', 'mdust-close-foc-bg'])
    cpSync(join(ROOT, `examples/conclusions/${id}.yaml`), join(cwd, `data/conclusions/${id}.yaml`));
  cpSync(join(ROOT, 'examples/responses/mdust-close-moc-secure'), join(cwd, 'data/responses/mdust-close-moc-secure'), {
    recursive: true,
  });
  const lock = await runMain(['check', '--update-lock'], cwd);
  expect(lock.stderr).toContain('Recorded in data/amendments.lock: mdust-close-moc-secure, mdust-close-foc-bg.');
  return cwd;
}

/** The rows of one attachment of a conclusion report's Markdown: from its heading to the next. */
function attachment(markdown: string, n: number): string {
  const start = markdown.indexOf(`### Attachment ${n}`);
  expect(start, `Attachment ${n}`).toBeGreaterThan(-1);
  const end = markdown.indexOf('### Attachment', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe('mtad conclude and the table history', () => {
  it('the table in force counts an earlier amendment that is made but not yet written into the table', async () => {
    const cwd = await walkThroughBeforeWrite();
    const run = await runMain(['conclude', 'mdust-close-foc-bg', '--stdout'], cwd);
    expect(run.status).toBe(0);
    // What show --as-at gives for the day before FOC (BG) takes effect: MOC (Secure) closed.
    const shown = await runMain(['show', '--as-at', '2023-09-24'], cwd);
    expect(shown.stdout).toMatch(/MOC \(Secure\) +DA +31 January 2023/);
    // Attachment 2: the table as modified; Attachment 3: the redline against the table in force.
    expect(attachment(run.stdout, 2)).toContain('| MOC (Secure) | DA | 31 January 2023 |');
    expect(attachment(run.stdout, 2)).toContain('| FOC (BG) | EA | 29 September 2023 |');
    expect(attachment(run.stdout, 3)).toContain('| MOC (Secure) | DA | 31 January 2023 |');
    expect(attachment(run.stdout, 3)).toContain('| FOC (BG) | EA | <ins>29 September 2023</ins> |');
  });

  it('after amend --write, conclude makes the same report again: from the table as it stood before the amendment', async () => {
    const cwd = await walkThroughBeforeWrite();
    const ids = ['mdust-close-moc-secure', 'mdust-close-foc-bg'];
    const files = ['conclusion.md', 'conclusion.html', 'conclusion.docx', '.mtad-pack'];
    const bytesOf = (folder: string) => files.map((name) => readFileSync(join(cwd, folder, name)));
    for (const id of ids) expect((await runMain(['conclude', id, '--out', `before-${id}`], cwd)).status).toBe(0);
    const write = await runMain(['amend', '--write', '--redline-only'], cwd);
    expect(write.status).toBe(0);
    expect(write.stdout).toContain(
      'it now reflects mdust-close-ioc-moc-mds, mdust-close-foc-np, mdust-close-moc-secure',
    );
    for (const id of ids) {
      const run = await runMain(['conclude', id, '--out', `after-${id}`], cwd);
      expect(run.stderr).not.toContain('AMENDMENT_ALREADY_APPLIED');
      expect(run.status).toBe(0);
      expect(readFileSync(join(cwd, `after-${id}/conclusion.md`), 'utf8'), id).toBe(
        readFileSync(join(cwd, `before-${id}/conclusion.md`), 'utf8'),
      );
      expect(bytesOf(`after-${id}`), id).toEqual(bytesOf(`before-${id}`));
    }
  });
});

describe('mtad conclude --force replaces a pack only for the same readers', () => {
  it("a public report never replaces the department's copy, nor the department's copy a public report", async () => {
    const cwd = copyWithExample();
    expect((await runMain(['conclude', '--out', 'out1'], cwd)).status).toBe(0);
    expect(readFileSync(join(cwd, 'out1/.mtad-pack'), 'utf8')).toContain('It is written for: public.');
    const publicPack = snapshotTree(join(cwd, 'out1'));
    const department = await runMain(['conclude', '--out', 'out1', '--force', '--for', 'department'], cwd);
    expect(department.status).toBe(2);
    expect(codesIn(department.stderr)).toEqual(['OUT_OTHER_AUDIENCE']);
    expect(department.stderr).toContain('it is the public conclusion report');
    expect(department.stderr).toContain('mtad conclude --for department --force replaces only');
    expect(snapshotTree(join(cwd, 'out1'))).toEqual(publicPack);

    expect((await runMain(['conclude', '--out', 'out2', '--for', 'department'], cwd)).status).toBe(0);
    const departmentPack = snapshotTree(join(cwd, 'out2'));
    const published = await runMain(['conclude', '--out', 'out2', '--force'], cwd);
    expect(published.status).toBe(2);
    expect(codesIn(published.stderr)).toEqual(['OUT_OTHER_AUDIENCE']);
    expect(published.stderr).toContain("it is the department's copy of the conclusion report");
    expect(snapshotTree(join(cwd, 'out2'))).toEqual(departmentPack);
  });

  it('--force replaces a pack written for the same readers', async () => {
    const cwd = copyWithExample();
    for (const audience of ['public', 'department']) {
      const args = ['conclude', '--out', `out-${audience}`, '--for', audience];
      expect((await runMain(args, cwd)).status).toBe(0);
      const again = await runMain([...args, '--force'], cwd);
      expect(again.status, again.stderr).toBe(0);
    }
  });
});

describe('one respondent is named one way in a public output', () => {
  /** Two fictional responses from one organisation: one asks for all of it to be confidential. */
  const responseOf = (name: string, choice: 'all' | 'none', answer: string) => `# FICTIONAL: made up for mtad's tests.
amendment: mdust-close-moc-secure
respondent:
  name: ${name}
  organisation: Twin Energy (fictional)
category: other
received:
  date: 2023-01-12
  time: '10:00'
confidentiality:
  choice: ${choice}
answers:
  - question: MDUST Close MOC (Secure) Q1
    position: agree
    text:
      - "${answer}"
  - question: MDUST Close MOC (Secure) Q2
    position: agree
    text:
      - We agree with the date.
`;

  it('the list of respondents and the views on each question give the same name, in responses --views public and the conclusion', async () => {
    const cwd = copyWithExample();
    const folder = join(cwd, 'data/responses/mdust-close-moc-secure');
    writeFileSync(
      join(folder, 'twin-energy.yaml'),
      responseOf('Jo Hidden', 'all', 'We agree, for reasons of our own.'),
    );
    writeFileSync(
      join(folder, 'twin-energy-2.yaml'),
      responseOf('Ann Other', 'none', 'We agree: the cohort is migrated.'),
    );
    const views = await runMain(['responses', '--views', 'public'], cwd);
    expect(views.status, views.stderr).toBe(0);
    expect((await runMain(['conclude', '--out', 'report'], cwd)).status).toBe(0);
    const conclusion = readFileSync(join(cwd, 'report/conclusion.md'), 'utf8');
    for (const [what, text] of [
      ['responses --views public', views.stdout],
      ['conclusion.md', conclusion],
    ] as const) {
      expect(text, what).not.toContain('Jo Hidden');
      expect(text, what).not.toContain('Twin Energy');
      expect(text, what).not.toContain('for reasons of our own');
      // Her answer is attributed to her, as the list of respondents names her.
      const line = text.split('\n').findIndex((l) => l.includes('the cohort is migrated'));
      expect(line, what).toBeGreaterThan(-1);
      const around = text
        .split('\n')
        .slice(Math.max(0, line - 3), line + 1)
        .join('\n');
      expect(around, what).toContain('Ann Other');
      expect(around, what).not.toContain('A respondent');
    }
  });
});
