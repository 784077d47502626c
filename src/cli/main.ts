import { Argument, Command, CommanderError, Option } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from '../render/report.js';
import { createStyler } from '../render/style.js';
import { shouldColor } from './color.js';
import { LOG_FORMATS, type LogFormat } from './commands/log-formats.js';
import type { Include } from '../domain/history.js';
import { failWith, type Outcome } from './outcome.js';
import { escapeForLine, escapeHidden } from '../domain/text.js';
import { formatInstant, readSourceDateEpoch, todayInLondon } from './today.js';
// Issue 3 (mtad check, mtad schema):
// The check and schema commands are loaded when run, so that other commands do not pay for them.
import type { SchemaKind } from '../domain/json-schema.js';
import type { CheckFormat } from '../render/check-formats.js';

/** The formats of `mtad check`; a test holds this list equal to the keys of CHECK_FORMATS. */
export const CHECK_FORMAT_NAMES: readonly CheckFormat[] = ['stylish', 'json', 'sarif', 'github'];
/** The kinds of `mtad schema`; a test holds this list equal to the keys of SCHEMA_KINDS. */
export const SCHEMA_KIND_NAMES: readonly SchemaKind[] = ['table', 'amendment'];

// Each command's module (and what it alone needs) is loaded when that command runs, so that a run
// pays only for its own command: start-up is a tracked benchmark (BENCHMARKS.md).
type Lazy<F extends (options: never) => Promise<Outcome>> = (options: Parameters<F>[0]) => Promise<Outcome>;
const runAmend: Lazy<typeof import('./commands/amend.js').runAmend> = async (o) => (await import('./commands/amend.js')).runAmend(o);
const runDirection: Lazy<typeof import('./commands/direction.js').runDirection> = async (o) => (await import('./commands/direction.js')).runDirection(o);
const runShow: Lazy<typeof import('./commands/show.js').runShow> = async (o) => (await import('./commands/show.js')).runShow(o);
const runDiff: Lazy<typeof import('./commands/diff.js').runDiff> = async (o) => (await import('./commands/diff.js')).runDiff(o);
const runImpact: Lazy<typeof import('./commands/impact.js').runImpact> = async (o) => (await import('./commands/impact.js')).runImpact(o);
const runLog: Lazy<typeof import('./commands/log.js').runLog> = async (o) => (await import('./commands/log.js')).runLog(o);
const runNew: Lazy<typeof import('./commands/new.js').runNew> = async (o) => (await import('./commands/new.js')).runNew(o);
const runRevert: Lazy<typeof import('./commands/revert.js').runRevert> = async (o) => (await import('./commands/revert.js')).runRevert(o);

declare const __MTAD_VERSION__: string | undefined;
const VERSION = typeof __MTAD_VERSION__ === 'string' ? __MTAD_VERSION__ : '0.0.0-dev';
/** A hash of every file bundled into the CLI, set by the build: the cache of `mtad check` is keyed by it. */
declare const __MTAD_CODE_HASH__: string | undefined;
const CODE_HASH = typeof __MTAD_CODE_HASH__ === 'string' ? __MTAD_CODE_HASH__ : undefined;

