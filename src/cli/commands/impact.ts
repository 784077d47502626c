import { planImpact } from '../../app/impact.js';
import { diagnose, hasErrors } from '../../domain/model/diagnostics.js';
import { restartStaysInRange } from '../../domain/history/restart-estimate.js';
import { readTemplate } from '../../io/read.js';
import { correctionsDirOf, loadAmendment, resolveTablePath } from '../inputs.js';
import { readCorrections } from '../read-data.js';
import { withFinalValues } from '../conclusion-inputs.js';
import { foldCorrections } from '../../domain/history/corrections.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { findingsOf, succeed as succeedWith } from '../../domain/model/result.js';
import { readDateOption } from '../clock.js';

export interface ImpactOptions extends CommonOptions {
  table?: string;
  amendment: string;
  /** The date a re-start is decided; default today. */
  decided?: string;
  today: string;
}

/** The earliest date Migration DUST could be re-started for each cohort an amendment closes. */
export async function runImpact(options: ImpactOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const decided =
    options.decided === undefined ? succeedWith(options.today) : readDateOption('--decided', options.decided);
  if (!decided.ok) return failWith(findingsOf(decided), styler);
  // An option the estimate cannot use is refused before any file is read.
  if (!restartStaysInRange(decided.value)) {
    const expected = { kind: 'restart-decided' as const };
    return failWith([diagnose('ARGUMENT_INVALID', { option: '--decided', value: decided.value, expected })], styler);
  }
  const read = await loadAmendment(cwd, options.table, options.amendment);
  if (!read.ok) return failWith(findingsOf(read), styler);
  // An end date the amendment recorded as unknown is read as a correction states it.
  const corrections = await readCorrections(correctionsDirOf(resolveTablePath(cwd, options.table)), cwd);
  if (!corrections.ok) return failWith(findingsOf(corrections), styler);
  const [corrected = read.value] = foldCorrections([read.value], corrections.value);
  // A concluded or made amendment closes on its conclusion's final end date.
  const asMade = await withFinalValues([corrected], cwd, resolveTablePath(cwd, options.table));
  if (hasErrors(asMade.diagnostics)) return failWith(asMade.diagnostics, styler);
  const [amendment = corrected] = asMade.amendments;
  const [closureEffect, impact] = await Promise.all([
    readTemplate('closure-effect.txt', cwd),
    readTemplate('impact.txt', cwd),
  ]);
  if (!closureEffect.ok) return failWith(findingsOf(closureEffect), styler);
  if (!impact.ok) return failWith(findingsOf(impact), styler);
  const plan = planImpact({
    amendment,
    decided: decided.value,
    templates: { closureEffect: closureEffect.value, impact: impact.value },
    styler,
  });
  return plan.kind === 'refused' ? failWith(plan.diagnostics, styler) : succeed(plan.report, styler);
}
