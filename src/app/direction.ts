import type { Amendment } from '../domain/model/amendment.js';
import type { Diagnostic } from '../domain/model/diagnostics.js';
import type { DirectionMode } from '../domain/documents/direction-values.js';
import { renderDirectionText } from '../domain/documents/amend-report.js';
import type { Result } from '../domain/parse/schema-validation.js';

/** What `mtad direction` works from, gathered by the CLI. */
export interface DirectionInputs {
  amendment: Amendment;
  mode: DirectionMode;
  /** Whether `mtad check` finds an error in the amendment or its sequence. */
  checkFailed: boolean;
  /** templates/direction.txt. */
  template: Result<string>;
}

/** What `mtad direction` prints: the text of the direction, or why there is none. */
export type DirectionPlan =
  { kind: 'refused'; diagnostics: Diagnostic[] } | { kind: 'check-failed' } | { kind: 'report'; report: string };

/** One amendment's direction, draft or final: it says only what `mtad check` accepts. */
export function planDirection(inputs: DirectionInputs): DirectionPlan {
  if (inputs.checkFailed) return { kind: 'check-failed' };
  if (inputs.template.value === undefined) return { kind: 'refused', diagnostics: inputs.template.diagnostics };
  const direction = renderDirectionText(inputs.amendment, inputs.template.value, inputs.mode);
  if (direction.value === undefined) return { kind: 'refused', diagnostics: direction.diagnostics };
  return { kind: 'report', report: direction.value };
}
