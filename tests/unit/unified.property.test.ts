import fc from 'fast-check';
import { applyPatch, parsePatch } from 'diff';
import { describe, expect, it } from 'vitest';
import type { Redline, RedlineRow } from '../../src/domain/documents/redline.js';
import { displayCell, type CellValue } from '../../src/domain/model/cell-value.js';
import { renderUnifiedRedline } from '../../src/render/redline-text.js';

const cellText = fc.constantFrom('', 'DA', 'EA', 'unknown', '31 January 2023', '30 September 2022', 'Ünïcode', 'a | b');
/** A cell's value from its text: none for the empty text, unknown for "unknown". */
const valueOf = (text: string): CellValue =>
  text === '' ? { kind: 'none' } : text === 'unknown' ? { kind: 'unknown' } : { kind: 'text', text };
const shown = (value: CellValue | undefined): string => (value === undefined ? '' : displayCell(value));
const row: fc.Arbitrary<RedlineRow> = fc
  .record({
    status: fc.constantFrom('unchanged', 'unchanged', 'unchanged', 'changed', 'inserted', 'deleted'),
    before: fc.array(cellText, { minLength: 2, maxLength: 2 }),
    after: fc.array(cellText, { minLength: 2, maxLength: 2 }),
  })
  .map(({ status, before, after }) => {
    const news = status === 'unchanged' ? before : after;
    const cells = [0, 1].map((i) => ({
      ...(status !== 'inserted' && { before: valueOf(before[i] ?? '') }),
      ...(status !== 'deleted' && { after: valueOf(news[i] ?? '') }),
    }));
    return { status, cohort: '', cells } as RedlineRow;
  });

/** One side of a redline as the unified format writes it, computed the slow, obvious way. */
function side(redline: Redline, which: 'before' | 'after'): string {
  const rows = redline.rows.filter((r) => r.status !== (which === 'before' ? 'inserted' : 'deleted'));
  const widths = redline.headings.map((h, i) =>
    Math.max(
      [...h].length,
      ...redline.rows.flatMap((r) => [[...shown(r.cells[i]?.before)].length, [...shown(r.cells[i]?.after)].length]),
    ),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length))
      .join(' | ')
      .trimEnd();
  return (
    [
      line(redline.headings),
      widths.map((w) => '-'.repeat(w)).join('-|-'),
      ...rows.map((r) => line(r.cells.map((c) => shown(c[which])))),
    ].join('\n') + '\n'
  );
}

describe('the unified redline', () => {
  it('is a patch that turns the table before into the table after', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        // A status of "changed" with equal cells is really unchanged: the redline never says so.
        const redline: Redline = {
          documentName: 'd',
          documentAbbreviation: 'MTAD',
          number: '17.6',
          title: { kind: 'text', text: 't' },
          version: { kind: 'text', text: 'v' },
          headings: ['Cohort', 'End date'],
          headingsBy: 'mtad',
          rows: rows.map((r) =>
            r.status === 'changed' && r.cells.every((c) => shown(c.before) === shown(c.after))
              ? { ...r, status: 'unchanged' }
              : r,
          ),
        };
        const patch = renderUnifiedRedline(redline);
        expect(parsePatch(patch)).toHaveLength(1);
        expect(applyPatch(side(redline, 'before'), patch)).toBe(side(redline, 'after'));
      }),
      { numRuns: 500 },
    );
  });
});
