import type { Amendment } from '../domain/model/amendment.js';
import type { CellValue } from '../domain/model/cell-value.js';
import type { IsoDate } from '../domain/model/dates.js';
import { diagnose } from '../domain/model/diagnostics.js';
import { findCohort, type Table } from '../domain/model/table.js';
import { findingsOf, type Result } from '../domain/model/result.js';
import { AMENDMENT_ID_PATTERN } from '../domain/parse/schema.js';
import { applyWhatApplies, missingCohort } from '../domain/history/apply.js';
import {
  checkProposedTimeline,
  cohortSlug,
  timelineEndingOn,
  timelineFrom,
} from '../domain/documents/draft-amendment.js';
import { planDraft, type DraftHistory, type DraftInputs, type DraftPlan } from './draft.js';

/** What `mtad new` works from, gathered by the CLI: the options (dates already read) and the history. */
export interface NewInputs extends DraftInputs {
  action: 'close' | 'reopen';
  cohort: string;
  /** close: the proposed end date (the last day of Migration DUST). */
  on?: IsoDate;
  /** reopen: the proposed issue date of the consultation; default today. */
  issued?: IsoDate;
  id?: string;
  /** The table and every amendment beside it, or why they cannot be read. */
  history: Result<DraftHistory & { table: Table }>;
}

/** The table as it will stand once the amendments not yet reflected (and not withdrawn) apply. */
function tableAfterPending(table: Table, amendments: readonly Amendment[]): Table {
  const pending = amendments.filter((a) => !table.applied.includes(a.id) && a.status !== 'withdrawn');
  return applyWhatApplies(table, pending).application.after;
}

/**
 * `mtad new close COHORT --on DATE` and `mtad new reopen COHORT`: a new amendment from the table as
 * it will stand. The options are judged first, then the history they apply to.
 */
export function planNew(inputs: NewInputs): DraftPlan {
  const refused = (diagnostics: ReturnType<typeof diagnose>[]): DraftPlan => ({ kind: 'refused', diagnostics });
  if (inputs.action === 'close' && !inputs.on)
    return refused([diagnose('ARGUMENT_MISSING', { argument: '--on', missing: { kind: 'closure-end-date' } })]);
  const proposed = inputs.on
    ? checkProposedTimeline('--on', 'ending', inputs.on)
    : checkProposedTimeline('--issued', 'from', inputs.issued ?? inputs.today);
  if (proposed.length > 0) return refused(proposed);
  if (inputs.id !== undefined && !AMENDMENT_ID_PATTERN.test(inputs.id))
    return refused([
      diagnose('ARGUMENT_INVALID', { option: '--id', value: inputs.id, expected: { kind: 'amendment-id' } }),
    ]);

  if (!inputs.history.ok) return refused(findingsOf(inputs.history));
  const history = inputs.history.value;
  const table = tableAfterPending(history.table, history.amendments);
  const row = findCohort(table, inputs.cohort);
  // The cohort comes from the command line: naming one the table lacks is a usage error.
  if (!row) return { kind: 'refused', diagnostics: [missingCohort(table, inputs.cohort)], exitCode: 2 };
  const from = row.endDate;
  if ((inputs.action === 'close') !== (from.kind === 'none'))
    return refused([diagnose('NEW_NOT_APPLICABLE', { cohort: row.cohort, action: inputs.action, value: from })]);
  const to: CellValue = inputs.on ? { kind: 'date', date: inputs.on } : { kind: 'none' };
  const timeline = inputs.on ? timelineEndingOn(inputs.on) : timelineFrom(inputs.issued ?? inputs.today);
  const id = inputs.id ?? `mdust-${inputs.action}-${cohortSlug(row.cohort)}`;
  // A cohort named without letters or digits gives no id of its own.
  if (!AMENDMENT_ID_PATTERN.test(id))
    return refused([
      diagnose('ARGUMENT_MISSING', { argument: '--id', missing: { kind: 'cohort-without-id', cohort: row.cohort } }),
    ]);
  return planDraft(
    history,
    {
      id,
      changes: [{ action: inputs.action, cohort: row.cohort, groupId: row.groupId, from, to }],
      timeline,
      from: inputs.on
        ? { option: '--on', value: inputs.on }
        : { option: '--issued', value: inputs.issued ?? inputs.today },
    },
    inputs,
  );
}
