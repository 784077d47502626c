import { describe, expect, it } from 'vitest';
import { applyAmendments } from '../../src/domain/history/apply.js';
import {
  changesBetween,
  countsOn,
  effectOf,
  invertAmendment,
  tableAfter,
  tableAsAt,
} from '../../src/domain/history/table-history.js';
import { amendment, editedMocSecure, shippedTable } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

const shipped = () =>
  ['mdust-close-ioc-moc-mds', 'mdust-close-foc-np', 'mdust-close-moc-secure'].map((id) => amendment(id));
const provided = (date: string, include?: 'proposed') => {
  const view = tableAsAt(shippedTable(), shipped(), date, include ? { include } : {});
  expect(findingsOf(view)).toEqual([]);
  return Object.fromEntries((valueOf(view).provision ?? []).map((p) => [p.cohort, p.provided]));
};
const endDates = (date: string, include?: 'proposed') =>
  valueOf(tableAsAt(shippedTable(), shipped(), date, include ? { include } : {})).table.cohorts.map((r) => [
    r.cohort,
    r.endDate.kind === 'date' ? r.endDate.date : r.endDate.kind,
  ]);

describe('the table as at a date', () => {
  it('on 5 December 2022 has Migration DUST for MOC (Secure) and FOC (BG) alone, as the reference says', () => {
    expect(provided('2022-12-05')).toEqual({
      IOC: 'no',
      'MOC (MDS)': 'no',
      'MOC (Secure)': 'yes',
      'FOC (NP)': 'no',
      'FOC (BG)': 'yes',
    });
  });

  it('treats the end date as the last day of service', () => {
    expect(provided('2022-09-30')['FOC (NP)']).toBe('yes');
    expect(provided('2022-10-01')['FOC (NP)']).toBe('no');
    expect(provided('2023-01-31', 'proposed')['MOC (Secure)']).toBe('yes');
    expect(provided('2023-02-01', 'proposed')['MOC (Secure)']).toBe('no');
  });

  it('counts a proposal only when asked, from its modification date', () => {
    expect(provided('2023-02-01')['MOC (Secure)']).toBe('yes');
    expect(endDates('2023-01-26', 'proposed')?.[2]).toEqual(['MOC (Secure)', 'none']);
    expect(endDates('2023-01-27', 'proposed')?.[2]).toEqual(['MOC (Secure)', '2023-01-31']);
  });

  it('counts FOC (NP) from its conclusion, the best known step, and reverts it before', () => {
    expect(effectOf(amendment('mdust-close-foc-np'), shippedTable())).toEqual({
      kind: 'conclusion',
      from: '2022-09-15',
    });
    expect(endDates('2022-09-14')?.[3]).toEqual(['FOC (NP)', 'none']);
    expect(endDates('2022-09-15')?.[3]).toEqual(['FOC (NP)', '2022-09-30']);
  });

  it('shows unknown where the history cannot tell (IOC, MOC (MDS) between May and December 2022)', () => {
    expect(effectOf(amendment('mdust-close-ioc-moc-mds'), shippedTable())).toEqual({
      kind: 'unknown',
      notBefore: '2022-05-01',
      notAfter: '2022-12-05',
    });
    expect(provided('2022-04-30')).toMatchObject({ IOC: 'yes', 'MOC (MDS)': 'yes' });
    expect(endDates('2022-04-30')?.slice(0, 2)).toEqual([
      ['IOC', 'none'],
      ['MOC (MDS)', 'none'],
    ]);
    expect(provided('2022-06-01')).toMatchObject({ IOC: 'unknown', 'MOC (MDS)': 'unknown', 'FOC (NP)': 'yes' });
    expect(endDates('2022-06-01')?.slice(0, 2)).toEqual([
      ['IOC', 'unknown'],
      ['MOC (MDS)', 'unknown'],
    ]);
  });

  it('never counts a withdrawn amendment', () => {
    const withdrawn = amendment(editedMocSecure('status: proposed', 'status: withdrawn'));
    expect(countsOn(effectOf(withdrawn, shippedTable()), '2024-01-01')).toBe('no');
  });
});

describe('the table after an amendment, and between two points', () => {
  it('reverts and applies to reach the point just after an amendment', () => {
    const afterFirst = valueOf(tableAfter(shippedTable(), shipped(), 'mdust-close-ioc-moc-mds')).table;
    expect(afterFirst.applied).toEqual(['mdust-close-ioc-moc-mds']);
    expect(afterFirst.cohorts[3]?.endDate).toEqual({ kind: 'none' });
    const afterLast = valueOf(tableAfter(shippedTable(), shipped(), 'mdust-close-moc-secure'));
    expect(afterLast.table.applied).toEqual([
      'mdust-close-ioc-moc-mds',
      'mdust-close-foc-np',
      'mdust-close-moc-secure',
    ]);
    const from = valueOf(tableAfter(shippedTable(), shipped(), 'mdust-close-foc-np'));
    expect(changesBetween(from, afterLast)).toEqual([
      expect.objectContaining({
        amendmentId: 'mdust-close-moc-secure',
        cohort: 'MOC (Secure)',
        to: { kind: 'date', date: '2023-01-31' },
      }),
    ]);
  });
});

describe('invertAmendment', () => {
  it("re-opens what a closure closed, with the closure's new value as its precondition", () => {
    const inverse = invertAmendment(amendment('mdust-close-moc-secure'));
    expect(inverse).toMatchObject({
      id: 'mdust-close-moc-secure-revert',
      reverts: 'mdust-close-moc-secure',
      status: 'proposed',
    });
    expect(inverse.changes).toEqual([
      expect.objectContaining({
        action: 'reopen',
        cohort: 'MOC (Secure)',
        groupId: 'DA',
        from: { kind: 'date', date: '2023-01-31' },
        to: { kind: 'none' },
      }),
    ]);
    const closed = valueOf(applyAmendments(shippedTable(), [amendment('mdust-close-moc-secure')])).after;
    expect(valueOf(applyAmendments(closed, [inverse])).after.cohorts[2]?.endDate).toEqual({ kind: 'none' });
    expect(findingsOf(applyAmendments(shippedTable(), [inverse])).map((d) => d.code)).toEqual(['PRECONDITION_FAILED']);
  });
});
