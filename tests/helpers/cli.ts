import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

/** The repository root, and the built CLI as a user runs it. */
export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/mtad.cjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/mtad.cjs ...args` in `cwd` (the repository by default), without colour unless the
 * environment asks for it, with no standard input.
 */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder holding a copy of the shipped data/ (and nothing else), to break on purpose. */
/**
 * What the shipped data/ holds at its top level, sorted: a run that writes into a copy of it must
 * leave exactly these (no lock, staging or temporary file behind).
 */
const SHIPPED_DATA_ENTRIES: readonly string[] = readdirSync(join(ROOT, 'data')).sort();

export function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mtad-test-'));
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  return dir;
}

/** Keeps the folders it is given (and returns each), to remove them once the test file's tests have run. */
export function removedAfterAll(): (dir: string) => string {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return (dir) => (made.push(dir), dir);
}

/**
 * Copies of the shipped data/ (as `make` makes them), one a call, each removed once the test file's
 * tests have run.
 */
export function copiesOfData(make: () => string = copyOfData): () => string {
  const removed = removedAfterAll();
  return () => removed(make());
}

/**
 * A copy of the shipped data/ with each file of `edits` (named inside data/) changed by its edit;
 * an edit that changes nothing fails the test, so that a fixture cannot silently stop applying.
 */
export function copyOfDataWith(edits: Record<string, (text: string) => string>): string {
  const dir = copyOfData();
  for (const [file, change] of Object.entries(edits)) {
    const path = join(dir, 'data', file);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the edit of ${file} changed nothing`);
    writeFileSync(path, after);
  }
  return dir;
}

/**
 * A conclusion of the MOC (Secure) consultation, fictional (for tests): no response received, the
 * closure made as proposed, with annex A. A made or concluded amendment whose consultation asked
 * questions needs one (CONCLUSION_MISSING).
 */
export const MOC_SECURE_CONCLUSION = `# A fictional conclusion, for mtad's tests.
amendment: mdust-close-moc-secure
note: Fictional, made for mtad's tests.
concluded: 2023-01-20
sentToDepartment: 2023-01-20
responses: none-received
decision: proceed
questions:
  - question: MDUST Close MOC (Secure) Q1
    response:
      - No response was received. DCC will close Migration DUST for MOC (Secure) as proposed.
  - question: MDUST Close MOC (Secure) Q2
    response:
      - DCC will modify the MTAD with effect from 27 January 2023.
final:
  changes:
    - cohort: MOC (Secure)
      to: 2023-01-31
  modification:
    date: 2023-01-27
    annex: A
`;

/** Writes MOC_SECURE_CONCLUSION (or `text`) as the conclusion beside the table of the copy in `dir`. */
export function writeMocSecureConclusion(dir: string, text = MOC_SECURE_CONCLUSION): string {
  mkdirSync(join(dir, 'data/conclusions'), { recursive: true });
  writeFileSync(join(dir, 'data/conclusions/mdust-close-moc-secure.yaml'), text);
  return dir;
}

/** The tests' copy of the MOC (Secure) closure made for FOC (BG), as test-close-foc-bg: its conclusion. */
export function writeTestFocBgConclusion(dir: string): string {
  mkdirSync(join(dir, 'data/conclusions'), { recursive: true });
  writeFileSync(
    join(dir, 'data/conclusions/test-close-foc-bg.yaml'),
    MOC_SECURE_CONCLUSION.replace('amendment: mdust-close-moc-secure', 'amendment: test-close-foc-bg').replace(
      '- cohort: MOC (Secure)',
      '- cohort: FOC (BG)',
    ),
  );
  return dir;
}

/** What data/ holds at its top level once a test wrote a conclusion beside the table. */
export const CONCLUDED_DATA_ENTRIES: readonly string[] = [...SHIPPED_DATA_ENTRIES, 'conclusions'].sort();

/**
 * A copy of data/ (`copy`, or a new one) where the MOC (Secure) closure has been made, so that
 * `amend --write` has one to write.
 */
export function copyWithMocSecureMade(copy: string = copyOfData()): string {
  const dir = writeMocSecureConclusion(copy);
  const path = join(dir, 'data/amendments/mdust-close-moc-secure.yaml');
  writeFileSync(
    path,
    readFileSync(path, 'utf8')
      .replace('status: proposed', 'status: made')
      .replace('expectedConclusion: 2023-01-20', 'expectedConclusion: 2023-01-20\n  concluded: 2023-01-20')
      .replace('  annex: null', '  annex: A'),
  );
  return dir;
}

/**
 * Every file under `dir` with the hash of its bytes, every folder (an empty one left behind
 * counts) and every symbolic link with its target (not followed), to prove that a command wrote
 * nothing.
 */
export function snapshotTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (lstatSync(path).isSymbolicLink()) files.set(path, `link to ${readlinkSync(path)}`);
      else if (statSync(path).isDirectory()) {
        files.set(`${path}/`, 'folder');
        walk(path);
      } else files.set(path, createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}
