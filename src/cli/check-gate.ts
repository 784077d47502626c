import type { FileMemo } from '../domain/check/file-rules.js';
import { hasErrors, type Diagnostic } from '../domain/model/diagnostics.js';
import { applyConfig, type CheckConfig } from '../domain/check/check-config.js';
import type { IsoDate } from '../domain/model/dates.js';
import { DEFAULT_TABLE } from '../io/read.js';
import { checkGathered } from '../app/check.js';
import { sha256 } from '../io/hash.js';
import { gatherCheckInputs } from './check-inputs.js';
import { failWith, type CommonOptions, type Outcome } from './outcome.js';

export interface GateOptions extends CommonOptions {
  /** The files the command was given (amendments by path); none: the table and what is beside it. */
  paths: readonly string[];
  /** --table, as the command was given it. */
  table?: string;
  /** The cache of `mtad check`, when the command has one open. */
  memo?: FileMemo;
  /**
   * True for `amend --write`, which records each made amendment in the lock when it writes it into
   * the table: a made amendment the table does not reflect yet is not held to be missing from the
   * lock (LOCK_MISSING). One the table reflects still is.
   */
  writesLock?: boolean;
  /**
   * The configuration of `mtad check` (configOf, from --config or mtad.config.yaml): a warning it makes an error stops
   * the documents, as it fails the check; a rule it turns off is not reported.
   */
  config: CheckConfig;
  /** The date the documents are made on, for the rules that need one (a made amendment's date). */
  today?: IsoDate;
}

/**
 * What `mtad check` finds in the files a document is made from: the same files (the table, every
 * amendment beside it, the lock of made amendments, and any file named from elsewhere) and the same
 * rules, set as the configuration sets them. A direction, a redline or a pack is made only when
 * this finds no error, so that no document says what `mtad check` rejects.
 */
export async function checkBeforeDocuments(
  options: GateOptions,
): Promise<{ failure: Outcome } | { warnings: Diagnostic[] }> {
  const paths = options.paths.length > 0 ? options.paths : [options.table ?? DEFAULT_TABLE];
  const gathered = await gatherCheckInputs({
    cwd: options.cwd,
    styler: options.styler,
    paths: [...paths],
    ...(options.table !== undefined && { table: options.table }),
    ...(options.today !== undefined && { today: options.today }),
  });
  if ('failure' in gathered) return gathered;
  const result = checkGathered(gathered, gathered.lockText, sha256, options.memo);
  const applied = new Set(result.table?.table.applied ?? []);
  const all = [...gathered.diagnostics, ...result.diagnostics].filter(
    (d) => !(options.writesLock === true && d.code === 'LOCK_MISSING' && !applied.has(d.args.id)),
  );
  const found = applyConfig(all, options.config);
  if (hasErrors(found))
    return {
      failure: failWith(
        found.filter((d) => d.severity === 'error'),
        options.styler,
      ),
    };
  return { warnings: found };
}
