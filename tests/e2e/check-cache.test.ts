import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfData, runCli, snapshotTree } from '../helpers/cli.js';
import { checkAllFormats } from '../helpers/check-cache.js';
import { materialiseFixture } from '../helpers/fixtures.js';
import { runMain } from '../helpers/main.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const fresh = (dir: string) => (made.push(dir), dir);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The cache file, split into its header and its records. */
function readCache(path: string): {
  header: { key: string; sha256: string };
  files: Record<string, { kind: string; sha256: string; record: { lock?: unknown; diagnostics: { line?: number }[] } }>;
} {
  const text = readFileSync(path, 'utf8');
  const newline = text.indexOf('\n');
  return { header: JSON.parse(text.slice(0, newline)), files: JSON.parse(text.slice(newline + 1)) };
}

/** Writes records back under `key`, with a header whose checksum matches, as mtad would. */
function writeCache(path: string, key: string, files: unknown): void {
  const body = JSON.stringify(files);
  writeFileSync(path, `${JSON.stringify({ mtadCheckCache: 1, key, sha256: sha256(body) })}\n${body}`);
}

describe('the cache is used, and only by the mtad that wrote it', () => {
  // The key is the built bin's (its version and code hash): this test spawns it; the others run
  // mtad in process, where the same cache code runs under a key of its own.
  it('a warm run reads the records; records written under another key (version or code) are not used', () => {
    const cwd = fresh(materialiseFixture('COHORT_UNKNOWN', 'fire'));
    const cache = join(cwd, 'cache.json');
    const cold = runCli(['check', '--format', 'json', '--cache-location', cache], { cwd });
    const { header, files } = readCache(cache);
    expect(header.key).toMatch(/^0\.\d+\.\d+.*\+[0-9a-f]{16}$/);

    // Poison the records: a run that uses them shows it.
    const poisoned = structuredClone(files);
    for (const entry of Object.values(poisoned)) for (const d of entry.record.diagnostics) d.line = 9999;
    writeCache(cache, header.key, poisoned);
    const warm = runCli(['check', '--format', 'json', '--cache-location', cache], { cwd });
    expect(warm.stdout).toContain('"line": 9999');

    // The same poisoned records from "another mtad": ignored, and replaced by true ones.
    writeCache(cache, `${header.key}-other`, poisoned);
    expect(runCli(['check', '--format', 'json', '--cache-location', cache], { cwd }).stdout).toBe(cold.stdout);
    expect(readCache(cache).header.key).toBe(header.key);
    expect(readCache(cache).files).toEqual(files);
  });

  it('a corrupt or unreadable cache is ignored and rebuilt, silently', async () => {
    const cwd = fresh(copyOfData());
    const cache = join(cwd, 'cache.json');
    const expected = await checkAllFormats(cwd, ['--no-cache'], join(cwd, 'out-none'));
    await checkAllFormats(cwd, ['--cache-location', cache], join(cwd, 'out-cold'));
    const good = readFileSync(cache, 'utf8');
    const corruptions: [string, () => void][] = [
      ['truncated', () => truncateSync(cache, Math.floor(good.length / 2))],
      ['empty', () => writeFileSync(cache, '')],
      ['the header cut short', () => writeFileSync(cache, '{"mtadCheckCache":1,"ke')],
      ['one byte of the records changed', () => writeFileSync(cache, good.replace('"line":', '"line":1'))],
    ];
    for (const [name, corrupt] of corruptions) {
      corrupt();
      expect(await checkAllFormats(cwd, ['--cache-location', cache], join(cwd, 'out-cached')), name).toEqual(expected);
      expect(readFileSync(cache, 'utf8'), name).toBe(good);
    }
    // A file that does not begin with the header may be anyone's: it is refused, and kept.
    for (const bytes of [
      Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x0a, 0x80, 0x81]),
      Buffer.from('{"files": []}\n[]'),
    ]) {
      writeFileSync(cache, bytes);
      const run = await runMain(['check', '--cache-location', cache], { cwd });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/\[OUT_NOT_MTAD\]\n$/);
      expect(readFileSync(cache)).toEqual(bytes);
    }
    // A folder where the file should be: the check runs without a cache.
    const folder = join(cwd, 'not-a-file');
    mkdirSync(join(folder, 'check-cache.json'), { recursive: true });
    expect(await checkAllFormats(cwd, ['--cache-location', folder], join(cwd, 'out-folder'))).toEqual(expected);
  });

  it('--cache-location takes a folder, writing check-cache.json in it', async () => {
    const cwd = fresh(copyOfData());
    await runMain(['check', '--cache-location', 'caches/'], { cwd });
    expect(existsSync(join(cwd, 'caches/check-cache.json'))).toBe(true);
  });
});

