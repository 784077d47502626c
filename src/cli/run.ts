import { describeSystemError } from '../io/system-error.js';
import { main } from './main.js';

// A reader that stops early (`mtad amend | head`) closes the pipe: that is not an error. Output
// that cannot be written (a full disk, /dev/full) is an IO error: one line, exit status 2.
for (const [stream, name] of [
  [process.stdout, 'standard output'],
  [process.stderr, 'standard error'],
] as const) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    try {
      if (stream !== process.stderr)
        process.stderr.write(`mtad: cannot write ${name}: ${describeSystemError(error)}\n`);
    } finally {
      process.exit(2);
    }
  });
}

// Standard input is opened only by a command that reads it: opening it costs start-up time.
/** The process entry: the only place that touches the exit status. A bug prints its stack. */
main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  // A pipe or a file has no width: what is written there keeps its lines as they are.
  columns: {
    ...(process.stdout.isTTY && { stdout: process.stdout.columns }),
    ...(process.stderr.isTTY && { stderr: process.stderr.columns }),
  },
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: () => process.stdin,
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(
      `mtad: internal error. This is a bug in mtad; please report it with the command you ` +
        `ran.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  });
