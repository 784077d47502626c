import { statedGroupId, type Amendment } from '../domain/model/amendment.js';
import type { IsoDate } from '../domain/model/dates.js';
import { findCohort, type Table } from '../domain/model/table.js';
import { findingsOf, type Result } from '../domain/model/result.js';
import { checkProposedTimeline, timelineFrom } from '../domain/documents/draft-amendment.js';
import { invertAmendment } from '../domain/history/table-history.js';
import { planDraft, type DraftHistory, type DraftInputs, type DraftPlan } from './draft.js';

/** What `mtad revert` works from, gathered by the CLI. */
export interface RevertInputs extends DraftInputs {
  /** The proposed issue date of the reversing consultation (today when not given). */
  issued: IsoDate;
  /** The table and every amendment beside it, or why they cannot be read. */
  history: Result<DraftHistory & { table: Table }>;
  /** The amendment to reverse, as read. */
  amendment: Result<Amendment>;
}

/**
 * The amendment that reverses another: for a closure, the re-opening that removes its end date.
 * Its preconditions are the values the reversed amendment wrote.
 */
export function planRevert(inputs: RevertInputs): DraftPlan {
  const proposed = checkProposedTimeline('--issued', 'from', inputs.issued);
  if (proposed.length > 0) return { kind: 'refused', diagnostics: proposed };
  if (!inputs.history.ok) return { kind: 'refused', diagnostics: findingsOf(inputs.history) };
  const history = inputs.history.value;
  const reversed = inputs.amendment;
  if (!reversed.ok) return { kind: 'refused', diagnostics: findingsOf(reversed) };
  // As the history holds it: a concluded or made amendment with its conclusion's final values, a
  // value recorded unknown as its correction states it (what the table was written with).
  const id = reversed.value.id;
  const inverse = invertAmendment(history.amendments.find((a) => a.id === id) ?? reversed.value);
  return planDraft(
    history,
    {
      id: inverse.id,
      reverts: reversed.value.id,
      timeline: timelineFrom(inputs.issued),
      from: { option: '--issued', value: inputs.issued },
      changes: inverse.changes.map((change) => ({
        action: change.action,
        cohort: change.cohort,
        groupId: statedGroupId(change) ?? findCohort(history.table, change.cohort)?.groupId ?? { kind: 'unknown' },
        from: change.from,
        to: change.to,
      })),
    },
    inputs,
  );
}
