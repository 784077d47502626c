import { Command, CommanderError, Option } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from '../render/report.js';
import { createStyler } from '../render/style.js';
import { shouldColor } from './color.js';
import { runAmend } from './commands/amend.js';
import { runDirection } from './commands/direction.js';
import { runShow } from './commands/show.js';
import type { Outcome } from './outcome.js';

declare const __MTAD_VERSION__: string | undefined;
const VERSION = typeof __MTAD_VERSION__ === 'string' ? __MTAD_VERSION__ : '0.0.0-dev';

const EXIT_STATUS_HELP = `
Exit status: 0 success; 1 a problem in the data (the message names file:line:column);
2 a usage or IO error (a missing file, an unknown option).`;

interface GlobalOptions {
  color?: boolean;
}

/** The mtad program. `write` receives what is printed; the returned promise gives the exit status. */
export function buildProgram(io: { cwd: string; env: NodeJS.ProcessEnv; stdoutIsTTY: boolean; write: (outcome: Outcome) => void }): Command {
  const program = new Command('mtad');
  const styler = () => createStyler(shouldColor(program.opts<GlobalOptions>().color, io.env, io.stdoutIsTTY));
  const report = async (run: Promise<Outcome>) => io.write(await run);

  program
    .description('Keep Table 17.6 of the MTAD (Migration DUST end dates per SMETS1 cohort) as data, and turn amendments to it into the redline, the direction and a summary.')
    .version(VERSION, '-V, --version', 'print the version of mtad')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR does the same)')
    .showHelpAfterError('(run mtad --help for usage)')
    .addHelpText('after', EXIT_STATUS_HELP)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.write({ exitCode: 0, stdout: text, stderr: '' }), writeErr: (text) => io.write({ exitCode: 2, stdout: '', stderr: text }) });

  program
    .command('amend')
    .description('apply amendments to Table 17.6 and print the redline, the direction and a summary (changes no file); with --out, write the consultation pack into a new folder')
    .argument('[amendment...]', 'amendment files or ids; default: those in data/amendments/ that the table does not yet reflect')
    .option('-t, --table <file>', 'the table file', 'data/table-17.6.yaml')
    .addOption(new Option('-f, --format <format>', 'how to render the redline').choices(Object.keys(REPORT_FORMATS)).default('terminal'))
    .option('--redline-only', 'print the redline alone (e.g. a unified diff to pipe into patch)')
    .option('-o, --out <dir>', 'write the consultation pack (Word redline, HTML, direction, response template, amended table) into this new folder')
    .option('--force', 'with --out: replace the folder if it exists')
    .option('--author <name>', 'with --out: the author of the tracked changes (default: the amendment\'s consultation.author)')
    .addHelpText(
      'after',
      `
Amendments apply in their order of application (the "sequence" field of each file). Each change
states the value it expects to replace and is refused when the table holds another.

Examples:
  mtad amend                                  the pending amendments in data/amendments/
  mtad amend mdust-close-moc-secure           one amendment, by id or path
  mtad amend --format unified --redline-only  a patch of the table as text
  mtad amend --format markdown > comment.md   for a pull-request comment
  mtad amend --out pack                       the consultation pack, in the new folder pack/
${EXIT_STATUS_HELP}`,
    )
    .action((amendments: string[], opts: { table: string; format: ReportFormat; redlineOnly?: boolean; out?: string; force?: boolean; author?: string }) =>
      report(
        runAmend({ cwd: io.cwd, styler: styler(), amendments, table: tableOption(opts.table), format: opts.format, redlineOnly: opts.redlineOnly === true, out: opts.out, force: opts.force === true, author: opts.author }),
      ),
    );

  program
    .command('direction')
    .description('print the direction of an amendment: the draft (Attachment 1, word for word) or, with --final, the final text')
    .argument('<amendment>', 'an amendment file or id')
    .option('--final', 'fill in the effective date and the annex; refused while either is unset')
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
    .description('print Table 17.6 as the table file holds it, with what is not public')
    .option('-t, --table <file>', 'the table file', 'data/table-17.6.yaml')
    .addHelpText(
      'after',
      `
The end date is the last day on which Migration DUST is provided for the cohort.

Example:
  mtad show
${EXIT_STATUS_HELP}`,
    )
    .action((opts: { table: string }) => report(runShow({ cwd: io.cwd, styler: styler(), table: tableOption(opts.table) })));

  return program;
}

/** The default table path is passed as undefined, so that its absence gets the friendlier message. */
function tableOption(table: string): string | undefined {
  return table === 'data/table-17.6.yaml' ? undefined : table;
}

/** Runs mtad with `argv` (without node and the script), returning the exit status. */
export async function main(argv: readonly string[], io: { cwd: string; env: NodeJS.ProcessEnv; stdoutIsTTY: boolean; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  let exitCode = 0;
  const program = buildProgram({
    ...io,
    write: (outcome) => {
      if (outcome.stdout) io.stdout.write(outcome.stdout);
      if (outcome.stderr) io.stderr.write(outcome.stderr);
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
