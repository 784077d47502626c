import { Option, type Command } from 'commander';
import { isIsoDate } from '../../domain/model/dates.js';
import { timesOnLondonClock } from '../clock.js';
import { diagnose } from '../../domain/model/diagnostics.js';
import { CATEGORIES } from '../../domain/model/respondent-kinds.js';
import { RESPONSE_SUMMARY_FORMATS, type ResponseSummaryFormat } from '../../render/response-summary.js';
import { formatOption, namedTable, tableOption, withExitStatus } from '../options.js';
import { failWith } from '../outcome.js';
import type { CommandContext } from './context.js';

/** "2023-01-12T15:20" or "2023-01-12 15:20" (UK local time) as a date and a time, or nothing. */
function readReceived(value: string): { date: string; time: string } | 'skipped' | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!match || !isIsoDate(match[1]!)) return undefined;
  const received = { date: match[1]!, time: `${match[2]}:${match[3]}` };
  // The hour the clocks go forward is never shown in the UK: no response was received in it. The
  // hour they go back is shown twice; either is kept as written, as the respond-by time is, and
  // compared as written (a respond-by time in that very hour is the only case it could decide).
  return timesOnLondonClock(received.date, received.time) === 0 ? 'skipped' : received;
}

interface ImportFlags {
  amendment?: string;
  received: string;
  category: (typeof CATEGORIES)[number];
  confidentiality?: 'none' | 'all' | 'part';
  allowMissing?: boolean;
  out?: string;
  force?: boolean;
}

/** `mtad responses` and `mtad responses import`. */
export function registerResponses(program: Command, context: CommandContext): void {
  const responses = program
    .command('responses')
    .description(
      'count the responses to a consultation per question and position, with the late, unanswered and ' +
        'confidential ones; import a filled-in response template',
    )
    .argument('[amendment]', 'the amendment id; default: the last one whose consultation asks questions')
    .addOption(tableOption('the table file, to find the amendments and responses/ beside it'))
    .option(
      '--responses <folder>',
      'the folder of the response files (default: responses/<amendment>/ beside the table)',
    )
    .addOption(formatOption('how to print the summary', RESPONSE_SUMMARY_FORMATS, 'text'))
    .addOption(
      new Option(
        '--views <audience>',
        "print the respondents' views per question instead of the counts: public (only what may be " +
          'published) or department (every response in full, confidential text marked)',
      ).choices(['public', 'department']),
    )
    // More than one argument is refused in the action, which can tell a mistyped "import" first.
    .allowExcessArguments()
    .addHelpText(
      'after',
      withExitStatus(`
A response is one YAML file per respondent (mtad schema response), written by
mtad responses import from the response template the respondent filled in, or by hand.

Examples:
  mtad responses mdust-close-moc-secure
  mtad responses mdust-close-moc-secure --responses examples/responses/mdust-close-moc-secure --format json
  mtad responses mdust-close-moc-secure --responses examples/responses/mdust-close-moc-secure --views public
  mtad responses import filled-in.docx --received "2023-01-12 15:20" --category large-supplier
`),
    )
    .action(
      async (
        amendment: string | undefined,
        opts: { responses?: string; format: ResponseSummaryFormat; views?: 'public' | 'department' },
        command: Command,
      ) => {
        const { runResponses, mistypedSubcommand } = await import('../commands/responses.js');
        if (command.args.length > 1) {
          const mistyped = mistypedSubcommand(command.args[0]!);
          if (mistyped !== undefined) return context.write(failWith([mistyped], context.styler()));
          command.error(
            `error: too many arguments for 'responses'. Expected 1 argument but got ${command.args.length}.`,
            { exitCode: 2, code: 'commander.excessArguments' },
          );
        }
        return context.report(
          runResponses({
            cwd: context.cwd,
            styler: context.styler(),
            ...(amendment !== undefined && { amendment }),
            table: namedTable(command),
            ...(opts.responses !== undefined && { responses: opts.responses }),
            format: opts.format,
            ...(opts.views !== undefined && { views: opts.views }),
          }),
        );
      },
    );

  responses
    .command('import')
    .description('read a response template that mtad generated and a respondent filled in, and write its response file')
    .argument('<file>', 'the filled-in response template (.docx)')
    .option(
      '--amendment <id>',
      'the amendment whose consultation it answers (default: the one whose consultation id it names)',
    )
    .requiredOption('--received <when>', 'when DCC received it, UK local time: "YYYY-MM-DD HH:MM"')
    .addOption(
      new Option('--category <category>', 'the kind of respondent, for the summary of responses')
        .choices(CATEGORIES)
        .default('not-stated'),
    )
    .addOption(
      new Option(
        '--confidentiality <choice>',
        'the confidentiality the respondent asked for in writing, when no box of the template is ticked',
      ).choices(['none', 'all', 'part']),
    )
    .option('--allow-missing', 'record an empty answer box as a question not answered, instead of refusing')
    .option(
      '--out <file>',
      'where to write the response (default: responses/<amendment>/<organisation>.yaml beside the table; see below)',
    )
    .option('--force', "replace the same respondent's earlier response (a revised one); never another respondent's")
    .addOption(tableOption('the table file, to find the amendments beside it'))
    .addHelpText(
      'after',
      withExitStatus(`
The template is read by its structure: the respondent details table, the confidentiality checkbox
lines and the answer box after each question id. A passage marked [confidential] ... [/confidential]
in an answer is recorded as confidential. Nothing is written unless the whole template reads; a
template whose respondent details are all blank is refused (a response from no one).

The response file is named after the respondent's organisation (else their name). Two people of
one organisation are two responses: the second is written beside the first, as
<organisation>-2.yaml (then -3, ...), and the first is kept; both are counted. A response from the
same respondent (the same name, organisation and email) is refused, since it is a revised response
or the same one imported twice: --force replaces the earlier one, --out FILE keeps both.
Numbering rather than refusing keeps the usual case (several colleagues answer) to one command, and
no name chosen by mtad ever replaces another respondent's response.

Examples:
  mtad responses import response.docx --received "2023-01-12 15:20" --category small-supplier
`),
    )
    .action(async (file: string, opts: ImportFlags, command: Command) => {
      const received = readReceived(opts.received);
      if (received === undefined || received === 'skipped')
        return context.write(
          failWith(
            [
              diagnose('ARGUMENT_INVALID', {
                option: '--received',
                value: opts.received,
                expected: { kind: 'uk-local-time', skipped: received === 'skipped' },
              }),
            ],
            context.styler(),
          ),
        );
      const { runResponsesImport } = await import('../commands/responses-import.js');
      return context.report(
        runResponsesImport({
          cwd: context.cwd,
          styler: context.styler(),
          file,
          table: namedTable(command),
          ...(opts.amendment !== undefined && { amendment: opts.amendment }),
          received,
          category: opts.category,
          ...(opts.confidentiality !== undefined && { confidentiality: opts.confidentiality }),
          allowMissing: opts.allowMissing === true,
          ...(opts.out !== undefined && { out: opts.out }),
          force: opts.force === true,
        }),
      );
    });
}
