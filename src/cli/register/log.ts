import type { Command } from 'commander';
import { LOG_FORMATS, type LogFormat } from '../../app/log-formats.js';
import { formatOption, namedTable, tableOption, withExitStatus } from '../options.js';
import type { CommandContext } from './context.js';

/** `mtad log`. */
export function registerLog(program: Command, context: CommandContext): void {
  program
    .command('log')
    .description('list the amendments in order: id, status, cohorts and the date of each step')
    .addOption(tableOption())
    .addOption(formatOption('how to print the log', LOG_FORMATS, 'terminal'))
    .addHelpText(
      'after',
      withExitStatus(`
Examples:
  mtad log
  mtad log --format json
`),
    )
    .action(async (opts: { format: LogFormat }, command: Command) => {
      const { runLog } = await import('../commands/log.js');
      return context.report(
        runLog({ cwd: context.cwd, styler: context.styler(), table: namedTable(command), format: opts.format }),
      );
    });
}
