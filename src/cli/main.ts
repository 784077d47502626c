import { Command, CommanderError } from 'commander';
import { createStyler } from '../render/style.js';
import { shouldColor } from './color.js';
import { failWith, type Outcome } from './outcome.js';
import { escapeForLine, escapeHidden } from '../domain/model/text.js';
import { EXIT_STATUS_HELP } from './options.js';
import { readSourceDateEpoch } from './clock.js';
import { registerAmend } from './register/amend.js';
import { registerCheck } from './register/check.js';
import type { CommandContext } from './register/context.js';
import { registerConsultation } from './register/consultation.js';
import { registerDiff } from './register/diff.js';
import { registerDirection } from './register/direction.js';
import { registerImpact } from './register/impact.js';
import { registerLog } from './register/log.js';
import { registerNew } from './register/new.js';
import { registerRevert } from './register/revert.js';
import { registerSchema } from './register/schema.js';
import { registerShow } from './register/show.js';

declare const __MTAD_VERSION__: string | undefined;
const VERSION = typeof __MTAD_VERSION__ === 'string' ? __MTAD_VERSION__ : '0.0.0-dev';
/** A hash of every file bundled into the CLI, set by the build: the cache of `mtad check` is keyed by it. */
declare const __MTAD_CODE_HASH__: string | undefined;
const CODE_HASH = typeof __MTAD_CODE_HASH__ === 'string' ? __MTAD_CODE_HASH__ : undefined;

interface GlobalOptions {
  color?: boolean;
}

/** What a run of mtad is given by its caller: the process (src/cli/run.ts), or a test. */
export interface MainIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stdin?: () => AsyncIterable<Uint8Array | string>;
  /**
   * The hash of mtad's code, the key of check's cache. The build sets it in the bundle; a caller
   * that runs the sources (a test) may give one. Without one, nothing is cached.
   */
  codeHash?: string;
}

/** The mtad program. `write` receives what is printed; the returned promise gives the exit status. */
function buildProgram(io: MainIO & { write: (outcome: Outcome) => void }): Command {
  const program = new Command('mtad');
  const codeHash = io.codeHash ?? CODE_HASH;
  const styler = () => createStyler(shouldColor(program.opts<GlobalOptions>().color, io.env, io.stdoutIsTTY));
  const report = async (run: Promise<Outcome>) => io.write(await run);
  // The clock, for the commands that read it: SOURCE_DATE_EPOCH stands in for it when set.
  const withClock = (run: (now: Date, fixed?: Date) => Promise<Outcome>) => {
    const epoch = readSourceDateEpoch(io.env);
    return report(
      epoch.diagnostics.length > 0
        ? Promise.resolve(failWith(epoch.diagnostics, styler()))
        : run(epoch.instant ?? new Date(), epoch.instant),
    );
  };

  program
    .description(
      'Keep Table 17.6 of the MTAD (Migration DUST end dates per SMETS1 cohort) as data, and turn amendments to it into the redline, the direction and a summary.',
    )
    .version(VERSION, '-V, --version', 'print the version of mtad')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR does the same)')
    .showHelpAfterError('(run mtad --help for usage)')
    .addHelpText('after', EXIT_STATUS_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.write({ exitCode: 0, stdout: text, stderr: '' }),
      writeErr: (text) => io.write({ exitCode: 2, stdout: '', stderr: text }),
      // commander quotes the argument it refuses as typed: a line break in it would start a line
      // of its own. Its only line breaks are the last one and the one before "(Did you mean".
      outputError: (text, write) =>
        write(
          `${text
            .replace(/\n$/, '')
            .split(/\n(?=\(Did you mean )/)
            .map(escapeForLine)
            .join('\n')}\n`,
        ),
    });

  // An empty value (an unset shell variable: --table "$TABLE") would name the working folder: it
  // is a usage error, named, before any command reads a thing.
  program.hook('preAction', (_program, command) => {
    const opts = command.opts<{ table?: string; stdinFilename?: string }>();
    const argument = command.registeredArguments[0]?.name();
    const empty: [string, string] | undefined =
      opts.table === ''
        ? ['--table', 'a table file']
        : opts.stdinFilename === ''
          ? ['--stdin-filename', 'a file name']
          : command.args.includes('')
            ? [
                `the ${argument ?? 'argument'}`,
                argument === 'amendment' ? 'an amendment file or id' : 'a file or folder',
              ]
            : undefined;
    if (empty)
      command.error(`error: ${empty[0]} is empty; expected ${empty[1]} (is a shell variable unset?)`, {
        exitCode: 2,
        code: 'mtad.emptyValue',
      });
  });

  const context: CommandContext = {
    cwd: io.cwd,
    version: VERSION,
    ...(codeHash !== undefined && { codeHash }),
    ...(io.stdin && { stdin: io.stdin }),
    styler,
    write: io.write,
    report,
    withClock,
  };
  // Each registration loads its command's module only when that command runs, so that a run pays
  // only for its own command: start-up is a tracked benchmark (BENCHMARKS.md).
  for (const register of [
    registerAmend,
    registerDirection,
    registerConsultation,
    registerShow,
    registerLog,
    registerDiff,
    registerRevert,
    registerNew,
    registerImpact,
    registerCheck,
    registerSchema,
  ])
    register(program, context);
  return program;
}

/** Runs mtad with `argv` (without node and the script), returning the exit status. */
export async function main(
  argv: readonly string[],
  io: MainIO & { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  let exitCode = 0;
  const program = buildProgram({
    ...io,
    write: (outcome) => {
      // Hidden characters and line separators in data are findings of mtad check; whatever
      // prints them (show, a JSON report) writes them as \uXXXX, the same string in JSON.
      if (outcome.stdout) io.stdout.write(escapeHidden(outcome.stdout));
      if (outcome.stderr) io.stderr.write(escapeHidden(outcome.stderr));
      exitCode = Math.max(exitCode, outcome.exitCode);
    },
  });
  if (argv.length === 0) {
    io.stdout.write(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every other commander error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return exitCode;
}
