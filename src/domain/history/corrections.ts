import { isMap, isSeq } from 'yaml';
import type { Amendment, TimelineDate } from '../model/amendment.js';
import { readEndDate, sameCell, writeCell, type CellValue } from '../model/cell-value.js';
import { compareDates, type IsoDate } from '../model/dates.js';
import { diagnose, type CorrectedField, type Diagnostic, type Location } from '../model/diagnostics.js';
import { compareCodeUnits } from '../model/order.js';
import { findCohort, type Table } from '../model/table.js';
import { correctionFileSchema } from '../parse/correction-schema.js';
import { fail, succeed, type Result } from '../model/result.js';
import { validateWithSchema } from '../parse/schema-validation.js';
import { FORBIDDEN_CHARACTER, parseYaml, type YamlSource } from '../parse/yaml-source.js';
import { HIDDEN_CHARACTER } from '../model/text.js';
import { missingCohort } from './apply.js';

/*
 * A correction states what one value of Table 17.6 is, on a source, as data in the history
 * (data/corrections/<id>.yaml, recorded in the lock as made amendments are). It changes no value
 * over time: it says what the value was all along. So it is retroactive:
 * - a correction of a value no amendment set (a GroupID, an end date the table started with) is
 *   the value at every date the table's history shows;
 * - a correction of an end date a made amendment set and recorded as unknown says what that
 *   amendment set: the history reads that amendment with the corrected value (foldCorrections), so
 *   the value appears from the date the amendment counts, and before it the value it replaced.
 * A value a made amendment set and recorded (a date, none) is not corrected: it is what the
 * direction set, and only another amendment changes it.
 */

/** A correction as mtad holds it. */
export interface Correction {
  id: string;
  cohort: string;
  field: CorrectedField;
  from: CellValue;
  to: CellValue;
  /** The made amendment whose unknown end date the correction states. */
  corrects?: string;
  source: string;
  by: string;
  on: IsoDate;
  reason?: string;
  origin: YamlSource;
}

/** The folder of corrections beside the table, and the kind every correction file declares. */
export const CORRECTIONS_FOLDER = 'corrections';

/** Reads a value as a correction file or the command line writes it, for its field. */
function readCorrectedValue(
  field: CorrectedField,
  text: string,
  options: { allowUnknown: boolean; name: string; where?: Location },
): CellValue | Diagnostic {
  const where = options.where ?? {};
  if (text === 'unknown')
    return options.allowUnknown
      ? { kind: 'unknown' }
      : diagnose(
          'VALUE_INVALID',
          { field: options.name, value: text, expected: 'a value: a correction states what the value is' },
          where,
        );
  if (field === 'groupId') {
    if (
      text === 'none' ||
      text === '' ||
      /\s/.test(text) ||
      HIDDEN_CHARACTER.test(text) ||
      FORBIDDEN_CHARACTER.test(text)
    )
      return diagnose(
        'VALUE_INVALID',
        { field: options.name, value: text, expected: 'a GroupID such as "DA" (no spaces)' },
        where,
      );
    return { kind: 'text', text };
  }
  const read = readEndDate(text, false);
  if (read === 'DATE_INVALID') return diagnose('DATE_INVALID', { value: text }, where);
  if (read === 'VALUE_INVALID')
    return diagnose(
      'VALUE_INVALID',
      { field: options.name, value: text, expected: 'a date YYYY-MM-DD, or "none" (no end date)' },
      where,
    );
  return read;
}

const isDiagnostic = (value: CellValue | Diagnostic): value is Diagnostic => 'code' in value;

/** Reads a correction file: parse, schema, values. */
export function parseCorrection(text: string, file: string): Result<Correction> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const source = parsed.value.source;
  const checked = validateWithSchema(correctionFileSchema(), parsed.value.data, source);
  if (!checked.ok) return checked;
  const data = checked.value;
  const from = readCorrectedValue(data.field, data.from, {
    allowUnknown: true,
    name: 'from',
    where: source.locate(['from']),
  });
  const to = readCorrectedValue(data.field, data.to, { allowUnknown: false, name: 'to', where: source.locate(['to']) });
  const diagnostics = [from, to].filter(isDiagnostic);
  if (isDiagnostic(from) || isDiagnostic(to)) return fail(diagnostics);
  const correction: Correction = {
    id: data.id,
    cohort: data.cohort,
    field: data.field,
    from,
    to,
    ...(data.corrects !== undefined && { corrects: data.corrects }),
    source: data.source,
    by: data.by,
    on: data.on,
    ...(data.reason !== undefined && { reason: data.reason }),
    origin: source,
  };
  return succeed(correction);
}

