import { describeClosureEffect } from '../../domain/documents/closure-effect.js';
import { diagnose, hasErrors } from '../../domain/model/diagnostics.js';
import { estimateRestart, restartOutOfRange, restartStaysInRange } from '../../domain/history/restart-estimate.js';
import { LAST_DATE } from '../../domain/model/dates.js';
import { readTemplate } from '../../io/read.js';
import { renderImpactText } from '../../render/impact.js';
import { loadAmendment } from '../inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
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
    options.decided === undefined
      ? { date: options.today, diagnostics: [] }
      : readDateOption('--decided', options.decided);
  if (!decided.date) return failWith(decided.diagnostics, styler);
  if (!restartStaysInRange(decided.date)) {
    const expected = `a calendar date YYYY-MM-DD from which a re-start estimate (up to 3 months and 6 weeks later) falls by ${LAST_DATE}`;
    return failWith([diagnose('ARGUMENT_INVALID', { option: '--decided', value: decided.date, expected })], styler);
  }
  const read = await loadAmendment(cwd, options.table, options.amendment);
  if (!read.value || hasErrors(read.diagnostics)) return failWith(read.diagnostics, styler);
  const [template, wording] = await Promise.all([
    readTemplate('closure-effect.txt', cwd),
    readTemplate('impact.txt', cwd),
  ]);
  if (template.value === undefined) return failWith(template.diagnostics, styler);
  if (wording.value === undefined) return failWith(wording.diagnostics, styler);
  const outOfRange = restartOutOfRange(read.value, decided.date);
  if (outOfRange.length > 0) return failWith(outOfRange, styler);
  const estimates = estimateRestart(read.value, decided.date);
  const effects = estimates.map((e) => describeClosureEffect(template.value ?? '', e.cohort, e.endDate));
  const text = renderImpactText(read.value.id, estimates, effects, styler, wording.value);
  if (text.value === undefined) return failWith(text.diagnostics, styler);
  return succeed(text.value, styler);
}
