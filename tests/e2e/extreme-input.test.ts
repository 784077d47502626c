import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStream } from '../../src/io/list-files.js';
import { MAX_FILE_BYTES, readText, readTextSync } from '../../src/io/read.js';
import { copyOfDataWith, runCli } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

/*
 * Valid but extreme input through the commands as the CLI runs them (main(), in-process): each
 * gives a finding (exit 1, at its file:line:column) or a usage error naming the flag (exit 2),
 * never an internal error.
 */

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the shipped data, with `edit` applied to the files it names. */
function dataWith(edits: Record<string, (text: string) => string> = {}): string {
  const cwd = copyOfDataWith(edits);
  made.push(cwd);
  return cwd;
}

const MOC_SECURE = 'amendments/mdust-close-moc-secure.yaml';
const endDate = (date: string) => ({
  [MOC_SECURE]: (text: string) => text.replace('    to: 2023-01-31', `    to: ${date}`),
});

describe('a date whose computed window leaves 0001-01-01..9999-12-31', () => {
  it('is DATE_OUT_OF_RANGE at the end date, for check and amend', async () => {
    const cwd = dataWith(endDate('9999-12-31'));
    const check = await runMain(['check', '--format', 'json'], { cwd });
    expect(check.status).toBe(1);
    const found = (
      JSON.parse(check.stdout) as { diagnostics: { code: string; file: string; line: number; column: number }[] }
    ).diagnostics.filter((d) => d.code === 'DATE_OUT_OF_RANGE');
    expect(found).toEqual([
      expect.objectContaining({ file: 'data/amendments/mdust-close-moc-secure.yaml', line: 49, column: 9 }),
    ]);
    for (const args of [
      ['amend'],
      ['amend', '--format', 'json'],
      ['direction', 'mdust-close-moc-secure'],
      ['impact', 'mdust-close-moc-secure', '--decided', '2023-01-01'],
    ]) {
      const run = await runMain(args, { cwd });
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toMatch(
        /^data\/amendments\/mdust-close-moc-secure\.yaml:49:9: error: .*\[DATE_OUT_OF_RANGE\]$/m,
      );
    }
  });

  it('passes when the window ends on or before 9999-12-31', async () => {
    const cwd = dataWith(endDate('9999-11-30'));
    const run = await runMain(['check', '--format', 'json'], { cwd });
    expect(run.stdout).not.toContain('DATE_OUT_OF_RANGE');
  });

  it('is DATE_OUT_OF_RANGE for impact when the re-start estimate from the end date would pass 9999-12-31', async () => {
    // No window: the file is sound, but three months and six weeks after it are not dates.
    const cwd = dataWith({
      [MOC_SECURE]: (text) => text.replace('    to: 2023-01-31\n    windowMonths: 1', '    to: 9999-12-01'),
    });
    const run = await runMain(['impact', 'mdust-close-moc-secure', '--decided', '2023-01-01'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/mdust-close-moc-secure\.yaml:\d+:\d+: error: .*\[DATE_OUT_OF_RANGE\]/);
  });

  it.each([
    [['impact', 'mdust-close-moc-secure', '--decided', '9999-12-01'], '--decided'],
    [['new', 'reopen', 'FOC (NP)', '--issued', '9999-11-30', '--stdout'], '--issued'],
    [['revert', 'mdust-close-foc-np', '--issued', '9999-12-31', '--stdout'], '--issued'],
    [['new', 'close', 'FOC (BG)', '--on', '0001-01-02', '--stdout'], '--on'],
    [['new', 'close', 'FOC (BG)', '--on', '9999-12-31', '--stdout'], '--on'],
  ])('mtad %j is a usage error naming %s', async (args, option) => {
    const run = await runMain(args, { cwd: dataWith() });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`is not a value for ${option}: .*\\[ARGUMENT_INVALID\\]`));
  });

  it('drafts from the dates nearest the edges that still fit', async () => {
    const cwd = dataWith();
    // The earliest that fits the calendar is 73 days back (the reference's 57, and up to 4 for each of
    // the four steps to reach a working day); it is refused only because it would issue the draft
    // before the amendments numbered before it (a usage error naming them, not a date out of range).
    const earliest = await runMain(['new', 'close', 'FOC (BG)', '--on', '0001-03-15', '--stdout'], { cwd });
    expect(earliest.status).toBe(2);
    expect(earliest.stderr).toMatch(
      /--on 0001-03-15 proposes a consultation issued on .*\[DRAFT_ISSUED_BEFORE_EARLIER\]\n$/,
    );
    const before = await runMain(['new', 'close', 'FOC (BG)', '--on', '0001-03-14', '--stdout'], { cwd });
    expect(before.status).toBe(2);
    expect(before.stderr).toMatch(/\[ARGUMENT_INVALID\]/);
    expect((await runMain(['new', 'close', 'FOC (BG)', '--on', '9999-11-30', '--stdout'], { cwd })).status).toBe(0);
    expect((await runMain(['impact', 'mdust-close-moc-secure', '--decided', '9999-08-19'], { cwd })).status).toBe(0);
  });
});

