import { inSequence, type Amendment } from '../model/amendment.js';
import { applyAmendments } from '../history/apply.js';
import type { Table } from '../model/table.js';

/**
 * The amendments before `amendment` (in their order of application), and the table as they leave
 * it: what its consultation says of earlier closures and of the cohorts still open.
 */
export function consultationHistory(
  amendment: Amendment,
  table: Table,
  amendments: readonly Amendment[],
): { earlier: Amendment[]; tableBefore: Table } {
  const earlier = inSequence(amendments).filter((a) => a.sequence < amendment.sequence);
  const pending = earlier.filter((a) => !table.applied.includes(a.id) && a.status !== 'withdrawn');
  return { earlier, tableBefore: applyAmendments(table, pending).value?.after ?? table };
}
