import { inSequence, type Amendment } from '../model/amendment.js';
import { reflectWhatApplies } from '../history/table-history.js';
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
  // The table with exactly the earlier amendments reflected: those it has not yet applied are
  // applied, and this one and any later that it has applied already (a pack made again after
  // --write) are taken back, so that the consultation reads as it did when it was issued.
  const counted = new Set(earlier.filter((a) => a.status !== 'withdrawn').map((a) => a.id));
  return { earlier, tableBefore: reflectWhatApplies(table, amendments, counted).table };
}
