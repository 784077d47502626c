import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { declaredId, inSequence } from '../../domain/amendment.js';
import { CHECK_RULES, checkSources, type CheckResult, type SourceText } from '../../domain/check.js';
import type { FileMemo } from '../../domain/check-file.js';
import { diagnose, exitStatusOf, type Diagnostic } from '../../domain/diagnostics.js';
import { formatDiagnostic } from '../../render/diagnostic-messages.js';
import { EMPTY_LOCK, recordMadeAmendments, serialiseLock } from '../../domain/lock.js';
import { writeFileAtomically } from '../../io/write.js';
import { cacheFileAt, defaultCacheFile, openCheckCache, refuseCacheFile, type CheckCache } from '../../io/check-cache.js';
import { refuseProtectedOutput, refuseRepeatedOutput, type ProtectedPaths } from '../../io/output-guard.js';
import { sha256 } from '../../io/hash.js';
import { listYamlFiles } from '../../io/list-files.js';
import { decodeText, displayPath, readTextSync } from '../../io/read.js';
import { CHECK_FORMATS, type CheckFormat } from '../../render/check-formats.js';
import { countFindings, type CheckReport } from '../../render/check-report.js';
import { renderRulesJson, renderRulesTable } from '../../render/check-rules.js';
import { plainStyler } from '../../render/style.js';
import { amendmentsDirOf, lockPathOf, resolveTablePath } from '../inputs.js';
import { failWith, type CommonOptions, type Outcome } from '../outcome.js';
import { withWriteLock } from '../write-lock.js';

/** The lock of made amendments, beside the table. */

export interface CheckOptions extends CommonOptions {
  /** Files and folders to check; none means data/ (or, with stdin, only the input and its context). */
  paths: string[];
  /** The table to check the amendments against when the paths name none. */
  table?: string;
  format: CheckFormat;
  /** Further reports written to files, each in its format. */
  outputs: { format: CheckFormat; path: string }[];
  maxWarnings?: number;
  /** A file given on standard input, in place of the file of that name. */
  stdin?: { bytes: Uint8Array; filename: string };
  updateLock: boolean;
  version: string;
  /** False with --no-cache; default true. */
  cache?: boolean;
  /** --cache-location: the cache file, or a folder to hold it. */
  cacheLocation?: string;
  /** A hash of the code bundled into mtad; without one (mtad run from its sources) nothing is cached. */
  codeHash?: string;
}

/** A file to check: its path, how it is named, and its text when it could be read. */
interface Entry {
  path: string;
  shown: string;
  text?: string;
}

/** A table file names its cohorts; an amendment file never does. */
const looksLikeTable = (text: string) => /^(?:cohorts|asAt|applied)\s*:/m.test(text);

/** What `mtad check` reads: the files named and their context, with what reading them found. */
export interface CheckInputs {
  entries: Map<string, Entry>;
  /** Findings of reading the files (not text, too large, unreadable). */
  diagnostics: Diagnostic[];
  tablePath: string;
  lockPath: string;
  lockShown: string;
  /** The lock file's text, when there is a lock file. */
  lockText?: string;
  /** The folders read: the amendments folder beside the table, and each folder named. */
  folders: string[];
}

/**
 * Reads what `mtad check` checks: the files and folders named (data/ by default), the table (one
 * among them, else --table), every amendment beside the table, and the lock of made amendments.
 * A path that cannot be reached fails at once.
 */
