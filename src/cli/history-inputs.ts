import { withFinalValues } from './conclusion-inputs.js';
import { inSequence, onlyToDecide, type Amendment } from '../domain/model/amendment.js';
import { hasErrors, type Diagnostic } from '../domain/model/diagnostics.js';
import type { TableInput } from '../domain/model/table.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import { listAmendmentFiles } from '../io/read.js';
import { readAmendmentWhole, readCorrections } from './read-data.js';
import { amendmentsDirOf, correctionsDirOf, loadTable, resolveTablePath } from './inputs.js';
import { foldCorrections, type Correction } from '../domain/history/corrections.js';

/** An amendment file that reads soundly but still has values tagged !todo. */
interface Draft {
  amendment: Amendment;
  toDecide: Diagnostic[];
}

/** The table and every amendment beside it: what the history commands work from. */
export interface History {
  input: TableInput;
  tablePath: string;
  folder: string;
  /** Complete amendments, in sequence. */
  amendments: Amendment[];
  /** Drafts with fields still to decide: listed by `log`, counted by nothing. */
  drafts: Draft[];
  /** The corrections of values, in the order recorded; `amendments` already read with them. */
  corrections: Correction[];
}

/**
 * Reads the table and the amendments folder. Any finding fails, except fields still to decide
 * (FIELD_TO_DECIDE) in a draft, which sets that draft aside.
 */
export async function loadHistory(cwd: string, table: string | undefined): Promise<Result<History>> {
  const read = await loadTable(cwd, table);
  if (!read.ok) return read;
  const tablePath = resolveTablePath(cwd, table);
  const folder = amendmentsDirOf(tablePath);
  const listed = await listAmendmentFiles(folder, cwd);
  if (!listed.ok) return listed;
  const readings = await Promise.all(listed.value.map((path) => readAmendmentWhole(path, cwd)));
  const failures = readings.filter((r) => hasErrors(r.findings) && !(r.data && onlyToDecide(r.findings)));
  if (failures.length > 0) return fail(failures.flatMap((r) => r.findings));
  // Every reading with an error holds its amendment (a draft): the failures without one returned above.
  const drafts = readings.flatMap((r) =>
    r.data && hasErrors(r.findings) ? [{ amendment: r.data, toDecide: [...r.findings] }] : [],
  );
  const corrections = await readCorrections(correctionsDirOf(tablePath), cwd);
  if (!corrections.ok) return corrections;
  // An end date an amendment recorded as unknown is read as its correction states it.
  const corrected = foldCorrections(
    inSequence(readings.flatMap((r) => (r.data && !hasErrors(r.findings) ? [r.data] : []))),
    corrections.value,
  );
  // A concluded or made amendment stands in the history with its conclusion's final values, as
  // --write makes it: every view of the history (show, diff, log, revert, new) agrees with it.
  const concluded = await withFinalValues(corrected, cwd, tablePath);
  if (hasErrors(concluded.diagnostics)) return fail(concluded.diagnostics);
  const amendments = concluded.amendments;
  return succeed({ input: read.value, tablePath, folder, amendments, drafts, corrections: corrections.value });
}
