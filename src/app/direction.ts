import type { Amendment } from '../domain/model/amendment.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import type { Conclusion } from '../domain/model/conclusion.js';
import { finalAmendment } from '../domain/documents/final-values.js';
import type { DirectionMode } from '../domain/documents/direction-values.js';
import { renderDirectionText } from '../domain/documents/amend-report.js';
import { findingsOf, type Result } from '../domain/model/result.js';

/** What `mtad direction` works from, gathered by the CLI. */
export interface DirectionInputs {
  amendment: Amendment;
  mode: DirectionMode;
  /** Whether `mtad check` finds an error in the amendment or its sequence. */
  checkFailed: boolean;
  /** templates/direction.txt. */
  template: Result<string>;
  /** The amendment's conclusion (the file read or looked for, and the conclusion when there is one). */
  conclusion?: { file: string; conclusion?: Conclusion };
}

/** What `mtad direction` prints: the text of the direction, or why there is none. */
export type DirectionPlan =
  { kind: 'refused'; diagnostics: Diagnostic[] } | { kind: 'check-failed' } | { kind: 'report'; report: string };

/** One amendment's direction, draft or final: it says only what `mtad check` accepts. */
export function planDirection(inputs: DirectionInputs): DirectionPlan {
  if (inputs.checkFailed) return { kind: 'check-failed' };
  if (!inputs.template.ok) return { kind: 'refused', diagnostics: findingsOf(inputs.template) };
  const { amendment, conclusion } = inputs;
  // The final direction is made from the conclusion: its date and annex, never the proposal's. (An
  // amendment not yet concluded is refused for its status, as directionValues says.)
  const decided = amendment.status === 'concluded' || amendment.status === 'made';
  if (inputs.mode === 'final' && decided && amendment.consultation.questions.length > 0 && !conclusion?.conclusion)
    return {
      kind: 'refused',
      diagnostics: [
        diagnose(
          'CONCLUSION_MISSING',
          {
            id: amendment.id,
            file: conclusion?.file ?? `conclusions/${amendment.id}.yaml`,
            need: 'final-direction',
            status: amendment.status,
          },
          amendment.origin.locate(['status']),
        ),
      ],
    };
  const concluded =
    inputs.mode === 'final' && conclusion?.conclusion ? finalAmendment(amendment, conclusion.conclusion) : undefined;
  const direction = renderDirectionText(concluded ?? amendment, inputs.template.value, inputs.mode);
  if (!direction.ok) return { kind: 'refused', diagnostics: findingsOf(direction) };
  return { kind: 'report', report: direction.value };
}
