import type { Amendment } from '../domain/model/amendment.js';
import type { IsoDate } from '../domain/model/dates.js';
import type { Diagnostic } from '../domain/model/diagnostics.js';
import { describeClosureEffect } from '../domain/documents/closure-effect.js';
import { estimateRestart, restartOutOfRange } from '../domain/history/restart-estimate.js';
import { renderImpactText } from '../render/impact.js';
import type { Styler } from '../render/style.js';
import { findingsOf } from '../domain/model/result.js';

/** What `mtad impact` works from, gathered by the CLI. */
export interface ImpactInputs {
  amendment: Amendment;
  /** The date a re-start is decided. */
  decided: IsoDate;
  /** templates/closure-effect.txt and templates/impact.txt. */
  templates: { closureEffect: string; impact: string };
  styler: Styler;
}

/** What `mtad impact` prints, or why it cannot. */
export type ImpactPlan = { kind: 'refused'; diagnostics: Diagnostic[] } | { kind: 'report'; report: string };

/** The earliest date Migration DUST could be re-started for each cohort the amendment closes. */
export function planImpact(inputs: ImpactInputs): ImpactPlan {
  const { amendment, decided, templates } = inputs;
  const outOfRange = restartOutOfRange(amendment, decided);
  if (outOfRange.length > 0) return { kind: 'refused', diagnostics: outOfRange };
  const estimates = estimateRestart(amendment, decided);
  const effects = estimates.map((e) => describeClosureEffect(templates.closureEffect, e.cohort, e.endDate));
  const text = renderImpactText(amendment.id, estimates, effects, inputs.styler, templates.impact);
  if (!text.ok) return { kind: 'refused', diagnostics: findingsOf(text) };
  return { kind: 'report', report: text.value };
}
