import { formatDateWithWeekday } from '../model/dates.js';
import { fillTemplate } from './template.js';
import type { CellValue } from '../model/cell-value.js';

/**
 * The cohort of the consultation the wording and figures come from (the reference consultation,
 * SMETS1_Consultation_MDUST_Close_MOC_Secure): for any other cohort the template says so.
 */
const REFERENCE_COHORT = 'MOC (Secure)';

/**
 * What a closure means for its cohort, in the reference consultation's terms (section 2), from
 * templates/closure-effect.txt: after the end date no new test devices can be migrated into the UIT
 * environments for the cohort, and re-starting needs an MTAD amendment and a purchase. Undefined
 * when the row has no end date (no closure) or the template names a value mtad does not fill.
 */
export function describeClosureEffect(template: string, cohort: string, endDate: CellValue): string | undefined {
  if (endDate.kind === 'none' || endDate.kind === 'text') return undefined;
  const known = endDate.kind === 'date';
  const filled = fillTemplate(template, {
    cohort,
    referenceCohort: cohort === REFERENCE_COHORT,
    endDateKnown: known,
    endDate: known ? formatDateWithWeekday(endDate.date) : 'unknown',
  });
  return filled.text?.trim();
}
