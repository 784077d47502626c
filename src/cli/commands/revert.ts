import { statedGroupId } from '../../domain/model/amendment.js';
import { hasErrors } from '../../domain/model/diagnostics.js';
import { checkProposedTimeline, timelineFrom } from '../../domain/documents/draft-amendment.js';
import { invertAmendment } from '../../domain/history/table-history.js';
import { findCohort } from '../../domain/model/table.js';
import { writeDraft, type DraftWriteOptions } from '../draft-writer.js';
import { loadHistory } from '../history-inputs.js';
import { loadAmendment } from '../inputs.js';
import { failWith, type Outcome } from '../outcome.js';
import { readDateOption } from '../clock.js';
import { withWriteLock } from '../write-lock.js';

export interface RevertOptions extends DraftWriteOptions {
  amendment: string;
  /** The proposed issue date of the reversing consultation; default today. */
  issued?: string;
}

/**
 * Writes the amendment that reverses another: for a closure, the re-opening that removes its end
 * date. Its preconditions are the values the reversed amendment wrote.
 */
export function runRevert(options: RevertOptions): Promise<Outcome> {
  // Under the write lock, as `mtad new`: two drafts at once cannot take the same sequence number.
  return options.stdout ? draftRevert(options) : withWriteLock(options, () => draftRevert(options));
}

async function draftRevert(options: RevertOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const issued =
    options.issued === undefined
      ? { date: options.today, diagnostics: [] }
      : readDateOption('--issued', options.issued);
  if (!issued.date) return failWith(issued.diagnostics, styler);
  const proposed = checkProposedTimeline('--issued', 'from', issued.date);
  if (proposed.length > 0) return failWith(proposed, styler);
  const history = await loadHistory(cwd, options.table);
  if (!history.value) return failWith(history.diagnostics, styler);
  const read = await loadAmendment(cwd, options.table, options.amendment);
  if (!read.value || hasErrors(read.diagnostics)) return failWith(read.diagnostics, styler);
  const inverse = invertAmendment(read.value);
  const { table } = history.value.input;
  return writeDraft(history.value, options, {
    id: inverse.id,
    reverts: read.value.id,
    timeline: timelineFrom(issued.date),
    from: { option: '--issued', value: issued.date },
    changes: inverse.changes.map((change) => ({
      action: change.action,
      cohort: change.cohort,
      groupId: statedGroupId(change) ?? findCohort(table, change.cohort)?.groupId ?? { kind: 'unknown' },
      from: change.from,
      to: change.to,
    })),
  });
}
