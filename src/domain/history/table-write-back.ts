import { isMap, isSeq, type YAMLMap } from 'yaml';
import { knownDate, type Amendment } from '../model/amendment.js';
import type { Application } from './apply.js';
import { compareDates, type IsoDate } from '../model/dates.js';
import type { YamlSource } from '../parse/yaml-source.js';
import { sameCell, writeCell, type CellValue } from '../model/cell-value.js';

/*
 * Writing the table back. The file is edited through the yaml Document the table was read from
 * (a clone of it), so comments, key order and the formatting of every line not changed stay as
 * they were: only the changed end-date cells, `applied` and `asAt` are touched.
 */

function writeEndDate(cell: YAMLMap, value: CellValue, source: string | undefined): void {
  if (value.kind === 'unknown') {
    cell.delete('value');
    cell.set('unknown', value.note ?? 'The value set by the amendment is not public.');
    if (value.notAfter) cell.set('notAfter', value.notAfter);
    else cell.delete('notAfter');
    if (value.written !== undefined) cell.set('written', value.written);
    else cell.delete('written');
  } else {
    cell.delete('unknown');
    cell.delete('notAfter');
    // The MTAD's text as written goes with the unknown it stood for: beside a value it is an error.
    cell.delete('written');
    cell.set('value', writeCell(value));
  }
  if (source !== undefined) cell.set('source', source);
}

/**
 * Equal to the letter: for unknown values, the note and the bound too. sameCell counts two unknowns
 * equal (as a precondition must), but a cell that went from "unknown, not after 4 December 2022"
 * through a date back to a bare unknown must be written, or the file keeps the old bound.
 */
function sameCellExactly(a: CellValue, b: CellValue): boolean {
  if (!sameCell(a, b)) return false;
  return (
    a.kind !== 'unknown' ||
    b.kind !== 'unknown' ||
    (a.note === b.note && a.notAfter === b.notAfter && a.written === b.written)
  );
}

/**
 * The new text of the table file: `source` (the file as read) with the application's changes to
 * end dates, the ids it applied appended to `applied`, and its `asAt`. A pure function of its
 * inputs; writing the text to disk is the caller's business.
 */
export function writeTableChanges(source: YamlSource, application: Application): string {
  const document = source.document.clone();
  const { before, after } = application;
  const rows = document.get('cohorts', true);
  after.cohorts.forEach((row) => {
    const old = before.cohorts.find((r) => r.cohort === row.cohort);
    if (!old || sameCellExactly(old.endDate, row.endDate)) return;
    const index = before.cohorts.indexOf(old);
    const cell = isSeq(rows) ? rows.getIn([index, 'endDate'], true) : undefined;
    if (!isMap(cell)) throw new Error(`the table file has no end-date cell for ${row.cohort} at cohorts.${index}`);
    writeEndDate(cell, row.endDate, row.sources.endDate);
  });
  const applied = document.get('applied', true);
  const added = after.applied.filter((id) => !before.applied.includes(id));
  if (isSeq(applied)) for (const id of added) applied.add(document.createNode(id));
  else document.set('applied', after.applied);
  if (after.asAt !== before.asAt) document.set('asAt', after.asAt);
  return document.toString({ lineWidth: 0 });
}

/**
 * The date the table reflects once `amendments` are written into it: the latest of its own asAt
 * and each amendment's modification date, or `today` for an amendment whose date is not known
 * (it is made, so the table reflects it from today at the latest).
 */
export function asAtAfterWriting(asAt: IsoDate, amendments: readonly Amendment[], today: IsoDate): IsoDate {
  const dates = [asAt, ...amendments.map((a) => knownDate(a.modification.date) ?? today)];
  return dates.sort(compareDates).at(-1) ?? asAt;
}
