import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { compareCodeUnits } from '../domain/model/order.js';
import { displayPath } from './read.js';
import { describeSystemError } from './system-error.js';

const YAML_FILE = /\.ya?ml$/;

/** Folders never searched: hidden ones (.git) and installed packages. */
const skipFolder = (name: string) => name.startsWith('.') || name === 'node_modules';

async function walk(dir: string, folders: Set<string>): Promise<string[]> {
  folders.add(dir);
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .sort((a, b) => compareCodeUnits(a.name, b.name))
      .map((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return skipFolder(entry.name) ? [] : walk(path, folders);
        return entry.isFile() && YAML_FILE.test(entry.name) ? [path] : [];
      }),
  );
  return nested.flat();
}

/**
 * The YAML files named by `paths`: a file as given, a folder searched recursively for *.yaml and
 * *.yml. A path that does not exist is an IO finding (exit status 2). Absolute paths, in order, and
 * the folders searched.
 */
export async function listYamlFiles(
  paths: readonly string[],
  cwd: string,
): Promise<{ files: string[]; folders: ReadonlySet<string>; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const folders = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const shown = displayPath(absolute, cwd);
    try {
      const info = await stat(absolute);
      files.push(...(info.isDirectory() ? await walk(absolute, folders) : [absolute]));
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      diagnostics.push(
        missing
          ? diagnose(
              'FILE_NOT_FOUND',
              { what: `the path ${shown}`, hint: 'name a data folder or YAML files, e.g. mtad check data/' },
              { file: shown },
            )
          : diagnose('FILE_UNREADABLE', { reason: describeSystemError(error) }, { file: shown }),
      );
    }
  }
  return { files: [...new Set(files)], folders, diagnostics };
}

/**
 * The bytes of a stream (standard input), to its end or to `limit` + 1 bytes, whichever comes
 * first: one byte over the limit is enough to refuse it, and an endless stream must end the read.
 */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes =
      typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    chunks.push(bytes.subarray(0, limit + 1 - length));
    length += chunks.at(-1)!.length;
    if (length > limit) break;
  }
  return Buffer.concat(chunks);
}
