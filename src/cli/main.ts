import { join, relative, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { createStyler } from '../render/style.js';
import { shouldColor } from './color.js';
import { failWith, type Outcome } from './outcome.js';
import { diagnoseCommanderError } from './commander-errors.js';
import { findingsOf } from '../domain/model/result.js';
import { refuseOptions } from './option-rules.js';
import { escapeForLine, escapeHidden } from '../domain/model/text.js';
import { EXIT_STATUS_HELP } from './options.js';
import { readSourceDateEpoch } from './clock.js';
import { CONFIG_FILE_NAME, findProject } from '../io/project-root.js';
import { DEFAULT_TABLE_OPTION } from './options.js';
import { registerAmend } from './register/amend.js';
import { registerCheck } from './register/check.js';
import type { CommandContext } from './register/context.js';
import { registerConclude } from './register/conclude.js';
import { registerConsultation } from './register/consultation.js';
import { registerDiff } from './register/diff.js';
import { registerDirection } from './register/direction.js';
import { registerImport } from './register/import.js';
import { registerImpact } from './register/impact.js';
import { registerInit } from './register/init.js';
import { registerLog } from './register/log.js';
import { registerNew } from './register/new.js';
import { registerRevert } from './register/revert.js';
import { registerCorrect } from './register/correct.js';
import { registerSchema } from './register/schema.js';
import { registerShow } from './register/show.js';
import { registerResponses } from './register/responses.js';

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
  /** The width of the terminal standard output is, and of standard error's; none when not a terminal. */
  columns?: { stdout?: number; stderr?: number };
  stdin?: () => AsyncIterable<Uint8Array | string>;
  /**
   * The hash of mtad's code, the key of check's cache. The build sets it in the bundle; a caller
   * that runs the sources (a test) may give one. Without one, nothing is cached.
   */
  codeHash?: string;
}

/** The mtad program. `write` receives what is printed; the returned promise gives the exit status. */
function buildProgram(
  argv: readonly string[],
  io: MainIO & { write: (outcome: Outcome) => void; asProse: () => void },
): Command {
  const program = new Command('mtad');
  const codeHash = io.codeHash ?? CODE_HASH;
  const styler = () => createStyler(shouldColor(program.opts<GlobalOptions>().color, io.env, io.stdoutIsTTY));
  const report = async (run: Promise<Outcome>) => io.write(await run);
  const project = projectAbove(io.cwd);
  /** The usage error commander has just printed, as it words it, until its code is known. */
  let refusal: string | undefined;
  // The clock, for the commands that read it: SOURCE_DATE_EPOCH stands in for it when set.
  const withClock = (run: (now: Date, fixed?: Date) => Promise<Outcome>) => {
    const epoch = readSourceDateEpoch(io.env);
    return report(
      epoch.ok ? run(epoch.value ?? new Date(), epoch.value) : Promise.resolve(failWith(findingsOf(epoch), styler())),
    );
  };

  program
    .description(
      'Keep Table 17.6 of the MTAD (Migration DUST end dates per SMETS1 cohort) as data, and turn amendments ' +
        'to it into the redline, the direction and a summary.',
    )
    .version(VERSION, '-V, --version', 'print the version of mtad')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR does the same)')
    .addHelpText('after', EXIT_STATUS_HELP)
    // Every usage error reads "mtad: error: ... [CODE]", commander's as mtad's own: commander's
    // sentence is held until its code comes with the exit, then printed as a finding of that code.
    .exitOverride((error) => {
      if (refusal !== undefined) {
        const finding = failWith([diagnoseCommanderError(error.code, refusal)], styler());
        io.write({ ...finding, stderr: `${finding.stderr}(run mtad --help for usage)\n` });
        refusal = undefined;
      }
      throw error;
    })
    .configureOutput({
      writeOut: (text) => io.write({ exitCode: 0, stdout: text, stderr: '' }),
      writeErr: (text) => io.write({ exitCode: 2, stdout: '', stderr: text }),
      outputError: (text) => (refusal = text),
    });

  // An empty path (an unset shell variable: --table "$TABLE") would name the working folder, and an
  // option without the one that gives it a meaning would be ignored: usage errors, named, before
  // any command reads a thing.
  program.hook('preAction', (_program, command) => {
    const refused = refuseOptions(command);
    if (refused.length > 0) {
      io.write(failWith(refused, styler()));
      throw new CommanderError(2, 'mtad.optionsRefused', refused.map((d) => d.code).join(', '));
    }
    // Prose for a person is wrapped to the terminal; what a program or a file reads never is.
    const { format, stdout } = command.opts<{ format?: string; stdout?: boolean }>();
    if (command.name() !== 'schema' && stdout !== true && (format === undefined || HUMAN_FORMATS.includes(format)))
      io.asProse();
    // Run from a folder inside a project, the table is the project's, and the user is told so.
    if (project && command.getOptionValueSource('table') === 'default') {
      command.setOptionValueWithSource('table', join(project.root, DEFAULT_TABLE_OPTION), 'project');
      io.write({ exitCode: 0, stdout: '', stderr: project.note });
    }
  });

  const context: CommandContext = {
    cwd: io.cwd,
    ...(project && { projectRoot: project.root }),
    env: io.env,
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
  for (const [, register] of registrationsFor(argv)) register(program, context);
  return program;
}

type Registration = (program: Command, context: CommandContext) => void;

