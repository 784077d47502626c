import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliRun } from './cli.js';

/** A stream that keeps what is written to it. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Runs mtad in this process through `main()`, as bin/mtad.js does, in `cwd`, without colour. */
export async function runMain(args: readonly string[], cwd: string): Promise<CliRun> {
  const stdout = collector();
  const stderr = collector();
  const status = await main(args, { cwd, env: { NO_COLOR: '1' }, stdoutIsTTY: false, stdout: stdout.stream, stderr: stderr.stream });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}
