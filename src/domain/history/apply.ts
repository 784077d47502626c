import type { Amendment, Change } from '../model/amendment.js';
import { diagnose, suggestNearest, type Diagnostic, type Location } from '../model/diagnostics.js';
import { skeletonOf } from '../model/text.js';
import { findCohort, type CohortRow, type Table } from '../model/table.js';
import { fromFindings, type Result } from '../model/result.js';
import { sameCell, type CellValue } from '../model/cell-value.js';

/** A change as it was applied: which amendment, which row, the value before and after. */
export interface AppliedChange {
  amendmentId: string;
  action: 'close' | 'reopen';
  cohort: string;
  /** The GroupID of the cohort as the table holds it. */
  groupId: CellValue;
  field: 'endDate';
  from: CellValue;
  to: CellValue;
  windowMonths?: number;
}

/** The table after a sequence of amendments, and the changes that got it there. */
export interface Application {
  before: Table;
  after: Table;
  changes: AppliedChange[];
}

/**
 * Applies `amendments` in the order given. Each change is checked against the table as the
 * earlier changes left it: the cohort exists, a stated GroupID matches, and the value the change
 * expects to replace is the value the table holds (a precondition, as database migrations have).
 * The input table is not modified.
 */
export function applyAmendments(table: Table, amendments: readonly Amendment[]): Result<Application> {
  const { application, findings } = applyWhatApplies(table, amendments);
  return fromFindings(application, findings);
}

/**
 * `applyAmendments`, carrying on past a change that does not apply: the application of every
 * change that does, and a finding for each one that does not (for the check, which reports them
 * all, and for views that show the table as far as the data lets them).
 */
export function applyWhatApplies(
  table: Table,
  amendments: readonly Amendment[],
): { application: Application; findings: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const changes: AppliedChange[] = [];
  const after: Table = {
    ...table,
    applied: [...table.applied],
    cohorts: table.cohorts.map((row) => ({ ...row, sources: { ...row.sources } })),
  };

  // A set beside the list: a thousand amendments must not each scan the ones applied before them.
  const applied = new Set(after.applied);
  for (const amendment of amendments) {
    const { origin: source } = amendment;
    if (applied.has(amendment.id)) {
      diagnostics.push(diagnose('AMENDMENT_ALREADY_APPLIED', { id: amendment.id }, source.locate(['id'])));
      continue;
    }
    for (const change of amendment.changes) {
      const at = (key: string) => source.locate(['changes', change.index, key]);
      const target = findTarget(after, change, at);
      if ('diagnostic' in target) {
        diagnostics.push(target.diagnostic);
        continue;
      }
      const { row } = target;
      if (!sameCell(row[change.field], change.from)) {
        diagnostics.push(
          diagnose(
            'PRECONDITION_FAILED',
            { cohort: row.cohort, field: change.field, expected: change.from, actual: row[change.field] },
            at('from'),
          ),
        );
        continue;
      }
      changes.push({
        amendmentId: amendment.id,
        action: change.action,
        cohort: row.cohort,
        groupId: row.groupId,
        field: change.field,
        from: row[change.field],
        to: change.to,
        ...(change.windowMonths !== undefined && { windowMonths: change.windowMonths }),
      });
      // "unknown" to "unknown" says nothing new: the table keeps its own note and bound on the
      // value, as the table file written from this application does (writeTableChanges).
      const keep =
        change.to.kind === 'unknown' &&
        change.to.note === undefined &&
        change.to.notAfter === undefined &&
        row[change.field].kind === 'unknown';
      if (!keep) {
        row[change.field] = change.to;
        row.sources[change.field] = `amendment ${amendment.id}`;
      }
    }
    after.applied.push(amendment.id);
    applied.add(amendment.id);
  }
  return { application: { before: table, after, changes }, findings: diagnostics };
}

/**
 * The finding for a cohort name the table does not hold: a look-alike of one of its cohorts,
 * named as such ("not in the table" would hide that it prints the same), or an unknown cohort
 * with the nearest name.
 */
export function missingCohort(table: Table, cohort: string, where: Location = {}): Diagnostic {
  const names = table.cohorts.map((r) => r.cohort);
  const skeleton = skeletonOf(cohort);
  const resembles = names.find((name) => skeletonOf(name) === skeleton);
  if (resembles !== undefined) return diagnose('COHORT_CONFUSABLE', { cohort, resembles }, where);
  return diagnose('COHORT_UNKNOWN', { cohort, suggestion: suggestNearest(cohort, names) }, where);
}

/**
 * The row a change targets, or the finding that says why there is none: no such cohort (with the
 * nearest name), a look-alike of a cohort (naming it), or a GroupID stated that the table contradicts.
 */
export function findTarget(
  table: Table,
  change: Change,
  at: (key: string) => Location,
): { row: CohortRow } | { diagnostic: Diagnostic } {
  const row = findCohort(table, change.cohort);
  if (!row) return { diagnostic: missingCohort(table, change.cohort, at('cohort')) };
  if (change.groupId !== undefined && row.groupId.kind === 'text' && row.groupId.text !== change.groupId) {
    return {
      diagnostic: diagnose(
        'GROUPID_MISMATCH',
        { cohort: row.cohort, stated: change.groupId, table: row.groupId.text },
        at('groupId'),
      ),
    };
  }
  return { row };
}
