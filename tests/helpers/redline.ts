import type { Redline } from '../../src/domain/documents/redline.js';
import type { CellValue } from '../../src/domain/model/cell-value.js';

const text = (t: string): CellValue => ({ kind: 'text', text: t });
const date = (d: string): CellValue => ({ kind: 'date', date: d });
const none: CellValue = { kind: 'none' };

/** A redline with a row of every kind: unchanged, changed, inserted and deleted. */
export const EVERY_KIND_OF_ROW: Redline = {
  documentName: 'Migration Testing Approach Document',
  documentAbbreviation: 'MTAD',
  number: '17.6',
  title: { kind: 'unknown' },
  version: { kind: 'unknown' },
  headings: ['Cohort', 'GroupID', 'Migration DUST end date'],
  headingsBy: 'mtad',
  rows: [
    {
      status: 'unchanged',
      cohort: 'Kept',
      cells: [
        { before: text('Kept'), after: text('Kept') },
        { before: text('KA'), after: text('KA') },
        { before: none, after: none },
      ],
    },
    {
      status: 'changed',
      cohort: 'Changed',
      cells: [
        { before: text('Changed'), after: text('Changed') },
        { before: text('CA'), after: text('CA') },
        { before: date('2023-03-01'), after: date('2023-04-02') },
      ],
    },
    {
      status: 'inserted',
      cohort: 'Added',
      cells: [{ after: text('Added') }, { after: text('NA') }, { after: date('2023-05-31') }],
    },
    {
      status: 'deleted',
      cohort: 'Removed',
      cells: [{ before: text('Removed') }, { before: text('RA') }, { before: date('2023-06-30') }],
    },
  ],
};
