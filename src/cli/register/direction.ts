import type { Command } from 'commander';
import { configOption, namedTable, tableOption, withExitStatus } from '../options.js';
import type { CommandContext } from './context.js';
import { todayInLondon } from '../clock.js';

/** `mtad direction`. */
export function registerDirection(program: Command, context: CommandContext): void {
  program
    .command('direction')
    .description(
      'print the direction of an amendment: the draft (Attachment 1, word for word) or, with --final, the final text',
    )
    .argument('<amendment>', 'an amendment file or id')
    .option(
      '--final',
      'fill in the effective date and the annex, from the conclusion when the consultation asked questions; ' +
        'refused without it, while either is unset, or while the amendment is not concluded or made',
    )
    .addOption(tableOption('the table file, to find amendments by id beside it'))
    .addOption(configOption())
    .option(
      '--conclusion <file>',
      'with --final: the conclusion whose date and annex it uses (default: conclusions/<amendment>.yaml ' +
        'beside the table)',
    )
    .addHelpText(
      'after',
      withExitStatus(`
The wording comes from templates/direction.txt (in the working folder when there is one, else the
copy shipped with mtad), so a drafter can correct it without a release.

Examples:
  mtad direction mdust-close-moc-secure          the draft, with [DD MM YYYY] and Annex [TBC]
  mtad direction mdust-close-moc-secure --final  "with effect from 27 January 2023", once it is concluded
`),
    )
    .action(
      async (amendment: string, opts: { final?: boolean; config?: string; conclusion?: string }, command: Command) => {
        const { runDirection } = await import('../commands/direction.js');
        const { configOf, isOutcome } = await import('../check-config.js');
        const config = configOf(context, opts.config, context.styler());
        if (isOutcome(config)) return context.write(config);
        return context.withClock(async (now) =>
          runDirection({
            cwd: context.cwd,
            styler: context.styler(),
            amendment,
            mode: opts.final ? 'final' : 'draft',
            table: namedTable(command),
            config,
            ...(opts.conclusion !== undefined && { conclusion: opts.conclusion }),
            today: todayInLondon(now),
          }),
        );
      },
    );
}
