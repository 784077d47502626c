import { inSequence, knownDate, type Amendment, type Change, type TimelineDate } from '../model/amendment.js';
import { applyWhatApplies, type AppliedChange } from './apply.js';
import { compareDates, type IsoDate } from '../model/dates.js';
import { diagnose, type Diagnostic } from '../model/diagnostics.js';
import type { CohortRow, Table } from '../model/table.js';
import { fail, fromFindings, succeed, type Result } from '../model/result.js';
import { sameCell, type CellValue } from '../model/cell-value.js';

/*
 * The table over time. data/table-17.6.yaml holds the table as it stands (its `applied` list names
 * the amendments it reflects); any other point is computed from it, never stored: amendments the
 * point does not count are reverted (latest first, each change inverted), amendments it counts and
 * the table does not yet reflect are applied (in sequence).
 *
 * When an amendment counts, on a date:
 * 1. from its modification date (the direction's "with effect from"), when it is known;
 * 2. else, for a made amendment, from its conclusion date when that is known: the best known step.
 *    The modification follows the conclusion, so this may count it a few days early (FOC (NP));
 * 3. else it is not known: it did not count before the earliest date its steps allow (notBefore of
 *    its modification or conclusion, or its issue date) and did count from the latest
 *    (notAfter of its modification; for an amendment the table reflects, the table's asAt). In
 *    between, every cell it changes, and whether Migration DUST was provided, is shown unknown.
 * Only made amendments count, unless proposals are included; a withdrawn one never counts.
 */

/** Whether an amendment counts at a point: yes, no, or the data cannot tell. */
export type Counted = 'yes' | 'no' | 'unknown';

/** Which amendments a date view counts: made ones only, or proposed and concluded ones too. */
export type Include = 'made' | 'proposed';

/** From when an amendment counts, and on what basis. */
export type Effect =
  | { kind: 'modification' | 'conclusion'; from: IsoDate }
  | { kind: 'unknown'; notBefore?: IsoDate; notAfter?: IsoDate }
  | { kind: 'never' };

const bound = (date: TimelineDate | undefined, which: 'notBefore' | 'notAfter'): IsoDate | undefined =>
  typeof date === 'string' ? date : date?.[which];

const latest = (dates: (IsoDate | undefined)[]): IsoDate | undefined =>
  dates
    .filter((d): d is IsoDate => d !== undefined)
    .sort(compareDates)
    .at(-1);

/** From when `amendment` counts in the table's history (the rule above). */
export function effectOf(amendment: Amendment, table: Table): Effect {
  if (amendment.status === 'withdrawn') return { kind: 'never' };
  const modification = knownDate(amendment.modification.date);
  if (modification) return { kind: 'modification', from: modification };
  const concluded = knownDate(amendment.consultation.concluded);
  if (amendment.status === 'made' && concluded) return { kind: 'conclusion', from: concluded };
  const notBefore = latest([
    bound(amendment.modification.date, 'notBefore'),
    bound(amendment.consultation.concluded, 'notBefore'),
    bound(amendment.consultation.issued, 'notBefore'),
  ]);
  const notAfter =
    bound(amendment.modification.date, 'notAfter') ?? (table.applied.includes(amendment.id) ? table.asAt : undefined);
  return { kind: 'unknown', ...(notBefore && { notBefore }), ...(notAfter && { notAfter }) };
}

/** Whether an amendment with `effect` counts on `date`. */
export function countsOn(effect: Effect, date: IsoDate): Counted {
  switch (effect.kind) {
    case 'never':
      return 'no';
    case 'modification':
    case 'conclusion':
      return compareDates(date, effect.from) >= 0 ? 'yes' : 'no';
    case 'unknown':
      if (effect.notBefore && compareDates(date, effect.notBefore) < 0) return 'no';
      if (effect.notAfter && compareDates(date, effect.notAfter) >= 0) return 'yes';
      return 'unknown';
  }
}

/** Whether Migration DUST was provided for a row on `date`: the end date is the last day it is. */
export function providedOn(row: Pick<CohortRow, 'endDate'>, date: IsoDate): Counted {
  const end = row.endDate;
  if (end.kind === 'none') return 'yes';
  if (end.kind === 'date') return compareDates(date, end.date) <= 0 ? 'yes' : 'no';
  if (end.kind === 'unknown' && end.notAfter && compareDates(date, end.notAfter) > 0) return 'no';
  return 'unknown';
}

/** The change that undoes `change`: the same cell, from and to swapped. */
function invertChange(change: Change): Change {
  return {
    index: change.index,
    action: change.from.kind === 'none' ? 'reopen' : 'close',
    cohort: change.cohort,
    ...(change.groupId !== undefined && { groupId: change.groupId }),
    field: change.field,
    from: change.to,
    to: change.from,
  };
}

/**
 * The amendment that undoes `amendment`: its changes in reverse order, each from and to swapped, so
 * that its preconditions are the values `amendment` wrote. For a closure it is the re-opening that
 * removes the end date. A proposal: its consultation and dates are still to decide.
 */
