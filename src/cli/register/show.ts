import type { Command } from 'commander';
import { includeOption, namedTable, tableOption, withExitStatus } from '../options.js';
import type { CommandContext } from './context.js';

/** `mtad show`. */
export function registerShow(program: Command, context: CommandContext): void {
  program
    .command('show')
    .description(
      'print Table 17.6 as the table file holds it, or as it stood on a date, with what is not public and ' +
        'what each closure means',
    )
    .addOption(tableOption())
    .option('--as-at <date>', 'the table as it stood on this date (YYYY-MM-DD), computed from the amendments')
    .addOption(
      includeOption(
        'with --as-at: "proposed" also counts proposed and concluded amendments (never withdrawn ones), each ' +
          'from the modification date it proposes; without it only made amendments count',
      ),
    )
    .addHelpText(
      'after',
      withExitStatus(`
The end date is the last day on which Migration DUST is provided for the cohort: on the end date
the service is provided, from the next day it is not.

With --as-at, an amendment counts from its modification date; a made amendment whose modification
date is not recorded counts from its conclusion date; with neither, what it changes is shown
unknown between the earliest and latest dates its steps allow. Only made amendments count unless
--include proposed, which goes with --as-at (alone, it is a usage error).

Examples:
  mtad show
  mtad show --as-at 2022-12-05                     MOC (Secure) and FOC (BG) alone have Migration DUST
  mtad show --as-at 2023-02-01 --include proposed  as if the MOC (Secure) closure were made
`),
    )
    .action(async (opts: { asAt?: string; include?: 'proposed' }, command: Command) => {
      const { runShow } = await import('../commands/show.js');
      return context.report(
        runShow({
          cwd: context.cwd,
          styler: context.styler(),
          table: namedTable(command),
          asAt: opts.asAt,
          include: opts.include,
          version: context.version,
          ...(context.codeHash !== undefined && { codeHash: context.codeHash }),
        }),
      );
    });
}