const EXIT_STATUS_HELP = `
Exit status: 0 success; 1 a problem in the data (the message names file:line:column);
2 a usage or IO error (a missing file, an unknown option).`;

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
    return report(epoch.diagnostics.length > 0 ? Promise.resolve(failWith(epoch.diagnostics, styler())) : run(epoch.instant ?? new Date(), epoch.instant));
  };

  program
    .description('Keep Table 17.6 of the MTAD (Migration DUST end dates per SMETS1 cohort) as data, and turn amendments to it into the redline, the direction and a summary.')
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
      outputError: (text, write) => write(`${text.replace(/\n$/, '').split(/\n(?=\(Did you mean )/).map(escapeForLine).join('\n')}\n`),
    });

  // An empty value (an unset shell variable: --table "$TABLE") would name the working folder: it
  // is a usage error, named, before any command reads a thing.
  program.hook('preAction', (_program, command) => {
    const opts = command.opts<{ table?: string; stdinFilename?: string }>();
    const argument = command.registeredArguments[0]?.name();
    const empty: [string, string] | undefined =
      opts.table === '' ? ['--table', 'a table file'] : opts.stdinFilename === '' ? ['--stdin-filename', 'a file name'] : command.args.includes('') ? [`the ${argument ?? 'argument'}`, argument === 'amendment' ? 'an amendment file or id' : 'a file or folder'] : undefined;
    if (empty) command.error(`error: ${empty[0]} is empty; expected ${empty[1]} (is a shell variable unset?)`, { exitCode: 2, code: 'mtad.emptyValue' });
  });

  program
    .command('amend')
    .description('apply amendments to Table 17.6 and print the redline, the direction and a summary (changes no file); with --out, write the consultation pack into a new folder')
    .argument('[amendment...]', 'amendment files or ids; default: those in data/amendments/ that the table does not yet reflect')
    .option('-t, --table <file>', 'the table file', 'data/table-17.6.yaml')
    .addOption(new Option('-f, --format <format>', 'how to render the redline').choices(Object.keys(REPORT_FORMATS)).default('terminal'))
    .option('--redline-only', 'print the redline alone (a unified diff for a pull request, say)')
    .option('--write', 'write the made amendments into the table file (atomically; nothing is written when any check fails)')
    .addOption(new Option('-o, --out <dir>', 'write the consultation pack (Word redline, HTML, direction, response template, amended table) into this new folder').conflicts('write'))
    .option('--force', 'with --out: replace the folder if it is a pack mtad wrote (one holding .mtad-pack)')
    .option('--author <name>', 'with --out: the author of the tracked changes (default: the amendment\'s consultation.author)')
    .addHelpText(
      'after',
      `
Amendments apply in their order of application (the "sequence" field of each file). Each change
states the value it expects to replace and is refused when the table holds another.

With --write, the table file is updated in place, keeping its comments and layout: only made
amendments are written (status: made); the file is replaced atomically, and not at all when it
changed on disk after mtad read it (exit status 2). Run again, it says the table already reflects
the amendment and writes nothing.

With --out, the pack goes into a new folder, outside the data folder. --force replaces only a
folder that mtad wrote as a pack (it holds the file .mtad-pack), never a file, a link, the working
folder or a folder above it, the data folder or anything in it (exit status 2).

Examples:
  mtad amend                                  the pending amendments in data/amendments/
  mtad amend mdust-close-moc-secure           one amendment, by id or path
  mtad amend --format unified --redline-only  a patch of the table as text
  mtad amend --format markdown > comment.md   for a pull-request comment
  mtad amend --out pack                       the consultation pack, in the new folder pack/
  mtad amend --out pack --force               write it again over the pack mtad wrote there
  mtad amend mdust-close-moc-secure --write   record a made amendment in data/table-17.6.yaml
${EXIT_STATUS_HELP}`,
    )
    .action((amendments: string[], opts: { table: string; format: ReportFormat; redlineOnly?: boolean; write?: boolean; out?: string; force?: boolean; author?: string }) =>
      withClock((now, fixed) =>
        runAmend({
          cwd: io.cwd,
          styler: styler(),
          amendments,
          table: tableOption(opts.table),
          format: opts.format,
          redlineOnly: opts.redlineOnly === true,
          write: opts.write === true,
          ...(opts.write && { today: todayInLondon(now) }),
          version: VERSION,
          ...(codeHash !== undefined && { codeHash }),
          out: opts.out,
          force: opts.force === true,
          author: opts.author,
          ...(fixed && { created: formatInstant(fixed) }),
        }),
      ),
    );

  program
    .command('direction')
    .description('print the direction of an amendment: the draft (Attachment 1, word for word) or, with --final, the final text')
    .argument('<amendment>', 'an amendment file or id')
    .option('--final', 'fill in the effective date and the annex; refused while either is unset, or the amendment is not concluded or made')
    .option('-t, --table <file>', 'the table file, to find amendments by id beside it', 'data/table-17.6.yaml')
    .addHelpText(
      'after',
      `
The wording comes from templates/direction.txt (in the working folder when there is one, else the
copy shipped with mtad), so a drafter can correct it without a release.

Examples:
  mtad direction mdust-close-moc-secure          the draft, with [DD MM YYYY] and Annex [TBC]
  mtad direction mdust-close-moc-secure --final  "with effect from 27 January 2023", once the annex is set
${EXIT_STATUS_HELP}`,
    )
    .action((amendment: string, opts: { final?: boolean; table: string }) =>
      report(runDirection({ cwd: io.cwd, styler: styler(), amendment, mode: opts.final ? 'final' : 'draft', table: tableOption(opts.table) })),
    );

  program
    .command('show')
    .description('print Table 17.6 as the table file holds it, or as it stood on a date, with what is not public and what each closure means')
    .option('-t, --table <file>', 'the table file', 'data/table-17.6.yaml')
    .option('--as-at <date>', 'the table as it stood on this date (YYYY-MM-DD), computed from the amendments')
    .addOption(new Option('--include <which>', 'with --as-at: "proposed" also counts proposed and concluded amendments (never withdrawn ones), each from the modification date it proposes; without it only made amendments count').choices(['proposed']))
    .addHelpText(
      'after',
      `
The end date is the last day on which Migration DUST is provided for the cohort: on the end date
the service is provided, from the next day it is not.

With --as-at, an amendment counts from its modification date; a made amendment whose modification
date is not recorded counts from its conclusion date; with neither, what it changes is shown
unknown between the earliest and latest dates its steps allow. Only made amendments count unless
--include proposed.

Examples:
  mtad show
  mtad show --as-at 2022-12-05                     MOC (Secure) and FOC (BG) alone have Migration DUST
  mtad show --as-at 2023-02-01 --include proposed  as if the MOC (Secure) closure were made
${EXIT_STATUS_HELP}`,
    )
    .action((opts: { table: string; asAt?: string; include?: 'proposed' }) =>
      report(runShow({ cwd: io.cwd, styler: styler(), table: tableOption(opts.table), asAt: opts.asAt, include: opts.include })),
    );

  // issue 5: the table over time (log, diff, revert, new, impact)
  program
    .command('log')
    .description('list the amendments in order: id, status, cohorts and the date of each step')
    .option('-t, --table <file>', 'the table file', 'data/table-17.6.yaml')
    .addOption(new Option('-f, --format <format>', 'how to print the log').choices([...LOG_FORMATS]).default('terminal'))
    .addHelpText(
      'after',
      `
Examples:
  mtad log
  mtad log --format json
${EXIT_STATUS_HELP}`,
    )
    .action((opts: { table: string; format: LogFormat }) => report(runLog({ cwd: io.cwd, styler: styler(), table: tableOption(opts.table), format: opts.format })));

  program
    .command('diff')
    .description('redline Table 17.6 between two points of its history, in any format amend has')
    .requiredOption('--from <point>', 'a date YYYY-MM-DD, or an amendment id (the table just after it)')
    .requiredOption('--to <point>', 'a date YYYY-MM-DD, or an amendment id')
    .option('-t, --table <file>', 'the table file', 'data/table-17.6.yaml')
    .addOption(new Option('--include <which>', 'for --from/--to dates: "proposed" also counts proposed and concluded amendments (never withdrawn ones), each from the modification date it proposes; without it only made amendments count (an amendment id as a point counts every amendment up to it, whatever its status, but withdrawn ones)').choices(['proposed']))
    .addOption(new Option('-f, --format <format>', 'how to render the redline').choices(Object.keys(REPORT_FORMATS)).default('terminal'))
    .option('--redline-only', 'print the redline alone', false)
    .addHelpText(
      'after',
      `
Examples:
  mtad diff --from 2022-09-01 --to 2022-12-05
  mtad diff --from mdust-close-foc-np --to mdust-close-moc-secure --format markdown
  mtad diff --from 2022-12-05 --to 2023-02-01 --include proposed --format unified --redline-only
${EXIT_STATUS_HELP}`,
    )
    .action((opts: { table: string; from: string; to: string; include?: Include; format: ReportFormat; redlineOnly: boolean }) =>
      report(runDiff({ cwd: io.cwd, styler: styler(), table: tableOption(opts.table), from: opts.from, to: opts.to, include: opts.include, format: opts.format, redlineOnly: opts.redlineOnly })),
    );

  program
    .command('revert')
    .description('write the amendment that reverses another (for a closure, the re-opening that removes its end date)')
    .argument('<amendment>', 'an amendment file or id')
    .option('-t, --table <file>', 'the table file', 'data/table-17.6.yaml')
    .option('--issued <date>', 'the proposed issue date of its consultation (default: today)')
    .option('--stdout', 'print the file instead of writing it', false)
    .option('--force', 'replace an existing file of the same name', false)
    .addHelpText(
      'after',
      `
Writes data/amendments/<id>-revert.yaml. Values a person must decide are tagged !todo; mtad check
and mtad amend refuse the file until none is left.

Examples:
  mtad revert mdust-close-moc-secure --issued 2023-03-01
  mtad revert mdust-close-moc-secure --stdout
${EXIT_STATUS_HELP}`,
    )
    .action((amendment: string, opts: { table: string; issued?: string; stdout: boolean; force: boolean }) =>
      withClock((now) => runRevert({ cwd: io.cwd, styler: styler(), table: tableOption(opts.table), amendment, issued: opts.issued, stdout: opts.stdout, force: opts.force, today: todayInLondon(now) })),
    );

  const newCommand = program
    .command('new')
    .description('write a new amendment file, filled from the table, with its fields to decide marked')
    .addHelpText(
      'after',
      `
Examples:
  mtad new close "FOC (BG)" --on 2023-06-30      propose to close Migration DUST for FOC (BG)
  mtad new reopen "FOC (NP)" --issued 2023-03-01  propose to re-open it for FOC (NP)
${EXIT_STATUS_HELP}`,
    );
  for (const action of ['close', 'reopen'] as const) {
    const command = newCommand
      .command(action)
      .description(action === 'close' ? 'propose to close Migration DUST for a cohort on a date (its last day)' : 'propose to re-open Migration DUST for a cohort (remove its end date)')
      .argument('<cohort>', 'the cohort as the table names it, e.g. "FOC (BG)"')
      .option('-t, --table <file>', 'the table file', 'data/table-17.6.yaml')
      .option('--id <id>', `the amendment id (default: mdust-${action}-<cohort>)`)
      .option('--stdout', 'print the file instead of writing it', false)
      .option('--force', 'replace an existing file of the same name', false);
    if (action === 'close') command.requiredOption('--on <date>', 'the proposed end date, YYYY-MM-DD: the last day Migration DUST is provided');
    else command.option('--issued <date>', 'the proposed issue date of the consultation (default: today)');
    command
      .addHelpText(
        'after',
        `
The consultation timeline is proposed with the reference consultation's intervals (issued; responses
due 39 days later at 16:00; conclusion 7 days later; modification 7 days later; ${action === 'close' ? 'end date 4 days later, counted back from --on' : 'counted forward from --issued'}).
Values a person must decide are tagged !todo; mtad check and mtad amend refuse the file until none is left.

Example:
  ${action === 'close' ? 'mtad new close "FOC (BG)" --on 2023-06-30' : 'mtad new reopen "FOC (NP)" --issued 2023-03-01'}
${EXIT_STATUS_HELP}`,
      )
      .action((cohort: string, opts: { table: string; id?: string; stdout: boolean; force: boolean; on?: string; issued?: string }) =>
        withClock((now) => runNew({ cwd: io.cwd, styler: styler(), table: tableOption(opts.table), action, cohort, on: opts.on, issued: opts.issued, id: opts.id, stdout: opts.stdout, force: opts.force, today: todayInLondon(now) })),
      );
  }

  program
    .command('impact')
    .description('when Migration DUST could be re-started for each cohort an amendment closes: no earlier than, and expected by')
    .argument('<amendment>', 'an amendment file or id')
    .option('-t, --table <file>', 'the table file, to find amendments by id beside it', 'data/table-17.6.yaml')
    .option('--decided <date>', 'the date a re-start is decided (default: today)')
    .addHelpText(
      'after',
      `
Re-starting needs a further MTAD amendment (expected to take up to three months: a maximum) and a
purchase of the service (a minimum lead time of six weeks), says the reference consultation. So a
re-start is no earlier than the decision + 6 weeks, and expected by the decision + 3 months if the
two run side by side, or + 3 months + 6 weeks one after the other (the reference does not say
which: both are printed). A decision on or before the end date counts from the day after it: the
service is still provided until then.

Example:
  mtad impact mdust-close-moc-secure --decided 2023-02-01
${EXIT_STATUS_HELP}`,
    )
    .action((amendment: string, opts: { table: string; decided?: string }) =>
      withClock((now) => runImpact({ cwd: io.cwd, styler: styler(), table: tableOption(opts.table), amendment, decided: opts.decided, today: todayInLondon(now) })),
    );

  // Issue 3: mtad check and mtad schema.
  registerCheck(program, codeHash === undefined ? io : { ...io, codeHash }, styler, report);
  program
    .command('schema')
    .description('print the JSON Schema of table or amendment files (for editors), generated from the schemas mtad reads them with')
    .addArgument(new Argument('[kind]', 'which schema; both, keyed by kind, when omitted').choices(SCHEMA_KIND_NAMES))
    .addHelpText(
      'after',
      `
The data files point their editor at the committed copies in schema/ with a first line such as
  # yaml-language-server: $schema=../schema/table.schema.json

Examples:
  mtad schema amendment > schema/amendment.schema.json
  mtad schema table`,
    )
    .action(async (kind: SchemaKind | undefined) => {
      const { runSchema } = await import('./commands/schema.js');
      io.write(await runSchema(kind, SCHEMA_KIND_NAMES));
    });

  return program;
}

