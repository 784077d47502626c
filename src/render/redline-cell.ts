import { isChanged, type RedlineCell, type RowStatus } from '../domain/documents/redline.js';
import { displayCell, type CellValue } from '../domain/model/cell-value.js';

/** A run of a redline cell's text: kept as it was, deleted, or inserted. */
export interface CellPart {
  mark: 'kept' | 'deleted' | 'inserted';
  text: string;
}

/** What a side of a cell shows: its value as the table shows it, nothing where its row does not exist. */
export function cellText(value: CellValue | undefined): string {
  return value === undefined ? '' : displayCell(value);
}

/** The title of the table, or "(title unknown)". */
export function describeTableTitle(title: CellValue): string {
  return title.kind === 'unknown' ? '(title unknown)' : cellText(title);
}

/**
 * How every redline format marks a cell: an inserted row's text is inserted, a deleted row's
 * deleted; a changed cell is its old text deleted, then its new text inserted; any other cell
 * keeps its text. Empty texts are left out, so a format never marks nothing.
 */
export function cellParts(cell: RedlineCell, status: RowStatus): CellPart[] {
  const before = cellText(cell.before);
  const after = cellText(cell.after);
  const parts: CellPart[] =
    status === 'inserted'
      ? [{ mark: 'inserted', text: after }]
      : status === 'deleted'
        ? [{ mark: 'deleted', text: before }]
        : isChanged(cell)
          ? [
              { mark: 'deleted', text: before },
              { mark: 'inserted', text: after },
            ]
          : [{ mark: 'kept', text: after }];
  return parts.filter((part) => part.text !== '');
}
