import { describe, expect, it } from 'vitest';
import { diffTables, parseTable, readEndDateText, readGroupIdText } from '../../src/index.js';
import { readRepoFile } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

describe('how an import reads a cell', () => {
  it.each([
    ['', { kind: 'none' }],
    ['  ', { kind: 'none' }],
    ['31 January 2023', { kind: 'date', date: '2023-01-31' }],
    ['Tuesday 31 January 2023', { kind: 'date', date: '2023-01-31' }],
    // A weekday that does not agree, a date in prose, a placeholder: kept as written.
    ['Monday 31 January 2023', { kind: 'unknown', written: 'Monday 31 January 2023' }],
    ['end of January 2023', { kind: 'unknown', written: 'end of January 2023' }],
    [
      '31 January 2023 (or within one month thereafter)',
      { kind: 'unknown', written: '31 January 2023 (or within one month thereafter)' },
    ],
    ['30 February 2023', { kind: 'unknown', written: '30 February 2023' }],
    ['TBC', { kind: 'unknown', written: 'TBC' }],
  ])('end date %j', (text, value) => {
    expect(readEndDateText(text)).toEqual(value);
  });

  it.each([
    ['DA', { kind: 'text', text: 'DA' }],
    [' EA ', { kind: 'text', text: 'EA' }],
    ['', { kind: 'unknown', written: '' }],
    ['TBC', { kind: 'unknown', written: 'TBC' }],
    ['n/a', { kind: 'unknown', written: 'n/a' }],
  ])('GroupID %j', (text, value) => {
    expect(readGroupIdText(text)).toEqual(value);
  });
});

describe("the table with the MTAD's other columns", () => {
  const shipped = readRepoFile('data/table-17.6.yaml');
  const withNotes = (notes: string) =>
    parseTable(
      shipped
        .replace('    chosenBy: mtad\n', '    chosenBy: mtad\n    extra:\n      - Notes\n')
        .replace(/(  - cohort: FOC \(BG\)\n)/, `$1    extra:\n      Notes: ${notes}\n`),
      'x.yaml',
    );

  it("reads each row's texts by heading (a row that omits one has it empty), and refuses a heading not listed", () => {
    const read = withNotes('Open');
    expect(findingsOf(read)).toEqual([]);
    expect(valueOf(read).table.extraColumns).toEqual(['Notes']);
    expect(valueOf(read).table.cohorts.at(-1)?.extra).toEqual({ Notes: 'Open' });
    expect(valueOf(read).table.cohorts[0]?.extra).toBeUndefined();
    const wrong = parseTable(
      shipped.replace(/(  - cohort: FOC \(BG\)\n)/, '$1    extra:\n      Notes: Open\n'),
      'x.yaml',
    );
    expect(findingsOf(wrong).map((d) => d.code)).toEqual(['VALUE_INVALID']);
  });

  it('a redline shows the other columns after the three, and a change in them', () => {
    const before = valueOf(withNotes('Open')).table;
    const after = valueOf(withNotes('Closed')).table;
    const redline = diffTables(before, after);
    expect(redline.headings.at(-1)).toBe('Notes');
    const row = redline.rows.at(-1)!;
    expect(row.status).toBe('changed');
    expect(row.cells.at(-1)).toEqual({
      before: { kind: 'text', text: 'Open' },
      after: { kind: 'text', text: 'Closed' },
    });
    expect(redline.rows[0]!.cells.at(-1)).toEqual({
      before: { kind: 'text', text: '' },
      after: { kind: 'text', text: '' },
    });
  });

  it('a value written with its MTAD text is refused: written goes with unknown only', () => {
    const read = parseTable(shipped.replace('      value: DA\n', '      value: DA\n      written: DA\n'), 'x.yaml');
    expect(findingsOf(read).map((d) => d.code)).toEqual(['VALUE_INVALID']);
  });
});
