import { main } from './main.js';

// A reader that stops early (`mtad amend | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Standard input is opened only by a command that reads it: opening it costs start-up time.
/** The process entry: the only place that touches the exit status. A bug prints its stack. */
main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: () => process.stdin,
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(
      `mtad: internal error. This is a bug in mtad; please report it with the command you ran.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  });
