import type { Command } from 'commander';
import { configOption, namedTable, tableOption, withExitStatus } from '../options.js';
import { formatInstant } from '../clock.js';
import type { CommandContext } from './context.js';

interface ConsultationFlags {
  out: string;
  force?: boolean;
  config?: string;
}

/** `mtad consultation`. */
export function registerConsultation(program: Command, context: CommandContext): void {
  program
    .command('consultation')
    .description(
      "write an amendment's consultation document (Word, Markdown, HTML) into a new folder, from its " +
        'narrative and templates/consultation.md',
    )
    .argument(
      '[amendment]',
      'an amendment file or id; default: the one the table does not yet reflect that has a narrative',
    )
    .addOption(tableOption())
    .option('-o, --out <dir>', 'the new folder to write', 'consultation')
    .option('--force', 'replace the folder if it is a consultation mtad wrote (its .mtad-pack names mtad consultation)')
    .addOption(configOption())
    .addHelpText(
      'after',
      withExitStatus(`
The narrative (sections 1 and 2, DCC's own words) is consultations/<amendment id>.md beside the
table; the rest (cover, Next Steps, How to Respond, Attachments, the draft direction) comes from
templates/consultation.md and templates/direction.txt, filled from the amendment. Nothing is written
while mtad check finds an error, a !todo among them.

Examples:
  mtad consultation                                   the pending amendment's, into consultation/
  mtad consultation mdust-close-moc-secure --out out  into out/
`),
    )
    .action((amendment: string | undefined, opts: ConsultationFlags, command: Command) =>
      context.withClock(async (_now, fixed) => {
        const { runConsultation } = await import('../commands/consultation.js');
        const { configOf, isOutcome } = await import('../check-config.js');
        const config = configOf(context, opts.config, context.styler());
        if (isOutcome(config)) return config;
        return runConsultation({
          cwd: context.cwd,
          styler: context.styler(),
          ...(amendment !== undefined && { amendment }),
          table: namedTable(command),
          out: opts.out,
          force: opts.force === true,
          config,
          ...(fixed && { created: formatInstant(fixed) }),
        });
      }),
    );
}
