import { inSequence, knownDate, type Amendment } from '../model/amendment.js';
import { compareDates, type IsoDate } from '../model/dates.js';
import { applyWhatApplies, findTarget } from '../history/apply.js';
import { diagnose, type AmendmentIssue, type Diagnostic } from '../model/diagnostics.js';
import type { TableInput } from '../model/table.js';
import { sameCell, type CellValue } from '../model/cell-value.js';

/**
 * The rules on the whole sequence: ids and sequence numbers unique; the table's `applied` list
 * names known amendments in their order, and the table holds what they set; then every amendment
 * not yet applied is applied, in order, to the table, each change's expected old value checked
 * against the value the earlier ones left.
 */
export function checkSequence(tableInput: TableInput, amendments: readonly Amendment[]): Diagnostic[] {
  const unique = checkUnique(amendments);
  if (unique.length > 0) return unique;
  const { table, source } = tableInput;
  const ordered = inSequence(amendments);
  const byId = new Map(ordered.map((a) => [a.id, a]));
  const diagnostics: Diagnostic[] = [...checkIssueOrder(ordered)];

  table.applied.forEach((id, index) => {
    if (!byId.has(id)) diagnostics.push(diagnose('APPLIED_UNKNOWN', { id }, source.locate(['applied', index])));
  });
  // The table reflects a prefix of the order of application: no amendment skipped or reordered.
  const active = ordered.filter((a) => a.status !== 'withdrawn');
  const applied = table.applied.map((id, index) => ({ id, index })).filter(({ id }) => byId.has(id));
  const skipped = applied.findIndex(({ id }, i) => active[i]?.id !== id);
  const misplaced = applied[skipped];
  const expected = active[skipped];
  if (misplaced && expected)
    diagnostics.push(
      diagnose(
        'APPLIED_OUT_OF_ORDER',
        { id: misplaced.id, before: expected.id },
        source.locate(['applied', misplaced.index]),
      ),
    );

  const appliedIds = new Set(table.applied);
  diagnostics.push(
    ...checkApplied(
      tableInput,
      ordered.filter((a) => appliedIds.has(a.id)),
    ),
  );
  const pending = active.filter((a) => !appliedIds.has(a.id));
  diagnostics.push(...applyWhatApplies(table, pending).findings);
  return diagnostics;
}

/**
 * The consultations were issued in the order of their sequence numbers (the order the amendments
 * apply in): an amendment issued before one numbered lower is a mistyped date or a wrong number.
 * Only known dates are compared; a withdrawn amendment still counts, as it was consulted on.
 */
function checkIssueOrder(ordered: readonly Amendment[]): Diagnostic[] {
  return ordered.flatMap((amendment) => {
    const issued = knownDate(amendment.consultation.issued);
    const earlier = issued === undefined ? undefined : issuedAfter(ordered, amendment.sequence, issued);
    if (earlier === undefined || issued === undefined) return [];
    return [
      diagnose(
        'SEQUENCE_DATE_ORDER',
        { id: amendment.id, sequence: amendment.sequence, issued, earlier },
        amendment.origin.locate(['consultation', 'issued']),
      ),
    ];
  });
}

/**
 * Of the amendments numbered before `sequence`, the one issued last, when its consultation was
 * issued after `issued`; undefined when none was (an unknown date is passed over).
 */
export function issuedAfter(
  amendments: readonly Amendment[],
  sequence: number,
  issued: IsoDate,
): AmendmentIssue | undefined {
  let latest: AmendmentIssue | undefined;
  for (const amendment of amendments) {
    const date = knownDate(amendment.consultation.issued);
    if (amendment.sequence >= sequence || date === undefined) continue;
    if (compareDates(date, issued) > 0 && (!latest || compareDates(date, latest.issued) > 0))
      latest = { id: amendment.id, sequence: amendment.sequence, issued: date };
  }
  return latest;
}

function checkUnique(amendments: readonly Amendment[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ids = new Map<string, Amendment>();
  const sequences = new Map<number, Amendment>();
  for (const amendment of amendments) {
    const sameId = ids.get(amendment.id);
    if (sameId)
      diagnostics.push(
        diagnose(
          'AMENDMENT_ID_DUPLICATE',
          { id: amendment.id, other: sameId.origin.file },
          amendment.origin.locate(['id']),
        ),
      );
    else ids.set(amendment.id, amendment);
    const sameSequence = sequences.get(amendment.sequence);
    if (sameSequence && !sameId) {
      diagnostics.push(
        diagnose(
          'SEQUENCE_DUPLICATE',
          { sequence: amendment.sequence, id: amendment.id, other: sameSequence.id },
          amendment.origin.locate(['sequence']),
        ),
      );
    } else sequences.set(amendment.sequence, amendment);
  }
  return diagnostics;
}

/**
 * The applied amendments, replayed in order: each change targets a cohort of the table with its
 * GroupID, expects the value the earlier changes left (the value before the first is not
 * recorded, so it is not checked), and the table holds the value the last one set.
 */
function checkApplied({ table, source }: TableInput, applied: readonly Amendment[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const last = new Map<string, { value: CellValue; by: string }>();
  for (const amendment of applied) {
    for (const change of amendment.changes) {
      const at = (key: string) => amendment.origin.locate(['changes', change.index, key]);
      const target = findTarget(table, change, at);
      if ('diagnostic' in target) {
        diagnostics.push(target.diagnostic);
        continue;
      }
      const { row } = target;
      const before = last.get(row.cohort);
      if (before && !sameCell(before.value, change.from)) {
        diagnostics.push(
          diagnose(
            'PRECONDITION_FAILED',
            { cohort: row.cohort, field: change.field, expected: change.from, actual: before.value, setBy: before.by },
            at('from'),
          ),
        );
      }
      last.set(row.cohort, { value: change.to, by: amendment.id });
    }
  }
  const rowIndex = new Map<string, number>();
  table.cohorts.forEach((row, index) => {
    if (!rowIndex.has(row.cohort)) rowIndex.set(row.cohort, index);
  });
  for (const [cohort, { value, by }] of last) {
    const index = rowIndex.get(cohort) ?? -1;
    const row = table.cohorts[index];
    if (row && !sameCell(row.endDate, value)) {
      diagnostics.push(
        diagnose(
          'APPLIED_NOT_REFLECTED',
          { id: by, cohort, expected: value, actual: row.endDate },
          source.locate(['cohorts', index, 'endDate']),
        ),
      );
    }
  }
  return diagnostics;
}
