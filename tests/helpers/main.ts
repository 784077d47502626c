import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface MainRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Runs mtad in-process, as bin/mtad.js does (the same main(), without colour), in `cwd`; `stdin`
 * gives standard input. A bug rejects (where the CLI would print "internal error" and a stack).
 */
export async function runMain(argv: readonly string[], options: { cwd: string; stdin?: () => AsyncIterable<Uint8Array | string> }): Promise<MainRun> {
  const stdout = collector();
  const stderr = collector();
  const status = await main(argv, { cwd: options.cwd, env: { NO_COLOR: '1' }, stdoutIsTTY: false, stdout: stdout.stream, stderr: stderr.stream, ...(options.stdin && { stdin: options.stdin }) });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}
