import {
  decideCorrection,
  serialiseCorrection,
  writeCorrectedCell,
  type Correction,
  type CorrectionRequest,
} from '../domain/history/corrections.js';
import {
  EMPTY_LOCK,
  parseLock,
  recordCorrection,
  serialiseLock,
  type HashText,
} from '../domain/history/amendment-lock.js';
import type { Amendment } from '../domain/model/amendment.js';
import type { Diagnostic } from '../domain/model/diagnostics.js';
import type { TableInput } from '../domain/model/table.js';
import { parseYaml } from '../domain/parse/yaml-source.js';
import { renderCorrection } from '../render/corrections.js';
import type { Styler } from '../render/style.js';
import type { PlannedWrite } from './writes.js';
import { findingsOf } from '../domain/model/result.js';

/** What `mtad correct` works from, gathered by the CLI. */
export interface CorrectInputs {
  table: TableInput;
  tablePath: string;
  tableShown: string;
  /** The amendments beside the table, as their files say. */
  amendments: readonly Amendment[];
  corrections: readonly Correction[];
  /** Where a new correction file goes: the folder's path, and how it is named. */
  folder: { path: string; shown: string };
  lock: { path: string; shown: string; text?: string };
  request: CorrectionRequest;
  write: boolean;
  hash: HashText;
  styler: Styler;
}

/** Refused (the findings), or the report and, with --write, the three files to write together. */
export type CorrectPlan =
  { kind: 'refused'; diagnostics: Diagnostic[] } | { kind: 'report'; report: string; writes: PlannedWrite[] };

/**
 * A correction of one value: decided against the table and the amendments it reflects, then the
 * correction file, the lock recording it and the table holding the value, all three or none. The
 * order is that of the writes: should a process be killed between two renames, `mtad check` names
 * what is missing (LOCK_MISSING, CORRECTION_NOT_REFLECTED).
 */
export function planCorrect(inputs: CorrectInputs): CorrectPlan {
  const decided = decideCorrection(inputs.table.table, inputs.amendments, inputs.corrections, inputs.request);
  if (!decided.ok) return { kind: 'refused', diagnostics: findingsOf(decided) };
  const { correction } = decided.value;
  const fileName = `${correction.id}.yaml`;
  const correctionText = serialiseCorrection(correction);
  const correctionFile: PlannedWrite = {
    path: `${inputs.folder.path}/${fileName}`,
    shown: `${inputs.folder.shown}/${fileName}`,
    text: correctionText,
    expectation: 'absent',
  };
  const parsedLock = inputs.lock.text === undefined ? undefined : parseLock(inputs.lock.text, inputs.lock.shown);
  if (parsedLock && !parsedLock.ok) return { kind: 'refused', diagnostics: findingsOf(parsedLock) };
  const written = parseYaml(correctionText, correctionFile.shown);
  if (!written.ok) throw new Error('a correction mtad wrote does not parse');
  const lock = recordCorrection(
    parsedLock?.value.lock ?? EMPTY_LOCK,
    { id: correction.id, origin: written.value.source },
    inputs.hash,
  );
  const writes: PlannedWrite[] = [
    correctionFile,
    {
      path: inputs.lock.path,
      shown: inputs.lock.shown,
      text: serialiseLock(lock),
      expectation: inputs.lock.text === undefined ? 'absent' : { text: inputs.lock.text },
    },
    {
      path: inputs.tablePath,
      shown: inputs.tableShown,
      text: writeCorrectedCell(inputs.table.source, decided.value),
      expectation: { text: inputs.table.source.text },
    },
  ];
  const report = renderCorrection(
    correction,
    writes.map((w) => w.shown),
    inputs.write,
    inputs.styler,
  );
  return { kind: 'report', report, writes: inputs.write ? writes : [] };
}