describe('a value the table shares through a YAML anchor', () => {
  const shared = {
    'table-17.6.yaml': (text: string) => {
      const lines = text.split('\n');
      const ends = lines.flatMap((line, i) => (line === '      value: none' ? [i] : []));
      lines[ends[0]!] = '      value: &open none';
      lines[ends[1]!] = '      value: *open';
      return lines.join('\n');
    },
  };

  it('is YAML_SHARED_VALUE at the anchor and at the alias, and no command writes a thing', async () => {
    const cwd = dataWith(shared);
    const check = await runMain(['check'], { cwd });
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^ {2}\d+:\d+ +error +YAML_SHARED_VALUE +.*anchor "open"/m);
    expect(check.stdout).toMatch(/^ {2}\d+:\d+ +error +YAML_SHARED_VALUE +.*alias "open"/m);
    const before = readFileSync(join(cwd, 'data/table-17.6.yaml'), 'utf8');
    for (const args of [['amend', '--out', join(cwd, 'pack')], ['amend', '--write'], ['show']]) {
      const run = await runMain(args, { cwd });
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toContain('[YAML_SHARED_VALUE]');
    }
    expect(readFileSync(join(cwd, 'data/table-17.6.yaml'), 'utf8')).toBe(before);
  });

  it('is a merge key too', async () => {
    const cwd = dataWith({
      'table-17.6.yaml': (text) => text.replace('  abbreviation: MTAD', '  <<: { abbreviation: MTAD }'),
    });
    const run = await runMain(['check'], { cwd });
    expect(run.stdout).toMatch(/YAML_SHARED_VALUE +.*merge key "<<"/);
  });
});

