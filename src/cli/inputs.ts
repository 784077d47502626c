import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Amendment } from '../domain/model/amendment.js';
import { diagnose, suggestNearest, type Diagnostic } from '../domain/model/diagnostics.js';
import { LOCK_FILE_NAME } from '../domain/history/amendment-lock.js';
import { CORRECTIONS_FOLDER } from '../domain/history/corrections.js';
import type { TableInput } from '../domain/model/table.js';
import { fail, type Result } from '../domain/model/result.js';
import type { FileMemo } from '../domain/check/file-rules.js';
import { DEFAULT_AMENDMENTS, DEFAULT_TABLE, displayPath, listAmendmentFiles } from '../io/read.js';
import { readAmendmentFile, readAmendments, readCheckedTableFile, readTableFile } from './read-data.js';

/** The table file: --table, else data/table-17.6.yaml in the working folder. */
export function resolveTablePath(cwd: string, table: string | undefined): string {
  return resolve(cwd, table ?? DEFAULT_TABLE);
}

/** The amendments folder that goes with a table: amendments/ beside it. */
export function amendmentsDirOf(tablePath: string): string {
  return join(dirname(tablePath), basename(DEFAULT_AMENDMENTS));
}

/** The corrections folder that goes with a table: corrections/ beside it. */
export function correctionsDirOf(tablePath: string): string {
  return join(dirname(tablePath), CORRECTIONS_FOLDER);
}

/** The lock of made amendments that goes with a table: amendments.lock beside it. */
export function lockPathOf(tablePath: string): string {
  return join(dirname(tablePath), LOCK_FILE_NAME);
}

/**
 * Reads the table, naming --table in the message when the default one is missing: as parseTable
 * reads it, or `checked` as the first stage of `mtad check` does. Either is recalled from `memo`
 * (check's cache) when it holds the file as it is.
 */
export async function loadTable(
  cwd: string,
  table: string | undefined,
  read: { checked: boolean; memo: FileMemo | undefined } = { checked: false, memo: undefined },
): Promise<Result<TableInput>> {
  const path = resolveTablePath(cwd, table);
  if (table === undefined && !existsSync(path)) {
    return fail([
      diagnose(
        'FILE_NOT_FOUND',
        {
          what: `the table ${displayPath(path, cwd)}`,
          hint: 'run mtad in a folder with data/ (or a folder inside it), or pass --table FILE',
        },
        { file: displayPath(path, cwd) },
      ),
    ]);
  }
  return read.checked ? readCheckedTableFile(path, cwd, read.memo) : readTableFile(path, cwd, read.memo);
}

/**
 * Resolves an amendment argument: a path to a YAML file, or the id of an amendment in the
 * amendments folder (`mdust-close-moc-secure`).
 */
export function resolveAmendmentPaths(cwd: string, args: readonly string[], amendmentsDir: string): string[] {
  return args.map((arg) => {
    const asPath = resolve(cwd, arg);
    const byId = join(amendmentsDir, `${arg}.yaml`);
    return !existsSync(asPath) && /^[a-z0-9-]+$/.test(arg) && existsSync(byId) ? byId : asPath;
  });
}

/**
 * The finding for each amendment argument that names no file, neither as a path nor as an id in
 * the amendments folder, with the nearest id there when one is near enough to be a typo.
 */
export function missingAmendments(cwd: string, args: readonly string[], amendmentsDir: string): Diagnostic[] {
  const ids = (() => {
    try {
      return readdirSync(amendmentsDir)
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => name.slice(0, -'.yaml'.length));
    } catch {
      return [];
    }
  })();
  return args.flatMap((arg) => {
    const [path = arg] = resolveAmendmentPaths(cwd, [arg], amendmentsDir);
    if (existsSync(path)) return [];
    const nearest = suggestNearest(arg, ids);
    const shown = displayPath(path, cwd);
    return [
      diagnose(
        'FILE_NOT_FOUND',
        {
          what: `the file ${shown}`,
          ...(nearest !== undefined && { hint: `did you mean the amendment ${JSON.stringify(nearest)}?` }),
        },
        { file: shown },
      ),
    ];
  });
}

/** Every amendment in the folder, in their order of application. */
export async function loadAmendmentFolder(
  dir: string,
  cwd: string,
  options: Parameters<typeof readAmendments>[2] = {},
): Promise<Result<Amendment[]>> {
  const listed = await listAmendmentFiles(dir, cwd);
  if (!listed.ok) return listed;
  return readAmendments(listed.value, cwd, options);
}

/** Reads one amendment named by id (in the amendments folder beside the table) or by path. */
export async function loadAmendment(
  cwd: string,
  table: string | undefined,
  amendment: string,
): Promise<Result<Amendment>> {
  const missing = missingAmendments(cwd, [amendment], amendmentsDirOf(resolveTablePath(cwd, table)));
  if (missing.length > 0) return fail(missing);
  return readAmendmentFile(amendmentPath(cwd, table, amendment), cwd);
}

/** The file of one amendment named by id (in the amendments folder beside the table) or by path. */
export function amendmentPath(cwd: string, table: string | undefined, amendment: string): string {
  const [path = amendment] = resolveAmendmentPaths(cwd, [amendment], amendmentsDirOf(resolveTablePath(cwd, table)));
  return path;
}

/** The folder of consultation narratives that goes with a table: consultations/ beside it. */
export function consultationsDirOf(tablePath: string): string {
  return join(dirname(tablePath), 'consultations');
}

/** The narrative of an amendment's consultation: consultations/<id>.md beside the table. */
export function narrativePathOf(tablePath: string, id: string): string {
  return join(consultationsDirOf(tablePath), `${id}.md`);
}
