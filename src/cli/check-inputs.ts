import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { CheckEntry as Entry, CheckSources } from '../app/check.js';
import type { SourceText } from '../domain/check/check-sources.js';
import { classifyFile } from '../domain/parse/classify-file.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { listYamlFiles } from '../io/list-files.js';
import { decodeText, displayPath, readTextSync } from '../io/read.js';
import { amendmentsDirOf, consultationsDirOf, correctionsDirOf, lockPathOf, resolveTablePath } from './inputs.js';
import { conclusionsDirOf } from './conclusion-inputs.js';
import type { IsoDate } from '../domain/model/dates.js';
import { failWith, type CommonOptions, type Outcome } from './outcome.js';
import { findingsOf } from '../domain/model/result.js';

/** What decides the files of a check: the paths named, --table, and a file given on standard input. */
export interface CheckInputOptions extends CommonOptions {
  /** Files and folders to check; none means data/ (or, with stdin, only the input and its context). */
  paths: string[];
  /** The table to check the amendments against when the paths name none. */
  table?: string;
  /** A file given on standard input, in place of the file of that name. */
  stdin?: { bytes: Uint8Array; filename: string };
  /** The date the check is run for; the rules that need it are not checked without it. */
  today?: IsoDate;
}

/** The id an amendment file declares plainly; none for a table, or an id written otherwise. */
function declaredAmendmentId(text: string): string | undefined {
  const file = classifyFile(text);
  return file.kind === 'amendment' ? file.id : undefined;
}

/** The amendment a conclusion file concludes, when it says so plainly on its own line; none for another file. */
function concludedId(text: string): string[] {
  if (classifyFile(text).kind !== 'conclusion') return [];
  const id = /^amendment\s*:\s*['"]?([a-z0-9-]+)['"]?\s*$/m.exec(text)?.[1];
  return id === undefined ? [] : [id];
}

/**
 * Reads what `mtad check` checks: the files and folders named (data/ by default), the table (one
 * among them, else --table), every amendment beside the table, and the lock of made amendments.
 * A path that cannot be reached fails at once.
 */
export async function gatherCheckInputs(options: CheckInputOptions): Promise<CheckSources | { failure: Outcome }> {
  const { cwd } = options;
  const diagnostics: Diagnostic[] = [];
  const entries = new Map<string, Entry>();
  const read = (path: string) => {
    const shown = displayPath(path, cwd);
    const text = readTextSync(path, shown);
    return { entry: { path, shown, ...(text.ok && { text: text.value }) }, found: findingsOf(text) };
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
    diagnostics.push(...findingsOf(text));
    entries.set(path, { path, shown, ...(text.ok && { text: text.value }) });
  }

  // The table: one named among the paths, else --table (data/table-17.6.yaml), as context.
  const tables = [...entries.values()].filter((e) => e.text !== undefined && classifyFile(e.text).kind === 'table');
  if (tables.length > 1) {
    return {
      failure: failWith(
        [
          diagnose('ARGUMENT_INVALID', {
            option: 'the paths',
            value: tables.map((t) => t.shown).join(', '),
            expected: { kind: 'one-table', tables: tables.length },
          }),
        ],
        options.styler,
      ),
    };
  }
  const tablePath = tables[0]?.path ?? resolveTablePath(cwd, options.table);
  if (!entries.has(tablePath)) {
    const shown = displayPath(tablePath, cwd);
    const missing = (hint: string) => diagnose('FILE_NOT_FOUND', { what: `the table ${shown}`, hint }, { file: shown });
    if (existsSync(tablePath)) readAll([tablePath]);
    // --table named on the command line is held to the same rule as a path there.
    else if (options.table !== undefined)
      return { failure: failWith([missing('pass --table an existing table file')], options.styler) };
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
      if (standIns.size > 0 && entry.text !== undefined && standIns.has(declaredAmendmentId(entry.text) ?? ''))
        continue;
      diagnostics.push(...found);
      entries.set(path, entry);
    }
  }

  // The corrections beside the table are history too: the table is checked against them.
  const corrections = correctionsDirOf(tablePath);
  if (!listed.folders.has(corrections) && existsSync(corrections)) {
    const context = await listYamlFiles([corrections], cwd);
    readAll(context.files.filter((path) => !entries.has(path)));
  }

  // The responses and conclusions beside the table go with its amendments: a conclusion is checked
  // against the responses it states, whichever files were named.
  const conclusions = conclusionsDirOf(tablePath);
  // A conclusion named from elsewhere (--conclusion) stands in for the one of its amendment there.
  const namedConclusions = new Set(
    [...entries.values()].flatMap((e) => (e.text !== undefined ? concludedId(e.text) : [])),
  );
  for (const besides of [join(dirname(tablePath), 'responses'), conclusions]) {
    if (listed.folders.has(besides) || !existsSync(besides)) continue;
    const context = await listYamlFiles([besides], cwd);
    diagnostics.push(...context.diagnostics);
    for (const path of context.files) {
      if (entries.has(path)) continue;
      const { entry, found } = read(path);
      if (
        besides === conclusions &&
        entry.text !== undefined &&
        concludedId(entry.text).some((id) => namedConclusions.has(id))
      )
        continue;
      diagnostics.push(...found);
      entries.set(path, entry);
    }
  }

  const lockPath = lockPathOf(tablePath);
  const lockShown = displayPath(lockPath, cwd);
  let lockText: string | undefined;
  if (existsSync(lockPath)) {
    const text = readTextSync(lockPath, lockShown);
    diagnostics.push(...findingsOf(text));
    if (text.ok) lockText = text.value;
  }
  // The narratives of consultations are checked against their amendments, whichever files were named.
  const narratives: SourceText[] = [];
  const consultations = consultationsDirOf(tablePath);
  if (existsSync(consultations)) {
    for (const name of readdirSync(consultations)
      .filter((n) => n.endsWith('.md'))
      .sort()) {
      const path = join(consultations, name);
      const shown = displayPath(path, cwd);
      const text = readTextSync(path, shown);
      diagnostics.push(...findingsOf(text));
      if (text.ok) narratives.push({ file: shown, text: text.value });
    }
  }
  return {
    entries,
    diagnostics,
    narratives,
    tablePath,
    lockPath,
    lockShown,
    ...(lockText !== undefined && { lockText }),
    folders: [folder, ...listed.folders],
    conclusionsShown: displayPath(conclusions, cwd),
    ...(options.today !== undefined && { today: options.today }),
  };
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
    const id = declaredAmendmentId(text);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}