/** Corrections in the order they were recorded: by date, then id. */
export function correctionsInOrder(corrections: readonly Correction[]): Correction[] {
  return [...corrections].sort((a, b) => compareDates(a.on, b.on) || compareCodeUnits(a.id, b.id));
}

/** The last change of the amendments the table reflects to a cohort's end date, and its amendment. */
function lastAppliedChange(
  table: Table,
  amendments: readonly Amendment[],
  cohort: string,
): { id: string; to: CellValue } | undefined {
  const byId = new Map(amendments.map((a) => [a.id, a]));
  let last: { id: string; to: CellValue } | undefined;
  for (const id of table.applied)
    for (const change of byId.get(id)?.changes ?? [])
      if (change.cohort === cohort && change.field === 'endDate') last = { id, to: change.to };
  return last;
}

/** The earliest a timeline date can be: the date when known, else the bound its sources give. */
function earliestOf(date: TimelineDate | undefined): IsoDate | undefined {
  return typeof date === 'string' ? date : date?.notBefore;
}

/**
 * The earliest date an amendment can have set or been recorded by: the latest of what its
 * consultation's issue and conclusion dates are known to be (a date, or the bound its sources give).
 * DCC directs a closure only once it has concluded on it, so an end date it set is not before then.
 */
function amendmentNotBefore(amendment: Amendment): IsoDate | undefined {
  const bounds = [earliestOf(amendment.consultation?.issued), earliestOf(amendment.consultation?.concluded)].filter(
    (d): d is IsoDate => d !== undefined,
  );
  return bounds.sort(compareDates).at(-1);
}

/**
 * The amendments as the history reads them: each change that set an end date recorded as unknown
 * holds instead the value its latest correction states. The files are not touched.
 */
export function foldCorrections(amendments: readonly Amendment[], corrections: readonly Correction[]): Amendment[] {
  const stated = new Map<string, CellValue>();
  for (const c of correctionsInOrder(corrections))
    if (c.corrects !== undefined && c.field === 'endDate') stated.set(`${c.corrects}\u0000${c.cohort}`, c.to);
  if (stated.size === 0) return [...amendments];
  return amendments.map((amendment) => {
    if (!amendment.changes.some((c) => stated.has(`${amendment.id}\u0000${c.cohort}`))) return amendment;
    return {
      ...amendment,
      changes: amendment.changes.map((change) => {
        const to = stated.get(`${amendment.id}\u0000${change.cohort}`);
        return to !== undefined && change.field === 'endDate' && change.to.kind === 'unknown'
          ? { ...change, to }
          : change;
      }),
    };
  });
}

/** What a drafter asks of `mtad correct`. */
export interface CorrectionRequest {
  cohort: string;
  field: CorrectedField;
  value: string;
  /** The value the drafter expects the table to hold (--from), when given. */
  from?: string;
  source: string;
  by: string;
  on: IsoDate;
  reason?: string;
}

/** A correction decided: the correction, where its row is, and the cell's source as the table will hold it. */
export interface DecidedCorrection {
  correction: Omit<Correction, 'origin'>;
  rowIndex: number;
}