describe('where the cache lives', () => {
  it('by default in node_modules/.cache/mtad of the project, when it has node_modules', async () => {
    const cwd = fresh(copyOfData());
    mkdirSync(join(cwd, 'node_modules'));
    expect((await runMain(['check'], { cwd })).status).toBe(0);
    expect(readCache(join(cwd, 'node_modules/.cache/mtad/check-cache.json')).files).toHaveProperty([
      'data/amendments/mdust-close-moc-secure.yaml',
    ]);
  });

  it('nowhere when the project has no node_modules, with --no-cache, or for standard input', async () => {
    const cwd = fresh(copyOfData());
    const before = snapshotTree(cwd);
    expect((await runMain(['check'], { cwd })).status).toBe(0);
    expect(snapshotTree(cwd)).toEqual(before);

    mkdirSync(join(cwd, 'node_modules'));
    expect((await runMain(['check', '--no-cache'], { cwd })).status).toBe(0);
    const file = 'data/amendments/mdust-close-moc-secure.yaml';
    const stdin = await runMain(['check', '--stdin', '--stdin-filename', file], {
      cwd,
      input: readFileSync(join(cwd, file), 'utf8'),
    });
    expect(stdin.status).toBe(0);
    expect(existsSync(join(cwd, 'node_modules/.cache'))).toBe(false);
  });

  it('--update-lock records the same lock from cached records as from parsed files', async () => {
    const lockOf = async (useCache: boolean) => {
      const cwd = fresh(copyOfData());
      const cache = join(cwd, 'cache.json');
      await runMain(['check', '--cache-location', cache], { cwd });
      rmSync(join(cwd, 'data/amendments.lock'));
      const run = await runMain(
        ['check', '--update-lock', ...(useCache ? ['--cache-location', cache] : ['--no-cache'])],
        {
          cwd,
        },
      );
      return { status: run.status, stderr: run.stderr, lock: readFileSync(join(cwd, 'data/amendments.lock'), 'utf8') };
    };
    expect(await lockOf(true)).toEqual(await lockOf(false));
  });
});

// In process: what show makes of the cache is the point, not the process (the key is tested above).
describe('mtad show reads the table through the cache', () => {
  const table = 'data/table-17.6.yaml';

  it('prints what it prints from the parsed file, with its warnings and not the rules', async () => {
    const parsed = fresh(copyOfData());
    const cwd = fresh(copyOfData());
    mkdirSync(join(cwd, 'node_modules'));
    expect((await runMain(['show'], { cwd })).status).toBe(0);
    // show leaves no cache: the cache is check's to write.
    expect(existsSync(join(cwd, 'node_modules/.cache'))).toBe(false);
    await runMain(['check'], { cwd });
    const cache = join(cwd, 'node_modules/.cache/mtad/check-cache.json');
    const { header, files } = readCache(cache);
    // The rules' findings on the table are recorded with it; show never prints them.
    expect(files[table]!.record.diagnostics.length).toBeGreaterThan(0);
    expect(await runMain(['show'], { cwd })).toEqual(await runMain(['show'], { cwd: parsed }));

    // A record the cache holds is what show prints: a renamed cohort, and a reading's warning.
    const poisoned = structuredClone(files) as Record<string, { record: Record<string, unknown> }>;
    const record = poisoned[table]!.record as {
      table: { cohorts: { cohort: string }[] };
      diagnostics: unknown[];
      read: number;
    };
    record.table.cohorts[0]!.cohort = 'Recalled from the cache';
    record.diagnostics = [
      {
        code: 'VALUE_UNKNOWN',
        severity: 'warning',
        args: { field: 'a recalled field', reason: 'r', source: 's' },
        file: table,
      },
      ...record.diagnostics,
    ];
    record.read = 1;
    writeCache(cache, header.key, poisoned);
    const before = readFileSync(cache, 'utf8');
    const recalled = await runMain(['show'], { cwd });
    expect(recalled.stdout).toContain('Recalled from the cache');
    expect(recalled.stderr).toContain('a recalled field');
    expect(recalled.stderr.match(/warning/g)).toHaveLength(1);
    expect(readFileSync(cache, 'utf8')).toBe(before);

    // The table changed since: parsed again, as it is.
    writeFileSync(join(cwd, table), readFileSync(join(cwd, table), 'utf8') + '\n');
    expect(await runMain(['show'], { cwd })).toEqual(await runMain(['show'], { cwd: parsed }));
  });
});

