// Keeps the examples in README.md and docs/check.md real (tests/helpers/readme-examples.ts says
// how they run). `node scripts/readme.mjs` writes every example's output into the files again;
// `--check` exits 1 when one is not what the commands print. Both run the README test, so that the
// files are written by the runner that checks them.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const env = { ...process.env };
if (check) delete env.MTAD_README;
else env.MTAD_README = 'write';
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/e2e/readme.test.ts'],
  { cwd: root, env, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
