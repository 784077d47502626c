import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { diagnose } from '../domain/diagnostics.js';
import type { Result } from '../domain/validate.js';

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
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(mine, lockPath);
        return { ok: true, value: () => unlink(lockPath).catch(() => undefined), diagnostics: [] };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
        if (!Number.isInteger(holder) || holder <= 0 || isRunning(holder)) {
          return { ok: false, diagnostics: [diagnose('FILE_LOCKED', { what: shown, pid: Number.isInteger(holder) ? holder : 0, lock: `${shown}.lock` }, { file: shown })] };
        }
        // The process that holds the lock has ended without giving it back: take it over.
        await unlink(lockPath).catch(() => undefined);
      }
    }
    return { ok: false, diagnostics: [diagnose('FILE_LOCKED', { what: shown, pid: 0, lock: `${shown}.lock` }, { file: shown })] };
  } catch (error) {
    return { ok: false, diagnostics: [diagnose('FILE_UNWRITABLE', { reason: (error as Error).message }, { file: shown })] };
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}
