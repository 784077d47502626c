import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pathToFileURL } from 'node:url';
import { ROOT, runCli, snapshotTree } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const emptyFolder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'mtad-init-'));
  folders.push(dir);
  // A repository of its own: the project search stops here, never reaching a folder above.
  mkdirSync(join(dir, '.git'));
  return dir;
};

const codesOf = (stderr: string): string[] => [...stderr.matchAll(/\[([A-Z_]+)\]/g)].map((m) => m[1] ?? '');

describe('mtad init: a new project, as a user starts one', () => {
  it('scaffolds an empty folder that mtad check passes and mtad new and amend work in', async () => {
    const cwd = emptyFolder();
    const init = await runMain(['init'], { cwd });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('data/table-17.6.yaml');
    // The table is the shipped one, byte for byte: its sources come with it, and its schema header.
    const table = readFileSync(join(cwd, 'data/table-17.6.yaml'), 'utf8');
    expect(table).toBe(readFileSync(join(ROOT, 'data/table-17.6.yaml'), 'utf8'));
    expect(table.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/table.schema.json');
    expect(readFileSync(join(cwd, 'schema/table.schema.json'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'schema/table.schema.json'), 'utf8'),
    );

    const check = await runMain(['check', '--no-cache'], { cwd });
    expect(check.status, check.stderr).toBe(0);
    expect(codesOf(check.stderr).filter((code) => code !== 'VALUE_UNKNOWN')).toEqual([]);

    const drafted = await runMain(['new', 'close', 'MOC (Secure)', '--on', '2023-01-31'], { cwd });
    expect(drafted.status, drafted.stderr).toBe(0);
    const draft = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
    expect(readFileSync(draft, 'utf8')).toContain('!todo');
    // The drafter decides what new left to decide: here, as DCC did in the shipped amendment.
    writeFileSync(draft, readFileSync(join(ROOT, 'data/amendments/mdust-close-moc-secure.yaml')));
    const narrative = 'data/consultations/mdust-close-moc-secure.md';
    writeFileSync(join(cwd, narrative), readFileSync(join(ROOT, narrative)));
    const amend = await runMain(['amend'], { cwd });
    expect(amend.status, amend.stderr).toBe(0);
    expect(amend.stdout).toContain('MOC (Secure)');
  });

  it('refuses a second time, naming each file there, and changes nothing', async () => {
    const cwd = emptyFolder();
    expect((await runMain(['init'], { cwd })).status).toBe(0);
    writeFileSync(join(cwd, 'mtad.config.yaml'), 'rules: {}\n');
    const before = snapshotTree(cwd);
    const again = await runMain(['init'], { cwd });
    expect(again.status).toBe(2);
    expect(again.stdout).toBe('');
    const codes = codesOf(again.stderr);
    expect(codes.length).toBeGreaterThan(5);
    expect(new Set(codes)).toEqual(new Set(['INIT_TARGET_EXISTS']));
    expect(again.stderr).toContain('mtad.config.yaml: error:');
    expect(again.stderr).toContain('.github/workflows/mtad.yml: error:');
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('refuses when one file is there, writing none of the others', async () => {
    const cwd = emptyFolder();
    mkdirSync(join(cwd, '.github/workflows'), { recursive: true });
    writeFileSync(join(cwd, '.github/workflows/mtad.yml'), 'name: mine\n');
    const before = snapshotTree(cwd);
    const run = await runMain(['init'], { cwd });
    expect(run.status).toBe(2);
    expect(codesOf(run.stderr)).toEqual(['INIT_TARGET_EXISTS']);
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('refuses a folder on the way that is a file (data), and a target that is a file', async () => {
    const cwd = emptyFolder();
    writeFileSync(join(cwd, 'data'), 'not a folder\n');
    const run = await runMain(['init'], { cwd });
    expect(run.status).toBe(2);
    expect(codesOf(run.stderr)).toEqual(['INIT_TARGET_EXISTS']);
    expect(run.stderr).toMatch(/^data: error:/);

    writeFileSync(join(cwd, 'notes.txt'), 'a file\n');
    const before = snapshotTree(cwd);
    const into = await runMain(['init', 'notes.txt'], { cwd });
    expect(into.status).toBe(2);
    expect(codesOf(into.stderr)).toEqual(['INIT_NOT_A_FOLDER']);
    expect(into.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('makes a new folder named, and mtad check passes there', async () => {
    const cwd = emptyFolder();
    const run = await runMain(['init', 'my-table'], { cwd });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('in my-table:');
    const check = await runMain(['check', '--no-cache'], { cwd: join(cwd, 'my-table') });
    expect(check.status, check.stderr).toBe(0);
  });

  it('writes a workflow that parses, runs mtad check with annotations and SARIF, and uploads it', async () => {
    const cwd = emptyFolder();
    expect((await runMain(['init'], { cwd })).status).toBe(0);
    const workflow = parse(readFileSync(join(cwd, '.github/workflows/mtad.yml'), 'utf8')) as {
      permissions: Record<string, string>;
      jobs: { check: { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] } };
    };
    expect(workflow.permissions['security-events']).toBe('write');
    const steps = workflow.jobs.check.steps;
    const uses = steps.flatMap((step) => (step.uses === undefined ? [] : [step.uses.split('@')[0]]));
    expect(uses).toEqual(['actions/checkout', 'actions/setup-node', 'github/codeql-action/upload-sarif']);
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with).toEqual({ 'node-version': 20 });
    const runs = steps.flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(runs).toEqual([
      'npm ci',
      'npx --no-install mtad check --format github',
      'npx --no-install mtad check --output sarif=mtad.sarif',
    ]);
    expect(steps.at(-1)?.with?.['sarif_file']).toBe('mtad.sarif');
    // The configuration it writes is one mtad reads: the check above would stop on a broken one.
    expect((await runMain(['check', '--no-cache'], { cwd })).status).toBe(0);
  });

  it('a write that fails half-way (a full disk) leaves the folder as it was: no file, no folder', () => {
    const cwd = emptyFolder();
    const before = snapshotTree(cwd);
    // A spawned run: the fault is injected into the process's file system calls.
    const faults = pathToFileURL(join(ROOT, 'tests/helpers/write-faults.mjs')).href;
    const run = runCli(['init', 'new-table'], {
      cwd,
      env: { NODE_OPTIONS: `--import ${faults}`, MTAD_TEST_FAULT: 'fail-before-rename:table-17.6.yaml:ENOSPC' },
    });
    expect(run.status).toBe(2);
    expect(codesOf(run.stderr)).toEqual(['FILE_UNWRITABLE']);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(cwd)).toEqual(before);
  });
});
