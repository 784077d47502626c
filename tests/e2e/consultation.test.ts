import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfData, ROOT } from '../helpers/cli.js';
import { firstDifference, generatedWords, referenceWords } from '../helpers/consultation-words.js';
import { runMain } from '../helpers/main.js';

const REFERENCE = readFileSync(join(ROOT, 'tests/reference/SMETS1_Consultation_MDUST_Close_MOC_Secure.txt'), 'utf8');

/** The consultation of the shipped amendment, written by `mtad consultation` into a fresh copy of data/. */
async function writeConsultation(
  edit?: (cwd: string) => void,
): Promise<{ cwd: string; status: number; stderr: string; stdout: string }> {
  const cwd = copyOfData();
  edit?.(cwd);
  const run = await runMain(['consultation', 'mdust-close-moc-secure', '--out', 'out'], cwd);
  return { cwd, ...run };
}

// The consultation of the shipped data, written once: the tests that only read it share it.
let shipped: ReturnType<typeof writeConsultation> | undefined;
const shippedConsultation = () => (shipped ??= writeConsultation());

describe('mtad consultation', () => {
  it('writes the consultation as Markdown, HTML and Word, with the pack marker', async () => {
    const { cwd, status, stdout, stderr } = await shippedConsultation();
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('consultation.docx');
    for (const name of ['consultation.md', 'consultation.html', 'consultation.docx', '.mtad-pack'])
      expect(existsSync(join(cwd, 'out', name)), name).toBe(true);
  });

  it('says, with the shipped data, the reference word for word from the title to the end of Attachment 1', async () => {
    const { cwd } = await shippedConsultation();
    const generated = generatedWords(readFileSync(join(cwd, 'out/consultation.md'), 'utf8'));
    const reference = referenceWords(REFERENCE);
    const difference = firstDifference(reference.words, generated.words);
    expect(difference, difference).toBeUndefined();
    expect(generated.footnotes).toEqual(reference.footnotes);
    expect(generated.words.length).toBeGreaterThan(1800);
  });

  it('fails the word-for-word comparison on any changed word', () => {
    const reference = referenceWords(REFERENCE);
    const mutated = [...reference.words];
    mutated[mutated.indexOf('economically')] = 'economic';
    const difference = firstDifference(reference.words, mutated);
    expect(difference).toContain('expected "economically", got "economic"');
    expect(firstDifference(reference.words, reference.words.slice(0, -1))).toContain('expected "Administrator."');
  });

  it('fails the comparison when the narrative changes a word', async () => {
    const { cwd } = await writeConsultation((dir) => {
      const path = join(dir, 'data/consultations/mdust-close-moc-secure.md');
      writeFileSync(path, readFileSync(path, 'utf8').replace('economically efficient', 'economical'));
    });
    const generated = generatedWords(readFileSync(join(cwd, 'out/consultation.md'), 'utf8'));
    expect(firstDifference(referenceWords(REFERENCE).words, generated.words)).toContain('"economically"');
  });

  it('writes a Word file with a table of contents field, headings and footnotes', async () => {
    const { cwd } = await shippedConsultation();
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(join(cwd, 'out/consultation.docx')));
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(document).toContain('TOC \\h \\o &quot;1-1&quot;');
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(document).toContain('<w:footnoteReference w:id="1"/>');
    const footnotes = (await zip.file('word/footnotes.xml')?.async('string')) ?? '';
    expect(footnotes).toContain('smets1-conclusion-migration-dust-closure-for-foc-np');
  });

  it('is refused while the narrative is missing, with one line and exit status 2', async () => {
    const { status, stderr } = await writeConsultation((dir) =>
      rmSync(join(dir, 'data/consultations/mdust-close-moc-secure.md')),
    );
    expect(status).toBe(2);
    expect(stderr).toContain('[FILE_NOT_FOUND]');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('mtad check on the narrative', () => {
  const NARRATIVE = 'data/consultations/mdust-close-moc-secure.md';
  const edited = (change: (text: string) => string) => (dir: string) => {
    const path = join(dir, NARRATIVE);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    if (after === before) throw new Error('the edit changed nothing');
    writeFileSync(path, after);
  };

  it('reports a date written out that restates none of the amendment dates, at its line and column', async () => {
    const cwd = copyOfData();
    edited((text) => text.replace('up to {{endDate}}', 'up to 30 January 2023'))(cwd);
    const run = await runMain(['check', '--format', 'json'], cwd);
    const report = JSON.parse(run.stdout) as {
      diagnostics: { code: string; file: string; line: number; column: number }[];
    };
    const found = report.diagnostics.find((d) => d.code === 'PROSE_DATE_MISMATCH');
    const lines = readFileSync(join(cwd, NARRATIVE), 'utf8').split('\n');
    expect(found?.file).toBe(NARRATIVE);
    expect(lines[(found?.line ?? 0) - 1]?.slice((found?.column ?? 0) - 1)).toMatch(/^30 January 2023/);
    expect(run.status).toBe(1);
  });

  it('refuses to write the consultation while a !todo is left in its narrative', async () => {
    const { cwd, status, stderr } = await writeConsultation(
      edited((text) => text.replace('## Introduction and Context', '## Introduction and Context\n\n!todo Say why.')),
    );
    expect(status).toBe(1);
    expect(stderr).toContain('[NARRATIVE_TODO]');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});

describe('mtad new close', () => {
  it('scaffolds the narrative beside the amendment, marked !todo, and check refuses it until written', async () => {
    const cwd = copyOfData();
    const made = await runMain(['new', 'close', 'FOC (BG)', '--on', '2023-06-30'], cwd);
    expect(made.status, made.stderr).toBe(0);
    const narrative = readFileSync(join(cwd, 'data/consultations/mdust-close-foc-bg.md'), 'utf8');
    expect(narrative).toContain('## Closure of Migration DUST for {{cohort}} (where GroupID = "{{groupId}}")');
    const run = await runMain(['check', '--format', 'json'], cwd);
    const codes = (JSON.parse(run.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics
      .filter((d) => d.file === 'data/consultations/mdust-close-foc-bg.md')
      .map((d) => d.code);
    expect(new Set(codes)).toEqual(new Set(['NARRATIVE_TODO']));
    expect(codes.length).toBe(4);
  });

  it('writes the consultation of a drafted closure once the draft and its narrative are completed', async () => {
    const cwd = copyOfData();
    expect((await runMain(['new', 'close', 'FOC (BG)', '--on', '2023-06-30'], cwd)).status).toBe(0);
    const amendment = join(cwd, 'data/amendments/mdust-close-foc-bg.yaml');
    writeFileSync(amendment, readFileSync(amendment, 'utf8').replaceAll('!todo ', ''));
    // The narrative's instructions and <version> are replaced by what they ask for, not untagged.
    const narrative = join(cwd, 'data/consultations/mdust-close-foc-bg.md');
    writeFileSync(
      narrative,
      readFileSync(narrative, 'utf8')
        .replace('!todo MTAD <version>', 'MTAD 4.FOCBG')
        .replace(/^!todo .*$/gm, 'DCC writes this paragraph.'),
    );
    const run = await runMain(['consultation', 'mdust-close-foc-bg', '--out', 'out'], cwd);
    expect(run.stderr).toBe('');
    const markdown = readFileSync(join(cwd, 'out/consultation.md'), 'utf8');
    expect(markdown).toContain('## 2. Closure of Migration DUST for FOC (BG) (where GroupID = "EA")');
    expect(markdown).toContain('Respond by: 16:00 on 12 June 2023');
  });
});
