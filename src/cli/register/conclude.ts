import { Option, type Command } from 'commander';
import { formatInstant } from '../clock.js';
import { configOption, namedTable, tableOption, withExitStatus } from '../options.js';
import type { CommandContext } from './context.js';

interface ConcludeFlags {
  out?: string;
  force?: boolean;
  stdout?: boolean;
  pdf?: boolean;
  responses?: string;
  conclusion?: string;
  config?: string;
  for: 'public' | 'department';
}

/** `mtad conclude`. */
export function registerConclude(program: Command, context: CommandContext): void {
  program
    .command('conclude')
    .description(
      "write the conclusion report of an amendment's consultation (Word, Markdown, HTML) into a new folder: " +
        "the responses, DCC's response and decision, the final direction and the table as modified",
    )
    .argument('[amendment]', 'the amendment id; default: the one the table does not yet reflect that has a conclusion')
    .addOption(tableOption('the table file, to find the amendments, responses/ and conclusions/ beside it'))
    .option(
      '--responses <folder>',
      'the folder of the response files (default: responses/<amendment>/ beside the table)',
    )
    .option('--conclusion <file>', 'the conclusion file (default: conclusions/<amendment>.yaml beside the table)')
    .addOption(
      new Option(
        '--for <audience>',
        'public: the report to publish (no confidential text, no respondent who asked for full ' +
          'confidentiality); department: every response in full, confidential text marked, never to be ' +
          'published',
      )
        .choices(['public', 'department'])
        .default('public'),
    )
    .option('-o, --out <dir>', 'the new folder to write (default: conclusion, or conclusion-for-department)')
    .option(
      '--force',
      'replace the folder if it is a conclusion report mtad wrote (its .mtad-pack names mtad conclude)',
    )
    .addOption(configOption())
    .addOption(
      new Option('--stdout', "print the report's Markdown instead of writing the folder").conflicts(['out', 'pdf']),
    )
    .option('--pdf', 'add a PDF of the Word file, converted by LibreOffice (soffice)')
    .addHelpText(
      'after',
      withExitStatus(`
The report's wording is templates/conclusion.md (mtad's own: the reference gives none) and, for the
final direction at Attachment 1, templates/direction.txt (the reference's Attachment 1), filled from
the conclusion's final dates and annex: the amendment must be recorded as concluded (or made), as
for mtad direction --final. A withdrawn amendment has no final direction and no modified table.
Nothing is written while mtad check finds an error.

Examples:
  mtad conclude mdust-close-moc-secure                         the report to publish, into conclusion/
  mtad conclude mdust-close-moc-secure --for department        the department's copy, into conclusion-for-department/
  mtad conclude mdust-close-moc-secure --stdout                its Markdown
`),
    )
    .action((amendment: string | undefined, opts: ConcludeFlags, command: Command) =>
      context.withClock(async (_now, fixed) => {
        const { runConclude } = await import('../commands/conclude.js');
        const { configOf, isOutcome } = await import('../check-config.js');
        const config = configOf(context, opts.config, context.styler());
        if (isOutcome(config)) return config;
        const stdout = opts.stdout === true;
        return runConclude({
          cwd: context.cwd,
          styler: context.styler(),
          ...(amendment !== undefined && { amendment }),
          table: namedTable(command),
          ...(opts.responses !== undefined && { responses: opts.responses }),
          ...(opts.conclusion !== undefined && { conclusion: opts.conclusion }),
          audience: opts.for,
          ...(!stdout && { out: opts.out ?? (opts.for === 'department' ? 'conclusion-for-department' : 'conclusion') }),
          force: opts.force === true,
          config,
          stdout,
          ...(opts.pdf && { pdf: { env: context.env } }),
          ...(fixed && { created: formatInstant(fixed) }),
        });
      }),
    );
}
