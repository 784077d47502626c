import type { Command } from 'commander';
import type { Include } from '../../domain/history/table-history.js';
import { REPORT_FORMAT_NAMES, type ReportFormat } from '../../render/report-formats.js';
import { configOption, formatOption, includeOption, namedTable, tableOption, withExitStatus } from '../options.js';
import type { CommandContext } from './context.js';

/** `mtad diff`. */
export function registerDiff(program: Command, context: CommandContext): void {
  program
    .command('diff')
    .description('redline Table 17.6 between two points of its history, in any format amend has')
    .requiredOption('--from <point>', 'a date YYYY-MM-DD, or an amendment id (the table just after it)')
    .requiredOption('--to <point>', 'a date YYYY-MM-DD, or an amendment id')
    .addOption(tableOption())
    .addOption(
      includeOption(
        'for --from/--to dates: "proposed" also counts proposed and concluded amendments (never withdrawn ' +
          'ones), each from the modification date it proposes; without it only made amendments count (an ' +
          'amendment id as a point counts every amendment up to it, whatever its status, but withdrawn ones)',
      ),
    )
    .addOption(formatOption('how to render the redline', [...REPORT_FORMAT_NAMES], 'terminal'))
    .option('--redline-only', 'print the redline alone', false)
    .addOption(configOption())
    .addHelpText(
      'after',
      withExitStatus(`
Examples:
  mtad diff --from 2022-09-01 --to 2022-12-05
  mtad diff --from mdust-close-foc-np --to mdust-close-moc-secure --format markdown
  mtad diff --from 2022-12-05 --to 2023-02-01 --include proposed --format unified --redline-only
`),
    )
    .action(
      async (
        opts: {
          from: string;
          to: string;
          include?: Include;
          format: ReportFormat;
          redlineOnly: boolean;
          config?: string;
        },
        command: Command,
      ) => {
        const { runDiff } = await import('../commands/diff.js');
        const { configOf, isOutcome } = await import('../check-config.js');
        const config = configOf(context, opts.config, context.styler());
        if (isOutcome(config)) return context.write(config);
        return context.report(
          runDiff({
            cwd: context.cwd,
            styler: context.styler(),
            table: namedTable(command),
            from: opts.from,
            to: opts.to,
            include: opts.include,
            format: opts.format,
            redlineOnly: opts.redlineOnly,
            config,
          }),
        );
      },
    );
}
