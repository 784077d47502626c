import { CHECK_RULES, checkSources, type CheckResult, type SourceText } from '../domain/check/check-sources.js';
import type { Result } from '../domain/model/result.js';
import type { FileMemo } from '../domain/check/file-rules.js';
import { applyConfig } from '../domain/check/check-config.js';
import { classifyFile } from '../domain/parse/classify-file.js';
import { inSequence } from '../domain/model/amendment.js';
import { diagnose, exitStatusOf, type Diagnostic } from '../domain/model/diagnostics.js';
import type { IsoDate } from '../domain/model/dates.js';
import { EMPTY_LOCK, recordMadeAmendments, serialiseLock, type HashText } from '../domain/history/amendment-lock.js';
import { CHECK_FORMATS } from '../render/check-formats.js';
import type { CheckFormat } from '../render/check-format-names.js';
import { countFindings, type CheckReport, type HiddenFindings } from '../render/check-report.js';
import type { ConfiguredRules } from '../render/check-rules.js';
import { plainStyler, type Styler } from '../render/style.js';
import type { TableInput } from '../domain/model/table.js';
import { renderLockNote, renderTooManyWarnings, type LockNote } from '../render/check-notes.js';
import type { PlannedWrite } from './writes.js';

/** A file of a check: its path, how it is named, and its text when it could be read. */
export interface CheckEntry {
  path: string;
  shown: string;
  text?: string;
}

/** What `mtad check` reads: the files named and their context, with what reading them found. */
export interface CheckSources {
  entries: Map<string, CheckEntry>;
  /** Findings of reading the files (not text, too large, unreadable). */
  diagnostics: Diagnostic[];
  tablePath: string;
  lockPath: string;
  lockShown: string;
  /** The lock file's text, when there is a lock file. */
  lockText?: string;
  /** The folders read: the amendments folder beside the table, and each folder named. */
  folders: string[];
  /** The narratives of consultations beside the table (consultations/*.md), read. */
  narratives: SourceText[];
  /** The folder of conclusions beside the table (conclusions/), as findings name it. */
  conclusionsShown?: string;
  /** The date the check is run for (today in London, or SOURCE_DATE_EPOCH's). */
  today?: IsoDate;
}

/** Every rule of `mtad check` over the files read, with `lock` as the lock file's text. */
export function checkGathered(
  inputs: CheckSources,
  lock: string | undefined,
  hash: HashText,
  memo?: FileMemo,
): CheckResult {
  const texts = [...inputs.entries.values()].filter((e): e is CheckEntry & { text: string } => e.text !== undefined);
  const table = texts.find((e) => e.path === inputs.tablePath);
  const source = (e: CheckEntry & { text: string }): SourceText => ({ file: e.shown, text: e.text });
  const others = texts.filter((e) => e !== table).map((e) => ({ entry: e, kind: classifyFile(e.text).kind }));
  const ofKind = (kind: string) => others.filter((o) => o.kind === kind).map((o) => source(o.entry));
  return checkSources({
    ...(table && { table: { file: table.shown, text: table.text } }),
    amendments: ofKind('amendment'),
    responses: ofKind('response'),
    departments: ofKind('departments'),
    ...(lock !== undefined && { lock: { file: inputs.lockShown, text: lock } }),
    lockFile: inputs.lockShown,
    hash,
    ...(memo && { memo }),
    narratives: inputs.narratives,
    corrections: ofKind('correction'),
    conclusions: ofKind('conclusion'),
    ...(inputs.conclusionsShown !== undefined && {
      conclusionFileOf: (id: string) => `${inputs.conclusionsShown}/${id}.yaml`,
    }),
    ...(inputs.today !== undefined && { today: inputs.today }),
  });
}

/** What `mtad check` works from: the files read, and the options that decide what it prints and writes. */
export interface CheckInputs {
  sources: CheckSources;
  /** The cache of `mtad check`, when one is open: what each unchanged file gave. */
  memo?: FileMemo;
  hash: HashText;
  version: string;
  format: CheckFormat;
  styler: Styler;
  /** --output: further reports, each in its format, to the path given (resolved) and named as shown. */
  outputs: readonly { format: CheckFormat; path: string; shown: string }[];
  maxWarnings?: number;
  updateLock: boolean;
  /**
   * --against: the MTAD's Word document, whose Table 17.6 the table must match cell by cell, and the
   * comparison (app/check-against.ts), given by the caller: it loads the XML reader, which a check
   * without --against, and `mtad amend` that checks first, would otherwise load at every start.
   */
  against?: { document: AgainstDocument; compare: CompareAgainst };
  /**
   * What the configuration, --changed-since and --quiet leave of the findings: those that count (for
   * the exit status and --max-warnings) and those printed. All of them, both, when not given.
   */
  scope?: (all: Diagnostic[]) => { counted: Diagnostic[]; printed: Diagnostic[]; hidden?: HiddenFindings };
  /** The rules the configuration sets otherwise than their default, which the SARIF rules show. */
  configured?: ConfiguredRules;
}

/** The comparison of the table read with the Word document of `--against`. */
export type CompareAgainst = (against: AgainstDocument, table: TableInput | undefined) => Diagnostic[];

/** The Word document of `--against`, as read: its bytes and their hash, or the findings of reading it. */
export interface AgainstDocument {
  shown: string;
  fileName: string;
  read: Result<{ bytes: Uint8Array; sha256: string }>;
}

/**
 * What `mtad check` does: refused (the finding that says why); or the new lock to write first (with
 * --update-lock), then the reports to write, then what to print.
 */