export function invertAmendment(amendment: Amendment, options: { id?: string; sequence?: number } = {}): Amendment {
  return {
    ...amendment,
    id: options.id ?? `${amendment.id}-revert`,
    sequence: options.sequence ?? amendment.sequence,
    title: `Reversal of ${amendment.title}`,
    status: 'proposed',
    reverts: amendment.id,
    changes: [...amendment.changes].reverse().map(invertChange),
  };
}

/** The table with exactly the amendments in `counted` (and no other) reflected. */
export function tableWith(
  current: Table,
  amendments: readonly Amendment[],
  counted: ReadonlySet<string>,
): Result<Table> {
  const { table, findings } = reflectWhatApplies(current, amendments, counted);
  return fromFindings(table, findings);
}

/**
 * `tableWith`, carrying on past what does not apply: the table with every change of `counted`
 * that applies, and a finding for each one that does not (a view of the table shows it as far as
 * the data lets it).
 */
export function reflectWhatApplies(
  current: Table,
  amendments: readonly Amendment[],
  counted: ReadonlySet<string>,
): { table: Table; findings: Diagnostic[] } {
  const byId = new Map(amendments.map((a) => [a.id, a]));
  const diagnostics: Diagnostic[] = [];
  let table = current;
  for (const id of [...current.applied].reverse()) {
    if (counted.has(id)) continue;
    const amendment = byId.get(id);
    if (!amendment) {
      diagnostics.push(diagnose('HISTORY_AMENDMENT_MISSING', { id }));
      continue;
    }
    const inverse = invertAmendment(amendment);
    const reverted = applyWhatApplies({ ...table, applied: table.applied.filter((a) => a !== id) }, [inverse]);
    diagnostics.push(...reverted.findings);
    const { after } = reverted.application;
    table = { ...after, applied: after.applied.filter((a) => a !== inverse.id) };
  }
  const pending = inSequence(amendments.filter((a) => counted.has(a.id) && !current.applied.includes(a.id)));
  const forward = applyWhatApplies(table, pending);
  diagnostics.push(...forward.findings);
  return { table: forward.application.after, findings: diagnostics };
}

/** One amendment's standing at a point in time. */
export interface Standing {
  amendment: Amendment;
  effect: Effect;
  counted: Counted;
}

/** One cohort at a point: whether Migration DUST was provided. */
export interface Provision {
  cohort: string;
  provided: Counted;
}

/** The table at a point, with what the data cannot tell marked unknown. */
export interface TableAtPoint {
  table: Table;
  standings: Standing[];
  /** Whether Migration DUST was provided for each cohort, when the point is a date. */
  provision?: Provision[];
}

/** How many amendments of unknown date a view resolves exactly, trying every combination. */
const MAX_UNCERTAIN = 8;

function merge(values: Counted[]): Counted {
  return values.every((v) => v === values[0]) ? (values[0] ?? 'unknown') : 'unknown';
}

function sameEverywhere(cells: CellValue[]): boolean {
  const [first] = cells;
  return (
    first !== undefined &&
    cells.every(
      (cell) =>
        sameCell(cell, first) &&
        (cell.kind !== 'unknown' || first.kind !== 'unknown' || cell.notAfter === first.notAfter),
    )
  );
}

/**
 * Table 17.6 as it stood on `date`: made amendments only, or with `include: 'proposed'` the
 * proposed and concluded ones too (at their proposed modification dates). `today` is not needed:
 * the date is given.
 */
export function tableAsAt(
  table: Table,
  amendments: readonly Amendment[],
  date: IsoDate,
  options: { include?: Include } = {},
): Result<TableAtPoint> {
  const include = options.include ?? 'made';
  const standings = inSequence(amendments).map((amendment): Standing => {
    const effect = effectOf(amendment, table);
    const admitted = amendment.status === 'made' || (include === 'proposed' && amendment.status !== 'withdrawn');
    return { amendment, effect, counted: admitted ? countsOn(effect, date) : 'no' };
  });
  const uncertain = standings.filter((s) => s.counted === 'unknown').slice(0, MAX_UNCERTAIN);
  const certain = standings.filter((s) => s.counted === 'yes').map((s) => s.amendment.id);

  // Every combination of the amendments whose date is not known is a table the data allows.
  const worlds: Table[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let mask = 0; mask < 2 ** uncertain.length; mask++) {
    const counted = new Set([...certain, ...uncertain.filter((_, i) => mask & (2 ** i)).map((s) => s.amendment.id)]);
    const world = reflectWhatApplies(table, amendments, counted);
    if (mask === 0) diagnostics.push(...world.findings);
    worlds.push(world.table);
  }
  const [base] = worlds;
  if (!base || diagnostics.length > 0) return fail(diagnostics);

  const unsure = uncertain.map((s) => s.amendment.id).join(', ');
  const note =
    `not known on this date: it depends on whether ${unsure} had taken effect, and the data does not record ` +
    `when it did`;
  const blur = (cells: CellValue[]): CellValue =>
    sameEverywhere(cells) ? (cells[0] as CellValue) : { kind: 'unknown', note };
  const merged: Table = {
    ...base,
    asAt: date,
    cohorts: base.cohorts.map((row, i) => ({
      ...row,
      groupId: blur(worlds.map((w) => w.cohorts[i]?.groupId ?? row.groupId)),
      endDate: blur(worlds.map((w) => w.cohorts[i]?.endDate ?? row.endDate)),
    })),
  };
  const provision = base.cohorts.map((row, i) => ({
    cohort: row.cohort,
    provided: merge(worlds.map((w) => providedOn(w.cohorts[i] ?? row, date))),
  }));
  return succeed({ table: merged, standings, provision });
}

