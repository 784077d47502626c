import { existsSync } from 'node:fs';
import { link, mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { diagnose } from '../domain/diagnostics.js';
import type { Result } from '../domain/validate.js';
import { readText } from './read.js';
import { describeSystemError } from './system-error.js';

/** A file to write: its path inside the folder, and its text or bytes. */
export interface FileToWrite {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes `files` as the folder `dir`, all or nothing. They are made in a temporary folder beside
 * `dir` (on the same file system, so a rename can move it) that is renamed into place only when
 * every file is complete; on any failure it is removed and `dir` is as it was. An existing `dir`
 * is refused unless `force`: then the old one is renamed away, the new one renamed in, and only
 * then the old one deleted.
 */
export async function writeFolderAtomically(dir: string, files: readonly FileToWrite[], options: { force: boolean; shown: string }): Promise<Result<void>> {
  const target = resolve(dir);
  const { shown } = options;
  if (existsSync(target) && !options.force) return { ok: false, diagnostics: [diagnose('OUT_EXISTS', { path: shown }, { file: shown })] };
  const parent = dirname(target);
  // The prefix is in .gitignore, so an interrupted run leaves nothing to commit by mistake.
  const prefix = join(parent, `.mtad-tmp-${basename(target)}-`);
  let temporary: string | undefined;
  let placing = false;
  try {
    await mkdir(parent, { recursive: true });
    temporary = await makeFolderBeside(prefix);
    for (const file of files) {
      const path = join(temporary, file.path);
      if (!path.startsWith(temporary + sep)) throw new Error(`bug: the pack file ${file.path} is outside the pack`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
    placing = true;
    if (existsSync(target)) await replaceFolder(target, temporary, prefix);
    else await rename(temporary, target);
    return { ok: true, diagnostics: [] };
  } catch (error) {
    if (temporary) await rm(temporary, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    // Another process made the folder between the check above and the rename.
    if (placing && (code === 'EEXIST' || code === 'ENOTEMPTY')) return { ok: false, diagnostics: [diagnose('OUT_EXISTS', { path: shown }, { file: shown })] };
    return { ok: false, diagnostics: [diagnose('OUT_UNWRITABLE', { path: shown, reason: describeSystemError(error) }, { file: shown })] };
  }
}

/** A new, uniquely named folder. mkdir, unlike mkdtemp, gives it the permissions umask allows. */
async function makeFolderBeside(prefix: string): Promise<string> {
  const path = `${prefix}${process.pid}-${uniqueSuffix()}`;
  await mkdir(path);
  return path;
}

/** Swaps `fresh` in for `target`, putting the old one back when the swap fails. */
async function replaceFolder(target: string, fresh: string, prefix: string): Promise<void> {
  const old = await makeFolderBeside(`${prefix}old-`);
  const away = join(old, 'previous');
  await rename(target, away);
  try {
    await rename(fresh, target);
  } catch (error) {
    await rename(away, target);
    await rm(old, { recursive: true, force: true });
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}

/**
 * What the file must hold just before it is replaced: the text mtad read (the file must not have
 * changed since), or `absent` (a new file: an existing one is never replaced), or `any` (--force).
 */
export type Expectation = { text: string } | 'absent' | 'any';

/**
 * True when the file at `path` still holds `expected`, the text read from it earlier. This is the
 * compare step of a safe write: it runs after the new text is on disk beside the file and just
 * before the rename, so that another writer's change in between is caught, not overwritten.
 */
export async function isUnchanged(path: string, expected: string): Promise<boolean> {
  const now = await readText(path, path);
  return now.value === expected;
}

/**
 * Writes `text` to `path` atomically: a temporary file in the same folder, then a rename (or, for a
 * new file, a hard link, which fails rather than replace a file created meanwhile). Readers see
 * the old file or the new one, never a part. Nothing is left behind on failure.
 */
export async function writeFileAtomically(path: string, text: string, expectation: Expectation, shown: string): Promise<Result<void>> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${uniqueSuffix()}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    if (typeof expectation === 'object' && !(await isUnchanged(path, expectation.text))) {
      await unlink(temporary);
      return { ok: false, diagnostics: [diagnose('FILE_CHANGED_ON_DISK', { what: shown }, { file: shown })] };
    }
    if (expectation === 'absent') {
      await link(temporary, path);
      await unlink(temporary);
    } else {
      await rename(temporary, path);
    }
    return { ok: true, diagnostics: [] };
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && expectation === 'absent') return { ok: false, diagnostics: [diagnose('FILE_EXISTS', { what: shown }, { file: shown })] };
    const reason = code === 'ENOENT' ? 'its folder does not exist' : describeSystemError(error);
    return { ok: false, diagnostics: [diagnose('FILE_UNWRITABLE', { reason }, { file: shown })] };
  }
}

/** A random suffix for temporary names. node:crypto is loaded here, on first use, not at start-up. */
function uniqueSuffix(): string {
  return process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex');
}
