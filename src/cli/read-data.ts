// The table and amendment files as data: io reads their bytes and decodes them as text, the domain
// parses and checks that text. Here the two meet, so that io never decides what a file means.
import { existsSync } from 'node:fs';
import { declaredId, parseAmendment, readAmendment, type Amendment } from '../domain/model/amendment.js';
import { checkAmendmentFile, checkTableFile, readTableRecalled, type FileMemo } from '../domain/check/file-rules.js';
import type { TableInput } from '../domain/model/table.js';
import { combine, fail, findingsOf, resultOf, succeed, type FileReading, type Result } from '../domain/model/result.js';
import { sha256 } from '../io/hash.js';
import { displayPath, readText } from '../io/read.js';
import { listYamlFiles } from '../io/list-files.js';
import { correctionsInOrder, parseCorrection, type Correction } from '../domain/history/corrections.js';

async function readParsed<T>(
  path: string,
  cwd: string,
  parse: (text: string, file: string) => Result<T>,
): Promise<Result<T>> {
  const shown = displayPath(path, cwd);
  const text = await readText(path, shown);
  return text.ok ? parse(text.value, shown) : text;
}

/** Reads and checks Table 17.6 from a YAML file, recalled from `memo` when it holds the file as it is. */
export function readTableFile(path: string, cwd: string, memo?: FileMemo): Promise<Result<TableInput>> {
  return readParsed(path, cwd, (text, file) => readTableRecalled({ file, text }, memo));
}

/**
 * Reads Table 17.6 as the first stage of `mtad check` does: parsed and checked against the schema
 * and the rules on the table alone, recalled from the cache of `mtad check` when the file has not
 * changed since it was last checked. Only errors are kept: warnings are `mtad check`'s to report.
 */
export function readCheckedTableFile(
  path: string,
  cwd: string,
  memo: FileMemo | undefined,
): Promise<Result<TableInput>> {
  return readParsed(path, cwd, (text, file) => errorsOnly(checkTableFile({ file, text }, memo)));
}

function errorsOnly<T>(read: FileReading<T>): Result<T> {
  const errors = read.findings.filter((d) => d.severity === 'error');
  return resultOf({ ...(read.data !== undefined && { data: read.data }), findings: errors });
}

/** Reads and checks an amendment from a YAML file. */
export function readAmendmentFile(path: string, cwd: string): Promise<Result<Amendment>> {
  return readParsed(path, cwd, parseAmendment);
}

/**
 * Reads an amendment from a YAML file as `mtad check` reads it: every finding, and the amendment
 * once it passed its schema (a draft with values still to decide among them).
 */
export async function readAmendmentWhole(path: string, cwd: string): Promise<FileReading<Amendment>> {
  const shown = displayPath(path, cwd);
  const text = await readText(path, shown);
  return text.ok ? readAmendment(text.value, shown) : { findings: findingsOf(text) };
}

/** Reads every correction in `folder` (none when it does not exist), in the order they were recorded. */
export async function readCorrections(folder: string, cwd: string): Promise<Result<Correction[]>> {
  if (!existsSync(folder)) return succeed([]);
  const listed = await listYamlFiles([folder], cwd);
  if (listed.diagnostics.length > 0) return fail(listed.diagnostics);
  const results = await Promise.all(listed.files.map((path) => readParsed(path, cwd, parseCorrection)));
  const read = combine(results);
  return read.ok ? succeed(correctionsInOrder(read.value), read.warnings) : read;
}

/** Reads every amendment and returns them in their explicit order of application (sequence). */
export async function readAmendments(
  paths: readonly string[],
  cwd: string,
  options: { skipIds?: ReadonlySet<string>; checked?: { memo: FileMemo | undefined } } = {},
): Promise<Result<Amendment[]>> {
  const { skipIds, checked } = options;
  const results = await Promise.all(
    paths.map((path) =>
      readParsed(path, cwd, (text, file): Result<Amendment | undefined> => {
        // An amendment the caller does not need (one the table already reflects, for `amend`) is
        // not parsed: its id is read off its own line. `mtad check` still reads every file whole.
        const id = skipIds && declaredId(text);
        if (id && skipIds.has(id)) return succeed(undefined);
        // With `checked`, as the first stage of `mtad check` reads it (see readCheckedTableFile).
        return checked
          ? errorsOnly(checkAmendmentFile({ file, text }, sha256, checked.memo))
          : parseAmendment(text, file);
      }),
    ),
  );
  const read = combine(results);
  return read.ok
    ? succeed(
        read.value.flatMap((a) => (a ? [a] : [])),
        read.warnings,
      )
    : read;
}
