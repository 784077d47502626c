import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/*
 * `npm run build` while mtad runs: dist/ is either the old build or the new one, never half of
 * either. The build runs into a copy of dist/ in a folder of its own (--out), never the dist/ the
 * other tests run, and the test watches that copy the whole time it builds.
 */

const dir = mkdtempSync(join(tmpdir(), 'mtad-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILES = ['start.cjs', 'cli.cjs', 'pack.cjs', 'word.cjs', 'index.js', 'index.d.ts'];

/** The names in the folder `dir`, or undefined when there is no such folder. */
function listing(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

it('replaces dist/ whole: every file is there at every moment of a build', { timeout: 300_000 }, async () => {
  const dist = join(dir, 'dist');
  cpSync(join(ROOT, 'dist'), dist, { recursive: true });
  const build = spawn(process.execPath, ['scripts/build.mjs', '--out', dist], { cwd: ROOT, stdio: 'ignore' });
  const ended = new Promise<number | null>((done) => build.on('exit', done));
  let running = true;
  void ended.then(() => (running = false));
  let looks = 0;
  const missing = new Set<string>();
  while (running) {
    // One listing a look, so that a look sees one dist/, whole or not. The build's two renames are
    // two calls: a look that falls between them (likelier the busier the machine) finds no dist/
    // at all, which bin/mtad.cjs waits out (bin.test.ts); what must never be seen is half of one.
    const listed = listing(dist);
    if (listed !== undefined) for (const file of FILES) if (!listed.includes(file)) missing.add(file);
    looks++;
    await new Promise((resume) => setTimeout(resume, 2));
  }
  expect(await ended).toBe(0);
  expect(looks).toBeGreaterThan(100);
  expect([...missing]).toEqual([]);
  // Nothing left beside it, and the new build runs.
  expect(readdirSync(dir)).toEqual(['dist']);
  const run = spawnSync(process.execPath, [join(dist, 'start.cjs'), '--version'], { encoding: 'utf8' });
  expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
});
