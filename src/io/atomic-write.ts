import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { diagnose } from '../domain/diagnostics.js';
import type { Result } from '../domain/validate.js';

/**
 * Writes a file atomically: the text goes to a temporary file beside it, which is then renamed over
 * it, so that a reader (or a CI step that fails half-way) never sees half a file. A failure is a
 * FILE_UNWRITABLE finding (exit status 2), never a stack trace.
 */
export async function writeFileAtomic(path: string, text: string, shown: string): Promise<Result<void>> {
  const temporary = join(dirname(path), `.mtad-tmp-${basename(path)}-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
    return { ok: true, diagnostics: [] };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message;
    return { ok: false, diagnostics: [diagnose('FILE_UNWRITABLE', { reason }, { file: shown })] };
  }
}
