import { planRevert } from '../../app/revert.js';
import { gatherDraftInputs, performDraft, type DraftWriteOptions } from '../draft-writer.js';
import { loadAmendment } from '../inputs.js';
import { failWith, type Outcome } from '../outcome.js';
import { findingsOf, succeed } from '../../domain/model/result.js';
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
  const issued = options.issued === undefined ? succeed(options.today) : readDateOption('--issued', options.issued);
  if (!issued.ok) return failWith(findingsOf(issued), options.styler);
  const [gathered, amendment] = await Promise.all([
    gatherDraftInputs(options),
    loadAmendment(options.cwd, options.table, options.amendment),
  ]);
  return performDraft(planRevert({ ...gathered, issued: issued.value, amendment }), options);
}
