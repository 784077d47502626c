import type { Amendment, Change } from '../model/amendment.js';
import { amendmentAsConcluded, type Conclusion, type Decision } from '../model/conclusion.js';
import type { IsoDate } from '../model/dates.js';

/**
 * What the conclusion of a consultation makes final: the decision and, unless the amendment is
 * withdrawn, the date the direction takes effect, its annex and each change's end date. The final
 * direction and `mtad amend --write` use these, never the proposal's dates, once a conclusion exists.
 */
export interface FinalValues {
  id: string;
  decision: Exclude<Decision, 'withdraw'>;
  concluded: IsoDate;
  sentToDepartment: IsoDate;
  modification: { date: IsoDate; annex: string };
  /** Each change of the amendment in order, with its final value (a reopening keeps "none"). */
  changes: Change[];
}

/**
 * The final values of an amendment from its conclusion; undefined when the decision is withdraw
 * (there is no final direction). A change the conclusion gives no final date keeps the proposed
 * one (`mtad check` reports that: CONCLUSION_FINAL_CHANGES), and windows go: a final value is a date.
 */
export function finalValuesOf(amendment: Amendment, conclusion: Conclusion): FinalValues | undefined {
  const made = amendmentAsConcluded(amendment, conclusion);
  if (!made || conclusion.decision === 'withdraw' || !conclusion.final) return undefined;
  return {
    id: amendment.id,
    decision: conclusion.decision,
    concluded: conclusion.concluded,
    sentToDepartment: conclusion.sentToDepartment,
    modification: { ...conclusion.final.modification },
    changes: made.changes,
  };
}

/**
 * The amendment as the conclusion made it: its changes, modification date and annex the final ones,
 * with no window, and the consultation concluded on the conclusion's date. Undefined when withdrawn.
 */
export function finalAmendment(amendment: Amendment, conclusion: Conclusion): Amendment | undefined {
  return amendmentAsConcluded(amendment, conclusion);
}
