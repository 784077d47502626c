import { constants } from 'node:fs';
import { access, chmod, chown, link, lstat, readFile, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import { describeSystemError } from './system-error.js';
import { temporaryPathFor } from './temporary.js';

/**
 * What the file must hold just before it is replaced: the text mtad read (the file must not have
 * changed since), or `absent` (a new file: an existing one is never replaced), or `any` (--force).
 */
export type Expectation = { text: string } | 'absent' | 'any';

/** One file to write: where, its new text, what it must hold until then, and how it is named. */
export interface FileReplacement {
  path: string;
  text: string;
  expectation: Expectation;
  shown: string;
}

/** A file made ready: its new bytes in a temporary file beside the file they replace. */
interface Staged {
  file: FileReplacement;
  /** The file replaced: for a file mtad read, the file a symbolic link points to. */
  target: string;
  temporary: string;
  bytes: Buffer;
  /** A second name for the old file, kept until every file is written, to put it back. */
  backup?: string;
  existed: boolean;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Writes `files` all or none: each new text goes to a temporary file beside its file (created
 * exclusively: never through a file or a link already there), then every expectation is checked,
 * then each file is replaced in turn by a rename (readers see the old file or the new one, never a
 * part). Should a replacement fail, the files already replaced are put back, so that a failure
 * leaves every file as it was and "nothing was written" stays true. Only a process killed between
 * two renames leaves the first files written and the others not: callers order `files` so that
 * such a state is one the next run accepts and completes.
 *
 * A file mtad read (`{ text }`) keeps what mtad does not own: written through a symbolic link to
 * the file it points to, with its permission bits and owner, its line endings (CRLF when it used
 * them) and its UTF-8 byte order mark. A file without write permission is refused, not replaced.
 */
export async function writeFilesTogether(files: readonly FileReplacement[]): Promise<Result<void>> {
  const staged: Staged[] = [];
  try {
    for (const file of files) {
      const ready = await stage(file);
      if (!ready.ok) return ready;
      staged.push(ready.value);
    }
    for (const ready of staged) {
      const changed = await changedOnDisk(ready);
      if (changed) return fail([changed]);
    }
    for (const [index, ready] of staged.entries()) {
      const failure = await commit(ready);
      if (failure) return fail([await undo(staged.slice(0, index), failure)]);
    }
    for (const ready of staged) if (ready.backup) await unlink(ready.backup).catch(() => undefined);
    return succeed(undefined);
  } finally {
    for (const ready of staged) await unlink(ready.temporary).catch(() => undefined);
  }
}

/** The finding for an error of the file system while writing `file`. */
function unwritable(error: unknown, file: FileReplacement): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) throw error;
  if (code === 'EEXIST' && file.expectation === 'absent')
    return diagnose('FILE_EXISTS', { what: file.shown }, { file: file.shown });
  const reason = code === 'ENOENT' ? 'its folder does not exist' : describeSystemError(error);
  return diagnose('FILE_UNWRITABLE', { reason }, { file: file.shown });
}

