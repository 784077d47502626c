import type { Command } from 'commander';
import { withExitStatus } from '../options.js';
import type { CommandContext } from './context.js';

/** `mtad init`. */
export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description(
      'scaffold a new project: the shipped Table 17.6 with its sources, its amendments and lock, the ' +
        'schemas, a configuration and a GitHub Actions workflow',
    )
    .argument('[dir]', 'the folder to scaffold (made when missing); default: the working folder')
    .addHelpText(
      'after',
      withExitStatus(`
Writes data/ (table-17.6.yaml, departments.yaml, amendments.lock and the made amendments the table
reflects), schema/, mtad.config.yaml and .github/workflows/mtad.yml, whose job runs mtad check with
annotations and uploads its SARIF. Nothing is replaced: when any of these files exists, each is
named and nothing is written.

Examples:
  mtad init                 into the working folder
  mtad init my-table        into my-table/, made when missing
`),
    )
    .action((dir: string | undefined) =>
      context.report(
        (async () => {
          const { runInit } = await import('../commands/init.js');
          return runInit({
            cwd: context.cwd,
            styler: context.styler(),
            ...(dir !== undefined && { dir }),
          });
        })(),
      ),
    );
}
