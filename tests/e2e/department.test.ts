import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfData, copyOfDataWith } from '../helpers/cli.js';
import { writtenNarrative } from '../helpers/narrative.js';
import { runMain } from '../helpers/main.js';
import { REFERENCE_TEXT } from '../helpers/reference.js';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const data = (dir: string): string => (folders.push(dir), dir);

/**
 * The sentences of the reference's section 4 that the response template repeats: all but the
 * first, which points the consultation's reader at "the attached template".
 */
function referenceHowToRespond(): string[] {
  const start = REFERENCE_TEXT.indexOf('4. How to Respond\n');
  const end = REFERENCE_TEXT.indexOf('5. Attachments\n', start);
  const section = REFERENCE_TEXT.slice(start, end).split('\n').slice(1).join(' ');
  const sentences = section
    .trim()
    .split(/(?<=\.)\s+(?=[A-Z])/)
    .map((s) => s.trim());
  expect(sentences[0]).toMatch(/^Please provide responses in the attached template/);
  return sentences.slice(1);
}

describe('the response template in DCC words, naming the department of its date', () => {
  it('repeats the reference section 4 word for word, with BEIS for a consultation of December 2022', async () => {
    const cwd = data(copyOfData());
    const result = await runMain(['amend', '--out', 'pack'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    const markdown = readFileSync(join(cwd, 'pack/response-template.md'), 'utf8');
    const sentences = referenceHowToRespond();
    expect(sentences).toHaveLength(9);
    for (const sentence of sentences) expect(markdown).toContain(sentence);
    // One mark on each confidentiality line: a box, not a bullet and a box.
    expect(markdown).not.toMatch(/^- ☐/m);
    expect(markdown.match(/^☐ /gm)).toHaveLength(3);
  });

  it('names DESNZ, never BEIS, for a consultation drafted for 2023 after 7 February and completed', async () => {
    const cwd = data(copyOfData());
    const drafted = await runMain(['new', 'close', 'FOC (BG)', '--on', '2023-06-30'], { cwd });
    expect(drafted.status, drafted.stderr).toBe(0);
    // The draft and the narrative of its consultation, completed as a drafter would.
    const amendment = join(cwd, 'data/amendments/mdust-close-foc-bg.yaml');
    writeFileSync(amendment, readFileSync(amendment, 'utf8').replaceAll('!todo ', ''));
    const narrative = join(cwd, 'data/consultations/mdust-close-foc-bg.md');
    writeFileSync(narrative, writtenNarrative(readFileSync(narrative, 'utf8')));
    const checked = await runMain(['check'], { cwd });
    expect(checked.status, checked.stdout).toBe(0);
    expect(checked.stdout).toContain('(0 errors,');
    expect(checked.stdout).not.toContain('NON_WORKING_DAY');
    const result = await runMain(['amend', 'mdust-close-foc-bg', '--out', 'pack'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    const markdown = readFileSync(join(cwd, 'pack/response-template.md'), 'utf8');
    expect(markdown).toContain('may be made available to DESNZ and the Gas and Electricity Markets Authority');
    expect(markdown).not.toContain('BEIS');
    const docx = readFileSync(join(cwd, 'pack/response-template.docx'));
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(docx)['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('DESNZ');
    expect(xml).not.toContain('BEIS');
    // The consultation document itself, in the pack and from mtad consultation.
    const consultation = readFileSync(join(cwd, 'pack/consultation.md'), 'utf8');
    expect(consultation).toContain('Department for Energy Security and Net Zero');
    expect(consultation).toContain('DESNZ');
    expect(consultation).not.toContain('BEIS');
    expect(consultation).not.toContain('Business, Energy');
    const alone = await runMain(['consultation', 'mdust-close-foc-bg', '--out', 'out'], { cwd });
    expect(alone.status, alone.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'out/consultation.md'), 'utf8')).toBe(consultation);
  });

  it('is refused, naming the day, when no department covers the consultation date', async () => {
    const cwd = data(
      copyOfDataWith({ 'departments.yaml': (text) => text.replace('from: 2016-07-14', 'from: 2022-12-06') }),
    );
    const result = await runMain(['amend', '--out', 'pack'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the department responsible on 5 December 2022');
    expect(result.stderr).toContain('[PACK_FIELD_MISSING]');
  });

  it('checks data/departments.yaml: days that overlap are a finding at a line', async () => {
    const cwd = data(
      copyOfDataWith({ 'departments.yaml': (text) => text.replace('from: 2023-02-07', 'from: 2023-02-06') }),
    );
    const result = await runMain(['check'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/data\/departments\.yaml\n\s+18:11\s+error\s+VALUE_INVALID/);
  });

  it('prints the departments schema', async () => {
    const result = await runMain(['schema', 'departments']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(import.meta.dirname, '../../schema/departments.schema.json'), 'utf8'));
  });
});
