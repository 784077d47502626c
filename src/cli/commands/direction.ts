import { hasErrors } from '../../domain/diagnostics.js';
import type { DirectionMode } from '../../domain/direction.js';
import { renderDirectionText } from '../../domain/report.js';
import { readTemplate } from '../../io/read.js';
import { checkBeforeDocuments } from '../check-gate.js';
import { amendmentPath, loadAmendment } from '../inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';

export interface DirectionOptions extends CommonOptions {
  amendment: string;
  mode: DirectionMode;
  table?: string;
}

/** Prints one amendment's direction: the draft of Attachment 1, or the final text. */
export async function runDirection(options: DirectionOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const read = await loadAmendment(cwd, options.table, options.amendment);
  if (!read.value || hasErrors(read.diagnostics)) return failWith(read.diagnostics, styler);
  // A direction, draft or final, says only what `mtad check` accepts of the amendment and its sequence.
  const gate = await checkBeforeDocuments({ cwd, styler, paths: [amendmentPath(cwd, options.table, options.amendment)], ...(options.table !== undefined && { table: options.table }) });
  if ('failure' in gate) return gate.failure;
  const template = await readTemplate('direction.txt', cwd);
  if (template.value === undefined) return failWith(template.diagnostics, styler);
  const direction = renderDirectionText(read.value, template.value, options.mode);
  if (direction.value === undefined) return failWith(direction.diagnostics, styler);
  return succeed(direction.value, styler);
}