export async function gatherCheckInputs(options: Pick<CheckOptions, 'cwd' | 'styler' | 'paths' | 'table' | 'stdin'>): Promise<CheckInputs | { failure: Outcome }> {
  const { cwd } = options;
  const diagnostics: Diagnostic[] = [];
  const entries = new Map<string, Entry>();
  const read = (path: string) => {
    const shown = displayPath(path, cwd);
    const text = readTextSync(path, shown);
    return { entry: { path, shown, ...(text.value !== undefined && { text: text.value }) }, found: text.diagnostics };
  };
  const readAll = (paths: readonly string[]) => {
    for (const path of paths) {
      const { entry, found } = read(path);
      diagnostics.push(...found);
      entries.set(path, entry);
    }
  };

  const paths = options.paths.length > 0 || options.stdin ? options.paths : ['data'];
  const listed = await listYamlFiles(paths, cwd);
  // A path that cannot be reached is a mistake on the command line, not a finding in the data:
  // checking the rest would bury it in a report the user did not ask for (as ESLint does).
  if (listed.diagnostics.length > 0) return { failure: failWith(listed.diagnostics, options.styler) };
  readAll(listed.files);
  if (options.stdin) {
    const path = resolve(cwd, options.stdin.filename);
    const shown = displayPath(path, cwd);
    const text = decodeText(options.stdin.bytes, shown);
    diagnostics.push(...text.diagnostics);
    entries.set(path, { path, shown, ...(text.value !== undefined && { text: text.value }) });
  }

  // The table: one named among the paths, else --table (data/table-17.6.yaml), as context.
  const tables = [...entries.values()].filter((e) => e.text !== undefined && looksLikeTable(e.text));
  if (tables.length > 1) {
    return { failure: usageError(`found ${tables.length} table files (${tables.map((t) => t.shown).join(', ')}); check one table and its amendments at a time`) };
  }
  const tablePath = tables[0]?.path ?? resolveTablePath(cwd, options.table);
  if (!entries.has(tablePath)) {
    const shown = displayPath(tablePath, cwd);
    const missing = (hint: string) => diagnose('FILE_NOT_FOUND', { what: `the table ${shown}`, hint }, { file: shown });
    if (existsSync(tablePath)) readAll([tablePath]);
    // --table named on the command line is held to the same rule as a path there.
    else if (options.table !== undefined) return { failure: failWith([missing('pass --table an existing table file')], options.styler) };
    else diagnostics.push(missing('name the data folder (mtad check data/) or pass --table FILE'));
  }
  // Every amendment beside the table is part of the sequence, even when only one file was named.
  const folder = amendmentsDirOf(tablePath);
  if (!listed.folders.has(folder) && existsSync(folder)) {
    const context = await listYamlFiles([folder], cwd);
    const standIns = idsNamedOutside(entries.values(), folder, tablePath);
    for (const path of context.files) {
      if (entries.has(path)) continue;
      const { entry, found } = read(path);
      if (standIns.size > 0 && entry.text !== undefined && standIns.has(declaredId(entry.text) ?? '')) continue;
      diagnostics.push(...found);
      entries.set(path, entry);
    }
  }

  const lockPath = lockPathOf(tablePath);
  const lockShown = displayPath(lockPath, cwd);
  let lockText: string | undefined;
  if (existsSync(lockPath)) {
    const text = readTextSync(lockPath, lockShown);
    diagnostics.push(...text.diagnostics);
    lockText = text.value;
  }
  return { entries, diagnostics, tablePath, lockPath, lockShown, ...(lockText !== undefined && { lockText }), folders: [folder, ...listed.folders] };
}

/** Every rule of `mtad check` over what gatherCheckInputs read, with `lock` as the lock file's text. */
export function checkGathered(inputs: CheckInputs, lock: string | undefined, memo?: FileMemo): CheckResult {
  const texts = [...inputs.entries.values()].filter((e): e is Entry & { text: string } => e.text !== undefined);
  const table = texts.find((e) => e.path === inputs.tablePath);
  const amendments = texts.filter((e) => e !== table).map((e): SourceText => ({ file: e.shown, text: e.text }));
  return checkSources({
    ...(table && { table: { file: table.shown, text: table.text } }),
    amendments,
    ...(lock !== undefined && { lock: { file: inputs.lockShown, text: lock } }),
    lockFile: inputs.lockShown,
    hash: sha256,
    ...(memo && { memo }),
  });
}

/**
 * Checks the table and the amendments as a CI linter does, and renders the findings in the chosen
 * formats. Exit status: 0 clean (warnings allowed up to --max-warnings), 1 findings, 2 usage or IO.
 */
export function runCheck(options: CheckOptions): Promise<Outcome> {
  // --update-lock reads the lock and writes it: under the write lock, as `amend --write`, which
  // writes it too.
  return options.updateLock ? withWriteLock(options, () => checkData(options)) : checkData(options);
}

async function checkData(options: CheckOptions): Promise<Outcome> {
  const { cwd } = options;
  const gathered = await gatherCheckInputs(options);
  if ('failure' in gathered) return gathered.failure;
  const { entries, diagnostics, tablePath, lockPath, lockShown, lockText, folders } = gathered;

  // Before anything is written: no output over or into what this run reads.
  const refused = refuseOutputs(options, { cwd, tablePath, inputs: [...folders, lockPath, ...entries.keys()] });
  if (refused.length > 0) return failWith(refused, options.styler);

  const cache = await openCache(options, tablePath);
  const check = (lock: string | undefined): CheckResult => checkGathered(gathered, lock, cache?.memo);

  let result = check(lockText);
  let notes = '';
  if (options.updateLock) {
    const updated = await updateLock(result, { path: lockPath, shown: lockShown, text: lockText }, diagnostics.length === 0);
    if ('failure' in updated) return updated.failure;
    notes = updated.note;
    if (updated.text !== undefined) result = check(updated.text);
  }

  await cache?.save();

  const all = [...diagnostics, ...result.diagnostics];
  const report: CheckReport = {
    tool: { name: 'mtad', version: options.version },
    files: [...entries.values()].map((e) => e.shown).sort(),
    diagnostics: all,
    rules: CHECK_RULES,
  };
  for (const output of options.outputs) {
    const path = resolve(cwd, output.path);
    const written = await writeFileAtomically(path, CHECK_FORMATS[output.format](report, plainStyler), 'any', displayPath(path, cwd));
    if (!written.ok) return { exitCode: 2, stdout: '', stderr: written.diagnostics.map((d) => `mtad check: ${d.file}: cannot write the report (${reasonOf(d)})\n`).join('') };
  }

  let exitCode = exitStatusOf(all);
  const { warnings } = countFindings(all);
  let stderr = notes;
  if (exitCode === 0 && options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    exitCode = 1;
    stderr += `mtad check: ${warnings} warning(s), more than --max-warnings ${options.maxWarnings} allows.\n`;
  }
  return { exitCode, stdout: CHECK_FORMATS[options.format](report, options.styler), stderr };
}

