import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

// What dist/ is made from: a change to any of these, or another Node (the code caches are V8's),
// makes a new build.
const INPUTS = [
  'src',
  'scripts/build.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.types.json',
];
const STAMP = join(ROOT, 'node_modules/.cache/mtad-tests/build-stamp');

/** A hash of the files at `paths` (each a file or a folder, walked), names and bytes in a fixed order. */
function hashFiles(paths: readonly string[], skip = /^$/): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    const absolute = join(ROOT, path);
    if (!existsSync(absolute)) hash.update(`missing ${path}\0`);
    else {
      const files = statSync(absolute).isDirectory()
        ? readdirSync(absolute, { withFileTypes: true, recursive: true })
            .filter((entry) => entry.isFile() && !skip.test(entry.name))
            .map((entry) => join(entry.parentPath, entry.name))
            .sort()
        : [absolute];
      for (const file of files) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

/**
 * The sources' and the built files' hashes: dist/ is up to date when both are those recorded after
 * the last build (the code caches, which a run may rewrite, are not part of it).
 */
const currentStamp = (): string => `${process.version} ${hashFiles(INPUTS)} ${hashFiles(['dist'], /\.cache$/)}\n`;

/**
 * Vitest's global setup: builds dist/ once, before any test file runs, so that the tests that spawn
 * bin/mtad.cjs run what the sources say. Never from a test file: a build replaces dist/ while other
 * files' spawned runs load it. A build costs seconds of CPU (bundles, declarations, the code
 * caches): when dist/ is what this setup built from the same sources, it is used as it is.
 */
export default function buildOnce(): void {
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === currentStamp()) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(join(STAMP, '..'), { recursive: true });
  writeFileSync(STAMP, currentStamp());
}