async function stage(file: FileReplacement): Promise<Result<Staged>> {
  const kept = typeof file.expectation === 'object';
  try {
    const target = kept ? await realpath(file.path).catch(() => file.path) : file.path;
    const old = await lstat(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    // A folder is never replaced, nor, behind a file mtad read, a device or a pipe.
    if (old && !old.isFile() && (kept || old.isDirectory())) {
      return fail([
        diagnose(
          'FILE_UNWRITABLE',
          { reason: old.isDirectory() ? 'it is a folder' : 'it is not a regular file' },
          { file: file.shown },
        ),
      ]);
    }
    if (old?.isFile() && file.expectation !== 'absent' && !(await isWritable(target, old.mode))) {
      return fail([diagnose('FILE_READ_ONLY', { what: file.shown }, { file: file.shown })]);
    }
    const bytes = kept && old ? styledAs(await readFile(target), file.text) : Buffer.from(file.text, 'utf8');
    const temporary = temporaryPathFor(target);
    await writeFile(temporary, bytes, { flag: 'wx' });
    const ready: Staged = { file, target, temporary, bytes, existed: old !== undefined };
    if (old?.isFile()) {
      await chmod(temporary, old.mode & 0o7777);
      // Only root may give a file to another owner: otherwise the new file is the writer's own.
      if (old.uid !== process.getuid?.() || old.gid !== process.getgid?.())
        await chown(temporary, old.uid, old.gid).catch(() => undefined);
    }
    return succeed(ready);
  } catch (error) {
    return fail([unwritable(error, file)]);
  }
}

/**
 * Whether the file may be written. Root may write any file, so for root (who runs mtad in
 * containers and CI) a file that grants write permission to nobody counts as read-only: someone
 * made it so, and replacing it by a rename would undo their choice silently.
 */
async function isWritable(path: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/**
 * `text` as bytes in the style of the file's `old` bytes: with its byte order mark, and with CRLF
 * line endings when its first line ends so (mtad reads both; the YAML it writes has LF).
 */
function styledAs(old: Buffer, text: string): Buffer {
  const bom = old.subarray(0, 3).equals(BOM);
  const newline = old.indexOf(0x0a);
  const crlf = newline > 0 && old[newline - 1] === 0x0d;
  const body = Buffer.from(crlf ? text.replace(/\r?\n/g, '\r\n') : text, 'utf8');
  return bom ? Buffer.concat([BOM, body]) : body;
}

/** FILE_CHANGED_ON_DISK when the file no longer holds the text mtad read (compare before rename). */
async function changedOnDisk(ready: Staged): Promise<Diagnostic | undefined> {
  const { expectation, shown } = ready.file;
  if (typeof expectation !== 'object') return undefined;
  const now = await readFile(ready.target).catch(() => undefined);
  const text = now && new TextDecoder('utf-8', { fatal: false }).decode(now).replace(/^\uFEFF/, '');
  return text === expectation.text ? undefined : diagnose('FILE_CHANGED_ON_DISK', { what: shown }, { file: shown });
}

/** Puts the new file in place; the finding when it cannot be. */
async function commit(ready: Staged): Promise<Diagnostic | undefined> {
  try {
    // Checked again at the last moment: an earlier rename took time another writer may have used.
    const changed = await changedOnDisk(ready);
    if (changed) return changed;
    if (ready.file.expectation === 'absent') {
      // A link, unlike a rename, fails rather than replace a file created meanwhile.
      await link(ready.temporary, ready.target);
      return undefined;
    }
    if (ready.existed) {
      const backup = temporaryPathFor(ready.target);
      await link(ready.target, backup);
      ready.backup = backup;
    }
    await rename(ready.temporary, ready.target);
    return undefined;
  } catch (error) {
    if (ready.backup) await unlink(ready.backup).catch(() => undefined);
    delete ready.backup;
    return unwritable(error, ready.file);
  }
}

/**
 * Puts back the files of `done` (already replaced) after `failure`: the failure itself when every
 * one is back as it was, WRITE_INCOMPLETE naming those that could not be.
 */
async function undo(done: readonly Staged[], failure: Diagnostic): Promise<Diagnostic> {
  const stuck: string[] = [];
  for (const ready of [...done].reverse()) {
    try {
      // Never over a change another writer made since.
      const now = await readFile(ready.target);
      if (!now.equals(ready.bytes)) throw new Error('changed since');
      if (ready.backup) await rename(ready.backup, ready.target);
      else await unlink(ready.target);
    } catch {
      stuck.push(ready.file.shown);
    }
  }
  if (stuck.length === 0) return failure;
  const reason =
    failure.code === 'FILE_UNWRITABLE'
      ? (failure.args as { reason: string }).reason
      : failure.code === 'FILE_EXISTS'
        ? 'it exists'
        : 'it changed on disk after mtad read it';
  return diagnose(
    'WRITE_INCOMPLETE',
    { written: stuck.join(', '), what: failure.file ?? '', reason },
    { ...(failure.file !== undefined && { file: failure.file }) },
  );
}
