import { describe, expect, it } from 'vitest';
import { applyAmendments } from '../../src/domain/history/apply.js';
import { diffTables } from '../../src/domain/documents/redline.js';
import { amendment, editedMocSecure, shippedTable } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

describe('applyAmendments', () => {
  it('closes Migration DUST for MOC (Secure) on 31 January 2023, and nothing else', () => {
    const table = shippedTable();
    const result = applyAmendments(table, [amendment('mdust-close-moc-secure')]);
    expect(findingsOf(result)).toEqual([]);
    expect(valueOf(result).changes).toEqual([
      expect.objectContaining({
        amendmentId: 'mdust-close-moc-secure',
        cohort: 'MOC (Secure)',
        groupId: { kind: 'text', text: 'DA' },
        from: { kind: 'none' },
        to: { kind: 'date', date: '2023-01-31' },
        windowMonths: 1,
      }),
    ]);
    const redline = diffTables(table, valueOf(result).after);
    expect(redline.rows.map((row) => [row.cohort, row.status])).toEqual([
      ['IOC', 'unchanged'],
      ['MOC (MDS)', 'unchanged'],
      ['MOC (Secure)', 'changed'],
      ['FOC (NP)', 'unchanged'],
      ['FOC (BG)', 'unchanged'],
    ]);
    expect(redline.rows[2]?.cells[2]).toEqual({
      before: { kind: 'none' },
      after: { kind: 'date', date: '2023-01-31' },
    });
    expect(valueOf(result).after.applied.at(-1)).toBe('mdust-close-moc-secure');
  });

  it('leaves the input table as it was', () => {
    const table = shippedTable();
    const copy = structuredClone(table);
    applyAmendments(table, [amendment('mdust-close-moc-secure')]);
    expect(table).toEqual(copy);
  });

  it('refuses a change whose expected value is not the value the table holds', () => {
    const stale = amendment(editedMocSecure('from: none', 'from: 2023-01-01'));
    const result = applyAmendments(shippedTable(), [stale]);
    expect(result.ok).toBe(false);
    expect(findingsOf(result)).toEqual([
      expect.objectContaining({ code: 'PRECONDITION_FAILED', line: 48, column: 11 }),
    ]);
  });

  it('refuses a cohort the table does not have, suggesting the nearest', () => {
    const result = applyAmendments(shippedTable(), [
      amendment(editedMocSecure('cohort: MOC (Secure)', 'cohort: MOC Secure')),
    ]);
    expect(findingsOf(result)).toEqual([
      expect.objectContaining({ code: 'COHORT_UNKNOWN', args: { cohort: 'MOC Secure', suggestion: 'MOC (Secure)' } }),
    ]);
  });

  it('refuses a GroupID that differs from the table', () => {
    const result = applyAmendments(shippedTable(), [amendment(editedMocSecure('groupId: DA', 'groupId: EA'))]);
    expect(findingsOf(result)).toEqual([
      expect.objectContaining({
        code: 'GROUPID_MISMATCH',
        args: { cohort: 'MOC (Secure)', stated: 'EA', table: 'DA' },
      }),
    ]);
  });

  it('refuses to apply an amendment the table already reflects', () => {
    const result = applyAmendments(shippedTable(), [amendment('mdust-close-foc-np')]);
    expect(findingsOf(result).map((d) => d.code)).toEqual(['AMENDMENT_ALREADY_APPLIED']);
  });

  it('catches a second closure of a cohort an earlier amendment in the same run closed', () => {
    const first = amendment('mdust-close-moc-secure');
    const second = amendment(editedMocSecure('id: mdust-close-moc-secure', 'id: mdust-close-moc-secure-again'));
    const result = applyAmendments(shippedTable(), [first, second]);
    expect(findingsOf(result)).toEqual([
      expect.objectContaining({
        code: 'PRECONDITION_FAILED',
        args: expect.objectContaining({ actual: { kind: 'date', date: '2023-01-31' } }),
      }),
    ]);
  });
});
