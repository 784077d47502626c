import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONCLUDED_DATA_ENTRIES,
  copyOfData,
  copyWithMocSecureMade,
  ROOT,
  runCli,
  snapshotTree,
} from '../helpers/cli.js';

const TABLE = 'data/table-17.6.yaml';
const LOCK = 'data/amendments.lock';
const FAULTS = pathToFileURL(join(ROOT, 'tests/helpers/write-faults.mjs')).href;

/** `mtad amend --write` with a fault injected (see tests/helpers/write-faults.mjs). */
const writeWithFault = (dir: string, fault: string) =>
  runCli(['amend', '--write'], { cwd: dir, env: { NODE_OPTIONS: `--import ${FAULTS}`, MTAD_TEST_FAULT: fault } });

const codes = (stderr: string) => [...stderr.matchAll(/\[([A-Z_]+)\]$/gm)].map((m) => m[1]);
const git = (dir: string, ...args: string[]) =>
  spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, encoding: 'utf8' });

describe('amend --write changes the table and the lock of made amendments together', () => {
  it('a table that cannot be replaced (a full disk) puts the lock back: nothing was written, as it says', () => {
    const dir = copyWithMocSecureMade();
    const before = snapshotTree(dir);
    const run = writeWithFault(dir, 'fail-before-rename:table-17.6.yaml:ENOSPC');
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['FILE_UNWRITABLE']);
    expect(run.stderr).toContain('nothing was written');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a table changed by another process once the lock is replaced puts the lock back: FILE_CHANGED_ON_DISK', () => {
    const dir = copyWithMocSecureMade();
    const [table, lock] = [readFileSync(join(dir, TABLE), 'utf8'), readFileSync(join(dir, LOCK), 'utf8')];
    const run = writeWithFault(dir, `change-after-rename:amendments.lock:${join(dir, TABLE)}`);
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['FILE_CHANGED_ON_DISK']);
    expect(readFileSync(join(dir, LOCK), 'utf8')).toBe(lock);
    expect(readFileSync(join(dir, TABLE), 'utf8')).toBe(`${table}# edited by another process\n`);
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(CONCLUDED_DATA_ENTRIES);
  });

  it('killed between the two renames: leaves only ignored files, a state check accepts, and the next run completes', () => {
    const dir = copyWithMocSecureMade();
    copyFileSync(join(ROOT, '.gitignore'), join(dir, '.gitignore'));
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'data');
    const table = readFileSync(join(dir, TABLE), 'utf8');
    const killed = writeWithFault(dir, 'kill-before-rename:table-17.6.yaml');
    expect(killed.status).toBe(null);
    // The lock records the made amendment, the table does not reflect it yet.
    expect(readFileSync(join(dir, TABLE), 'utf8')).toBe(table);
    expect(readFileSync(join(dir, LOCK), 'utf8')).toContain('  - id: "mdust-close-moc-secure"');
    // What the kill left (the write lock, the staged table, the lock's old version) git ignores.
    expect(readdirSync(join(dir, 'data')).length).toBeGreaterThan(3);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all').stdout).toBe(' M data/amendments.lock\n');
    // `mtad check --update-lock` makes the same state: check accepts it.
    const check = runCli(['check', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(check.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual(
      [],
    );
    expect(check.status).toBe(0);
    // The next run takes over the lock of the killed one, completes the write and tidies up.
    const next = runCli(['amend', '--write'], { cwd: dir });
    expect(next.stderr).toBe('');
    expect(next.status).toBe(0);
    expect(readFileSync(join(dir, TABLE), 'utf8')).toContain('  - mdust-close-moc-secure\n');
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(CONCLUDED_DATA_ENTRIES);
    expect(runCli(['check'], { cwd: dir }).status).toBe(0);
  });
});

describe('the code cache of the start-up (dist/cli.cache)', () => {
  it('is never written through a link planted at the name it once took', () => {
    const victim = join(copyOfData(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const dist = join(ROOT, 'dist');
    rmSync(join(dist, 'cli.cache'), { force: true });
    try {
      const run = spawnSync(
        'sh',
        [
          '-c',
          `ln -s "${victim}" "${dist}/cli.cache.$$" && exec "${process.execPath}" "${join(ROOT, 'bin/mtad.js')}" --version`,
        ],
        { encoding: 'utf8' },
      );
      expect(run.status).toBe(0);
      expect(readFileSync(victim, 'utf8')).toBe('precious\n');
      expect(existsSync(join(dist, 'cli.cache'))).toBe(true);
    } finally {
      for (const name of readdirSync(dist))
        if (name.startsWith('cli.cache.') && lstatSync(join(dist, name)).isSymbolicLink()) rmSync(join(dist, name));
    }
  });
});
