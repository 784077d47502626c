import { readdirSync, readFileSync, type Stats } from 'node:fs';
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { compareCodeUnits } from '../domain/model/order.js';
import { sha256 } from './hash.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import { lstatOrUndefined, startOfFile } from './output-guard.js';
import { readText } from './read.js';
import { describeSystemError } from './system-error.js';
import { uniqueSuffix } from './temporary.js';
import { writeFilesTogether, type Expectation } from './write-files.js';

/** A file to write: its path inside the folder, and its text or bytes. */
export interface FileToWrite {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes `files` as the folder `dir`, all or nothing. They are made in a temporary folder beside
 * `dir` (on the same file system, so a rename can move it) that is renamed into place only when
 * every file is complete; on any failure it is removed and `dir` is as it was. An existing `dir`
 * is refused unless `force`, and even then unless it is a folder (not a link to one) holding the
 * file `marker` (one of `files`) with the same first line, and nothing but the files that marker
 * lists (`listed`), with the bytes listed: a folder this function wrote, that no one has added to
 * or changed since. Then the old one is renamed away, checked again where it now lies, the new one
 * renamed in, and only then the old one deleted.
 */
export async function writeFolderAtomically(
  dir: string,
  files: readonly FileToWrite[],
  options: {
    force: boolean;
    shown: string;
    marker: string;
    listed: (markerText: string) => ReadonlyMap<string, string>;
    /** Why a folder whose marker has this text may not be replaced (another command wrote it). */
    refuse?: (markerText: string) => Diagnostic | undefined;
  },
): Promise<Result<void>> {
  const target = resolve(dir);
  const { shown } = options;
  const markerLine = firstLineOf(files.find((file) => file.path === options.marker)?.content);
  if (markerLine === undefined) throw new Error(`bug: the marker ${options.marker} is not one of the files to write`);
  const refusalOf = (path: string) => refuseReplacing(path, shown, { ...options, line: markerLine });
  const found = lstatOrUndefined(target);
  // A file or a link where the folder goes is refused as --force would refuse it: "pass --force"
  // would only lead to that refusal.
  if (found && !options.force)
    return fail([
      (!found.isDirectory() && refusalOf(target)) || diagnose('OUT_EXISTS', { path: shown }, { file: shown }),
    ]);
  const refused = found && refusalOf(target);
  if (refused) return fail([refused]);
  const parent = dirname(target);
  // The prefix is in .gitignore, so an interrupted run leaves nothing to commit by mistake.
  const prefix = join(parent, `.mtad-tmp-${basename(target)}-`);
  let temporary: string | undefined;
  let placing = false;
  let madeParents: string | undefined;
  try {
    madeParents = await mkdir(parent, { recursive: true });
    const made = await makeFolderBeside(prefix);
    temporary = made;
    const placed = files.map((file) => {
      const path = join(made, file.path);
      if (!path.startsWith(made + sep)) throw new Error(`bug: the pack file ${file.path} is outside the pack`);
      return { path, content: file.content };
    });
    for (const folder of new Set(placed.map(({ path }) => dirname(path)))) await mkdir(folder, { recursive: true });
    // All at once: each write waits on the disk, not on the others. Every write has ended before a
    // failure removes the temporary folder.
    const written = await Promise.allSettled(
      placed.map(({ path, content }) => writeFile(path, content, { flag: 'wx' })),
    );
    const failed = written.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    placing = true;
    if (found) {
      const refusal = await replaceFolder(target, temporary, prefix, refusalOf);
      if (refusal) {
        await rm(temporary, { recursive: true, force: true });
        return fail([refusalOf(target) ?? refusal]);
      }
    } else await rename(temporary, target);
    return succeed(undefined);
  } catch (error) {
    if (temporary) await rm(temporary, { recursive: true, force: true });
    if (madeParents) await removeEmptyFolders(parent, madeParents);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    // Another process made the folder between the check above and the rename.
    if (placing && (code === 'EEXIST' || code === 'ENOTEMPTY'))
      return fail([diagnose('OUT_EXISTS', { path: shown }, { file: shown })]);
    return fail([diagnose('OUT_UNWRITABLE', { path: shown, reason: describeSystemError(error) }, { file: shown })]);
  }
}

/**
 * Why the folder at `path` may not be replaced, or undefined when it may: it is not a folder (or
 * is a link to one), it lacks the marker, or it holds something the marker does not list as
 * written by mtad with these very bytes (a file a person added or changed, a folder, a link).
 */
function refuseReplacing(
  path: string,
  shown: string,
  options: {
    marker: string;
    line: string;
    listed: (markerText: string) => ReadonlyMap<string, string>;
    refuse?: (markerText: string) => Diagnostic | undefined;
  },
): Diagnostic | undefined {
  const found = lstatOrUndefined(path);
  if (!found) return undefined;
  if (!holdsMarker(path, options.marker, options.line))
    return refuseOtherMarker(path, options.marker, options.refuse) ?? notMtads(shown, found);
  let listed: ReadonlyMap<string, string>;
  try {
    const text = readFileSync(join(path, options.marker), 'utf8');
    const refused = options.refuse?.(text);
    if (refused) return refused;
    listed = options.listed(text);
  } catch {
    return notMtads(shown, found);
  }
  const foreign = foreignEntry(path, '', listed, options.marker);
  return foreign && diagnose('OUT_HOLDS_FOREIGN', { path: shown, ...foreign }, { file: shown });
}

/**
 * The first entry under `dir` (in code-unit order, folder by folder) that is not a file of
 * `listed` with its listed SHA-256: what --force must not delete. Never follows a link.
 */
function foreignEntry(
  dir: string,
  prefix: string,
  listed: ReadonlyMap<string, string>,
  marker: string,
): { file: string; how: 'unlisted' | 'changed' } | undefined {
  const names = readdirSync(join(dir, prefix)).sort(compareCodeUnits);
  for (const name of names) {
    const file = `${prefix}${name}`;
    if (file === marker) continue;
    const at = lstatOrUndefined(join(dir, file));
    if (at?.isDirectory()) {
      const inside = [...listed.keys()].some((path) => path.startsWith(`${file}/`));
      const foreign = inside ? foreignEntry(dir, `${file}/`, listed, marker) : { file, how: 'unlisted' as const };
      if (foreign) return foreign;
      continue;
    }
    const sum = listed.get(file);
    if (sum === undefined || !at?.isFile()) return { file, how: 'unlisted' };
    if (sha256(readFileSync(join(dir, file))) !== sum) return { file, how: 'changed' };
  }
  return undefined;
}

/** The refusal to replace what was found at an output path that mtad did not write. */
function notMtads(shown: string, found: Stats): Diagnostic {
  const kind = found.isSymbolicLink() ? 'symlink' : found.isDirectory() ? 'folder' : found.isFile() ? 'file' : 'other';
  return diagnose('OUT_NOT_MTAD', { path: shown, found: kind, kind: 'pack' }, { file: shown });
}

/** The first line of a marker's content. */
function firstLineOf(content: string | Uint8Array | undefined): string | undefined {
  if (content === undefined) return undefined;
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  return text.split('\n', 1)[0];
}

/** The most of a marker file that is read to tell whether it is one: its first line is short. */
const MARKER_BYTES = 4096;

/**
 * The refusal of a folder holding the marker another mtad command writes, with another first line
 * (a conclusion report where a consultation pack would go): it is named for what it is, not as a
 * folder without a marker.
 */
function refuseOtherMarker(
  dir: string,
  marker: string,
  refuse: ((markerText: string) => Diagnostic | undefined) | undefined,
): Diagnostic | undefined {
  if (!refuse || !lstatOrUndefined(dir)?.isDirectory() || !lstatOrUndefined(join(dir, marker))?.isFile())
    return undefined;
  const start = startOfFile(join(dir, marker), MARKER_BYTES);
  if (start === undefined || !firstLineOf(start)?.startsWith('mtad ')) return undefined;
  try {
    return refuse(readFileSync(join(dir, marker), 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when `dir` is a folder, not a link, holding the plain file `marker` whose first line is `line`. */
function holdsMarker(dir: string, marker: string, line: string): boolean {
  if (!lstatOrUndefined(dir)?.isDirectory() || !lstatOrUndefined(join(dir, marker))?.isFile()) return false;
  const start = startOfFile(join(dir, marker), MARKER_BYTES);
  return start !== undefined && firstLineOf(start) === line;
}

/** Removes the folders from `deepest` up to `top` that this run made, while they are empty. */
async function removeEmptyFolders(deepest: string, top: string): Promise<void> {
  for (let folder = deepest; ; folder = dirname(folder)) {
    try {
      await rmdir(folder);
    } catch {
      return;
    }
    if (folder === top) return;
  }
}

/** A new, uniquely named folder. mkdir, unlike mkdtemp, gives it the permissions umask allows. */
async function makeFolderBeside(prefix: string): Promise<string> {
  const path = `${prefix}${process.pid}-${uniqueSuffix()}`;
  await mkdir(path);
  return path;
}

/**
 * Swaps `fresh` in for `target`, putting the old one back when the swap fails. The old one is
 * checked again once moved aside (`refusalOf`), so that a folder put in its place, or a file added
 * to it, after the first check is put back, not deleted: the refusal then, and nothing changed.
 */
async function replaceFolder(
  target: string,
  fresh: string,
  prefix: string,
  refusalOf: (path: string) => Diagnostic | undefined,
): Promise<Diagnostic | undefined> {
  const old = await makeFolderBeside(`${prefix}old-`);
  const away = join(old, 'previous');
  // Only rmdir (an empty folder) until the old one is known to be mtad's: should putting a folder
  // back fail, it stays where it was moved, whole, and the error names where that is.
  try {
    await rename(target, away);
  } catch (error) {
    await rmdir(old);
    throw error;
  }
  const refusal = refusalOf(away);
  if (refusal) {
    await rename(away, target);
    await rmdir(old);
    return refusal;
  }
  try {
    await rename(fresh, target);
  } catch (error) {
    await rename(away, target);
    await rmdir(old);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
  return undefined;
}

export type { Expectation } from './write-files.js';

/**
 * True when the file at `path` still holds `expected`, the text read from it earlier. This is the
 * compare step of a safe write: it runs after the new text is on disk beside the file and just
 * before the rename, so that another writer's change in between is caught, not overwritten.
 */
export async function isUnchanged(path: string, expected: string): Promise<boolean> {
  const now = await readText(path, path);
  return now.ok && now.value === expected;
}

/**
 * Writes `text` to `path` atomically: a temporary file in the same folder, then a rename (or, for a
 * new file, a hard link, which fails rather than replace a file created meanwhile). Readers see
 * the old file or the new one, never a part. Nothing is left behind on failure. See
 * writeFilesTogether, which this is for one file.
 */
export function writeFileAtomically(
  path: string,
  text: string,
  expectation: Expectation,
  shown: string,
): Promise<Result<void>> {
  return writeFilesTogether([{ path, text, expectation, shown }]);
}
