import { withFinalValues } from './conclusion-inputs.js';
import { inSequence, onlyToDecide, type Amendment } from '../domain/model/amendment.js';
import { hasErrors, type Diagnostic } from '../domain/model/diagnostics.js';
import type { TableInput } from '../domain/model/table.js';
import type { Result } from '../domain/parse/schema-validation.js';
import { listAmendmentFiles } from '../io/read.js';
import { readAmendmentFile, readCorrections } from './read-data.js';
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
  if (!read.value || hasErrors(read.diagnostics)) return { ok: false, diagnostics: read.diagnostics };
  const tablePath = resolveTablePath(cwd, table);
  const folder = amendmentsDirOf(tablePath);
  const listed = await listAmendmentFiles(folder, cwd);
  if (!listed.value) return { ok: false, diagnostics: listed.diagnostics };
  const results = await Promise.all(listed.value.map((path) => readAmendmentFile(path, cwd)));
  const failures = results.filter((r) => !r.ok && !(r.value && onlyToDecide(r.diagnostics)));
  if (failures.length > 0) return { ok: false, diagnostics: failures.flatMap((r) => r.diagnostics) };
  // Every result that failed holds its amendment (a draft): the failures without one returned above.
  const drafts = results.flatMap((r) => (!r.ok && r.value ? [{ amendment: r.value, toDecide: r.diagnostics }] : []));
  const corrections = await readCorrections(correctionsDirOf(tablePath), cwd);
  if (!corrections.value) return { ok: false, diagnostics: corrections.diagnostics };
  // An end date an amendment recorded as unknown is read as its correction states it.
  const corrected = foldCorrections(
    inSequence(results.flatMap((r) => (r.ok && r.value ? [r.value] : []))),
    corrections.value,
  );
  // A concluded or made amendment stands in the history with its conclusion's final values, as
  // --write makes it: every view of the history (show, diff, log, revert, new) agrees with it.
  const concluded = await withFinalValues(corrected, cwd, tablePath);
  if (hasErrors(concluded.diagnostics)) return { ok: false, diagnostics: concluded.diagnostics };
  const amendments = concluded.amendments;
  return {
    ok: true,
    value: { input: read.value, tablePath, folder, amendments, drafts, corrections: corrections.value },
    diagnostics: [],
  };
}
