import { main } from '../../src/cli/main.js';
import { ROOT } from './cli.js';
import type { TimedRun } from './cli-async.js';

/**
 * Runs mtad in this process, through the same `main()` that bin/mtad.js calls, with the
 * environment a spawned run gets (no colour, no terminal) and `input` as standard input. A bug
 * that escapes `main()` is reported as the process entry reports it (exit status 2, "internal
 * error" and the stack on standard error), so that a test asserting "no stack trace" sees it.
 *
 * Use it for everything a test checks through the CLI's words and files; spawn the built bin
 * (tests/helpers/cli.ts) only where the process itself is the point: the bin, streams, signals,
 * locks held by other processes.
 */
export async function runMain(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string | Uint8Array } = {}): Promise<TimedRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const stdout: string[] = [];
  const stderr: string[] = [];
  const sink = (into: string[]) => ({ write: (chunk: string | Uint8Array) => into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')) > 0 }) as unknown as NodeJS.WritableStream;
  const input = options.input ?? '';
  const started = performance.now();
  let status: number;
  try {
    status = await main(args, {
      cwd: options.cwd ?? ROOT,
      env,
      stdoutIsTTY: false,
      stdout: sink(stdout),
      stderr: sink(stderr),
      stdin: async function* () {
        if (input.length > 0) yield input;
      },
      // The sources have no build hash; this one keys check's cache as a build's would.
      codeHash: 'in-process-test',
    });
  } catch (error) {
    stderr.push(`mtad: internal error. This is a bug in mtad; please report it with the command you ran.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    status = 2;
  }
  return { status, stdout: stdout.join(''), stderr: stderr.join(''), ms: performance.now() - started };
}
