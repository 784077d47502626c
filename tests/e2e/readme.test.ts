import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('README.md', () => {
  // Every example of both files runs as a process of its own: on a busy machine, that takes a while.
  it(
    'README.md and docs/check.md show what the commands really print (node scripts/readme.mjs reruns them)',
    { timeout: 180_000 },
    () => {
      const result = spawnSync(process.execPath, [join(ROOT, 'scripts/readme.mjs'), '--check'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it('starts with the two quick-start commands, verbatim', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/## Quick start\n\n```sh\nnpm install && npx mtad amend\nnpm test\n```\n/);
  });
});
