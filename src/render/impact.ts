import { formatDateWithWeekday } from '../domain/model/dates.js';
import { RESTART, type RestartEstimate } from '../domain/history/restart-estimate.js';
import { fillTemplateSection, readTemplateSections, type TemplateValues } from '../domain/documents/template.js';
import { succeed, type Result } from '../domain/model/result.js';
import { describeCell } from '../domain/model/cell-value.js';
import type { Styler } from './style.js';

/** The values of templates/impact.txt for one estimate. */
function estimateValues(amendmentId: string, e: RestartEstimate): TemplateValues {
  const day = formatDateWithWeekday;
  return {
    amendmentId,
    cohort: e.cohort,
    endDate: e.endDate.kind === 'date' ? day(e.endDate.date) : describeCell(e.endDate),
    endDateKnown: e.endDate.kind !== 'unknown',
    decided: day(e.decided),
    decidedBeforeEnd: e.decidedBeforeEnd && e.endDate.kind === 'date',
    countedFrom: day(e.countedFrom),
    purchaseDone: day(e.purchaseDone),
    purchaseWeeks: String(RESTART.purchaseWeeks),
    inParallel: day(e.inParallel),
    amendmentMonths: String(RESTART.amendmentMonths),
    oneAfterTheOther: day(e.oneAfterTheOther),
  };
}

/**
 * When each closed cohort could be re-started, in the words of templates/impact.txt: no earlier
 * than the purchase's minimum lead time, and expected by the amendment's maximum (in parallel) or
 * the two one after the other. The purchase's six weeks are a minimum, so no date there is called
 * "earliest" but the lower bound. Each estimate is a heading, then its lines indented.
 */
export function renderImpactText(
  amendmentId: string,
  estimates: readonly RestartEstimate[],
  effects: readonly (string | undefined)[],
  styler: Styler,
  template: string,
): Result<string> {
  const wording = readTemplateSections(template);
  const fill = (section: string, values: TemplateValues): string | Result<string> => {
    const filled = fillTemplateSection(wording, section, values, 'templates/impact.txt');
    return filled.ok ? filled.value : filled;
  };
  if (estimates.length === 0) {
    const none = fill('none', { amendmentId });
    return typeof none === 'string' ? succeed(`${none}\n`) : none;
  }
  const lines: string[] = [];
  for (const [i, e] of estimates.entries()) {
    const values = estimateValues(amendmentId, e);
    const heading = fill('heading', values);
    if (typeof heading !== 'string') return heading;
    const estimate = fill('estimate', values);
    if (typeof estimate !== 'string') return estimate;
    const effect = effects[i];
    lines.push(
      styler.heading(heading),
      ...estimate.split('\n').map((line) => `  ${line}`),
      ...(effect ? ['', ...effect.split('\n').map((line) => `  ${line}`)] : []),
      '',
    );
  }
  return succeed(lines.join('\n'));
}
