import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root, and the built CLI as a user runs it. */
export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/mtad.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/mtad.js ...args` in `cwd` (the repository by default), without colour unless the
 * environment asks for it, with no standard input.
 */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8', input: options.input ?? '', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder holding a copy of the shipped data/ (and nothing else), to break on purpose. */
export function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mtad-test-'));
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  return dir;
}

/**
 * Every file under `dir` with its bytes, every folder (an empty one left behind counts) and every
 * symbolic link with its target (not followed), to prove that a command wrote nothing.
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
      } else files.set(path, readFileSync(path, 'base64'));
    }
  };
  walk(dir);
  return files;
}

/**
 * Runs mtad in-process, through main() as bin/mtad.js does, in `cwd`, without colour: the code the
 * user runs, without the cost of a process.
 */
export async function runMain(args: readonly string[], options: { cwd: string }): Promise<CliRun> {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => ({ write: (chunk: string | Uint8Array) => (append(String(chunk)), true) }) as unknown as NodeJS.WritableStream;
  const status = await main(args, {
    cwd: options.cwd,
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
  });
  return { status, stdout, stderr };
}