/**
 * Table 17.6 just after amendment `id`: every amendment up to it in sequence (withdrawn ones
 * excepted), whatever its status, since the id names it.
 */
export function tableAfter(
  table: Table,
  amendments: readonly Amendment[],
  id: string,
): Result<TableAtPoint> | undefined {
  const target = amendments.find((a) => a.id === id);
  if (!target) return undefined;
  const ordered = inSequence(amendments);
  const upTo = ordered.indexOf(target);
  const standings = ordered.map((amendment, i): Standing => {
    const counts = i <= upTo && (amendment === target || amendment.status !== 'withdrawn');
    return { amendment, effect: effectOf(amendment, table), counted: counts ? 'yes' : 'no' };
  });
  const result = tableWith(
    table,
    amendments,
    new Set(standings.filter((s) => s.counted === 'yes').map((s) => s.amendment.id)),
  );
  if (!result.ok) return result;
  return succeed({ table: result.value, standings });
}

/** An amendment that took effect on a date the data does not record, which may fall between two dates. */
export interface UndatedEffect {
  id: string;
  title: string;
  titleSource: Amendment['titleSource'];
  cohorts: string[];
  /** The earliest and latest dates its steps allow. */
  notBefore?: IsoDate;
  notAfter?: IsoDate;
  /** Whether the changes between the two points show it (they cannot when the values it set are not known). */
  shown: boolean;
  /**
   * The date the view counts it from instead, when it does: a made amendment's conclusion, standing
   * in for the date it took effect (as `show --as-at` counts it). The redline's change is placed by it.
   */
  countedFrom?: IsoDate;
}

/**
 * The amendments counted at either of two dates whose date of effect is not recorded and may fall
 * between them: a redline between the dates may show nothing of them (an unknown end date set
 * where the end date was already not known), so the view must say that they may lie in the span.
 * A made amendment counted from its conclusion, which the span crosses, is one too: the view says
 * which date stands in for the one not recorded.
 */
export function undatedEffectsBetween(
  from: TableAtPoint,
  to: TableAtPoint,
  changes: readonly AppliedChange[],
): UndatedEffect[] {
  return to.standings.flatMap((standing): UndatedEffect[] => {
    const { amendment, effect, counted } = standing;
    const before = from.standings.find((s) => s.amendment.id === amendment.id)?.counted ?? 'no';
    const named = {
      id: amendment.id,
      title: amendment.title,
      titleSource: amendment.titleSource,
      cohorts: [...new Set(amendment.changes.map((c) => c.cohort))],
    };
    const shown = changes.some((c) => c.amendmentId === amendment.id);
    // Counted from its conclusion, it enters the span on a date that stands in for one not recorded.
    if (effect.kind === 'conclusion' && before !== counted) return [{ ...named, shown, countedFrom: effect.from }];
    if (effect.kind !== 'unknown' || (before === counted && counted !== 'unknown')) return [];
    return [
      {
        ...named,
        ...(effect.notBefore && { notBefore: effect.notBefore }),
        ...(effect.notAfter && { notAfter: effect.notAfter }),
        shown,
      },
    ];
  });
}

/**
 * The changes between two points, cell by cell, each attributed to the amendment whose standing
 * differs between them and that changes that cohort (the latest in sequence when several do).
 */
export function changesBetween(from: TableAtPoint, to: TableAtPoint): AppliedChange[] {
  const differing = to.standings.filter(
    (s) => from.standings.find((f) => f.amendment.id === s.amendment.id)?.counted !== s.counted,
  );
  return to.table.cohorts.flatMap((row, i): AppliedChange[] => {
    const before = from.table.cohorts[i];
    if (!before || sameCell(before.endDate, row.endDate)) return [];
    const by = differing.filter((s) => s.amendment.changes.some((c) => c.cohort === row.cohort)).at(-1)?.amendment;
    return [
      {
        amendmentId: by?.id ?? 'unknown',
        action: row.endDate.kind === 'none' ? 'reopen' : 'close',
        cohort: row.cohort,
        groupId: row.groupId,
        field: 'endDate',
        from: before.endDate,
        to: row.endDate,
      },
    ];
  });
}
