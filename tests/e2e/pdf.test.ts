import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfData } from '../helpers/cli.js';
import { runMain, type MainRun } from '../helpers/main.js';
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
  // Two packs with PDFs, made once for the tests that read them, side by side: two LibreOffices at
  // once, each in the profile of its own that mtad makes, and neither waits for the other.
  let made: Promise<MainRun[]> | undefined;
  const packs = () =>
    (made ??= Promise.all(['pack-a', 'pack-b'].map((out) => runMain(['amend', '--out', out, '--pdf'], { cwd }))));

  it.skipIf(!soffice && !process.env.CI)(
    'adds a PDF of each Word file, whose text is the document, the same bytes on every run',
    async () => {
      for (const result of await packs()) expect(result.status, result.stderr).toBe(0);
      for (const name of ['direction', 'response-template', 'redline']) {
        const a = readFileSync(join(cwd, 'pack-a', `${name}.pdf`));
        expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(a.toString('latin1')).toContain('/CreationDate(D:20221205000000');
        const b = readFileSync(join(cwd, 'pack-b', `${name}.pdf`));
        // LibreOffice numbers and orders the embedded fonts' objects differently from run to run
        // (two CI runs in eight saw the bold font's objects first); mtad renumbers them in an order
        // of the content (render/pdf-canonical.ts), so two runs give the same bytes.
        const at = [...a].findIndex((byte, i) => byte !== b[i]);
        const around = (pdf: Buffer) => pdf.subarray(Math.max(0, at - 80), at + 80).toString('latin1');
        expect(a.equals(b), `${name}.pdf differs between runs at byte ${at}:\n${around(a)}\n---\n${around(b)}`).toBe(
          true,
        );
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

  it.skipIf(!soffice && !process.env.CI)(
    "converts the pack's consultation (the bytes mtad consultation writes) to a PDF whose text holds the cover, the headings, the questions and the footnotes",
    async () => {
      for (const result of await packs()) expect(result.status, result.stderr).toBe(0);
      const alone = await runMain(['consultation', 'mdust-close-moc-secure', '--out', 'consultation-alone'], { cwd });
      expect(alone.status, alone.stderr).toBe(0);
      expect(readFileSync(join(cwd, 'consultation-alone/consultation.docx'))).toEqual(
        readFileSync(join(cwd, 'pack-a/consultation.docx')),
      );
      const flat = pdfText(join(cwd, 'pack-a/consultation.pdf'));
      for (const expected of [
        'SMETS1 Consultation - Migration DUST Closure for MOC (Secure)',
        'Respond by: 16:00 on 13 January 2023',
        'Table of Contents',
        '1. Introduction and Context',
        '2. Closure of Migration DUST for MOC (Secure) (where GroupID = "DA")',
        'MDUST Close MOC (Secure) Q1',
        'MDUST Close MOC (Secure) Q2',
        '5. Attachments',
        'Table 1 – Attachments',
        'This direction is also being notified to the SEC Administrator.',
        'https://www.smartdcc.co.uk/consultations/smets1-conclusion-various-2/',
      ])
        expect(flat).toContain(expected);
      // The table of contents is a field LibreOffice reads as one, not its code shown as text.
      expect(flat).not.toContain('TOC \\h');
      // The headings are Word headings: LibreOffice lists them in its navigator, and so makes them
      // the PDF's bookmarks (outline titles, written as UTF-16 hex strings).
      const pdf = readFileSync(join(cwd, 'pack-a/consultation.pdf')).toString('latin1');
      const titles = [...pdf.matchAll(/\/Title\s*<FEFF([0-9A-Fa-f]+)>/g)].map((m) =>
        Buffer.from(m[1] ?? '', 'hex')
          .swap16()
          .toString('utf16le'),
      );
      expect(titles).toEqual(
        expect.arrayContaining([
          '1. Introduction and Context',
          '2. Closure of Migration DUST for MOC (Secure) (where GroupID = "DA")',
          '3. Next Steps',
          '4. How to Respond',
          '5. Attachments',
          'Attachment 1',
        ]),
      );
    },
    600_000,
  );
});
