import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/*
 * mtad's temporary files, and what a run that was killed leaves of them. Every temporary file mtad
 * makes beside a file it writes is named `.NAME.PID.HEX.tmp` (NAME the file it stands in for, PID
 * the process that made it, HEX random): hidden, ignored by git (`.*.tmp` in .gitignore), and
 * recognisable as garbage once process PID has ended, so the next run can remove it.
 */

/** A random suffix for temporary names. node:crypto is loaded here, on first use, not at start-up. */
export function uniqueSuffix(bytes = 4): string {
  return process.getBuiltinModule('node:crypto').randomBytes(bytes).toString('hex');
}

/** A fresh temporary name beside `path`, for this process. It must still be created exclusively. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${uniqueSuffix()}.tmp`);
}

/** Whether a process with this id runs (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const TEMPORARY_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]+\.tmp$/;

/**
 * Removes from `dir` the temporary files of mtad processes that have ended (killed mid-write),
 * for the files that `standsFor` accepts (by name: only what mtad itself writes there). A file of
 * a process still running is its own business and stays. Errors are ignored: tidying up is never
 * a reason to fail a command.
 */
export async function removeLeftovers(dir: string, standsFor: (name: string) => boolean): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const [, file = '', id = '0'] = TEMPORARY_NAME.exec(name) ?? [];
    const pid = Number(id);
    if (pid > 0 && pid !== process.pid && standsFor(file) && !isRunning(pid))
      await unlink(join(dir, name)).catch(() => undefined);
  }
}