/** The id of a new correction: cohort, field and date, made unique among `taken`. */
function correctionIdFor(cohort: string, field: CorrectedField, on: IsoDate, taken: ReadonlySet<string>): string {
  const slug = cohort
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = `${slug || 'cohort'}-${field === 'endDate' ? 'end-date' : 'group-id'}-${on}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Decides a correction against the table as it stands and the amendments it reflects (as their
 * files say, before any correction). Refused: a cohort the table does not hold, a malformed value,
 * a --from the table contradicts, the value the table already holds, a known value no correction
 * stated (a sourced GroupID, a known end date no amendment set), a value a made amendment set
 * and recorded, and an end date after the bound the table records for the unknown it replaces.
 */
export function decideCorrection(
  table: Table,
  amendments: readonly Amendment[],
  existing: readonly Correction[],
  request: CorrectionRequest,
): Result<DecidedCorrection> {
  const refuse = (diagnostic: Diagnostic): Result<DecidedCorrection> => fail([diagnostic]);
  const row = findCohort(table, request.cohort);
  if (!row) return refuse(missingCohort(table, request.cohort));
  const { field } = request;
  const to = readCorrectedValue(field, request.value, { allowUnknown: false, name: 'VALUE' });
  if (isDiagnostic(to)) return refuse(to);
  const current = row[field];
  if (request.from !== undefined) {
    const expected = readCorrectedValue(field, request.from, { allowUnknown: true, name: '--from' });
    if (isDiagnostic(expected)) return refuse(expected);
    if (!sameCell(expected, current))
      return refuse(diagnose('CORRECTION_FROM_MISMATCH', { cohort: row.cohort, field, expected, actual: current }));
  }
  if (sameCell(current, to)) return refuse(diagnose('CORRECTION_UNCHANGED', { cohort: row.cohort, field, value: to }));
  if (to.kind === 'text') {
    const other = table.cohorts.find((r) => r !== row && r.groupId.kind === 'text' && r.groupId.text === to.text);
    // A GroupID belongs to one cohort: a correction that would give it to a second is refused.
    if (other)
      return refuse(diagnose('GROUPID_DUPLICATE', { groupId: to.text, cohort: row.cohort, other: other.cohort }));
  }
  // A GroupID the table knows is as its source gives it: a correction states one the record holds
  // as unknown, or states again one an earlier correction stated.
  if (
    field === 'groupId' &&
    current.kind !== 'unknown' &&
    !existing.some((c) => c.cohort === row.cohort && c.field === 'groupId')
  )
    return refuse(diagnose('CORRECTION_NOT_UNKNOWN', { cohort: row.cohort, field, value: current }));
  let corrects: string | undefined;
  if (field === 'endDate') {
    const last = lastAppliedChange(table, amendments, row.cohort);
    // An end date the amendment recorded as unknown is stated by a date: "none" would undo the closure.
    if (last && (last.to.kind !== 'unknown' || to.kind !== 'date'))
      return refuse(
        diagnose('CORRECTION_SET_BY_AMENDMENT', {
          cohort: row.cohort,
          field,
          id: last.id,
          value: last.to.kind === 'unknown' ? current : last.to,
        }),
      );
    if (last) {
      corrects = last.id;
      const amendment = amendments.find((a) => a.id === last.id);
      const notBefore = amendment && amendmentNotBefore(amendment);
      if (notBefore !== undefined && to.kind === 'date' && compareDates(to.date, notBefore) < 0)
        return refuse(
          diagnose('CORRECTION_BEFORE_AMENDMENT', { cohort: row.cohort, field, value: to, id: last.id, notBefore }),
        );
      // The correction is learnt from a source on `on`: not before the amendment it states was made.
      if (notBefore !== undefined && compareDates(request.on, notBefore) < 0)
        return refuse(
          diagnose('CORRECTION_RECORDED_BEFORE', { cohort: row.cohort, on: request.on, id: last.id, notBefore }),
        );
    }
    // An end date no amendment set and the table knows (none: the service is provided) is changed
    // by an amendment too: a correction to a date would close the service without a direction.
    else if (current.kind !== 'unknown')
      return refuse(diagnose('CORRECTION_NOT_UNKNOWN', { cohort: row.cohort, field, value: current }));
  }
  if (current.kind === 'unknown' && current.notAfter !== undefined && to.kind === 'date')
    if (compareDates(to.date, current.notAfter) > 0)
      return refuse(
        diagnose('CORRECTION_OUT_OF_BOUNDS', { cohort: row.cohort, field, value: to, notAfter: current.notAfter }),
      );
  const id = correctionIdFor(row.cohort, field, request.on, new Set(existing.map((c) => c.id)));
  return succeed({
    correction: {
      id,
      cohort: row.cohort,
      field,
      from: current,
      to,
      ...(corrects !== undefined && { corrects }),
      source: request.source,
      by: request.by,
      on: request.on,
      ...(request.reason !== undefined && { reason: request.reason }),
    },
    rowIndex: table.cohorts.indexOf(row),
  });
}

/** The text of a correction file. */
export function serialiseCorrection(correction: Omit<Correction, 'origin'>): string {
  const line = (key: string, value: string) => `${key}: ${JSON.stringify(value)}`;
  const lines = [
    '# yaml-language-server: $schema=../../schema/correction.schema.json',
    '#',
    '# A correction of one value of Table 17.6, recorded by `mtad correct --write` with the table and',
    '# the lock (data/amendments.lock). It is history: `mtad check` reports any later edit.',
    '# Do not edit by hand; to correct the value again, run `mtad correct` again.',
    'kind: correction',
    `id: ${correction.id}`,
    line('cohort', correction.cohort),
    `field: ${correction.field}`,
    line('from', writeCell(correction.from)),
    line('to', writeCell(correction.to)),
    ...(correction.corrects !== undefined ? [`corrects: ${correction.corrects}`] : []),
    line('source', correction.source),
    line('by', correction.by),
    `on: ${correction.on}`,
    ...(correction.reason !== undefined ? [line('reason', correction.reason)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** The source a corrected cell carries in the table: the correction's source, and the correction. */
function correctedCellSource(correction: Pick<Correction, 'id' | 'source'>): string {
  return `${correction.source} (correction ${correction.id})`;
}

/**
 * The table file's text with one cell set to the corrected value and its source, through the yaml
 * Document it was read from: comments, key order and every other line stay as they were.
 */
export function writeCorrectedCell(source: YamlSource, decided: DecidedCorrection): string {
  const document = source.document.clone();
  const { correction, rowIndex } = decided;
  const rows = document.get('cohorts', true);
  const cell = isSeq(rows) ? rows.getIn([rowIndex, correction.field], true) : undefined;
  if (!isMap(cell))
    throw new Error(`the table file has no ${correction.field} cell for ${correction.cohort} at cohorts.${rowIndex}`);
  cell.delete('unknown');
  cell.delete('notAfter');
  cell.delete('written');
  cell.delete('source');
  cell.set('value', writeCell(correction.to));
  cell.set('source', correctedCellSource(correction));
  return document.toString({ lineWidth: 0 });
}

/**
 * The rules on corrections, across files: a correction that names an amendment names one the
 * table reflects, which set that end date unknown (CORRECTION_TARGET); and the table holds the
 * value of the latest correction of each cell, unless an amendment it reflects set that cell since
 * (CORRECTION_NOT_REFLECTED). `amendments` are as their files say, before any correction.
 */
export function checkCorrections(
  table: Table,
  tableSource: YamlSource,
  amendments: readonly Amendment[],
  corrections: readonly Correction[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const latest = new Map<string, Correction>();
  for (const correction of correctionsInOrder(corrections)) {
    const { cohort, field } = correction;
    if (correction.corrects !== undefined) {
      const amendment = amendments.find((a) => a.id === correction.corrects);
      const sets =
        field === 'endDate' &&
        table.applied.includes(correction.corrects) &&
        amendment?.changes.some((c) => c.cohort === cohort && c.field === 'endDate' && c.to.kind === 'unknown');
      if (!sets) {
        diagnostics.push(
          diagnose(
            'CORRECTION_TARGET',
            { id: correction.id, cohort, field, corrects: correction.corrects },
            correction.origin.locate(['corrects']),
          ),
        );
        continue;
      }
    }
    latest.set(`${cohort}\u0000${field}`, correction);
  }
  for (const correction of latest.values()) {
    const index = table.cohorts.findIndex((r) => r.cohort === correction.cohort);
    const row = table.cohorts[index];
    if (!row) {
      diagnostics.push(missingCohort(table, correction.cohort, correction.origin.locate(['cohort'])));
      continue;
    }
    if (correction.field === 'endDate' && lastAppliedChange(table, amendments, row.cohort)?.id !== correction.corrects)
      continue;
    if (!sameCell(row[correction.field], correction.to))
      diagnostics.push(
        diagnose(
          'CORRECTION_NOT_REFLECTED',
          {
            id: correction.id,
            cohort: row.cohort,
            field: correction.field,
            expected: correction.to,
            actual: row[correction.field],
          },
          tableSource.locate(['cohorts', index, correction.field]),
        ),
      );
  }
  return diagnostics;
}
