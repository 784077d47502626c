import { spawn } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyOfData } from '../helpers/cli.js';

interface Finished {
  id: string;
  status: number | null;
  stderr: string;
}

/** Runs `mtad amend ID --write` in `cwd` as its own process, without waiting for it. */
function write(cwd: string, id: string): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'amend', id, '--write'], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ id, status, stderr }));
  });
}

/** A copy of data/ with two made amendments pending: the MOC (Secure) closure and one of FOC (BG). */
function twoMadeAmendments(): string {
  const dir = copyOfData();
  const mocPath = join(dir, 'data/amendments/mdust-close-moc-secure.yaml');
  const moc = readFileSync(mocPath, 'utf8').replace('status: proposed', 'status: made').replace('  annex: null', '  annex: A');
  writeFileSync(mocPath, moc);
  const bg = moc
    .replace('id: mdust-close-moc-secure', 'id: test-close-foc-bg')
    .replace('sequence: 3', 'sequence: 4')
    .replace('cohort: MOC (Secure)', 'cohort: FOC (BG)')
    .replace('groupId: DA', 'groupId: EA');
  writeFileSync(join(dir, 'data/amendments/test-close-foc-bg.yaml'), bg);
  return dir;
}

const appliedIn = (dir: string): string[] => {
  const text = readFileSync(join(dir, 'data/table-17.6.yaml'), 'utf8');
  return [...text.matchAll(/^ {2}- ([a-z0-9-]+)$/gm)].map((m) => m[1] ?? '');
};

describe('two mtad amend --write at once', () => {
  it('never lose an update: each run either lands in the table or is refused with a clear message', async () => {
    let refusals = 0;
    for (let round = 0; round < 6; round++) {
      const dir = twoMadeAmendments();
      const runs = await Promise.all([write(dir, 'mdust-close-moc-secure'), write(dir, 'test-close-foc-bg')]);
      const applied = appliedIn(dir);
      for (const run of runs) {
        if (run.status === 0) {
          expect(applied, `${run.id} said it wrote the table`).toContain(run.id);
        } else {
          refusals++;
          expect(run.status).toBe(2);
          expect(run.stderr).toMatch(/^data\/table-17\.6\.yaml: error: (another mtad \(process \d+\) is writing data\/table-17\.6\.yaml; nothing was written.* \[FILE_LOCKED\]|.*changed on disk after mtad read it; nothing was written.* \[FILE_CHANGED_ON_DISK\])\n$/);
          expect(applied, `${run.id} was refused`).not.toContain(run.id);
        }
      }
      expect(applied.slice(0, 2)).toEqual(['mdust-close-ioc-moc-mds', 'mdust-close-foc-np']);
      // The table still reads back: no half-written file.
      expect(readFileSync(join(dir, 'data/table-17.6.yaml'), 'utf8')).toMatch(/cohorts:\n(.|\n)*FOC \(BG\)/);
    }
    // Not asserted (it depends on timing), but told: how often the two runs actually collided.
    console.info(`concurrent --write: ${refusals} refusal(s) in 6 rounds of 2 runs`);
  });

  it('a lock left by a process that has ended is taken over', async () => {
    const dir = twoMadeAmendments();
    writeFileSync(join(dir, 'data/table-17.6.yaml.lock'), '999999999\n');
    const run = await write(dir, 'mdust-close-moc-secure');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(appliedIn(dir)).toContain('mdust-close-moc-secure');
  });

  it('a lock that names no process is respected while fresh, and taken over once old', async () => {
    const dir = twoMadeAmendments();
    const lock = join(dir, 'data/table-17.6.yaml.lock');
    writeFileSync(lock, 'not a process id\n');
    const fresh = await write(dir, 'mdust-close-moc-secure');
    expect(fresh.status).toBe(2);
    expect(fresh.stderr).toContain('another mtad is writing data/table-17.6.yaml; nothing was written');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lock, anHourAgo, anHourAgo);
    const old = await write(dir, 'mdust-close-moc-secure');
    expect(old.stderr).toBe('');
    expect(old.status).toBe(0);
    expect(appliedIn(dir)).toContain('mdust-close-moc-secure');
  });

  it('a lock held by a running process refuses the write, exit 2', async () => {
    const dir = twoMadeAmendments();
    writeFileSync(join(dir, 'data/table-17.6.yaml.lock'), `${process.pid}\n`);
    const run = await write(dir, 'mdust-close-moc-secure');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`another mtad (process ${process.pid}) is writing data/table-17.6.yaml; nothing was written`);
    expect(appliedIn(dir)).not.toContain('mdust-close-moc-secure');
  });
});
