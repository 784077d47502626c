import { diffArrays } from 'diff';
import { COLUMN_KEYS, type CohortRow, type Table } from '../model/table.js';
import { sameCell, type CellValue } from '../model/cell-value.js';

/**
 * A cell of a redline: its value before and after, each absent on the side where its row does not
 * exist (an inserted row has no before, a deleted one no after). The renderers write the values.
 */
export interface RedlineCell {
  before?: CellValue;
  after?: CellValue;
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
  title: CellValue;
  version: CellValue;
  headings: string[];
  /** Whose the headings are: a redline says so unless they are the MTAD's own. */
  headingsBy: Table['headingsBy'];
  rows: RedlineRow[];
}

/** True when the cell's value changed: two unknowns are the same value, as a precondition reads them. */
export function isChanged(cell: RedlineCell): boolean {
  return cell.before === undefined || cell.after === undefined || !sameCell(cell.before, cell.after);
}

/** The value of every cell of a row, in column order: the three columns, then the other columns' texts. */
function rowValues(row: CohortRow, extras: readonly string[]): CellValue[] {
  return [
    { kind: 'text', text: row.cohort },
    row.groupId,
    row.endDate,
    ...extras.map((heading): CellValue => ({ kind: 'text', text: row.extra?.[heading] ?? '' })),
  ];
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
  // The MTAD's other columns, of either side (an import may bring new ones), after the three.
  const extras = [...new Set([...(after.extraColumns ?? []), ...(before.extraColumns ?? [])])];
  const sameRows = oldNames.length === newNames.length && oldNames.every((name, i) => name === newNames[i]);
  const chunks = sameRows ? [{ value: newNames, added: false, removed: false }] : diffArrays(oldNames, newNames);
  for (const chunk of chunks) {
    for (const cohort of chunk.value) {
      const oldRow = chunk.added ? undefined : oldRows.get(cohort);
      const newRow = chunk.removed ? undefined : newRows.get(cohort);
      const oldCells = oldRow ? rowValues(oldRow, extras) : [];
      const newCells = newRow ? rowValues(newRow, extras) : [];
      const cells = [...COLUMN_KEYS, ...extras].map((_, i): RedlineCell => ({
        ...(oldCells[i] && { before: oldCells[i] }),
        ...(newCells[i] && { after: newCells[i] }),
      }));
      const status = !oldRow ? 'inserted' : !newRow ? 'deleted' : cells.some(isChanged) ? 'changed' : 'unchanged';
      rows.push({ status, cohort, cells });
    }
  }
  return {
    documentName: after.documentName,
    documentAbbreviation: after.documentAbbreviation,
    number: after.number,
    title: after.title,
    version: after.version,
    headings: [...COLUMN_KEYS.map((key) => after.columns[key]), ...extras],
    headingsBy: after.headingsBy,
    rows,
  };
}
