import { basename, resolve } from 'node:path';
import { planCheck, type AgainstDocument } from '../../app/check.js';
import type { CheckConfig } from '../../domain/check/check-config.js';
import { CHECK_RULES } from '../../domain/check/check-sources.js';
import { diagnose, type Diagnostic } from '../../domain/model/diagnostics.js';
import { writeFilesTogether } from '../../io/write-files.js';
import {
  cacheFileAt,
  defaultCacheFile,
  openCheckCache,
  refuseCacheFile,
  type CheckCache,
} from '../../io/check-cache.js';
import { refuseProtectedOutput, refuseRepeatedOutput, type ProtectedPaths } from '../../io/output-guard.js';
import { refuseReportFile } from '../../io/report-file.js';
import { sha256, sha256Bytes } from '../../io/hash.js';
import { displayPath, readBytes } from '../../io/read.js';
import type { CheckFormat } from '../../render/check-format-names.js';
import { renderRulesJson, renderRulesTable } from '../../render/check-rules.js';
import { gatherCheckInputs, type CheckInputOptions } from '../check-inputs.js';
import { scopeFindings, type FindingScope } from '../check-config.js';
import { failWith, type Outcome } from '../outcome.js';
import { withWriteLock } from '../write-lock.js';
import { findingsOf, succeed } from '../../domain/model/result.js';

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
  /** --against: the MTAD's Word document, whose Table 17.6 the table must match cell by cell. */
  against?: string;
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
  const { entries, tablePath, lockPath, folders } = gathered;

  // Before anything is written: no output over or into what this run reads.
  const againstPath = options.against === undefined ? undefined : resolve(cwd, options.against);
  const refused = refuseOutputs(options, {
    cwd,
    tablePath,
    inputs: [...folders, lockPath, ...entries.keys(), ...(againstPath ? [againstPath] : [])],
  });
  if (refused.length > 0) return failWith(refused, options.styler);
  const against = againstPath === undefined ? undefined : await readAgainst(againstPath, cwd);

  const cache = await openCache(options, tablePath);
  const plan = planCheck({
    sources: gathered,
    ...(cache && { memo: cache.memo }),
    hash: sha256,
    version: options.version,
    format: options.format,
    styler: options.styler,
    outputs: options.outputs.map((output) => {
      const path = resolve(cwd, output.path);
      return { format: output.format, path, shown: displayPath(path, cwd) };
    }),
    ...(options.maxWarnings !== undefined && { maxWarnings: options.maxWarnings }),
    updateLock: options.updateLock,
    ...(against && {
      // The XML reader is loaded only for --against: every other check starts without it.
      against: { document: against, compare: (await import('../../app/check-against.js')).compareAgainst },
    }),
    scope: (all) => scopeFindings(all, options, cwd),
    ...(options.config && { configured: options.config.rules }),
  });
  if (plan.kind === 'refused') return failWith(plan.diagnostics, options.styler);
  // The lock and the reports are written all or none, the lock first: a failure is one finding
  // with the code of its cause (FILE_UNWRITABLE, FILE_READ_ONLY, ...), as amend --write reports the
  // same lock, and "nothing was written" stays true of all of them.
  const writes = [...(plan.lock ? [plan.lock] : []), ...plan.outputs];
  if (writes.length > 0) {
    const written = await writeFilesTogether(writes);
    if (!written.ok) return failWith(findingsOf(written), options.styler);
  }
  await cache?.save();

  return { exitCode: plan.exitCode, stdout: plan.stdout, stderr: plan.stderr };
}

/** `--against DOCX`: the Word document's bytes, or why they could not be read. */
async function readAgainst(path: string, cwd: string): Promise<AgainstDocument> {
  const shown = displayPath(path, cwd);
  const bytes = await readBytes(path, shown);
  const read = bytes.ok ? succeed({ bytes: bytes.value, sha256: sha256Bytes(bytes.value) }) : bytes;
  return { shown, fileName: basename(path), read };
}

/**
 * Why an output of this run may not be written: a report (--output) or the cache (--cache-location)
 * that is the working folder or holds it, lies in the data folder, or is or holds an input; a cache
 * location that is empty, or that holds something mtad did not write as its cache; a report at the
 * path of the cache or of another report, which would write one over the other; a report over a
 * file that is not a report mtad check wrote.
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
        expected: { kind: 'cache-location' },
      }),
    );
  else if (location !== undefined) {
    const path = cacheFileAt(location, options.cwd);
    const refusal = refuseProtectedOutput(path, protect) ?? refuseCacheFile(path, displayPath(path, options.cwd));
    if (refusal) refused.push(refusal);
    written.push(path);
  }
  for (const output of options.outputs) {
    const path = resolve(options.cwd, output.path);
    const refusal =
      refuseProtectedOutput(output.path, protect) ??
      refuseRepeatedOutput(output.path, written, options.cwd) ??
      refuseReportFile(path, displayPath(path, options.cwd));
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

/**
 * `mtad check --list-rules`: every rule with its code, the severity the configuration gives it
 * (marked when it is not the default) and its one-line doc.
 */
export function runListRules(format: CheckFormat, config: CheckConfig): Outcome {
  return {
    exitCode: 0,
    stdout:
      format === 'json' ? renderRulesJson(CHECK_RULES, config.rules) : renderRulesTable(CHECK_RULES, config.rules),
    stderr: '',
  };
}
