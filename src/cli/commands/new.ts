import { planNew } from '../../app/new.js';
import { gatherDraftInputs, performDraft, type DraftWriteOptions } from '../draft-writer.js';
import { failWith, type Outcome } from '../outcome.js';
import type { IsoDate } from '../../domain/model/dates.js';
import { findingsOf, succeed, type Result } from '../../domain/model/result.js';
import { readDateOption } from '../clock.js';
import { withWriteLock } from '../write-lock.js';
import { readTemplate } from '../../io/read.js';
import { dirname, join } from 'node:path';

export interface NewOptions extends DraftWriteOptions {
  action: 'close' | 'reopen';
  cohort: string;
  /** close: the proposed end date (the last day of Migration DUST). */
  on?: string;
  /** reopen: the proposed issue date of the consultation; default today. */
  issued?: string;
  id?: string;
}

/**
 * `mtad new close COHORT --on DATE` and `mtad new reopen COHORT`: a new amendment file from the
 * table. Written under the write lock, so that two at once cannot take the same sequence number.
 */
export function runNew(options: NewOptions): Promise<Outcome> {
  return options.stdout ? draftNew(options) : withWriteLock(options, () => draftNew(options));
}

async function draftNew(options: NewOptions): Promise<Outcome> {
  const dateOf = (option: string, value: string | undefined): Result<IsoDate | undefined> =>
    value === undefined ? succeed(undefined) : readDateOption(option, value);
  const on = dateOf('--on', options.on);
  const issued = dateOf('--issued', options.issued);
  if (!on.ok || !issued.ok) return failWith([...findingsOf(on), ...findingsOf(issued)], options.styler);
  const plan = planNew({
    ...(await gatherDraftInputs(options, options.action === 'close')),
    action: options.action,
    cohort: options.cohort,
    ...(on.value !== undefined && { on: on.value }),
    ...(issued.value !== undefined && { issued: issued.value }),
    ...(options.id !== undefined && { id: options.id }),
  });
  return performDraft(plan, options);
}
