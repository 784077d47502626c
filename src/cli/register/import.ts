import type { Command } from 'commander';
import { namedTable, tableOption, withExitStatus } from '../options.js';
import type { CommandContext } from './context.js';

interface ImportFlags {
  tableNumber: string;
  column: string[];
  dryRun?: boolean;
  force?: boolean;
  version?: string;
  asAt?: string;
}

/** `mtad import`. */
export function registerImport(program: Command, context: CommandContext): void {
  const collect = (value: string, previous: string[]) => [...previous, value];
  program
    .command('import')
    .description(
      "read Table 17.6 from the MTAD's Word document (.docx) into the table file, every value sourced to the document",
    )
    .argument('<docx>', 'the Word document that holds the table')
    .addOption(tableOption('the table file to write'))
    .option('--table-number <number>', 'the number in the caption of the table to read', '17.6')
    .option(
      '--column <field=heading>',
      'the heading of a field (cohort, groupId, endDate) when it is not found by its words; repeatable',
      collect,
      [],
    )
    .option('--dry-run', 'print the table file instead of writing it')
    .option('--force', 'replace an existing table file')
    .option('--version <version>', "the document's version (default: the one its document properties state)")
    .option(
      '--as-at <date>',
      'the date the document\'s table reflects, YYYY-MM-DD (default: the existing table\'s "asAt")',
    )
    .addHelpText(
      'after',
      withExitStatus(`
The table is the one directly before or after the paragraph that starts with "Table 17.6" (any
style). Its headings name the columns: one containing "cohort", one "GroupID" (or "Group ID"),
one "end date"; --column names another (--column endDate="Closure date"). Every other column is
kept verbatim (columns.extra, and each row's extra) and shown in every view and redline.

Each value is sourced to the document: its file name, its sha256 and its version. An empty end
date reads as "none" (no end date set); an end date in UK long form ("31 January 2023", with or
without its weekday) as that date. Any other text (an end date in prose, "TBC", an empty or "TBC"
GroupID, a merged cell) is kept as written, as unknown, with a warning that names its row and
column. The existing table's document name, reading of end dates and applied amendments are kept.

An existing table is not replaced without --force: mtad prints the redline between it and the
import and exits with status 2, writing nothing (as for any file mtad would replace). mtad's own
--version and --color go before the word import here (mtad --no-color import MTAD.docx), since
--version after it is the document's.

Examples:
  mtad import MTAD.docx --dry-run                    print the table file
  mtad import MTAD.docx --force                      replace data/table-17.6.yaml
  mtad import MTAD.docx --version 4.0 --column endDate="Closure" --force
`),
    )
    .action(async (docx: string, opts: ImportFlags, command: Command) => {
      const { runImport } = await import('../commands/import.js');
      const columns: Record<string, string> = {};
      for (const spec of opts.column) {
        const [field = '', ...rest] = spec.split('=');
        columns[field.trim()] = rest.join('=');
      }
      return context.report(
        runImport({
          cwd: context.cwd,
          styler: context.styler(),
          docx,
          table: namedTable(command),
          tableNumber: opts.tableNumber,
          columns,
          dryRun: opts.dryRun === true,
          force: opts.force === true,
          ...(opts.version !== undefined && { version: opts.version }),
          ...(opts.asAt !== undefined && { asAt: opts.asAt }),
        }),
      );
    });
}
