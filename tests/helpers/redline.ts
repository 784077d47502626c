import type { Redline } from '../../src/domain/redline.js';

/** A redline with a row of every kind: unchanged, changed, inserted and deleted. */
export const EVERY_KIND_OF_ROW: Redline = {
  documentName: 'Migration Testing Approach Document',
  documentAbbreviation: 'MTAD',
  number: '17.6',
  title: 'unknown',
  version: 'unknown',
  headings: ['Cohort', 'GroupID', 'Migration DUST end date'],
  headingsBy: 'mtad',
  rows: [
    { status: 'unchanged', cohort: 'Kept', cells: [{ before: 'Kept', after: 'Kept' }, { before: 'KA', after: 'KA' }, { before: '', after: '' }] },
    { status: 'changed', cohort: 'Changed', cells: [{ before: 'Changed', after: 'Changed' }, { before: 'CA', after: 'CA' }, { before: '1 March 2023', after: '2 April 2023' }] },
    { status: 'inserted', cohort: 'Added', cells: [{ before: '', after: 'Added' }, { before: '', after: 'NA' }, { before: '', after: '31 May 2023' }] },
    { status: 'deleted', cohort: 'Removed', cells: [{ before: 'Removed', after: '' }, { before: 'RA', after: '' }, { before: '30 June 2023', after: '' }] },
  ],
};
