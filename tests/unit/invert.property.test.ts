import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/domain/model/amendment.js';
import { applyAmendments } from '../../src/domain/history/apply.js';
import { invertAmendment } from '../../src/domain/history/table-history.js';
import type { Table } from '../../src/domain/model/table.js';
import { writeCell } from '../../src/domain/model/cell-value.js';
import { amendmentFor, table } from '../helpers/arbitraries.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

// Tables of unicode and markup cohort names, GroupIDs and end dates none, unknown (bounded or not)
// and dates with leap days; amendments of 1 to 5 changes, some to the same cohort
// (tests/helpers/arbitraries.ts).

// Values as an amendment file writes them: the inverse of a change away from "unknown, not after
// 4 December 2022" restores "unknown"; an amendment file cannot carry the bound (nor the note).
const cells = (t: Table) =>
  t.cohorts.map(({ cohort, groupId, endDate }) => ({
    cohort,
    groupId: `${groupId.kind}:${writeCell(groupId)}`,
    endDate: `${endDate.kind}:${writeCell(endDate)}`,
  }));

describe('invertAmendment (property)', () => {
  it('applying an amendment and then its inverse gives back the original table values', () => {
    fc.assert(
      fc.property(
        table().chain((t) => fc.tuple(fc.constant(t), amendmentFor(t))),
        ([t, a]) => {
          const applied = applyAmendments(t, [a]);
          expect(findingsOf(applied)).toEqual([]);
          const restored = applyAmendments(valueOf(applied).after, [invertAmendment(a)]);
          expect(findingsOf(restored)).toEqual([]);
          expect(cells(valueOf(restored).after)).toEqual(cells(t));
          expect(valueOf(restored).after.applied).toEqual(['generated', 'generated-revert']);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the inverse of the inverse makes the same changes as the amendment', () => {
    fc.assert(
      fc.property(
        table().chain((t) => amendmentFor(t)),
        (a) => {
          const strip = (changes: Change[]) => changes.map(({ cohort, from, to }) => ({ cohort, from, to }));
          expect(strip(invertAmendment(invertAmendment(a)).changes)).toEqual(strip(a.changes));
        },
      ),
    );
  });
});
