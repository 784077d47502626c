import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { MOC_SECURE_CONCLUSION, ROOT, writeMocSecureConclusion } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { findTool } from '../helpers/tools.js';

const pandoc = findTool('pandoc');

/*
 * Markup in every string of otherwise valid data (tests/fixtures/hostile/markup/): HTML, Markdown,
 * WordprocessingML and a CDATA end in the document name, the column headings, cohort names,
 * sources, the amendment's title, summary, question text and sources. The data is
 * valid, so every command succeeds; and every format shows the markup as text: verbatim in plain
 * text, escaped in Markdown, HTML and Word XML, exact in JSON.
 */

const FIXTURE = join(ROOT, 'tests/fixtures/hostile/markup');
/** A cohort name that is nothing but markup, as the fixture's table writes it. */
const COHORT = 'MOC (Secure) <script>alert(1)</script> **b** _i_ `c` [l](javascript:alert(1)) | ]]> &amp; <w:t>w</w:t>';
/** The tags of the fixture's markup: none may reach a Markdown, HTML or XML output as a tag. */
const TAGS = ['<script', '<w:t>w', '<img src', '<h1>big', '<b>Testing', '<i>Cohort', '<i>co'];

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function markupData(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'mtad-markup-'));
  folders.push(cwd);
  cpSync(join(ROOT, 'tests/fixtures/check/_base'), join(cwd, 'data'), { recursive: true });
  cpSync(join(FIXTURE, 'table-17.6.yaml'), join(cwd, 'data/table-17.6.yaml'));
  cpSync(join(FIXTURE, 'mdust-close-moc-secure.yaml'), join(cwd, 'data/amendments/mdust-close-moc-secure.yaml'));
  return cwd;
}

async function ok(args: string[], cwd: string): Promise<string> {
  const run = await runMain(args, { cwd });
  expect(run.status, `mtad ${args.join(' ')}: ${run.stderr}`).toBe(0);
  expect(run.stderr).not.toMatch(/error/);
  return run.stdout;
}

/** No tag of the fixture's markup is left as markup. */
function expectNoRawTags(text: string, what: string): void {
  for (const tag of TAGS) expect(text, `${what}: ${tag} must be escaped`).not.toContain(tag);
}

describe('markup in valid data is text in every format', () => {
  const cwd = markupData();

  it('reads as valid data: mtad check finds no error', async () => {
    const run = await runMain(['check', '--format', 'json'], { cwd });
    const errors = (JSON.parse(run.stdout) as { diagnostics: { severity: string; code: string }[] }).diagnostics.filter(
      (d) => d.severity === 'error',
    );
    expect(errors).toEqual([]);
  });

  it('plain text (terminal, unified, show, log, direction, diff, impact) shows it verbatim', async () => {
    expect(await ok(['amend'], cwd)).toContain(COHORT);
    expect(await ok(['amend', '--format', 'unified'], cwd)).toContain(COHORT);
    expect(await ok(['show'], cwd)).toContain(COHORT);
    expect(await ok(['show', '--as-at', '2023-02-01', '--include', 'proposed'], cwd)).toContain(COHORT);
    expect(await ok(['log'], cwd)).toContain(COHORT);
    expect(await ok(['diff', '--from', '2022-12-05', '--to', '2023-02-01', '--include', 'proposed'], cwd)).toContain(
      COHORT,
    );
    expect(await ok(['impact', 'mdust-close-moc-secure', '--decided', '2023-02-01'], cwd)).toContain(COHORT);
    expect(await ok(['direction', 'mdust-close-moc-secure'], cwd)).toContain('Pursuant to Clause 4.2');
  });

  it('Markdown escapes it', async () => {
    const markdown = await ok(['amend', '--format', 'markdown'], cwd);
    expectNoRawTags(markdown, 'amend --format markdown');
    expect(markdown).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*b\\*\\* \\_i\\_ \\`c\\` \\[l\\](javascript:alert(1)) \\| \\]\\]&gt; &amp;amp;',
    );
    expectNoRawTags(
      await ok(
        ['diff', '--from', '2022-12-05', '--to', '2023-02-01', '--include', 'proposed', '--format', 'markdown'],
        cwd,
      ),
      'diff --format markdown',
    );
  });

  it('JSON holds it exactly', async () => {
    const json = JSON.parse(await ok(['amend', '--format', 'json'], cwd)) as {
      changes: { cohort: string; groupId: string }[];
      amendments: { title: string }[];
    };
    expect(json.changes[0]).toMatchObject({ cohort: COHORT, groupId: 'DA' });
    expect(JSON.stringify(json)).toContain('Closure <script>x</script>');
  });

  it.skipIf(pandoc.missing)(
    'the consultation pack (HTML, Markdown, Word) escapes it, and pandoc reads the Word files back as that text',
    async () => {
      await ok(['amend', 'mdust-close-moc-secure', '--out', 'pack'], cwd);
      const pack = join(cwd, 'pack');
      for (const name of ['redline.html', 'redline.md', 'direction.md', 'response-template.md'])
        expectNoRawTags(readFileSync(join(pack, name), 'utf8'), name);
      expect(readFileSync(join(pack, 'redline.html'), 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(JSON.parse(readFileSync(join(pack, 'changes.json'), 'utf8')).changes[0].cohort).toBe(COHORT);
      for (const name of ['redline.docx', 'response-template.docx', 'direction.docx']) {
        const xml = await (
          await JSZip.loadAsync(readFileSync(join(pack, name)))
        )
          .file('word/document.xml')!
          .async('string');
        expectNoRawTags(xml, `${name} word/document.xml`);
      }
      const redlineXml = await (
        await JSZip.loadAsync(readFileSync(join(pack, 'redline.docx')))
      )
        .file('word/document.xml')!
        .async('string');
      expect(redlineXml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      const plain = spawnSync(
        pandoc.path ?? 'pandoc',
        ['--track-changes=accept', '--to', 'plain', '--wrap=none', join(pack, 'redline.docx')],
        { encoding: 'utf8' },
      );
      expect(plain.status, plain.stderr).toBe(0);
      expect(plain.stdout).toContain('<script>alert(1)</script>');
      const response = spawnSync(
        pandoc.path ?? 'pandoc',
        ['--to', 'plain', '--wrap=none', join(pack, 'response-template.docx')],
        {
          encoding: 'utf8',
        },
      );
      expect(response.stdout).toContain('Closure <script>x</script>');
    },
  );

  it('a markup cohort written by amend --write reads back unchanged', async () => {
    const made = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(
      made,
      readFileSync(made, 'utf8')
        .replace('status: proposed', 'status: made')
        .replace('expectedConclusion: 2023-01-20', 'expectedConclusion: 2023-01-20\n  concluded: 2023-01-20')
        .replace('  annex: null', '  annex: A'),
    );
    writeMocSecureConclusion(
      cwd,
      MOC_SECURE_CONCLUSION.replace('- cohort: MOC (Secure)', `- cohort: ${JSON.stringify(COHORT)}`),
    );
    await ok(['amend', 'mdust-close-moc-secure', '--write'], cwd);
    expect(await ok(['show'], cwd)).toContain(COHORT);
    expect(readFileSync(join(cwd, 'data/table-17.6.yaml'), 'utf8')).toContain('<script>alert(1)</script>');
  });
});
