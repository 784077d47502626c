import type { Command } from 'commander';
import { namedTable, tableOption, withExitStatus } from '../options.js';
import { todayInLondon } from '../clock.js';
import type { CommandContext } from './context.js';

/** `mtad impact`. */
export function registerImpact(program: Command, context: CommandContext): void {
  program
    .command('impact')
    .description(
      'when Migration DUST could be re-started for each cohort an amendment closes: no earlier than, and expected by',
    )
    .argument('<amendment>', 'an amendment file or id')
    .addOption(tableOption('the table file, to find amendments by id beside it'))
    .option('--decided <date>', 'the date a re-start is decided (default: today)')
    .addHelpText(
      'after',
      withExitStatus(`
Re-starting needs a further MTAD amendment (expected to take up to three months: a maximum) and a
purchase of the service (a minimum lead time of six weeks), says the reference consultation. So a
re-start is no earlier than the decision + 6 weeks, and expected by the decision + 3 months if the
two run side by side, or + 3 months + 6 weeks one after the other (the reference does not say
which: both are printed). A decision on or before the end date counts from the day after it: the
service is still provided until then.

Example:
  mtad impact mdust-close-moc-secure --decided 2023-02-01
`),
    )
    .action((amendment: string, opts: { decided?: string }, command: Command) =>
      context.withClock(async (now) => {
        const { runImpact } = await import('../commands/impact.js');
        return runImpact({
          cwd: context.cwd,
          styler: context.styler(),
          table: namedTable(command),
          amendment,
          decided: opts.decided,
          today: todayInLondon(now),
        });
      }),
    );
}
