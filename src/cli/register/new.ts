import type { Command } from 'commander';
import { addDraftOutputOptions, namedTable, tableOption, withExitStatus } from '../options.js';
import { todayInLondon } from '../clock.js';
import type { CommandContext } from './context.js';

interface NewFlags {
  id?: string;
  stdout: boolean;
  force: boolean;
  on?: string;
  issued?: string;
}

/** `mtad new close` and `mtad new reopen`. */
export function registerNew(program: Command, context: CommandContext): void {
  const newCommand = program
    .command('new')
    .description('write a new amendment file, filled from the table, with its fields to decide marked')
    .addHelpText(
      'after',
      withExitStatus(`
Examples:
  mtad new close "FOC (BG)" --on 2023-06-30      propose to close Migration DUST for FOC (BG)
  mtad new reopen "FOC (NP)" --issued 2023-03-01  propose to re-open it for FOC (NP)
`),
    );
  for (const action of ['close', 'reopen'] as const) {
    const command = newCommand
      .command(action)
      .description(
        action === 'close'
          ? 'propose to close Migration DUST for a cohort on a date (its last day)'
          : 'propose to re-open Migration DUST for a cohort (remove its end date)',
      )
      .argument('<cohort>', 'the cohort as the table names it, e.g. "FOC (BG)"')
      .addOption(tableOption())
      .option('--id <id>', `the amendment id (default: mdust-${action}-<cohort>)`);
    addDraftOutputOptions(command);
    if (action === 'close')
      command.requiredOption(
        '--on <date>',
        'the proposed end date, YYYY-MM-DD: the last day Migration DUST is provided',
      );
    else command.option('--issued <date>', 'the proposed issue date of the consultation (default: today)');
    command
      .addHelpText(
        'after',
        withExitStatus(
          `
The consultation timeline is proposed with the reference consultation's intervals (issued; responses
due 39 days later at 16:00; conclusion 7 days later; modification 7 days later; ` +
            `${action === 'close' ? 'end date 4 days later, counted back from --on' : 'counted forward from --issued'}).
Values a person must decide are tagged !todo; mtad check and mtad amend refuse the file until none is left.

Example:
  ${action === 'close' ? 'mtad new close "FOC (BG)" --on 2023-06-30' : 'mtad new reopen "FOC (NP)" --issued 2023-03-01'}
`,
        ),
      )
      .action((cohort: string, opts: NewFlags, subcommand: Command) =>
        context.withClock(async (now) => {
          const { runNew } = await import('../commands/new.js');
          return runNew({
            cwd: context.cwd,
            styler: context.styler(),
            table: namedTable(subcommand),
            action,
            cohort,
            on: opts.on,
            issued: opts.issued,
            id: opts.id,
            stdout: opts.stdout,
            force: opts.force,
            today: todayInLondon(now),
          });
        }),
      );
  }
}
