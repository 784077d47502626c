import type { CheckConfig } from '../../domain/check/check-config.js';
import { planDirection } from '../../app/direction.js';
import type { DirectionMode } from '../../domain/documents/direction-values.js';
import { readTemplate } from '../../io/read.js';
import { checkBeforeDocuments } from '../check-gate.js';
import { amendmentPath, loadAmendment, resolveTablePath } from '../inputs.js';
import { readConclusionOf } from '../conclusion-inputs.js';
import type { IsoDate } from '../../domain/model/dates.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { findingsOf } from '../../domain/model/result.js';

export interface DirectionOptions extends CommonOptions {
  amendment: string;
  mode: DirectionMode;
  table?: string;
  /** The configuration of `mtad check`, for the check the documents pass first. */
  config: CheckConfig;
  /** --conclusion: the conclusion file; default conclusions/<id>.yaml beside the table. */
  conclusion?: string;
  /** The date the check before the direction is run for (today in London, or SOURCE_DATE_EPOCH's). */
  today?: IsoDate;
}

/** Prints one amendment's direction: the draft of Attachment 1, or the final text. */
export async function runDirection(options: DirectionOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const read = await loadAmendment(cwd, options.table, options.amendment);
  if (!read.ok) return failWith(findingsOf(read), styler);
  const conclusionRead = await readConclusionOf(
    cwd,
    resolveTablePath(cwd, options.table),
    read.value.id,
    options.conclusion,
  );
  if (!conclusionRead.ok) return failWith(findingsOf(conclusionRead), styler);
  const conclusion = conclusionRead.value;
  const gate = await checkBeforeDocuments({
    cwd,
    styler,
    config: options.config,
    paths: [
      amendmentPath(cwd, options.table, options.amendment),
      ...(options.conclusion !== undefined ? [options.conclusion] : []),
    ],
    ...(options.table !== undefined && { table: options.table }),
    ...(options.today !== undefined && { today: options.today }),
  });
  const template = await readTemplate('direction.txt', cwd);
  const plan = planDirection({
    amendment: read.value,
    mode: options.mode,
    checkFailed: 'failure' in gate,
    template,
    conclusion,
  });
  switch (plan.kind) {
    case 'check-failed':
      if (!('failure' in gate)) throw new Error('planDirection: a check failed that did not run');
      return gate.failure;
    case 'refused':
      return failWith(plan.diagnostics, styler);
    case 'report':
      return succeed(plan.report, styler);
  }
}