describe('the lock, the narratives and the departments are read through the cache too', () => {
  const lockFile = 'data/amendments.lock';
  const narrative = 'data/consultations/mdust-close-moc-secure.md';

  it('check records them as read, uses the records while the files are unchanged, and reads an edited one', async () => {
    const cwd = fresh(copyOfData());
    const cache = join(cwd, 'cache.json');
    const withCache = ['check', '--format', 'json', '--cache-location', cache];
    const cold = await runMain(withCache, { cwd });
    expect(cold.status).toBe(0);
    const { header, files } = readCache(cache);
    expect(files[lockFile]?.kind).toBe('lock');
    expect((files[lockFile]?.record.lock as { amendments: { id: string }[] }).amendments.map((e) => e.id)).toEqual([
      'mdust-close-ioc-moc-mds',
      'mdust-close-foc-np',
    ]);
    expect(files[narrative]).toMatchObject({
      kind: 'narrative',
      record: { narrative: { bodyOffset: expect.any(Number) } },
    });
    expect(files['data/departments.yaml']?.kind).toBe('departments');

    // Poisoned records show that a warm run recalls them: a lock whose checksum no amendment has,
    // and a narrative recorded as not reading.
    const poisoned = structuredClone(files);
    (poisoned[lockFile]!.record.lock as { amendments: { checksum: string }[] }).amendments[0]!.checksum = '0'.repeat(
      64,
    );
    const error = { code: 'YAML_SYNTAX', severity: 'error', args: { reason: 'recalled' }, file: narrative, column: 1 };
    poisoned[narrative]!.record = { diagnostics: [{ ...error, line: 9999 }] };
    writeCache(cache, header.key, poisoned);
    const warm = await runMain(withCache, { cwd });
    expect(warm.stdout).toContain('"code": "LOCK_MISMATCH"');
    expect(warm.stdout).toContain('"line": 9999');

    // Edited since, each is read again, as it is: the run is the cold one.
    writeFileSync(join(cwd, lockFile), `${readFileSync(join(cwd, lockFile), 'utf8')}# edited\n`);
    writeFileSync(join(cwd, narrative), `${readFileSync(join(cwd, narrative), 'utf8')}\n`);
    const edited = await runMain(withCache, { cwd });
    expect(edited).toEqual(await runMain(['check', '--format', 'json', '--no-cache'], { cwd }));
    expect(edited.stdout).toBe(cold.stdout);
    const after = readCache(cache).files;
    expect(after[lockFile]?.sha256).toBe(sha256(readFileSync(join(cwd, lockFile), 'utf8')));
    expect(after[lockFile]?.record).toEqual(files[lockFile]?.record);
  });

  it('amend recalls the lock from the cache it shares with check, and reads it again once edited', async () => {
    const cwd = fresh(copyOfData());
    mkdirSync(join(cwd, 'node_modules'));
    const cold = await runMain(['amend'], { cwd });
    expect(cold.status).toBe(0);
    const cache = join(cwd, 'node_modules/.cache/mtad/check-cache.json');
    const { header, files } = readCache(cache);
    expect(files[lockFile]?.kind).toBe('lock');
    expect(files[narrative]?.kind).toBe('narrative');
    expect(await runMain(['amend'], { cwd })).toEqual(cold);

    const poisoned = structuredClone(files);
    (poisoned[lockFile]!.record.lock as { amendments: { checksum: string }[] }).amendments[0]!.checksum = '0'.repeat(
      64,
    );
    writeCache(cache, header.key, poisoned);
    const refused = await runMain(['amend'], { cwd });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('[LOCK_MISMATCH]');

    writeFileSync(join(cwd, lockFile), `${readFileSync(join(cwd, lockFile), 'utf8')}# edited\n`);
    expect(await runMain(['amend'], { cwd })).toEqual(cold);
  });
});
