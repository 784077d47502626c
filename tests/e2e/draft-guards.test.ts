import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfData, snapshotTree } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

/*
 * Guards of the drafting commands: a bad --id is a usage error, not a crash; --force never replaces a made amendment
 * (new and revert); an id another file has is refused; impact never calls an upper bound "earliest"
 * and never dates a re-start before the day after the end date; --include says what it counts.
 */

const codes = (stderr: string) => [...stderr.matchAll(/\[([A-Z_]+)\]$/gm)].map((m) => m[1]);
const FOC_BG = ['new', 'close', 'FOC (BG)', '--on', '2023-06-30'];

describe('mtad new --id', () => {
  it.each([['Bad Id'], ['UPPER'], ['trailing-'], ['a--b'], ['../escape'], ['']])(
    'refuses %j in one line, exit 2, nothing written',
    async (id) => {
      const dir = copyOfData();
      const snapshot = snapshotTree(dir);
      for (const extra of [['--stdout'], []]) {
        const run = await runMain([...FOC_BG, '--id', id, ...extra], { cwd: dir });
        expect(run.status).toBe(2);
        expect(codes(run.stderr)).toEqual(['ARGUMENT_INVALID']);
        expect(run.stderr).toContain('--id');
        expect(run.stderr).toContain('kebab-case');
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
        expect(run.stdout).toBe('');
      }
      expect(snapshotTree(dir)).toEqual(snapshot);
    },
  );

  it('takes a kebab-case id', async () => {
    const run = await runMain([...FOC_BG, '--id', 'mdust-close-foc-bg-2', '--stdout'], { cwd: copyOfData() });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('id: mdust-close-foc-bg-2\n');
  });
});

describe('a made amendment is never replaced', () => {
  it('new --force refuses the made, locked FOC (NP) closure (with and without --force, and --stdout)', async () => {
    const dir = copyOfData();
    const snapshot = snapshotTree(dir);
    for (const extra of [['--force'], [], ['--stdout']]) {
      const run = await runMain([...FOC_BG, '--id', 'mdust-close-foc-np', ...extra], { cwd: dir });
      expect(run.status, extra.join(' ')).toBe(2);
      expect(codes(run.stderr)).toEqual(['AMENDMENT_MADE_PROTECTED']);
      expect(run.stderr).toContain('a made amendment is never replaced');
      expect(run.stderr).toContain('choose another id');
    }
    expect(snapshotTree(dir)).toEqual(snapshot);
  });

  it('a file the lock records is protected even if its status was edited away from made', async () => {
    const dir = copyOfData();
    const path = join(dir, 'data/amendments/mdust-close-foc-np.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('status: made', 'status: proposed'));
    const snapshot = snapshotTree(dir);
    const run = await runMain([...FOC_BG, '--id', 'mdust-close-foc-np', '--force'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['AMENDMENT_MADE_PROTECTED']);
    expect(run.stderr).toContain('recorded in data/amendments.lock');
    expect(snapshotTree(dir)).toEqual(snapshot);
  });

  it('revert --force refuses a made reversal, and replaces a proposed one', async () => {
    const dir = copyOfData();
    const revert = ['revert', 'mdust-close-foc-np', '--issued', '2023-03-01', '--force'];
    expect((await runMain(revert, { cwd: dir })).status).toBe(0);
    expect((await runMain(revert, { cwd: dir })).status).toBe(0);
    const path = join(dir, 'data/amendments/mdust-close-foc-np-revert.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('status: proposed', 'status: made'));
    const snapshot = snapshotTree(dir);
    const run = await runMain(revert, { cwd: dir });
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['AMENDMENT_MADE_PROTECTED']);
    expect(snapshotTree(dir)).toEqual(snapshot);
  });

  it('new refuses an id that another amendment file already has', async () => {
    const dir = copyOfData();
    const moc = readFileSync(join(dir, 'data/amendments/mdust-close-moc-secure.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'data/amendments/moc-secure-copy.yaml'),
      moc.replace(/^id: .*$/m, 'id: taken-id').replace(/^sequence: .*$/m, 'sequence: 9'),
    );
    const snapshot = snapshotTree(dir);
    for (const extra of [['--force'], ['--stdout']]) {
      const run = await runMain([...FOC_BG, '--id', 'taken-id', ...extra], { cwd: dir });
      expect(run.status).toBe(1);
      expect(codes(run.stderr)).toEqual(['AMENDMENT_ID_DUPLICATE']);
      expect(run.stderr).toContain('data/amendments/moc-secure-copy.yaml');
    }
    expect(snapshotTree(dir)).toEqual(snapshot);
  });
});

describe('mtad impact', () => {
  it('a decision before the end date: still provided until then; no re-start date before the day after it', async () => {
    const run = await runMain(['impact', 'mdust-close-moc-secure', '--decided', '2023-01-10']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Migration DUST is still provided up to and including Tuesday 31 January 2023');
    expect(run.stdout).toContain(
      're-starting is moot until then. The dates below count from Wednesday 1 February 2023',
    );
    expect(run.stdout).toContain('re-start no earlier than:       Wednesday 15 March 2023');
    expect(run.stdout).not.toContain('21 February 2023'); // 10 January + 6 weeks
    expect(run.stdout).not.toMatch(/earliest/i);
  });
});

describe('--include help', () => {
  it('says what --include proposed counts, for diff and show', async () => {
    for (const command of ['diff', 'show']) {
      const help = (await runMain([command, '--help'])).stdout.replace(/\s+/g, ' ');
      expect(help, command).toContain(
        '"proposed" also counts proposed and concluded amendments (never withdrawn ones), each from the modification date it proposes; without it only made amendments count',
      );
      expect(help, command).not.toContain('count proposed and concluded amendments too');
    }
  });
});
