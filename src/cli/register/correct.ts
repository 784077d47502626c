import { Argument, type Command } from 'commander';
import { namedTable, tableOption, withExitStatus } from '../options.js';
import { todayInLondon } from '../clock.js';
import type { CommandContext } from './context.js';
import type { CorrectedField } from '../../domain/model/diagnostics.js';

/** `mtad correct`. */
export function registerCorrect(program: Command, context: CommandContext): void {
  program
    .command('correct')
    .description('record a sourced correction of one value of the table (who, when, which source) in its history')
    .argument('<cohort>', 'the cohort, as the table names it')
    .addArgument(new Argument('<field>', 'the cell to correct').choices(['endDate', 'groupId']))
    .argument('<value>', 'the value: a date YYYY-MM-DD or none (endDate), or a GroupID')
    .addOption(tableOption())
    .requiredOption('--source <text>', 'where the value comes from (a document, a URL): required')
    .requiredOption('--by <name>', 'who records the correction: required')
    .option('--on <date>', 'the day the correction is recorded (default: today)')
    .option('--reason <text>', 'why the value is corrected')
    .option('--from <value>', 'the value the table must hold now (refused otherwise)')
    .option('--write', 'record it: write the correction file, the lock and the table together', false)
    .addHelpText(
      'after',
      withExitStatus(`
Without --write, prints the correction and the files it would write, and writes nothing. With
--write, writes data/corrections/<id>.yaml, records it in data/amendments.lock and sets the value in
the table, all three or none. A correction states what a value is, for every date the history
shows; a value a made amendment set (other than one it recorded as unknown) needs an amendment.

An end date is refused before the earliest date the amendment that set it unknown can have been
made (its consultation's issue and conclusion dates, or their bounds) and after the notAfter
bound the table records. --on is the day the source was found: not after today, and not before
that amendment could have been made, as no one learns the date a closure set before it is made.
A recording date long after the amendment is accepted: a fact can be found years later.

Examples:
  mtad correct IOC endDate 2022-06-30 --source "https://..." --by "A Drafter"
  mtad correct IOC endDate 2022-06-30 --source "https://..." --by "A Drafter" --write
`),
    )
    .action(
      (
        cohort: string,
        field: CorrectedField,
        value: string,
        opts: { source: string; by: string; on?: string; reason?: string; from?: string; write: boolean },
        command: Command,
      ) =>
        context.withClock(async (now) => {
          const { runCorrect } = await import('../commands/correct.js');
          return runCorrect({
            cwd: context.cwd,
            styler: context.styler(),
            table: namedTable(command),
            cohort,
            field,
            value,
            source: opts.source,
            by: opts.by,
            ...(opts.on !== undefined && { on: opts.on }),
            ...(opts.reason !== undefined && { reason: opts.reason }),
            ...(opts.from !== undefined && { from: opts.from }),
            write: opts.write,
            today: todayInLondon(now),
          });
        }),
    );
}