/** Every command's registration, by its name, in the order the help lists them. */
const REGISTRATIONS: ReadonlyArray<readonly [string, Registration]> = [
  ['amend', registerAmend],
  ['direction', registerDirection],
  ['consultation', registerConsultation],
  ['conclude', registerConclude],
  ['show', registerShow],
  ['log', registerLog],
  ['diff', registerDiff],
  ['revert', registerRevert],
  ['correct', registerCorrect],
  ['new', registerNew],
  ['impact', registerImpact],
  ['import', registerImport],
  ['check', registerCheck],
  ['schema', registerSchema],
  ['responses', registerResponses],
  ['init', registerInit],
];

/**
 * The commands to register for `argv`. Registering one (its options, arguments and help) costs
 * start-up time, so a run that names a command registers that one alone: commander then parses and
 * refuses exactly as with all of them, since mtad's own options take no value and a command's
 * options are its own. Every command is registered when none is named first (no command, `help`,
 * a mistyped name, which commander answers with the nearest one) or when --help comes before the
 * name (the help of mtad itself, which lists them all).
 */
function registrationsFor(argv: readonly string[]): ReadonlyArray<readonly [string, Registration]> {
  const at = argv.findIndex((token) => !token.startsWith('-'));
  if (at === -1 || argv.slice(0, at).some((token) => token === '--help' || token === '-h')) return REGISTRATIONS;
  const named = REGISTRATIONS.filter(([name]) => name === argv[at]);
  return named.length === 1 ? named : REGISTRATIONS;
}

/**
 * The project that holds the working folder when its root is above it (run from data/amendments/,
 * say), with the note that says which was found; undefined when the working folder is the root or
 * no project holds it (then the defaults are relative to the working folder, as always).
 */
function projectAbove(cwd: string): { root: string; note: string } | undefined {
  const project = findProject(cwd, [CONFIG_FILE_NAME, DEFAULT_TABLE_OPTION]);
  if (!project || project.root === resolve(cwd)) return undefined;
  const shown = escapeForLine(relative(cwd, project.root));
  return { root: project.root, note: `mtad: using the project in ${shown} (it holds ${project.marker})\n` };
}

/**
 * The arguments to parse: as given, unless they ask for help (--help, -h, `mtad help NAME`) and a
 * command named in them does not exist. commander would act on the --help after an unknown name
 * (printing the help of the command above, with status 0), so the arguments stop at the unknown
 * name, which commander then refuses with its nearest suggestion. `mtad help NAME` is taken as
 * `mtad NAME`. Only names where a command is expected count: the value of an option, and the
 * arguments of a command that takes its own (`mtad responses AMENDMENT`), are not command names.
 */
function unknownCommandFirst(program: Command, argv: readonly string[]): string[] {
  const asksHelp = argv.some((token) => token === '--help' || token === '-h') || argv[0] === 'help';
  if (!asksHelp) return [...argv];
  let command = program;
  let optionValue = false;
  for (const [i, token] of argv.entries()) {
    if (command.commands.length === 0 || command.registeredArguments.length > 0) break;
    if (optionValue) {
      optionValue = false;
      continue;
    }
    if (token.startsWith('-')) {
      const option = command.options.find((o) => o.long === token || o.short === token);
      optionValue = option !== undefined && (option.required || option.optional);
      continue;
    }
    if (token === 'help' && command === program) continue;
    const next = command.commands.find((c) => c.name() === token || c.aliases().includes(token));
    if (!next) return argv.slice(0, i + 1).filter((t, j) => !(t === 'help' && j < i));
    command = next;
  }
  return [...argv];
}

/** The formats printed for a person to read, which are wrapped to a terminal's width. */
const HUMAN_FORMATS = ['terminal', 'stylish'];

/** Runs mtad with `argv` (without node and the script), returning the exit status. */
export async function main(
  argv: readonly string[],
  io: MainIO & { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  let exitCode = 0;
  // Messages are prose; standard output is, for the commands and formats that print it for a person.
  let proseOut = false;
  // The wrapper is loaded only for a terminal: a pipe, a file and a test pay nothing for it at start-up.
  const wrap =
    io.columns?.stdout !== undefined || io.columns?.stderr !== undefined
      ? (await import('../render/terminal-wrap.js')).wrapForTerminal
      : undefined;
  const fit = (text: string, width: number | undefined, prose: boolean) =>
    wrap && prose && width !== undefined && width > 0 ? wrap(text, width) : text;
  const program = buildProgram(argv, {
    ...io,
    asProse: () => (proseOut = true),
    write: (outcome) => {
      // Hidden characters and line separators in data are findings of mtad check; whatever
      // prints them (show, a JSON report) writes them as \uXXXX, the same string in JSON.
      if (outcome.stdout) io.stdout.write(fit(escapeHidden(outcome.stdout), io.columns?.stdout, proseOut));
      if (outcome.stderr) io.stderr.write(fit(escapeHidden(outcome.stderr), io.columns?.stderr, true));
      exitCode = Math.max(exitCode, outcome.exitCode);
    },
  });
  // No command is a usage error: the help goes where errors go, and the status says so.
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return 2;
  }
  // `import` has a --version of its own, the document's: for it, mtad's options go before the
  // command's name, so that commander does not take --version after it for mtad's.
  if (argv.find((arg) => !arg.startsWith('-')) === 'import') program.enablePositionalOptions();
  try {
    await program.parseAsync(unknownCommandFirst(program, argv), { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every other commander error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return exitCode;
}
