import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Amendment, Change } from '../../src/domain/amendment.js';
import { applyAmendments } from '../../src/domain/apply.js';
import { invertAmendment } from '../../src/domain/history.js';
import { parseYaml } from '../../src/domain/source.js';
import type { CohortRow, Table } from '../../src/domain/table.js';
import type { CellValue } from '../../src/domain/values.js';
import { amendment, shippedTable } from '../helpers/data.js';

const isoDate = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const endDate: fc.Arbitrary<CellValue> = fc.oneof(fc.constant<CellValue>({ kind: 'none' }), fc.constant<CellValue>({ kind: 'unknown' }), isoDate.map((date): CellValue => ({ kind: 'date', date })));
const groupId: fc.Arbitrary<CellValue> = fc.oneof(fc.constant<CellValue>({ kind: 'unknown' }), fc.stringMatching(/^[A-Z]{2}$/).map((text): CellValue => ({ kind: 'text', text })));

const table: fc.Arbitrary<Table> = fc
  .uniqueArray(fc.stringMatching(/^[A-Z]{3}( \([A-Za-z]{2,6}\))?$/), { minLength: 1, maxLength: 6 })
  .chain((names) => fc.tuple(...names.map((cohort) => fc.record({ cohort: fc.constant(cohort), groupId, endDate, sources: fc.constant({}) }))))
  .map((cohorts: CohortRow[]) => ({ ...shippedTable(), applied: [], cohorts }));

const origin = parseYaml('{}', 'generated.yaml').source!;

/** An amendment of 1 to 5 changes that applies to `t`: each change expects what the earlier ones left. */
const amendmentFor = (t: Table): fc.Arbitrary<Amendment> =>
  fc.array(fc.tuple(fc.nat({ max: t.cohorts.length - 1 }), endDate, fc.boolean()), { minLength: 1, maxLength: 5 }).map((picks) => {
    const values = t.cohorts.map((row) => row.endDate);
    const changes = picks.map(([row, to, statesGroupId], index): Change => {
      const cohort = t.cohorts[row]!;
      const from = values[row]!;
      values[row] = to;
      return {
        index,
        action: to.kind === 'none' ? 'reopen' : 'close',
        cohort: cohort.cohort,
        ...(statesGroupId && cohort.groupId.kind === 'text' && { groupId: cohort.groupId.text }),
        field: 'endDate',
        from,
        to,
      };
    });
    return { ...amendment('mdust-close-moc-secure'), id: 'generated', changes, origin };
  });

const cells = (t: Table) => t.cohorts.map(({ cohort, groupId, endDate }) => ({ cohort, groupId, endDate }));

describe('invertAmendment (property)', () => {
  it('applying an amendment and then its inverse gives back the original table cells exactly', () => {
    fc.assert(
      fc.property(table.chain((t) => fc.tuple(fc.constant(t), amendmentFor(t))), ([t, a]) => {
        const applied = applyAmendments(t, [a]);
        expect(applied.diagnostics).toEqual([]);
        const restored = applyAmendments(applied.value!.after, [invertAmendment(a)]);
        expect(restored.diagnostics).toEqual([]);
        expect(cells(restored.value!.after)).toEqual(cells(t));
        expect(restored.value!.after.applied).toEqual(['generated', 'generated-revert']);
      }),
      { numRuns: 300 },
    );
  });

  it('the inverse of the inverse makes the same changes as the amendment', () => {
    fc.assert(
      fc.property(table.chain(amendmentFor), (a) => {
        const strip = (changes: Change[]) => changes.map(({ cohort, from, to }) => ({ cohort, from, to }));
        expect(strip(invertAmendment(invertAmendment(a)).changes)).toEqual(strip(a.changes));
      }),
    );
  });
});
