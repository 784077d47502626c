import type { Command } from 'commander';
import { addDraftOutputOptions, namedTable, tableOption, withExitStatus } from '../options.js';
import { todayInLondon } from '../clock.js';
import type { CommandContext } from './context.js';

/** `mtad revert`. */
export function registerRevert(program: Command, context: CommandContext): void {
  const revert = program
    .command('revert')
    .description('write the amendment that reverses another (for a closure, the re-opening that removes its end date)')
    .argument('<amendment>', 'an amendment file or id')
    .addOption(tableOption())
    .option('--issued <date>', 'the proposed issue date of its consultation (default: today)');
  addDraftOutputOptions(revert)
    .addHelpText(
      'after',
      withExitStatus(`
Writes data/amendments/<id>-revert.yaml. Values a person must decide are tagged !todo; mtad check
and mtad amend refuse the file until none is left.

Examples:
  mtad revert mdust-close-moc-secure --issued 2023-03-01
  mtad revert mdust-close-moc-secure --stdout
`),
    )
    .action((amendment: string, opts: { issued?: string; stdout: boolean; force: boolean }, command: Command) =>
      context.withClock(async (now) => {
        const { runRevert } = await import('../commands/revert.js');
        return runRevert({
          cwd: context.cwd,
          styler: context.styler(),
          table: namedTable(command),
          amendment,
          issued: opts.issued,
          stdout: opts.stdout,
          force: opts.force,
          today: todayInLondon(now),
        });
      }),
    );
}
