import { describe, expect, it } from 'vitest';
import { renderNothingPending, renderTableWritten } from '../../src/render/amend-notes.js';

describe('the lines mtad amend prints besides its report', () => {
  const nothing = {
    write: false,
    tableShown: 'data/table-17.6.yaml',
    named: [],
    applied: ['mdust-close-ioc-moc-mds', 'mdust-close-foc-np'],
    folderShown: 'data/amendments',
  };

  it('says that the table already reflects every amendment of the folder, listing those it reflects', () => {
    expect(renderNothingPending(nothing)).toBe(
      'Nothing to apply: data/table-17.6.yaml already reflects every amendment in data/amendments ' +
        '(mdust-close-ioc-moc-mds, mdust-close-foc-np).\n',
    );
    expect(renderNothingPending({ ...nothing, applied: [] })).toBe(
      'Nothing to apply: data/table-17.6.yaml already reflects every amendment in data/amendments.\n',
    );
  });

  it('names the amendments named on the command line, and says write with --write', () => {
    expect(renderNothingPending({ ...nothing, write: true, named: ['mdust-close-foc-np'] })).toBe(
      'Nothing to write: data/table-17.6.yaml already reflects amendment mdust-close-foc-np.\n',
    );
  });

  it('says what --write wrote: the amendments the table now reflects and its date', () => {
    expect(
      renderTableWritten({ tableShown: 'data/table-17.6.yaml', applied: ['a-1', 'b-2'], asAt: '2023-01-31' }),
    ).toBe('Wrote data/table-17.6.yaml: it now reflects a-1, b-2, as at 2023-01-31.\n');
  });
});
