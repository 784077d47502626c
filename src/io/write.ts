import { randomBytes } from 'node:crypto';
import { link, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { diagnose } from '../domain/diagnostics.js';
import type { Result } from '../domain/validate.js';
import { readText } from './read.js';

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
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
    return { ok: false, diagnostics: [diagnose('FILE_UNWRITABLE', { reason: (error as Error).message }, { file: shown })] };
  }
}
