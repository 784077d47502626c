import { resolve } from 'node:path';
import { CHECK_RULES, type CheckResult } from '../../domain/check/check-sources.js';
import { inSequence } from '../../domain/model/amendment.js';
import { diagnose, exitStatusOf, type Diagnostic } from '../../domain/model/diagnostics.js';
import { formatDiagnostic } from '../../render/diagnostic-messages.js';
import { EMPTY_LOCK, recordMadeAmendments, serialiseLock } from '../../domain/history/amendment-lock.js';
import { writeFileAtomically } from '../../io/write.js';
import {
  cacheFileAt,
  defaultCacheFile,
  openCheckCache,
  refuseCacheFile,
  type CheckCache,
} from '../../io/check-cache.js';
import { refuseProtectedOutput, refuseRepeatedOutput, type ProtectedPaths } from '../../io/output-guard.js';
import { sha256 } from '../../io/hash.js';
import { displayPath } from '../../io/read.js';
import { CHECK_FORMATS, type CheckFormat } from '../../render/check-formats.js';
import { countFindings, type CheckReport } from '../../render/check-report.js';
import { renderRulesJson, renderRulesTable } from '../../render/check-rules.js';
import { plainStyler } from '../../render/style.js';
import { checkGathered, gatherCheckInputs, type CheckInputOptions } from '../check-inputs.js';
import { scopeFindings, type FindingScope } from '../check-config.js';
import { failWith, usageError, type Outcome } from '../outcome.js';
import { withWriteLock } from '../write-lock.js';

export interface CheckOptions extends CheckInputOptions, FindingScope {
  format: CheckFormat;
  /** Further reports written to files, each in its format. */
  outputs: { format: CheckFormat; path: string }[];
  maxWarnings?: number;
  updateLock: boolean;
  version: string;
  /** False with --no-cache; default true. */
  cache?: boolean;
  /** --cache-location: the cache file, or a folder to hold it. */
  cacheLocation?: string;
  /** A hash of the code bundled into mtad; without one (mtad run from its sources) nothing is cached. */
  codeHash?: string;
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
    const updated = await updateLock(
      result,
      { path: lockPath, shown: lockShown, text: lockText },
      diagnostics.length === 0,
    );
    if ('failure' in updated) return updated.failure;
    notes = updated.note;
    if (updated.text !== undefined) result = check(updated.text);
  }

  await cache?.save();

  const { counted, printed } = scopeFindings([...diagnostics, ...result.diagnostics], options, cwd);
  const report: CheckReport = {
    tool: { name: 'mtad', version: options.version },
    files: [...entries.values()].map((e) => e.shown).sort(),
    diagnostics: printed,
    rules: CHECK_RULES,
  };
  for (const output of options.outputs) {
    const path = resolve(cwd, output.path);
    const written = await writeFileAtomically(
      path,
      CHECK_FORMATS[output.format](report, plainStyler),
      'any',
      displayPath(path, cwd),
    );
    if (!written.ok)
      return {
        exitCode: 2,
        stdout: '',
        stderr: written.diagnostics
          .map((d) => `mtad: error: ${d.file}: cannot write the report (${reasonOf(d)})\n`)
          .join(''),
      };
  }

  let exitCode = exitStatusOf(counted);
  const { warnings } = countFindings(counted);
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
async function updateLock(
  result: CheckResult,
  lock: { path: string; shown: string; text: string | undefined },
  readable: boolean,
): Promise<{ failure: Outcome } | { note: string; text?: string }> {
  const { path: lockPath, shown: lockShown } = lock;
  if (!readable || !result.complete) {
    return {
      failure: usageError(
        `cannot update ${lockShown}: every file must be readable and pass its schema first; run mtad check without --update-lock to see why not`,
        1,
      ),
    };
  }
  const before = result.lock ?? EMPTY_LOCK;
  const after = recordMadeAmendments(before, inSequence(result.amendments), sha256);
  const added = after.amendments.slice(before.amendments.length).map((e) => e.id);
  if (added.length === 0 && lock.text !== undefined)
    return { note: `${lockShown} already records every made amendment.\n` };
  const text = serialiseLock(after);
  const written = await writeFileAtomically(
    lockPath,
    text,
    lock.text !== undefined ? { text: lock.text } : 'absent',
    lockShown,
  );
  if (!written.ok)
    return { failure: usageError(`cannot write ${lockShown}: ${written.diagnostics.map(reasonOf).join('; ')}`) };
  return {
    note: `Recorded in ${lockShown}: ${added.length > 0 ? added.join(', ') : 'no made amendment yet'}.\n`,
    text,
  };
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
  if (location === '')
    refused.push(
      diagnose('ARGUMENT_INVALID', {
        option: '--cache-location',
        value: location,
        expected:
          'the path of the cache file, or of a folder to hold it (an empty one is what an unset shell variable gives)',
      }),
    );
  else if (location !== undefined) {
    const path = cacheFileAt(location, options.cwd);
    const refusal = refuseProtectedOutput(path, protect) ?? refuseCacheFile(path, displayPath(path, options.cwd));
    if (refusal) refused.push(refusal);
    written.push(path);
  }
  for (const output of options.outputs) {
    const refusal =
      refuseProtectedOutput(output.path, protect) ?? refuseRepeatedOutput(output.path, written, options.cwd);
    if (refusal) refused.push(refusal);
    written.push(output.path);
  }
  return refused;
}

/** The cache of this run, unless --no-cache or no place for it (see docs/cache.md). */
async function openCache(options: CheckOptions, tablePath: string): Promise<CheckCache | undefined> {
  if (options.cache === false || options.codeHash === undefined) return undefined;
  const path =
    options.cacheLocation !== undefined
      ? cacheFileAt(options.cacheLocation, options.cwd)
      : defaultCacheFile(tablePath, options.cwd);
  if (path === undefined) return undefined;
  // An editor's buffer changes with every keystroke: it is checked with the cache, not stored in it.
  return openCheckCache(path, `${options.version}+${options.codeHash}`, { readOnly: options.stdin !== undefined });
}

/** `mtad check --list-rules`: every rule with its code, severity and one-line doc. */
export function runListRules(format: CheckFormat): Outcome {
  return {
    exitCode: 0,
    stdout: format === 'json' ? renderRulesJson(CHECK_RULES) : renderRulesTable(CHECK_RULES),
    stderr: '',
  };
}