describe('input that never ends, or whose size stat does not tell', () => {
  it('reads /dev/zero up to the limit and one byte, then refuses it', async () => {
    const run = await runMain(['check', '/dev/zero', '--format', 'json'], { cwd: dataWith() });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('"FILE_TOO_LARGE"');
    // The sync and the async reader alike (amend, show and the others read asynchronously).
    expect(findingsOf(await readText('/dev/zero', 'zero')).map((d) => d.code)).toEqual(['FILE_TOO_LARGE']);
  });

  it('reads a pipe (check <(cat file)) to its end: its stat size is 0', async () => {
    const cwd = dataWith();
    for (const read of ['sync', 'async'] as const) {
      const fifo = join(cwd, `pipe-${read}`);
      execFileSync('mkfifo', [fifo]);
      // Another process writes the pipe, as the shell's `<(cat file)` does.
      const writer = spawn('sh', ['-c', `cat data/table-17.6.yaml > ${fifo}`], { cwd, stdio: 'ignore' });
      const exited = new Promise((done) => writer.on('exit', done));
      const text = read === 'sync' ? readTextSync(fifo, 'pipe') : await readText(fifo, 'pipe');
      await exited;
      expect(findingsOf(text), read).toEqual([]);
      expect(valueOf(text), read).toBe(readFileSync(join(cwd, 'data/table-17.6.yaml'), 'utf8'));
      rmSync(fifo);
    }
  });

  it('stops reading an endless standard input after the limit and one byte', async () => {
    let given = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      const chunk = new Uint8Array(64 * 1024).fill(0x23);
      for (;;) {
        given += chunk.length;
        yield chunk;
      }
    }
    const run = await runMain(['check', '--stdin', '--format', 'json'], { cwd: dataWith(), stdin: endless });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('"FILE_TOO_LARGE"');
    expect(given).toBeLessThanOrEqual(MAX_FILE_BYTES + 64 * 1024);
  });

  it('keeps no more than the limit and one byte of a 100 MB standard input', async () => {
    const bytes = await readStream(
      (async function* () {
        for (let i = 0; i < 100; i++) yield new Uint8Array(1024 * 1024);
      })(),
      MAX_FILE_BYTES,
    );
    expect(bytes.length).toBe(MAX_FILE_BYTES + 1);
  });
});

describe('an empty value on the command line (an unset shell variable)', () => {
  it.each([
    [['direction', ''], 'the argument <amendment>'],
    [['impact', '', '--decided', '2023-01-01'], 'the argument <amendment>'],
    [['amend', '--table', ''], '--table'],
    [['show', '--table', ''], '--table'],
    [['check', ''], 'one of the arguments [path...]'],
    [['check', '--stdin', '--stdin-filename', ''], '--stdin-filename'],
  ])('mtad %j is a usage error naming %s, not "cannot read the file: it is a folder"', async (args, named) => {
    const run = await runMain(args, { cwd: dataWith(), stdin: async function* () {} });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`error: ${named} is empty`);
    expect(run.stdout).toBe('');
  });
});

describe('messages through the CLI', () => {
  it("say in mtad's words what a multi-document file, a !!timestamp and a missing status are; FILE_NOT_TEXT has a line and column", async () => {
    const cwd = dataWith({
      'table-17.6.yaml': (text) => `${text}---\nasAt: 2023-01-01\n`,
      [MOC_SECURE]: (text) => text.replace(/^status: proposed\n/m, ''),
      'amendments/mdust-close-foc-np.yaml': (text) => text.replace(/^title: .*$/m, 'title: !!timestamp 2023-01-01'),
    });
    writeFileSync(join(cwd, 'data/amendments/latin-1.yaml'), Buffer.from('id: latin-1\ntitle: caf\xe9\n', 'latin1'));
    const run = await runMain(['check'], { cwd });
    expect(run.stdout).toMatch(/YAML_SYNTAX +not valid YAML: the file holds more than one YAML document/);
    expect(run.stdout).toMatch(
      /SCHEMA_MISSING_FIELD +missing field "status": expected one of "proposed", "concluded", "made", "withdrawn"/,
    );
    expect(run.stdout).toMatch(
      /SCHEMA_WRONG_TYPE +expected text.*, found a timestamp \(a !!timestamp value; write the date without the tag\)/,
    );
    expect(run.stdout).toMatch(/^ {2}2:11 +error +FILE_NOT_TEXT /m);
    expect(run.stdout).not.toMatch(/undefined|parseAllDocuments|a mapping/);
  });
});

describe('a cache that never ends', () => {
  // The built CLI: only it knows the hash of its code, which keys the cache (in-process, no cache).
  it('check --cache-location FIFO is refused at once, never read from a pipe no one writes', () => {
    const cwd = dataWith();
    execFileSync('mkfifo', [join(cwd, 'cache-pipe')]);
    const run = runCli(['check', '--format', 'json', '--cache-location', 'cache-pipe'], { cwd });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/cache-pipe: error: refusing to write the cache over cache-pipe: .*\[OUT_NOT_MTAD\]/);
  }, 30_000);
});
