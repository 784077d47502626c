import { main } from '../../src/cli/main.js';
import { ROOT } from './cli.js';
import type { TimedRun } from './cli-async.js';

/** What one in-process run of mtad printed, its exit status and its wall time. */
export type MainRun = TimedRun & { status: number };

/** Where and how to run: the working folder, the environment, standard input (bytes or a stream). */
export interface MainOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Uint8Array;
  stdin?: () => AsyncIterable<Uint8Array | string>;
  /** The terminal widths, as if standard output (and error) were terminals that wide. */
  columns?: { stdout?: number; stderr?: number };
  /** Standard error written into standard output, in the order printed, as `2>&1` shows them. */
  together?: boolean;
}

/**
 * Runs mtad in this process, through the same `main()` that bin/mtad.cjs calls, with the
 * environment a spawned run gets (no colour, no terminal). `options` may be the working folder
 * alone. A bug that escapes `main()` is reported as the process entry reports it (exit status 2,
 * "internal error" and the stack on standard error), so that a test asserting "no stack trace"
 * sees it.
 *
 * Use it for everything a test checks through the CLI's words and files; spawn the built bin
 * (tests/helpers/cli.ts) only where the process itself is the point: the bin, streams, signals,
 * locks held by other processes.
 */
export async function runMain(args: readonly string[], options: string | MainOptions = {}): Promise<MainRun> {
  const {
    cwd = ROOT,
    env: extra,
    input = '',
    stdin,
    columns,
    together = false,
  } = typeof options === 'string' ? { cwd: options } : options;
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...extra };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = together ? stdout : [];
  const sink = (into: Buffer[]) =>
    ({ write: (chunk: string | Uint8Array) => into.push(Buffer.from(chunk)) > 0 }) as unknown as NodeJS.WritableStream;
  const started = performance.now();
  let status: number;
  try {
    status = await main(args, {
      cwd,
      env,
      stdoutIsTTY: columns?.stdout !== undefined,
      ...(columns && { columns }),
      stdout: sink(stdout),
      stderr: sink(stderr),
      stdin:
        stdin ??
        async function* () {
          if (input.length > 0) yield input;
        },
      // The sources have no build hash; this one keys check's cache as a build's would.
      codeHash: 'in-process-test',
    });
  } catch (error) {
    stderr.push(
      Buffer.from(
        `mtad: internal error. This is a bug in mtad; please report it with the command you ran.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      ),
    );
    status = 2;
  }
  const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
  const run = { status, stdout: text(stdout), stderr: text(stderr) } as MainRun;
  // The wall time is for reports, never part of what a run said: comparing two runs ignores it.
  Object.defineProperty(run, 'ms', { value: performance.now() - started, enumerable: false });
  return run;
}

/** The finding codes printed on standard error, one a line, in order. */
export const codesIn = (stderr: string): string[] =>
  [...stderr.matchAll(/\[([A-Z_]+)\]$/gm)].map((m) => m[1] as string);
