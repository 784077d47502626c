import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfData } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { hasSoffice } from '../helpers/word.js';

// `amend --out DIR --pdf`: a PDF of each Word file of the pack, by LibreOffice, the same bytes on
// every run; and, without LibreOffice, one line that names the package, and nothing written.
const cwd = copyOfData();
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const pdfText = (path: string): string => {
  const result = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.replace(/\s+/g, ' ');
};

describe('--pdf', () => {
  it('without soffice on the PATH: one line naming the Debian package, exit 2, nothing written', async () => {
    const result = await runMain(['amend', '--out', 'no-pdf', '--pdf'], { cwd, env: { PATH: join(cwd, 'nowhere') } });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('libreoffice-writer-nogui');
    expect(result.stderr).toContain('[PDF_CONVERTER_MISSING]');
    expect(existsSync(join(cwd, 'no-pdf'))).toBe(false);
  });

  it('without --out: a usage error', async () => {
    const result = await runMain(['amend', '--pdf'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--pdf goes with --out DIR: the PDFs go into the pack');
    expect(result.stderr).toContain('[OPTION_NEEDS]');
  });

  const soffice = hasSoffice();
  it.skipIf(!soffice && !process.env.CI)(
    'adds a PDF of each Word file, whose text is the document, the same bytes on every run but its font subsets',
    async () => {
      for (const out of ['pack-a', 'pack-b']) {
        const result = await runMain(['amend', '--out', out, '--pdf'], { cwd });
        expect(result.status, result.stderr).toBe(0);
      }
      for (const name of ['direction', 'response-template', 'redline']) {
        const a = readFileSync(join(cwd, 'pack-a', `${name}.pdf`));
        expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(a.toString('latin1')).toContain('/CreationDate(D:20221205000000');
        const b = readFileSync(join(cwd, 'pack-b', `${name}.pdf`));
        // LibreOffice 7.4 writes the time of the conversion into each embedded TrueType subset (the
        // font's own header, inside a compressed stream): a known difference between runs, not yet
        // normalised. Everything else (text, layout, objects, offsets, the stamped date and id) is
        // the same bytes.
        const [fa, fb] = [withoutFontFiles(a), withoutFontFiles(b)];
        const at = [...fa].findIndex((byte, i) => byte !== fb[i]);
        const around = (pdf: Buffer) => pdf.subarray(Math.max(0, at - 80), at + 80).toString('latin1');
        expect(a.length, `${name}.pdf length`).toBe(b.length);
        expect(
          fa.equals(fb),
          `${name}.pdf differs between runs outside its fonts at byte ${at}:\n${around(fa)}\n---\n${around(fb)}`,
        ).toBe(true);
      }
      const direction = pdfText(join(cwd, 'pack-a/direction.pdf'));
      expect(direction).toContain('MTAD Draft Modification Text');
      expect(direction).toContain('with effect from [DD MM YYYY], the Migration Test Approach Document');
      const response = pdfText(join(cwd, 'pack-a/response-template.pdf'));
      expect(response).toContain(
        'This template may be submitted in PDF or similar format rather than Microsoft Word format if preferred.',
      );
      expect(response).toContain('may be made available to BEIS and the Gas and Electricity Markets Authority');
      expect(response).toContain('☐ No part of this response is confidential.');
      const redline = pdfText(join(cwd, 'pack-a/redline.pdf'));
      expect(redline).toContain('MOC (Secure)');
      // The creation date is the pack's date (the consultation's issue, 5 December 2022), not the clock.
      expect(readFileSync(join(cwd, 'pack-a/direction.pdf')).toString('latin1')).toContain(
        '/CreationDate(D:20221205000000Z',
      );
    },
    600_000,
  );
});

/** The PDF with the bytes of each embedded TrueType font (a stream whose dictionary has /Length1) blanked. */
function withoutFontFiles(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const blanked = text.replace(
    /(<<[^>]*\/Length1 \d+[^>]*>>\s*stream\r?\n)([\s\S]*?)(\r?\nendstream)/g,
    (_, head: string, body: string, tail: string) => `${head}${'\0'.repeat(body.length)}${tail}`,
  );
  return Buffer.from(blanked, 'latin1');
}
