/**
 * The amendments' changes written into the MTAD's own Word document: each applied change becomes a
 * cell change of redlineTable, its `from` checked against the document's cell as an import reads it
 * (the precondition, now against the real document), its new text the value as the MTAD writes it.
 */
import type { AppliedChange } from '../domain/history/apply.js';
import { displayCell } from '../domain/model/cell-value.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import type { RevisionMark } from '../domain/documents/revision-marks.js';
import { findTable } from './find-table.js';
import { readEndDateText } from './import-table.js';
import { mapColumns, type ColumnOverrides } from './map-columns.js';
import { redlineTable, type CellChange } from './redline-table.js';
import { normaliseSpace } from './xml.js';

/** Options of redlineAmendments. */
export interface IntoOptions {
  tableNumber: string;
  columns?: ColumnOverrides;
  /** The author and date of a cohort's revisions. */
  markOf(cohort: string): RevisionMark;
}

/**
 * A copy of the .docx with the changes as tracked changes, each cohort's by its amendment's author
 * on its date; or findings and no bytes when the document's cell does not hold what the change
 * expects to replace, or the engine refuses the cell.
 */
export function redlineAmendments(
  docxBytes: Uint8Array,
  changes: readonly AppliedChange[],
  options: IntoOptions,
): Result<Uint8Array> {
  // The number is the table file's (table.number): a missing caption says so.
  const found = findTable(docxBytes, { tableNumber: options.tableNumber, numberFrom: 'table' });
  if (!found.ok) return found;
  const table = found.value;
  const mapped = mapColumns(table.headers, options.columns);
  if (!mapped.ok) return mapped;
  const { fields } = mapped.value;
  const findings: Diagnostic[] = [];
  // The last change of a cohort's cell is the one the document receives; its `from` is the first's.
  const byCohort = new Map<string, { from: AppliedChange['from']; to: AppliedChange['to'] }>();
  for (const change of changes) {
    const earlier = byCohort.get(change.cohort);
    byCohort.set(change.cohort, { from: earlier?.from ?? change.from, to: change.to });
  }
  const groups = new Map<string, { mark: RevisionMark; changes: CellChange[] }>();
  for (const [cohort, change] of byCohort) {
    const cells = table.rows.slice(1).find((row) => normaliseSpace(row[fields.cohort]?.text ?? '') === cohort);
    const cell = cells?.[fields.endDate];
    if (!cells) {
      findings.push(diagnose('WORD_ROW_NOT_FOUND', { cohort, count: 0 }));
      continue;
    }
    const expected = displayCell(change.from);
    if (!cell || normaliseSpace(displayCell(readEndDateText(cell.text))) !== normaliseSpace(expected)) {
      findings.push(
        diagnose('WORD_PRECONDITION_FAILED', {
          cohort,
          heading: table.headers[fields.endDate] ?? '',
          row: cells[0]?.row ?? 0,
          column: fields.endDate,
          expected,
          ...(cell && { actual: cell.text }),
        }),
      );
      continue;
    }
    const mark = options.markOf(cohort);
    const key = `${mark.author}\u0000${mark.date}`;
    const group = groups.get(key) ?? { mark, changes: [] };
    group.changes.push({ row: cohort, column: 'endDate', from: cell.text, to: displayCell(change.to) });
    groups.set(key, group);
  }
  if (findings.length > 0) return fail([...found.warnings, ...findings]);
  // One pass per author and date: redlineTable writes one mark on all the changes it is given.
  let bytes = docxBytes;
  for (const { mark, changes: cellChanges } of groups.values()) {
    const redlined = redlineTable(bytes, table.location, cellChanges, {
      author: mark.author,
      date: mark.date,
      tableNumber: options.tableNumber,
      ...(options.columns && { columns: options.columns }),
    });
    if (!redlined.ok) return redlined;
    bytes = redlined.value;
  }
  return succeed(bytes, found.warnings);
}