/** `mtad check`: its options, and the action that normalises them for runCheck. */
function registerCheck(program: Command, io: { cwd: string; write: (outcome: Outcome) => void; stdin?: () => AsyncIterable<Uint8Array | string>; codeHash?: string }, styler: () => ReturnType<typeof createStyler>, report: (run: Promise<Outcome>) => Promise<void>): void {
  const formats = [...CHECK_FORMAT_NAMES];
  const collect = (value: string, previous: string[]) => [...previous, value];
  program
    .command('check')
    .description('check the table and the amendment files as a CI linter: schema, rules on each file, then the whole sequence and the lock of made amendments')
    .argument('[path...]', 'files or folders to check (folders are searched for *.yaml); default: data/')
    .addOption(new Option('-f, --format <format>', 'how to print the findings').choices(formats).default('stylish'))
    .option('-o, --output <format=path>', `also write the findings to a file, in a format (${formats.join(', ')}); repeatable`, collect, [])
    .option('--max-warnings <n>', 'exit with status 1 when there are more than n warnings (default: warnings never fail)')
    .option('--stdin', 'check a file given on standard input (e.g. from an editor)', false)
    .option('--stdin-filename <file>', 'the file the standard input stands for (default: <stdin>)')
    .option('-t, --table <file>', 'the table to check amendments against when the paths name none', 'data/table-17.6.yaml')
    .option('--update-lock', 'record made amendments not yet in the lock file (amendments.lock beside the table), then check', false)
    .option('--list-rules', 'print every rule with its code, severity and one-line doc, and exit', false)
    .option('--cache-location <path>', 'the cache file, or a folder to hold it (default: node_modules/.cache/mtad/ in the project, when it has node_modules)')
    .option('--no-cache', 'parse and check every file, neither reading nor writing the cache')
    .addHelpText(
      'after',
      `
Each finding points at file:line:column of the YAML node concerned. Warnings (values not known,
a window that runs past the end date) are listed but fail only with --max-warnings.

Examples:
  mtad check                                        data/: the table, data/amendments/, the lock
  mtad check --format github --output sarif=mtad.sarif   annotations in a GitHub Actions log, and SARIF
  mtad check --stdin --stdin-filename data/amendments/x.yaml < x.yaml
  mtad check --list-rules

A cache (on by default) keeps what each file gave, keyed by its content and mtad's version and
code, so that files that have not changed are not parsed again; the rules on the whole sequence
and the lock run every time. Results are the same with and without it.

Exit status: 0 no errors (and no more warnings than --max-warnings); 1 findings;
2 a usage or IO error (a missing file, an unknown option, an output that cannot be written).`,
    )
    .action(async (paths: string[], opts: { format: CheckFormat; output: string[]; maxWarnings?: string; stdin: boolean; stdinFilename?: string; table: string; updateLock: boolean; listRules: boolean; cache: boolean; cacheLocation?: string }) => {
      const { runCheck, runListRules } = await import('./commands/check.js');
      const { readStream } = await import('../io/list-files.js');
      const { MAX_FILE_BYTES } = await import('../io/read.js');
      if (opts.listRules) return io.write(runListRules(opts.format));
      const usage = (message: string) => io.write({ exitCode: 2, stdout: '', stderr: `mtad check: ${message}\n` });
      const outputs: { format: CheckFormat; path: string }[] = [];
      for (const spec of opts.output) {
        const [format = '', ...rest] = spec.split('=');
        const path = rest.join('=');
        if (!CHECK_FORMAT_NAMES.includes(format as CheckFormat) || path === '') return usage(`--output takes FORMAT=PATH with FORMAT one of ${formats.join(', ')}, e.g. --output sarif=mtad.sarif; got ${JSON.stringify(spec)}`);
        outputs.push({ format: format as CheckFormat, path });
      }
      const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
      if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) return usage(`--max-warnings takes a whole number, 0 or more; got ${JSON.stringify(opts.maxWarnings)}`);
      if (opts.stdinFilename !== undefined && !opts.stdin) return usage('--stdin-filename goes with --stdin');
      // The lock records made amendments as they are on disk: never an editor's unsaved text.
      if (opts.stdin && opts.updateLock) return usage('--update-lock records the files on disk, so it cannot go with --stdin (text that is not on disk); save the file and run mtad check --update-lock');
      const stdin = opts.stdin ? { bytes: io.stdin ? await readStream(io.stdin(), MAX_FILE_BYTES) : new Uint8Array(), filename: opts.stdinFilename ?? '<stdin>' } : undefined;
      return report(
        runCheck({
          cwd: io.cwd,
          styler: styler(),
          paths,
          table: tableOption(opts.table),
          format: opts.format,
          outputs,
          ...(maxWarnings !== undefined && { maxWarnings }),
          ...(stdin && { stdin }),
          updateLock: opts.updateLock,
          version: VERSION,
          cache: opts.cache,
          ...(opts.cacheLocation !== undefined && { cacheLocation: opts.cacheLocation }),
          ...(io.codeHash !== undefined && { codeHash: io.codeHash }),
        }),
      );
    });
}

/** The default table path is passed as undefined, so that its absence gets the friendlier message. */
function tableOption(table: string): string | undefined {
  return table === 'data/table-17.6.yaml' ? undefined : table;
}

/** Runs mtad with `argv` (without node and the script), returning the exit status. */
export async function main(argv: readonly string[], io: MainIO & { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
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
