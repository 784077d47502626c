import type { Amendment } from '../model/amendment.js';
import type { AppliedChange, Application } from '../history/apply.js';
import { describeClosureEffect } from './closure-effect.js';
import { diagnose } from '../model/diagnostics.js';
import { directionValues, type DirectionMode } from './direction-values.js';
import { diffTables, type Redline } from './redline.js';
import { summariseAmendments, type AmendmentSummary } from './summary.js';
import { fillTemplate } from './template.js';
import type { UndatedEffect } from '../history/table-history.js';
import type { EndDateMeaning } from '../model/table.js';
import { fail, succeed, type Result } from '../model/result.js';

/** One amendment's direction: its text, or why it cannot be made. */
export interface DirectionText {
  amendmentId: string;
  mode: DirectionMode;
  text: Result<string>;
}

/** Everything `mtad amend` derives from one application of amendments. */
export interface AmendReport {
  redline: Redline;
  changes: AppliedChange[];
  summaries: AmendmentSummary[];
  directions: DirectionText[];
  /** How the table's end dates are read, for mtad's own views of the report. */
  endDateMeaning: EndDateMeaning;
  /** Between two dates (`mtad diff`): amendments whose date of effect is not recorded and may fall between them. */
  undated?: UndatedEffect[];
}

/**
 * The direction of one amendment, from the template's wording: draft (Attachment 1 with its
 * placeholders) while proposed, or final with every value filled in.
 */
export function renderDirectionText(amendment: Amendment, template: string, mode: DirectionMode): Result<string> {
  const values = directionValues(amendment, mode);
  if (!values.ok) return values;
  const filled = fillTemplate(template, values.value);
  if (filled.text === undefined) {
    return fail([diagnose('TEMPLATE_UNKNOWN_NAME', { names: filled.unknownNames.join(', ') })]);
  }
  return succeed(filled.text);
}

/**
 * Assembles the redline, the summaries and the draft directions of an application. With
 * `closureTemplate`, each closure's summary says what follows from it.
 */
export function buildAmendReport(
  application: Application,
  amendments: readonly Amendment[],
  template: string,
  closureTemplate?: string,
): AmendReport {
  const summaries = summariseAmendments(amendments, application.changes);
  const effectOf = (change: AppliedChange) =>
    closureTemplate === undefined || change.action !== 'close'
      ? undefined
      : describeClosureEffect(closureTemplate, change.cohort, change.to);
  return {
    redline: diffTables(application.before, application.after),
    changes: application.changes,
    endDateMeaning: application.before.endDateMeaning,
    summaries: summaries.map((summary) => {
      const applied = application.changes.filter((c) => c.amendmentId === summary.id);
      return {
        ...summary,
        changes: summary.changes.map((change, i) => {
          const effect = effectOf(applied[i] as AppliedChange);
          return effect === undefined ? change : { ...change, effect };
        }),
      };
    }),
    directions: amendments.map((amendment) => {
      const mode: DirectionMode =
        amendment.status === 'made' && amendment.modification.annex !== null ? 'final' : 'draft';
      return { amendmentId: amendment.id, mode, text: renderDirectionText(amendment, template, mode) };
    }),
  };
}
