import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRedlineDocx } from '../../src/render/redline-docx.js';
import { buildTestPack, documentXml } from '../helpers/pack.js';
import { EVERY_KIND_OF_ROW } from '../helpers/redline.js';
import { findTool } from '../helpers/tools.js';

const pandocBinary = findTool('pandoc');

/**
 * pandoc reads Word's tracked changes: accepting them all must give the amended table, rejecting
 * them all the table as it stands. pandoc comes from Debian's packages (.ci/run installs it).
 */
function pandoc(docx: Uint8Array | string | undefined, mode: 'accept' | 'reject' | 'all'): string {
  if (!(docx instanceof Uint8Array)) throw new Error('expected a .docx');
  const file = join(mkdtempSync(join(tmpdir(), 'mtad-pandoc-')), 'redline.docx');
  writeFileSync(file, docx);
  const result = spawnSync(
    pandocBinary.path ?? 'pandoc',
    [`--track-changes=${mode}`, '--to', 'markdown', '--wrap=none', file],
    {
      encoding: 'utf8',
    },
  );
  if (result.error || result.status !== 0) throw new Error(`pandoc failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

/** The table rows pandoc writes for `cohort` (a simple table: one line a row). */
const rowOf = (markdown: string, cohort: string): string =>
  markdown
    .split('\n')
    .find((line) => line.trim().startsWith(cohort))
    ?.trim()
    .replace(/\s+/g, ' ') ?? '';

describe.skipIf(pandocBinary.missing)('redline.docx read by pandoc', async () => {
  const redline = (await buildTestPack()).get('redline.docx');

  it('accept-all gives the amended table: MOC (Secure) ends on 31 January 2023', () => {
    const accepted = pandoc(redline, 'accept');
    expect(rowOf(accepted, 'MOC (Secure)')).toBe('MOC (Secure) DA 31 January 2023');
    expect(rowOf(accepted, 'FOC (NP)')).toBe('FOC (NP) unknown 30 September 2022');
  });

  it('reject-all gives the table as it stands: MOC (Secure) has no end date', () => {
    const rejected = pandoc(redline, 'reject');
    expect(rowOf(rejected, 'MOC (Secure)')).toBe('MOC (Secure) DA');
    expect(rejected).not.toContain('31 January 2023');
    expect(rowOf(rejected, 'FOC (NP)')).toBe('FOC (NP) unknown 30 September 2022');
  });

  it('all shows the change as an insertion, with its author and date', () => {
    const all = pandoc(redline, 'all');
    expect(all).toContain(
      '[31 January 2023]{.insertion author="consultations@smartdcc.co.uk" date="2022-12-05T00:00:00Z"}',
    );
  });
});

describe.skipIf(pandocBinary.missing)('row revisions read by pandoc', async () => {
  const mark = { author: 'Tester', date: '2023-01-01T00:00:00Z' };
  const docx = await renderRedlineDocx(EVERY_KIND_OF_ROW, { draft: true, markOf: () => mark, created: mark.date });

  it('marks the inserted and the deleted row themselves as revisions (w:trPr), as Word needs', async () => {
    const xml = await documentXml(docx);
    expect(xml).toMatch(/<w:tr><w:trPr><w:ins w:id="\d+" w:author="Tester" w:date="2023-01-01T00:00:00Z"\/><\/w:trPr>/);
    expect(xml).toMatch(/<w:tr><w:trPr><w:del w:id="\d+" w:author="Tester" w:date="2023-01-01T00:00:00Z"\/><\/w:trPr>/);
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // pandoc (2.17 in Debian 12) ignores the row mark itself and keeps an empty row: the text goes
  // because every run in the row is marked too.
  it("accept-all keeps the inserted row and the new value, and drops the deleted row's text", () => {
    const accepted = pandoc(docx, 'accept');
    expect(rowOf(accepted, 'Added')).toBe('Added NA 31 May 2023');
    expect(rowOf(accepted, 'Changed')).toBe('Changed CA 2 April 2023');
    expect(accepted).not.toMatch(/Removed|RA|30 June 2023|1 March 2023/);
  });

  it("reject-all keeps the deleted row and the old value, and drops the inserted row's text", () => {
    const rejected = pandoc(docx, 'reject');
    expect(rowOf(rejected, 'Removed')).toBe('Removed RA 30 June 2023');
    expect(rowOf(rejected, 'Changed')).toBe('Changed CA 1 March 2023');
    expect(rejected).not.toMatch(/Added|NA|31 May 2023|2 April 2023/);
  });

  it('all shows every run of the inserted and deleted rows as an insertion or a deletion', () => {
    const all = pandoc(docx, 'all');
    for (const text of ['Added', 'NA', '31 May 2023', '2 April 2023'])
      expect(all).toContain(`[${text}]{.insertion author="Tester"`);
    for (const text of ['Removed', 'RA', '30 June 2023', '1 March 2023'])
      expect(all).toContain(`[${text}]{.deletion author="Tester"`);
    expect(all).toContain('{.paragraph-insertion author="Tester"');
    expect(all).toContain('{.paragraph-deletion author="Tester"');
  });
});
