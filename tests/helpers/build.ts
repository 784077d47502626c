import { execFileSync } from 'node:child_process';
import { ROOT } from './cli.js';

/**
 * Vitest's global setup: builds dist/ once, before any test file runs, so that the tests that spawn
 * bin/mtad.js run what the sources say. Never from a test file: a build replaces dist/ while other
 * files' spawned runs load it.
 */
export default function buildOnce(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}
