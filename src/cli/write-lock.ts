import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { LOCK_FILE_NAME } from '../domain/history/amendment-lock.js';
import { displayPath } from '../io/read.js';
import { acquireWriteLock } from '../io/file-lock.js';
import { removeLeftovers } from '../io/temporary.js';
import type { Styler } from '../render/style.js';
import { amendmentsDirOf, resolveTablePath } from './inputs.js';
import { failWith, type Outcome } from './outcome.js';
import { findingsOf } from '../domain/model/result.js';

/**
 * Runs `work`, a command that reads the data folder and writes into it, holding the write lock of
 * its table (see acquireWriteLock), so that what it reads, checks and writes is one step no other
 * mtad interleaves with: `amend --write`, `check --update-lock`, `new` and `revert`. A second one
 * is refused at once (FILE_LOCKED). With the lock held, the temporary files that killed runs left
 * beside the table and the amendments are removed (never a file of a process still running).
 */
export async function withWriteLock(
  options: { cwd: string; table?: string | undefined; styler: Styler },
  work: () => Promise<Outcome>,
): Promise<Outcome> {
  const tablePath = resolveTablePath(options.cwd, options.table);
  // No folder, nothing to protect: the command says what is missing.
  if (!existsSync(dirname(tablePath))) return work();
  // The lock is named after the table as given, in the data folder, even for a table reached
  // through a symbolic link (which is written through): a lock is never made in a folder elsewhere.
  const lock = await acquireWriteLock(tablePath, displayPath(tablePath, options.cwd));
  if (!lock.ok) return failWith(findingsOf(lock), options.styler);
  try {
    const written = new Set([basename(tablePath), LOCK_FILE_NAME]);
    await removeLeftovers(dirname(tablePath), (name) => written.has(name));
    // A table reached through a symbolic link is written beside the file the link points to.
    const realTable = await realpath(tablePath).catch(() => tablePath);
    if (realTable !== tablePath) await removeLeftovers(dirname(realTable), (name) => name === basename(realTable));
    await removeLeftovers(amendmentsDirOf(tablePath), (name) => /\.ya?ml$/.test(name));
    return await work();
  } finally {
    await lock.value();
  }
}
