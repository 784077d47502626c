import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, copiesOfData, ROOT, runCli } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { diagnose, type Diagnostic } from '../../src/domain/model/diagnostics.js';
import { renderDiagnostics } from '../../src/render/diagnostics.js';
import { plainStyler } from '../../src/render/style.js';

/*
 * The built bin, as a user runs it: one spawned run per command. Most end-to-end tests call main()
 * in process; these prove that the bundle behind bin/mtad.cjs is that same program (the same words
 * on the same streams, the same exit status), and what only a process has: its exit status, its
 * streams, standard input, a closed pipe.
 */

const fresh = copiesOfData();

const AMENDMENT = 'mdust-close-moc-secure';
/** A Word MTAD, for the commands that load the Word engine (dist/word.cjs). */
const DOCX = join(ROOT, 'tests/fixtures/word/mtad-example.docx');

// One line per command: its arguments and the exit status it must end with on the shipped data.
const COMMANDS: [string, string[], number][] = [
  ['amend', ['amend'], 0],
  ['amend --format unified', ['amend', '--format', 'unified', '--redline-only'], 0],
  ['direction', ['direction', AMENDMENT], 0],
  ['direction --final (the annex is not set)', ['direction', AMENDMENT, '--final'], 1],
  ['show', ['show'], 0],
  ['log', ['log'], 0],
  ['diff', ['diff', '--from', '2022-12-05', '--to', '2023-02-01', '--include', 'proposed'], 0],
  ['impact', ['impact', AMENDMENT, '--decided', '2023-02-01'], 0],
  ['revert --stdout', ['revert', 'mdust-close-foc-np', '--stdout', '--issued', '2023-03-01'], 0],
  ['new --stdout', ['new', 'close', 'FOC (BG)', '--on', '2023-06-30', '--stdout'], 0],
  ['check', ['check', '--no-cache'], 0],
  ['check --against (the cells that differ)', ['check', '--no-cache', '--against', DOCX], 1],
  ['import --dry-run', ['import', DOCX, '--dry-run'], 0],
  ['schema', ['schema', 'table'], 0],
  ['responses', ['responses'], 0],
  ['init (into the shipped data: refused)', ['init'], 2],
  ['an unknown option', ['amend', '--no-such-option'], 2],
  ['an unknown command', ['conclude'], 2],
];

describe('bin/mtad.cjs: the built program, one process per command', () => {
  it.each(COMMANDS)('%s: the same exit status and streams as main() in process', async (_name, args, status) => {
    const cwd = fresh();
    const spawned = runCli(args, { cwd });
    expect(spawned.status, spawned.stderr).toBe(status);
    expect(`${spawned.stdout}${spawned.stderr}`).not.toMatch(/\n\s+at |internal error/);
    const inProcess = await runMain(args, { cwd });
    expect({ status: spawned.status, stdout: spawned.stdout, stderr: spawned.stderr }).toEqual({
      status: inProcess.status,
      stdout: inProcess.stdout,
      stderr: inProcess.stderr,
    });
  });

  it('--version prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    const run = runCli(['--version']);
    expect(run).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('check --stdin reads standard input', () => {
    const cwd = fresh();
    const file = 'data/amendments/mdust-close-moc-secure.yaml';
    const text = readFileSync(join(cwd, file), 'utf8').replace('sequence: 3', 'sequence: three');
    const run = runCli(['check', '--stdin', '--stdin-filename', file, '--no-cache'], { cwd, input: text });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/mdust-close-moc-secure\.yaml/);
    expect(run.stderr).toBe('');
  });

  it('output that cannot be written (> /dev/full) is one line on standard error, exit 2, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, 'amend'], {
        cwd: fresh(),
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        'mtad: error: cannot write standard output: the disk is full; what mtad printed there is incomplete ' +
          '[STDOUT_UNWRITABLE]\n',
      );
    } finally {
      closeSync(full);
    }
  });

  it('a reader that stops early (mtad amend | head -1) gets its line, and mtad says nothing more', () => {
    const cwd = fresh();
    const run = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" amend | head -1`], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^MTAD Table 17\.6/);
    expect(run.stderr).toBe('');
  });
});

describe('bin/mtad.cjs ending as soon as its output is taken', () => {
  // src/cli/run.ts ends the process once standard output has taken all that was written. A reader
  // that reads late, of more than a pipe holds (64 KiB), must still get every byte.
  // Even an empty write to a full disk fails: the run must not write to a stream it left empty.
  it.each([
    ['amend, standard error a full disk it never writes to: exit 0', ['amend'], 'stderr', 0],
    [
      'direction --final (refused), standard output a full disk it never writes to: exit 1',
      ['direction', 'mdust-close-moc-secure', '--final'],
      'stdout',
      1,
    ],
  ] as const)('%s, nothing said of the disk', (_name, args, full, status) => {
    const fd = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, ...args], {
        cwd: fresh(),
        stdio: ['ignore', full === 'stdout' ? fd : 'pipe', full === 'stderr' ? fd : 'pipe'],
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(run.status).toBe(status);
      expect(`${run.stdout ?? ''}${run.stderr ?? ''}`).not.toContain('STDOUT_UNWRITABLE');
    } finally {
      closeSync(fd);
    }
  });

  it('check --format sarif (80 KB) into a reader that waits before it reads: the whole report, its status', async () => {
    const cwd = fresh();
    const args = ['check', '--no-cache', '--format', 'sarif'];
    const mtad = [process.execPath, BIN, ...args].map((word) => `'${word}'`).join(' ');
    const run = spawnSync('/bin/sh', ['-c', `{ ${mtad}; echo "status $?" >&2; } | (sleep 0.3; cat)`], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 10 * 1024 * 1024,
    });
    const inProcess = await runMain(args, { cwd });
    expect(inProcess.stdout.length).toBeGreaterThan(65_536);
    // Run from its sources, mtad has no version of its own.
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run.stdout).toBe(inProcess.stdout.replaceAll('"0.0.0-dev"', JSON.stringify(version)));
    expect(run.stderr).toBe(`${inProcess.stderr}status ${inProcess.status}\n`);
  });
});

