import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CONCLUDED_DATA_ENTRIES,
  copiesOfData,
  copyWithMocSecureMade,
  ROOT,
  runCli,
  snapshotTree,
} from '../helpers/cli.js';

const copyOfData = copiesOfData();

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
    const dir = copyWithMocSecureMade(copyOfData());
    const before = snapshotTree(dir);
    const run = writeWithFault(dir, 'fail-before-rename:table-17.6.yaml:ENOSPC');
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['FILE_UNWRITABLE']);
    expect(run.stderr).toContain('nothing was written');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a table changed by another process once the lock is replaced puts the lock back: FILE_CHANGED_ON_DISK', () => {
    const dir = copyWithMocSecureMade(copyOfData());
    const [table, lock] = [readFileSync(join(dir, TABLE), 'utf8'), readFileSync(join(dir, LOCK), 'utf8')];
    const run = writeWithFault(dir, `change-after-rename:amendments.lock:${join(dir, TABLE)}`);
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['FILE_CHANGED_ON_DISK']);
    expect(readFileSync(join(dir, LOCK), 'utf8')).toBe(lock);
    expect(readFileSync(join(dir, TABLE), 'utf8')).toBe(`${table}# edited by another process\n`);
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(CONCLUDED_DATA_ENTRIES);
  });

  it('killed between the two renames: leaves only ignored files, a state check accepts, and the next run completes', () => {
    const dir = copyWithMocSecureMade(copyOfData());
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

describe('the code caches of the start-up (dist/cli.cache, dist/pack.cache, dist/word.cache)', () => {
  // A private copy of the built package, so that planting links in its dist/ never disturbs the
  // other test files that run the shared build at the same time (npm pack lists it, the bin runs it).
  const pkg = mkdtempSync(join(tmpdir(), 'mtad-package-'));
  for (const entry of ['bin', 'dist', 'templates', 'schema', 'package.json'])
    cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  const dist = join(pkg, 'dist');
  const bin = join(pkg, 'bin/mtad.cjs');
  afterAll(() => rmSync(pkg, { recursive: true, force: true }));
  const run = (args: readonly string[], cwd: string) =>
    spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it.each([
    ['cli', ['--version']],
    ['pack', ['amend', '--out', 'pack']],
    // The Word engine, by the import of a Word table (the pack's redline, made first).
    ['word', ['import', 'pack/redline.docx', '--dry-run']],
  ])(
    'dist/%s.cache: a link in its place is replaced by a cache, never written through',
    { timeout: 120_000 },
    (name, args) => {
      const dir = copyOfData();
      if (name === 'word') expect(run(['amend', '--out', 'pack'], dir).status).toBe(0);
      const victim = join(dir, 'victim.txt');
      writeFileSync(victim, 'precious\n');
      const cache = join(dist, `${name}.cache`);
      rmSync(cache);
      symlinkSync(victim, cache);
      const ran = run(args, dir);
      // The import's warnings (the redline's cells that say unknown) and nothing else.
      expect(ran.stderr).toMatch(name === 'word' ? /^(.* \[WORD_VALUE_KEPT\]\n)+$/ : /^$/);
      expect(ran.status).toBe(0);
      expect(readFileSync(victim, 'utf8')).toBe('precious\n');
      // V8 refused the victim's bytes as a cache, and the run made a real one in their place.
      expect(lstatSync(cache).isFile()).toBe(true);
      expect(lstatSync(cache).size).toBeGreaterThan(100_000);
    },
  );

  it('is never written through a link planted at the name it once took', () => {
    const victim = join(copyOfData(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    rmSync(join(dist, 'cli.cache'), { force: true });
    const ran = spawnSync(
      'sh',
      ['-c', `ln -s "${victim}" "${dist}/cli.cache.$$" && exec "${process.execPath}" "${bin}" --version`],
      { encoding: 'utf8' },
    );
    expect(ran.status).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(existsSync(join(dist, 'cli.cache'))).toBe(true);
  });
});
