import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { diagnose } from '../domain/diagnostics.js';
import type { Result } from '../domain/validate.js';
import { describeSystemError } from './system-error.js';

/** Gives the lock back. */
export type Release = () => Promise<void>;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the write lock of `path`: the file `path.lock`, created only if it does not exist, holding
 * the process id. A second writer is refused at once (never kept waiting), so of two
 * `mtad amend --write` runs at the same time one wins and the other says so. A lock left by a
 * process that no longer runs is taken over.
 */
export async function acquireWriteLock(path: string, shown: string): Promise<Result<Release>> {
  const lockPath = `${path}.lock`;
  // The lock appears whole or not at all: the process id is written to a file of this process's
  // own, then linked to the lock's name, which fails if the lock exists. (Writing the lock in
  // place would let another process read it empty and take it for abandoned.)
  const mine = `${lockPath}.${process.pid}`;
  try {
    await writeFile(mine, `${process.pid}\n`);
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(mine, lockPath);
        return { ok: true, value: () => unlink(lockPath).catch(() => undefined), diagnostics: [] };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const { state, pid } = await holderOf(lockPath);
        // The holder gave the lock back between our attempt and our look: try again.
        if (state === 'gone') continue;
        if (state === 'alive') return { ok: false, diagnostics: [diagnose('FILE_LOCKED', { what: shown, pid, lock: `${shown}.lock` }, { file: shown })] };
        // The process that held the lock has ended without giving it back (or left a lock that
        // says nothing, long ago): take it over.
        await unlink(lockPath).catch(() => undefined);
      }
    }
    return { ok: false, diagnostics: [diagnose('FILE_LOCKED', { what: shown, pid: 0, lock: `${shown}.lock` }, { file: shown })] };
  } catch (error) {
    return { ok: false, diagnostics: [diagnose('FILE_UNWRITABLE', { reason: describeSystemError(error) }, { file: shown })] };
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}

/** How long a lock that names no process is respected: no write of mtad's takes near as long. */
const UNREADABLE_LOCK_MS = 30_000;

/**
 * Whether the lock at `lockPath` is held: by a running process (`alive`), by nobody any more
 * (`stale`: its process has ended, or it names none and is older than any write), or no longer
 * there (`gone`).
 */
async function holderOf(lockPath: string): Promise<{ state: 'alive' | 'stale' | 'gone'; pid: number }> {
  let text: string;
  let modified: number;
  try {
    [text, modified] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath).then((s) => s.mtimeMs)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'gone', pid: 0 };
    throw error;
  }
  const pid = Number.parseInt(text, 10);
  if (Number.isInteger(pid) && pid > 0) return { state: isRunning(pid) ? 'alive' : 'stale', pid };
  return { state: Date.now() - modified > UNREADABLE_LOCK_MS ? 'stale' : 'alive', pid: 0 };
}