describe('bin/mtad.cjs writing to a pipe its reader has closed', () => {
  /**
   * Runs mtad with its standard output a pipe whose reader closed before mtad started: the reader
   * closes its end, then lets mtad start through a FIFO, so every write of mtad meets a closed pipe.
   */
  function intoClosedPipe(cwd: string, args: string[]): { status: number; stderr: string } {
    const go = join(mkdtempSync(join(tmpdir(), 'mtad-pipe-')), 'go');
    const made = spawnSync('mkfifo', [go]);
    expect(made.status).toBe(0);
    const mtad = [process.execPath, BIN, ...args].map((word) => `'${word}'`).join(' ');
    const script =
      `{ sh -c 'read line < "$1"; shift; exec "$@"' sh '${go}' ${mtad}; echo "status $?" >&3; } 3>&2 2>&1 | ` +
      `(exec 0<&-; echo go > '${go}')`;
    const run = spawnSync('/bin/sh', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    rmSync(dirname(go), { recursive: true, force: true });
    const status = /status (\d+)\n$/.exec(run.stderr);
    expect(status, run.stderr).not.toBeNull();
    return { status: Number(status![1]), stderr: run.stderr.slice(0, status!.index) };
  }

  it('says nothing and ends as the command ends: mtad log, exit status 0', () => {
    expect(intoClosedPipe(fresh(), ['log'])).toEqual({ status: 0, stderr: '' });
  });

  it('keeps the exit status of a check that finds an error, so that a pipeline can still fail on it', () => {
    const cwd = fresh();
    const file = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('sequence: 3', 'sequence: three'));
    expect(intoClosedPipe(cwd, ['check', '--no-cache'])).toEqual({ status: 1, stderr: '' });
  });
});

describe('bin/mtad.cjs during `npm run build`', () => {
  it('waits for the new dist/ when it starts in the instant dist/ is renamed away, and runs it', () => {
    // A private copy of the package, whose dist/ is aside when the bin starts. A preload puts it
    // back on the first turn of the event loop: after the bin found no dist/ and before the end of
    // its wait, as the build's second rename comes after its first.
    const pkg = mkdtempSync(join(tmpdir(), 'mtad-bin-'));
    afterAll(() => rmSync(pkg, { recursive: true, force: true }));
    for (const entry of ['bin', 'dist', 'package.json'])
      cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
    renameSync(join(pkg, 'dist'), join(pkg, 'dist.new'));
    const preload = join(pkg, 'rename-back.cjs');
    writeFileSync(
      preload,
      `setTimeout(() => require('node:fs').renameSync(${JSON.stringify(join(pkg, 'dist.new'))}, ${JSON.stringify(join(pkg, 'dist'))}));\n`,
    );
    const run = spawnSync(process.execPath, ['-r', preload, join(pkg, 'bin/mtad.cjs'), '--version'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('bin/mtad.cjs when mtad cannot start: one line with its code, exit status 2, no stack trace', () => {
  // The bin prints these lines itself (the sentences cannot be loaded from a missing dist/): they
  // must be the findings' own words, as every other command prints them.
  const line = (finding: Diagnostic) => renderDiagnostics([finding], plainStyler);

  it('a clone where the build never ran: no dist/, even after the wait for a build', () => {
    const pkg = mkdtempSync(join(tmpdir(), 'mtad-unbuilt-'));
    afterAll(() => rmSync(pkg, { recursive: true, force: true }));
    for (const entry of ['bin', 'package.json']) cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
    const run = spawnSync(process.execPath, [join(pkg, 'bin/mtad.cjs'), 'log'], { cwd: pkg, encoding: 'utf8' });
    expect(run.stderr).toBe(line(diagnose('BUILD_MISSING', { file: join(pkg, 'dist/start.cjs'), root: pkg })));
    expect(run.stderr).toContain('[BUILD_MISSING]');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('a bundle loaded on first use missing from dist/ (the YAML reader, for a run that parses)', () => {
    const pkg = mkdtempSync(join(tmpdir(), 'mtad-part-built-'));
    afterAll(() => rmSync(pkg, { recursive: true, force: true }));
    for (const entry of ['bin', 'dist', 'templates', 'package.json'])
      cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
    rmSync(join(pkg, 'dist/yaml.cjs'));
    cpSync(join(ROOT, 'data'), join(pkg, 'data'), { recursive: true });
    const run = spawnSync(process.execPath, [join(pkg, 'bin/mtad.cjs'), 'log'], { cwd: pkg, encoding: 'utf8' });
    expect(run.stderr).toBe(line(diagnose('BUILD_MISSING', { file: join(pkg, 'dist/yaml.cjs'), root: pkg })));
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('a working folder deleted after the shell entered it', () => {
    const gone = mkdtempSync(join(tmpdir(), 'mtad-gone-'));
    const run = spawnSync(
      '/bin/sh',
      ['-c', 'cd "$1" && rmdir "$1" && exec "$2" "$3" log', 'sh', gone, process.execPath, BIN],
      { encoding: 'utf8' },
    );
    expect(existsSync(gone)).toBe(false);
    expect(run.stderr).toBe(line(diagnose('WORKING_FOLDER_MISSING', {})));
    expect(run.stderr).toContain('[WORKING_FOLDER_MISSING]');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });
});
