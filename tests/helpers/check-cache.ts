import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from './main.js';

/**
 * One run of mtad check in every format at once: stylish on standard output, json, sarif and
 * github written to files in the folder `out` (made here). Returns the exit status, standard error and each format's text.
 * The run is in process: the cache's behaviour is the point, not the process (the cache's key, which
 * the build sets, is tested with the built bin in check-cache.test.ts).
 */
export async function checkAllFormats(
  cwd: string,
  cacheArgs: readonly string[],
  out: string,
): Promise<{ status: number | null; stderr: string; outputs: Record<string, string> }> {
  mkdirSync(out, { recursive: true });
  const run = await runMain(
    [
      'check',
      '--output',
      `json=${out}/r.json`,
      '--output',
      `sarif=${out}/r.sarif`,
      '--output',
      `github=${out}/r.txt`,
      ...cacheArgs,
    ],
    { cwd },
  );
  const read = (name: string) =>
    existsSync(join(out, name)) ? readFileSync(join(out, name), 'utf8') : '(not written)';
  return {
    status: run.status,
    stderr: run.stderr,
    outputs: { stylish: run.stdout, json: read('r.json'), sarif: read('r.sarif'), github: read('r.txt') },
  };
}