/**
 * Records the made amendments not yet in the lock, writing the lock atomically when it changes, and
 * only if it still holds the text read (or, when there was none, if it still does not exist).
 */
async function updateLock(result: CheckResult, lock: { path: string; shown: string; text: string | undefined }, readable: boolean): Promise<{ failure: Outcome } | { note: string; text?: string }> {
  const { path: lockPath, shown: lockShown } = lock;
  if (!readable || !result.complete) {
    return { failure: usageError(`cannot update ${lockShown}: every file must be readable and pass its schema first; run mtad check without --update-lock to see why not`, 1) };
  }
  const before = result.lock ?? EMPTY_LOCK;
  const after = recordMadeAmendments(before, inSequence(result.amendments), sha256);
  const added = after.amendments.slice(before.amendments.length).map((e) => e.id);
  if (added.length === 0 && lock.text !== undefined) return { note: `${lockShown} already records every made amendment.\n` };
  const text = serialiseLock(after);
  const written = await writeFileAtomically(lockPath, text, lock.text !== undefined ? { text: lock.text } : 'absent', lockShown);
  if (!written.ok) return { failure: usageError(`cannot write ${lockShown}: ${written.diagnostics.map(reasonOf).join('; ')}`) };
  return { note: `Recorded in ${lockShown}: ${added.length > 0 ? added.join(', ') : 'no made amendment yet'}.\n`, text };
}

/** Why a file could not be written, in words that fit after "cannot write FILE: ". */
function reasonOf(d: Diagnostic): string {
  return 'reason' in d.args && typeof d.args.reason === 'string' ? d.args.reason : formatDiagnostic(d);
}

/**
 * Why an output of this run may not be written: a report (--output) or the cache (--cache-location)
 * that is the working folder or holds it, lies in the data folder, or is or holds an input; a cache
 * location that is empty, or that holds something mtad did not write as its cache; a report at the
 * path of the cache or of another report, which would write one over the other.
 */
function refuseOutputs(options: CheckOptions, protect: ProtectedPaths): Diagnostic[] {
  const refused: Diagnostic[] = [];
  const written: string[] = [];
  const location = options.cache === false ? undefined : options.cacheLocation;
  if (location === '') refused.push(diagnose('ARGUMENT_INVALID', { option: '--cache-location', value: location, expected: 'the path of the cache file, or of a folder to hold it (an empty one is what an unset shell variable gives)' }));
  else if (location !== undefined) {
    const path = cacheFileAt(location, options.cwd);
    const refusal = refuseProtectedOutput(path, protect) ?? refuseCacheFile(path, displayPath(path, options.cwd));
    if (refusal) refused.push(refusal);
    written.push(path);
  }
  for (const output of options.outputs) {
    const refusal = refuseProtectedOutput(output.path, protect) ?? refuseRepeatedOutput(output.path, written, options.cwd);
    if (refusal) refused.push(refusal);
    written.push(output.path);
  }
  return refused;
}

/** The cache of this run, unless --no-cache or no place for it (see docs/cache.md). */
async function openCache(options: CheckOptions, tablePath: string): Promise<CheckCache | undefined> {
  if (options.cache === false || options.codeHash === undefined) return undefined;
  const path = options.cacheLocation !== undefined ? cacheFileAt(options.cacheLocation, options.cwd) : defaultCacheFile(tablePath, options.cwd);
  if (path === undefined) return undefined;
  // An editor's buffer changes with every keystroke: it is checked with the cache, not stored in it.
  return openCheckCache(path, `${options.version}+${options.codeHash}`, { readOnly: options.stdin !== undefined });
}

/**
 * The ids of the amendments named from outside the table's amendments folder. Each stands in for the
 * amendment of the same id inside it, as --stdin-filename does: moved into the folder as ID.yaml, it
 * would replace that file, not sit beside it as a duplicate. An id not written plainly on its own
 * line is not recognised here, and the duplicate is reported.
 */
function idsNamedOutside(entries: Iterable<Entry>, folder: string, tablePath: string): Set<string> {
  const ids = new Set<string>();
  for (const { path, text } of entries) {
    const inside = relative(folder, path);
    if (path === tablePath || text === undefined || !(inside.startsWith('..') || isAbsolute(inside))) continue;
    const id = declaredId(text);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

function usageError(message: string, exitCode: 1 | 2 = 2): Outcome {
  return { exitCode, stdout: '', stderr: `mtad check: ${message}\n` };
}

/** `mtad check --list-rules`: every rule with its code, severity and one-line doc. */
export function runListRules(format: CheckFormat): Outcome {
  return { exitCode: 0, stdout: format === 'json' ? renderRulesJson(CHECK_RULES) : renderRulesTable(CHECK_RULES), stderr: '' };
}
