import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** What one in-process run of mtad printed, and its exit status. */
export interface MainRun {
  status: number;
  stdout: string;
  stderr: string;
}

const sink = (chunks: string[]) =>
  new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });

/** Runs `mtad ...args` in-process through `main()`, as the CLI does, in `cwd`, without colour. */
export async function runMain(args: readonly string[], cwd: string): Promise<MainRun> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { cwd, env: { NO_COLOR: '1' }, stdoutIsTTY: false, stdout: sink(out), stderr: sink(err) });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** The finding codes printed on standard error, one a line, in order. */
export const codesIn = (stderr: string): string[] => [...stderr.matchAll(/\[([A-Z_]+)\]$/gm)].map((m) => m[1] as string);
