import { constants } from 'node:fs';
import { link, lstat, open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { diagnose } from '../domain/model/diagnostics.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import { sha256 } from './hash.js';
import { isRunning, removeLeftovers, temporaryPathFor, uniqueSuffix } from './temporary.js';
import { describeSystemError } from './system-error.js';

/** Gives the lock back. */
export type Release = () => Promise<void>;

/**
 * Takes the write lock of `path`: the file `path.lock`, created only if it does not exist, holding
 * the process id and a random token. A second writer is refused at once (never kept waiting), so
 * of two `mtad amend --write` runs at the same time one wins and the other says so. A lock left by
 * a process that no longer runs is taken over, by one process only (see `take`). Once held, the
 * temporary files that killed runs left in the lock's folder are removed.
 */
export async function acquireWriteLock(path: string, shown: string): Promise<Result<Release>> {
  const lockPath = `${path}.lock`;
  const locked = (pid: number): Result<Release> =>
    fail([diagnose('FILE_LOCKED', { what: shown, pid, lock: `${shown}.lock` }, { file: shown })]);
  // The lock appears whole or not at all: its text is written to a file of this process's own
  // (created exclusively: never through a file or a link already there), then linked to the
  // lock's name, which fails if the lock exists.
  const mine = temporaryPathFor(lockPath);
  const text = `${process.pid} ${uniqueSuffix(8)}\n`;
  try {
    await writeFile(mine, text, { flag: 'wx' });
    const taken = await take(lockPath, mine, 0);
    if (taken !== 'held') return locked(taken.pid);
    await removeClaims(lockPath);
    await removeLeftovers(dirname(lockPath), (name) => name === basename(lockPath));
    return succeed(() => release(lockPath, text));
  } catch (error) {
    return fail([diagnose('FILE_UNWRITABLE', { reason: describeSystemError(error) }, { file: shown })]);
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}

/** Removes the lock, if it is still this process's (it always is, unless removed by hand). */
async function release(lockPath: string, text: string): Promise<void> {
  const now = await readFile(lockPath, 'utf8').catch(() => undefined);
  if (now === text) await unlink(lockPath).catch(() => undefined);
}

/** How deep a takeover of a takeover goes (each level needs a process killed mid-takeover). */
const MAX_DEPTH = 4;

/**
 * Makes `path` this process's lock (a hard link to `mine`), or says which process holds it.
 *
 * Taking over a stale lock is where two processes could both win: each sees the lock stale,
 * one replaces it, and the other then removes or replaces the fresh one. So a stale lock is
 * replaced only by the process that holds the claim on that very lock: a second lock, named
 * after the stale one's identity (its text and inode), taken by this same function.
 * Holding the claim, the process looks again and replaces the lock (a rename, so the lock is
 * never absent) only if it is still the one it saw. Nothing else can change the lock meanwhile:
 * its holder has ended, a new lock cannot be linked over it, and any other taker needs the claim.
 * A lock once replaced never comes back (its token is random), so a late claimant finds it
 * changed and gives up. A claim whose holder was killed is stale in turn and taken over the same
 * way.
 */
async function take(path: string, mine: string, depth: number): Promise<'held' | { pid: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await link(mine, path);
      return 'held';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = await holderOf(path);
    // The holder gave the lock back between our attempt and our look: try again.
    if (seen.state === 'gone') continue;
    if (seen.state === 'alive' || depth >= MAX_DEPTH) return { pid: seen.pid };
    const claim = claimPath(path, seen.identity);
    const claimed = await take(claim, mine, depth + 1);
    // Another process is taking the stale lock over this moment: it is as good as held.
    if (claimed !== 'held') return claimed;
    try {
      if ((await holderOf(path)).identity === seen.identity) {
        const spare = temporaryPathFor(path);
        await link(mine, spare);
        await rename(spare, path);
        return 'held';
      }
    } finally {
      await unlink(claim).catch(() => undefined);
    }
  }
  return { pid: 0 };
}

/** The claim on the lock at `path` whose identity is `identity` (see `take`). */
function claimPath(path: string, identity: string): string {
  const name = basename(path);
  return name.startsWith('.') && name.endsWith('.tmp')
    ? `${path.slice(0, -'.tmp'.length)}-${identity}.tmp`
    : join(dirname(path), `.${name}.claim-${identity}.tmp`);
}

/** Removes the claims that killed takeovers left: with the lock held, no claim is of any use. */
async function removeClaims(lockPath: string): Promise<void> {
  const prefix = `.${basename(lockPath)}.claim-`;
  const names = await readdir(dirname(lockPath)).catch(() => []);
  for (const name of names)
    if (name.startsWith(prefix) && name.endsWith('.tmp'))
      await unlink(join(dirname(lockPath), name)).catch(() => undefined);
}

/** How long a lock that names no process is respected: no write of mtad's takes near as long. */
const UNREADABLE_LOCK_MS = 30_000;

/**
 * Whether the lock at `lockPath` is held: by a running process (`alive`), by nobody any more
 * (`stale`: its process has ended, or it names none and is older than any write), or no longer
 * there (`gone`); and what identifies this lock among all the locks ever at that path.
 */
async function holderOf(
  lockPath: string,
): Promise<{ state: 'alive' | 'stale' | 'gone'; pid: number; identity: string }> {
  let lock: { text: string; ino: number; dev: number; mtimeMs: number };
  try {
    lock = await readLock(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'gone', pid: 0, identity: '' };
    throw error;
  }
  // Not its time: a lock touched by hand would otherwise answer to two claims at once.
  const identity = sha256(`${lock.dev}:${lock.ino}:${lock.text}`).slice(0, 16);
  const pid = /^\d+[ \n]/.test(lock.text) ? Number.parseInt(lock.text, 10) : 0;
  if (pid > 0) return { state: isRunning(pid) ? 'alive' : 'stale', pid, identity };
  return { state: Date.now() - lock.mtimeMs > UNREADABLE_LOCK_MS ? 'stale' : 'alive', pid: 0, identity };
}

/**
 * The text of the lock and the facts of the same file (one open file, so they cannot come from two
 * locks). Something other than a plain file at the lock's name (a link, a pipe, a folder: not
 * mtad's) is never followed or read, and counts as a lock that names no process.
 */
async function readLock(lockPath: string): Promise<{ text: string; ino: number; dev: number; mtimeMs: number }> {
  let handle;
  try {
    handle = await open(lockPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ELOOP' && code !== 'EISDIR') throw error;
    return { text: '', ...(await lstat(lockPath)) };
  }
  try {
    const facts = await handle.stat();
    const text = facts.isFile() && facts.size < 1024 ? await handle.readFile('utf8') : '';
    return { text, ino: facts.ino, dev: facts.dev, mtimeMs: facts.mtimeMs };
  } finally {
    await handle.close();
  }
}
