import { diffArrays } from 'diff';
import { displayRow } from './apply.js';
import { COLUMN_KEYS, type Table } from './table.js';
import { displayCell } from './values.js';

/** A cell of a redline: its text before and after. Equal texts mean the cell did not change. */
export interface RedlineCell {
  before: string;
  after: string;
}

/** unchanged and changed rows exist on both sides; inserted rows only after; deleted only before. */
export type RowStatus = 'unchanged' | 'changed' | 'inserted' | 'deleted';

export interface RedlineRow {
  status: RowStatus;
  cohort: string;
  cells: RedlineCell[];
}

/** Table 17.6 before and after, cell by cell: what every redline format renders. */
export interface Redline {
  documentName: string;
  documentAbbreviation: string;
  number: string;
  title: string;
  version: string;
  headings: string[];
  /** Whose the headings are: a redline says so unless they are the MTAD's own. */
  headingsBy: Table['headingsBy'];
  rows: RedlineRow[];
}

/** True when the cell's text changed. */
export function isChanged(cell: RedlineCell): boolean {
  return cell.before !== cell.after;
}

/**
 * Compares two tables row by row (rows are matched by cohort name, which is unique) and cell by
 * cell. Rows only in `before` are deleted, rows only in `after` inserted, in table order.
 */
export function diffTables(before: Table, after: Table): Redline {
  const rows: RedlineRow[] = [];
  const oldRows = new Map(before.cohorts.map((row) => [row.cohort, row]));
  const newRows = new Map(after.cohorts.map((row) => [row.cohort, row]));
  const oldNames = before.cohorts.map((r) => r.cohort);
  const newNames = after.cohorts.map((r) => r.cohort);
  // Most redlines change cells, not rows: the same names in the same order need no search.
  const sameRows = oldNames.length === newNames.length && oldNames.every((name, i) => name === newNames[i]);
  const chunks = sameRows ? [{ value: newNames, added: false, removed: false }] : diffArrays(oldNames, newNames);
  for (const chunk of chunks) {
    for (const cohort of chunk.value) {
      const oldRow = chunk.added ? undefined : oldRows.get(cohort);
      const newRow = chunk.removed ? undefined : newRows.get(cohort);
      const oldCells = oldRow ? displayRow(oldRow) : [];
      const newCells = newRow ? displayRow(newRow) : [];
      const cells = COLUMN_KEYS.map((_, i) => ({ before: oldCells[i] ?? '', after: newCells[i] ?? '' }));
      const status = !oldRow ? 'inserted' : !newRow ? 'deleted' : cells.some(isChanged) ? 'changed' : 'unchanged';
      rows.push({ status, cohort, cells });
    }
  }
  return {
    documentName: after.documentName,
    documentAbbreviation: after.documentAbbreviation,
    number: after.number,
    title: displayCell(after.title),
    version: displayCell(after.version),
    headings: COLUMN_KEYS.map((key) => after.columns[key]),
    headingsBy: after.headingsBy,
    rows,
  };
}