export type CheckPlan =
  | { kind: 'refused'; diagnostics: Diagnostic[] }
  | {
      kind: 'report';
      lock?: PlannedWrite;
      outputs: PlannedWrite[];
      exitCode: 0 | 1 | 2;
      stdout: string;
      stderr: string;
    };

/**
 * Checks the table and the amendments as a CI linter does, and renders the findings in the chosen
 * formats. Exit status: 0 clean (warnings allowed up to --max-warnings), 1 findings, 2 an IO finding.
 */
export function planCheck(inputs: CheckInputs): CheckPlan {
  const { sources } = inputs;
  const check = (lock: string | undefined): CheckResult => checkGathered(sources, lock, inputs.hash, inputs.memo);
  let result = check(sources.lockText);
  let notes = '';
  let lock: PlannedWrite | undefined;
  let lockFailed = false;
  if (inputs.updateLock) {
    const updated = updateLock(result, sources, {
      readable: sources.diagnostics.length === 0,
      hash: inputs.hash,
      configured: inputs.configured ?? new Map(),
    });
    if ('refused' in updated) return { kind: 'refused', diagnostics: [updated.refused] };
    notes = renderLockNote(updated.note);
    lockFailed = updated.failed === true;
    if (updated.write !== undefined) {
      lock = updated.write;
      result = check(updated.write.text);
    }
  }

  const against = inputs.against && inputs.against.compare(inputs.against.document, result.table);
  const all = [...sources.diagnostics, ...result.diagnostics, ...(against ?? [])];
  const { counted, printed, hidden } = inputs.scope ? inputs.scope(all) : { counted: all, printed: all };
  const report: CheckReport = {
    tool: { name: 'mtad', version: inputs.version },
    files: [
      ...[...sources.entries.values()].map((e) => e.shown),
      ...(inputs.against ? [inputs.against.document.shown] : []),
    ].sort(),
    diagnostics: printed,
    rules: CHECK_RULES,
    ...(inputs.configured && { configured: inputs.configured }),
    ...(hidden && { hidden }),
  };
  const outputs = inputs.outputs.map((output): PlannedWrite => ({
    path: output.path,
    text: CHECK_FORMATS[output.format](report, plainStyler),
    expectation: 'any',
    shown: output.shown,
  }));

  let exitCode = exitStatusOf(counted);
  if (lockFailed && exitCode === 0) exitCode = 1;
  const { warnings } = countFindings(counted);
  let stderr = notes;
  if (exitCode === 0 && inputs.maxWarnings !== undefined && warnings > inputs.maxWarnings) {
    exitCode = 1;
    stderr += renderTooManyWarnings(warnings, inputs.maxWarnings);
  }
  return {
    kind: 'report',
    ...(lock && { lock }),
    outputs,
    exitCode,
    stdout: CHECK_FORMATS[inputs.format](report, inputs.styler),
    stderr,
  };
}

/**
 * The lock recording the made amendments not yet in it, to be written only if the file still holds
 * the text read (or, when there was none, if it still does not exist); no write when it records
 * every one already.
 */
function updateLock(
  result: CheckResult,
  sources: CheckSources,
  { readable, hash, configured }: { readable: boolean; hash: HashText; configured: ConfiguredRules },
): { refused: Diagnostic } | { note: LockNote; write?: PlannedWrite; failed?: true } {
  const { lockPath, lockShown, lockText } = sources;
  // A finding of the command line, not of a file: what stops it is in other files, which a check
  // without --update-lock names.
  if (!readable || !result.complete) return { refused: diagnose('LOCK_UPDATE_REFUSED', { lockFile: lockShown }) };
  const before = result.lock ?? EMPTY_LOCK;
  const after = recordMadeAmendments(before, inSequence(result.amendments), hash);
  const added = after.amendments.slice(before.amendments.length).map((e) => e.id);
  // A made amendment is locked for good: recorded while its file, its conclusion or its responses
  // still hold an error, it could not be put right afterwards without a LOCK_MISMATCH. An error is
  // one as this check reports it: a warning the configuration makes an error is one.
  const reported = applyConfig(result.diagnostics, { rules: configured });
  const unclean = added.filter((id) => errorsAbout(result, reported, id).length > 0);
  if (unclean.length > 0) return { note: { kind: 'unclean', lock: lockShown, ids: unclean }, failed: true };
  if (added.length === 0 && lockText !== undefined) return { note: { kind: 'up-to-date', lock: lockShown } };
  return {
    note: { kind: 'recorded', lock: lockShown, ids: added },
    write: {
      path: lockPath,
      text: serialiseLock(after),
      expectation: lockText !== undefined ? { text: lockText } : 'absent',
      shown: lockShown,
    },
  };
}

/**
 * The errors in `reported` (the check's findings, as configured) in the files an amendment's lock
 * entry stands for: the amendment's own, and those of its conclusion and its responses. The lock's
 * own findings on it (not recorded yet) are what recording it settles.
 */
function errorsAbout(result: CheckResult, reported: readonly Diagnostic[], id: string): Diagnostic[] {
  const files = new Set([
    ...result.amendments.filter((a) => a.id === id).map((a) => a.origin.file),
    ...result.conclusions.filter((c) => c.amendment === id).map((c) => c.origin.file),
    ...result.responses.filter((r) => r.amendment === id).map((r) => r.origin.file),
  ]);
  // A conclusion or response of the amendment that does not even read is known by where it lies.
  const besides = (file: string) => file.endsWith(`conclusions/${id}.yaml`) || file.includes(`responses/${id}/`);
  return reported.filter(
    (d) =>
      d.severity === 'error' &&
      d.file !== undefined &&
      (files.has(d.file) || besides(d.file)) &&
      !d.code.startsWith('LOCK_'),
  );
}
