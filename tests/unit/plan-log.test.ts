import { describe, expect, it } from 'vitest';
import { planLog } from '../../src/app/log.js';
import { plainStyler } from '../../src/render/style.js';
import { amendment, editedMocSecure, shippedTable } from '../helpers/data.js';

describe('planLog: the log, decided from gathered inputs alone', () => {
  it('lists amendments and drafts in their order of application, as JSON data with the table it reads', () => {
    const draft = amendment('mdust-close-foc-np');
    const { report } = planLog({
      table: shippedTable(),
      amendments: [amendment('mdust-close-moc-secure'), amendment('mdust-close-ioc-moc-mds')],
      drafts: [{ amendment: draft, toDecide: 2 }],
      format: 'json',
      styler: plainStyler,
    });
    const data = JSON.parse(report) as { table: { asAt: string; applied: string[] }; amendments: { id: string }[] };
    expect(data.table.asAt).toBe(shippedTable().asAt);
    expect(data.amendments.map((a) => a.id)).toEqual([
      'mdust-close-ioc-moc-mds',
      'mdust-close-foc-np',
      'mdust-close-moc-secure',
    ]);
  });

  it('prints a line per amendment on a terminal', () => {
    const { report } = planLog({
      table: shippedTable(),
      amendments: [amendment('mdust-close-moc-secure')],
      drafts: [],
      format: 'terminal',
      styler: plainStyler,
    });
    expect(report).toContain('mdust-close-moc-secure');
  });

  it('never shows the conclusion of a made amendment as expected: not recorded, when it is not', () => {
    const made = amendment(editedMocSecure('status: proposed', 'status: made'));
    const { report } = planLog({
      table: shippedTable(),
      amendments: [made],
      drafts: [],
      format: 'terminal',
      styler: plainStyler,
    });
    expect(report).toMatch(/mdust-close-moc-secure .*not recorded/);
    expect(report).not.toContain('expected 2023-01-20');
  });
});
