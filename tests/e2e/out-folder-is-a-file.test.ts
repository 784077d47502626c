import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfData, snapshotTree } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

describe('--out naming a file where a folder is written', () => {
  it('amend and consultation refuse it as a file, without pointing at --force, and change nothing', async () => {
    const cwd = copyOfData();
    writeFileSync(join(cwd, 'notes.txt'), 'my notes\n');
    for (const command of ['amend', 'consultation']) {
      const before = snapshotTree(cwd);
      const run = await runMain([command, 'mdust-close-moc-secure', '--out', 'notes.txt'], cwd);
      expect(run.status, command).toBe(2);
      expect(run.stderr).toContain('[OUT_NOT_MTAD]');
      expect(run.stderr).toContain('notes.txt: it is a file');
      expect(run.stderr).not.toContain('pass --force');
      expect(snapshotTree(cwd)).toEqual(before);
    }
  });
});
