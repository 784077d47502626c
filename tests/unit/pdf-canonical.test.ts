import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalPdf, renumberedPdf } from '../../src/render/pdf-canonical.js';

// A PDF as LibreOffice 7.4 writes it (`amend --out --pdf` on the shipped data, direction.pdf, before
// mtad's stamping): two embedded fonts, whose objects LibreOffice numbers in a different order from
// one run to the next.
const original = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/pdf/direction-libreoffice.pdf')));
const work = mkdtempSync(join(tmpdir(), 'mtad-pdf-canonical-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const latin1 = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');
const objectNumbers = (pdf: Uint8Array) => [...latin1(pdf).matchAll(/\n(\d+) 0 obj/g)].map((m) => Number(m[1]));

/** What poppler reads of the PDF: its text, and what it complains of (a broken xref is a complaint). */
function popplerText(pdf: Uint8Array, name: string): { text: string; errors: string } {
  const path = join(work, name);
  writeFileSync(path, pdf);
  const result = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return { text: result.stdout, errors: result.stderr };
}

/** Every xref entry points at its object's "N 0 obj", and startxref at the table. */
function xrefHolds(pdf: Uint8Array): boolean {
  const text = latin1(pdf);
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  const table = /^xref\n0 (\d+)\n/.exec(text.slice(start));
  if (!table) return false;
  const first = start + table[0].length;
  for (let num = 1; num < Number(table[1]); num += 1) {
    const offset = Number(text.slice(first + num * 20, first + num * 20 + 10));
    if (!text.startsWith(`${num} 0 obj`, offset)) return false;
  }
  return true;
}

describe('canonicalPdf', () => {
  it('gives the same bytes for any numbering and order of the same objects', () => {
    const canonical = canonicalPdf(original);
    const nums = objectNumbers(original);
    fc.assert(
      fc.property(fc.shuffledSubarray(nums, { minLength: nums.length, maxLength: nums.length }), (order) => {
        const shuffled = renumberedPdf(original, () => new Map(order.map((num, index) => [num, index + 1])));
        expect(xrefHolds(shuffled)).toBe(true);
        expect(Buffer.from(canonicalPdf(shuffled)).equals(Buffer.from(canonical))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('renumbers the fonts LibreOffice wrote in the other order to the same file', () => {
    // The difference seen between two CI runs: the bold font's objects (10-14) written before the
    // regular font's (5-9), and every number and offset after them moved.
    const fontsSwapped = renumberedPdf(original, (layout) => {
      const swap = new Map([...layout.objects.keys()].map((num) => [num, num]));
      for (let i = 0; i < 5; i += 1) {
        swap.set(5 + i, 10 + i);
        swap.set(10 + i, 5 + i);
      }
      return swap;
    });
    expect(latin1(fontsSwapped)).not.toBe(latin1(original));
    expect(Buffer.from(canonicalPdf(fontsSwapped)).equals(Buffer.from(canonicalPdf(original)))).toBe(true);
  });

  it('keeps the document: poppler reads the same text without a complaint, and every offset is right', () => {
    const canonical = canonicalPdf(original);
    expect(xrefHolds(canonical)).toBe(true);
    const before = popplerText(original, 'original.pdf');
    const after = popplerText(canonical, 'canonical.pdf');
    expect(after.errors).toBe('');
    expect(after.text).toBe(before.text);
    expect(after.text).toContain('MTAD Draft Modification Text');
    // Every stream's bytes are kept: the same streams, in another order.
    const streams = (pdf: Uint8Array) =>
      [...latin1(pdf).matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => m[1]).sort();
    expect(streams(canonical)).toEqual(streams(original));
  });

  it('returns a PDF laid out otherwise (no classic cross-reference table) unchanged', () => {
    const other = new Uint8Array(
      Buffer.from('%PDF-1.7\n1 0 obj\n<</Type/Catalog>>\nendobj\nstartxref\n9\n%%EOF\n', 'latin1'),
    );
    expect(canonicalPdf(other)).toBe(other);
    const truncated = original.subarray(0, original.length - 200);
    expect(canonicalPdf(truncated)).toBe(truncated);
  });
});
