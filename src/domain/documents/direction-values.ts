import { knownDate, type Amendment } from '../model/amendment.js';
import { formatLongDate } from '../model/dates.js';
import { diagnose, type Diagnostic } from '../model/diagnostics.js';
import type { TemplateValues } from './template.js';
import { fail, succeed, type Result } from '../model/result.js';

/** draft: Attachment 1 as consulted on, with its placeholders; final: every value filled in. */
export type DirectionMode = 'draft' | 'final';

/** The placeholders of the draft direction, word for word from Attachment 1. */
export const DRAFT_DATE = '[DD MM YYYY]';
export const DRAFT_ANNEX = '[TBC]';

/** The statuses of an amendment whose final direction may be made: concluded, or made (directed). */
const FINAL_STATUSES: ReadonlySet<Amendment['status']> = new Set(['concluded', 'made']);

/**
 * The values the direction template needs. A final direction refuses to be made while the
 * amendment is not concluded or made, or while the effective date or the annex is unset, naming
 * the field.
 */
export function directionValues(amendment: Amendment, mode: DirectionMode): Result<TemplateValues> {
  const { legalBasis, modification, origin: source } = amendment;
  if (!legalBasis) {
    return fail([diagnose('DIRECTION_FIELD_MISSING', { field: 'legalBasis', id: amendment.id }, source.locate([]))]);
  }
  const base = {
    draft: mode === 'draft',
    clause: legalBasis.clause,
    appendix: legalBasis.appendix,
    appendixName: legalBasis.document,
  };
  if (mode === 'draft') return succeed({ ...base, effectiveDate: DRAFT_DATE, annex: DRAFT_ANNEX });

  const diagnostics: Diagnostic[] = [];
  // A final direction is DCC's decision: it follows the conclusion, never a proposal still open.
  if (!FINAL_STATUSES.has(amendment.status))
    diagnostics.push(
      diagnose('DIRECTION_NOT_CONCLUDED', { id: amendment.id, status: amendment.status }, source.locate(['status'])),
    );
  const date = knownDate(modification.date);
  if (!date)
    diagnostics.push(
      diagnose(
        'DIRECTION_FIELD_MISSING',
        { field: 'modification.date', id: amendment.id },
        source.locate(['modification', 'date']),
      ),
    );
  if (modification.annex === null)
    diagnostics.push(
      diagnose(
        'DIRECTION_FIELD_MISSING',
        { field: 'modification.annex', id: amendment.id },
        source.locate(['modification', 'annex']),
      ),
    );
  if (diagnostics.length > 0 || !date || modification.annex === null) return fail(diagnostics);
  return succeed({ ...base, effectiveDate: formatLongDate(date), annex: modification.annex }, diagnostics);
}
