import { main } from './main.js';

/** The process entry: the only place that touches process.exit. A bug prints its stack. */
main(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdoutIsTTY: Boolean(process.stdout.isTTY), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`mtad: internal error. This is a bug in mtad; please report it with the command you ran.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
