import { knownDate, type Amendment } from './amendment.js';
import { formatLongDate } from './dates.js';
import { diagnose, type Diagnostic } from './diagnostics.js';
import type { TemplateValues } from './template.js';
import type { Result } from './validate.js';

/** draft: Attachment 1 as consulted on, with its placeholders; final: every value filled in. */
export type DirectionMode = 'draft' | 'final';

/** The placeholders of the draft direction, word for word from Attachment 1. */
export const DRAFT_DATE = '[DD MM YYYY]';
export const DRAFT_ANNEX = '[TBC]';

/**
 * The values the direction template needs. A final direction refuses to be made while the
 * effective date or the annex is unset, naming the field.
 */
export function directionValues(amendment: Amendment, mode: DirectionMode): Result<TemplateValues> {
  const { legalBasis, modification, origin: source } = amendment;
  if (!legalBasis) {
    return { ok: false, diagnostics: [diagnose('DIRECTION_FIELD_MISSING', { field: 'legalBasis', id: amendment.id }, source.locate([]))] };
  }
  const base = { draft: mode === 'draft', clause: legalBasis.clause, appendix: legalBasis.appendix, appendixName: legalBasis.document };
  if (mode === 'draft') return { ok: true, value: { ...base, effectiveDate: DRAFT_DATE, annex: DRAFT_ANNEX }, diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  const date = knownDate(modification.date);
  if (!date) diagnostics.push(diagnose('DIRECTION_FIELD_MISSING', { field: 'modification.date', id: amendment.id }, source.locate(['modification', 'date'])));
  if (modification.annex === null) diagnostics.push(diagnose('DIRECTION_FIELD_MISSING', { field: 'modification.annex', id: amendment.id }, source.locate(['modification', 'annex'])));
  if (!date || modification.annex === null) return { ok: false, diagnostics };
  return { ok: true, value: { ...base, effectiveDate: formatLongDate(date), annex: modification.annex }, diagnostics };
}
