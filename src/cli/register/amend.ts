import { Option, type Command } from 'commander';
import { REPORT_FORMAT_NAMES, type ReportFormat } from '../../render/report-formats.js';
import { configOption, formatOption, namedTable, tableOption, withExitStatus } from '../options.js';
import { formatInstant, todayInLondon } from '../clock.js';
import type { CommandContext } from './context.js';

interface AmendFlags {
  format: ReportFormat;
  redlineOnly?: boolean;
  write?: boolean;
  out?: string;
  force?: boolean;
  author?: string;
  into?: string;
  pdf?: boolean;
  config?: string;
}

/** `mtad amend`. */
export function registerAmend(program: Command, context: CommandContext): void {
  program
    .command('amend')
    .description(
      'apply amendments to Table 17.6 and print the redline, the direction and a summary (changes no file); ' +
        'with --out, write the consultation pack into a new folder',
    )
    .argument(
      '[amendment...]',
      'amendment files or ids; default: those in data/amendments/ that the table does not yet reflect',
    )
    .addOption(tableOption())
    .addOption(formatOption('how to render the redline', [...REPORT_FORMAT_NAMES], 'terminal'))
    .option('--redline-only', 'print the redline alone (a unified diff for a pull request, say)')
    .option(
      '--write',
      'write the made amendments into the table file (atomically; nothing is written when any check fails)',
    )
    .addOption(
      new Option(
        '-o, --out <dir>',
        'write the consultation pack (Word redline, HTML, direction, response template, amended table) into ' +
          'this new folder',
      ).conflicts('write'),
    )
    .option(
      '--force',
      'with --out: replace the folder if it is a pack mtad amend wrote (its .mtad-pack names mtad amend)',
    )
    .option(
      '--pdf',
      'with --out: add a PDF of each Word file, converted by LibreOffice (soffice; Debian package ' +
        'libreoffice-writer-nogui)',
    )
    .option(
      '--author <name>',
      "with --out: the author of the tracked changes (default: the amendment's consultation.author)",
    )
    .option(
      '--into <docx>',
      'with --out: also write "<document name> Draft Redlined.docx", a copy of this Word document (the MTAD) ' +
        'with the changes to Table 17.6 as tracked changes',
    )
    .addOption(configOption())
    .addHelpText(
      'after',
      withExitStatus(`
Amendments apply in their order of application (the "sequence" field of each file). Each change
states the value it expects to replace and is refused when the table holds another.

With --write, the table file is updated in place, keeping its comments and layout: only made
amendments are written (status: made); the file is replaced atomically, and not at all when it
changed on disk after mtad read it (exit status 2). Run again, it says the table already reflects
the amendment and writes nothing.

With --out, the pack goes into a new folder, outside the data folder. --force replaces only a
folder that mtad amend wrote as a pack (it holds the file .mtad-pack), never a consultation, a
file, a link, the working folder or a folder above it, the data folder or anything in it (exit
status 2). --format and --redline-only say what is printed: with --out, which prints only the list
of the pack's files, they are usage errors.

Examples:
  mtad amend                                  the pending amendments in data/amendments/
  mtad amend mdust-close-moc-secure           one amendment, by id or path
  mtad amend --format unified --redline-only  a patch of the table as text
  mtad amend --format markdown > comment.md   for a pull-request comment
  mtad amend --out pack                       the consultation pack, in the new folder pack/
  mtad amend --out pack --force               write it again over the pack mtad wrote there
  mtad amend --out pack --pdf                 the pack with a PDF of each Word file
  mtad amend mdust-close-moc-secure --write   record a made amendment in data/table-17.6.yaml
  mtad amend --out pack --into MTAD.docx      the pack, with "MTAD Draft Redlined.docx"

With --into, each changed cell of the document's Table 17.6 carries its old text as a deletion and
its new text as an insertion, by the amendment's author on the day its consultation was issued;
nothing else in the document changes. A cell that does not hold what the change expects to replace
is refused (its row and column named) and nothing is written.
`),
    )
    .action((amendments: string[], opts: AmendFlags, command: Command) => {
      return context.withClock(async (now, fixed) => {
        const { runAmend } = await import('../commands/amend.js');
        const { configOf, isOutcome } = await import('../check-config.js');
        const config = configOf(context, opts.config, context.styler());
        if (isOutcome(config)) return config;
        return runAmend({
          cwd: context.cwd,
          styler: context.styler(),
          amendments,
          table: namedTable(command),
          format: opts.format,
          redlineOnly: opts.redlineOnly === true,
          write: opts.write === true,
          ...(opts.write && { today: todayInLondon(now) }),
          checkDate: todayInLondon(now),
          version: context.version,
          ...(context.codeHash !== undefined && { codeHash: context.codeHash }),
          out: opts.out,
          force: opts.force === true,
          ...(opts.pdf && { pdf: { env: context.env } }),
          author: opts.author,
          ...(opts.into !== undefined && { into: opts.into }),
          config,
          ...(fixed && { created: formatInstant(fixed) }),
        });
      });
    });
}
