import { diagnose } from '../domain/model/diagnostics.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { plainStyler } from '../render/style.js';
import { describeSystemError } from '../io/system-error.js';
import { isBundleMissing } from './bundle-missing.js';
import { main } from './main.js';

// A reader that stops early (`mtad log | head -1`) closes the pipe: that is not an error. mtad
// prints nothing more there and ends as the command ends, with its exit status and its warnings on
// standard error, so that `mtad check | head` still fails on an error in the data. Standard output
// that cannot be written otherwise (a full disk, /dev/full) is an IO error: one line, exit status 2.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  try {
    // Plain: the output mtad would colour for is the one that failed.
    process.stderr.write(
      renderDiagnostics([diagnose('STDOUT_UNWRITABLE', { reason: describeSystemError(error) })], plainStyler),
    );
  } finally {
    process.exit(2);
  }
});
// Standard error that cannot be written has nowhere to say so: the exit status does.
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.exit(2);
});

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
    endOnceWritten();
  })
  .catch((error: unknown) => {
    if (isBundleMissing(error)) {
      const { file, root } = error;
      process.stderr.write(renderDiagnostics([diagnose('BUILD_MISSING', { file, root })], plainStyler));
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `mtad: internal error. This is a bug in mtad; please report it with the command you ` +
        `ran.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  });

/**
 * Ends the run as soon as standard output and standard error have taken all that was written. main()
 * resolves only once every file it writes is written, every child it starts has ended and every lock
 * it takes is given back: the tests that call it in process read its files as soon as it resolves.
 * Left to end by itself, Node would first wait for V8 to finish the optimised compilation it started
 * in the background, of code that will never run again: about 15 ms of a cold check under load
 * (BENCHMARKS.md). It looks after the writes already queued have failed or not (their 'error'
 * handlers above run first): a stream that failed is left to its handler, and the run to end by
 * itself. A stream is written to only while it still holds data: even an empty write to a full disk
 * fails, and a run that wrote nothing there must keep its own exit status.
 */
function endOnceWritten(): void {
  setImmediate(() => {
    if (process.stdout.destroyed || process.stderr.destroyed) return;
    whenWritten(process.stdout, () => whenWritten(process.stderr, () => process.exit()));
  });
}

/** Calls `then` once `stream` has handed to the system all that was written to it, unless that fails. */
function whenWritten(stream: NodeJS.WriteStream, then: () => void): void {
  if (stream.writableLength === 0) then();
  else stream.write('', (failed) => failed || then());
}
