import { Option, type Command } from 'commander';

/**
 * The table file every command reads unless --table names another: DEFAULT_TABLE of io/read.ts,
 * written out so that the help is built without loading the readers (a test holds the two equal).
 */
export const DEFAULT_TABLE_OPTION = 'data/table-17.6.yaml';

/** The footer of every command's help but check's (which has exit status 1 for findings) and schema's. */
export const EXIT_STATUS_HELP = `
Exit status: 0 success; 1 a problem in the data (the message names file:line:column);
2 a usage or IO error (a missing file, an unknown option).`;

/** Help shown after a command's options: its own text, then the exit statuses. */
export function withExitStatus(text: string): string {
  return `${text}${EXIT_STATUS_HELP}`;
}

/** `-t, --table <file>`, whose default is the shipped table. */
export function tableOption(description = 'the table file'): Option {
  return new Option('-t, --table <file>', description).default(DEFAULT_TABLE_OPTION);
}

/**
 * The table the user named, or undefined when --table was left at its default: a table that was
 * not named gets the message that says how to name one, a named one is held to the path given.
 */
export function namedTable(command: Command): string | undefined {
  return command.getOptionValueSource('table') === 'default' ? undefined : command.opts<{ table: string }>().table;
}

/** `-f, --format <format>`, one of the keys of a registry of renderers. */
export function formatOption(description: string, formats: readonly string[], defaultFormat: string): Option {
  return new Option('-f, --format <format>', description).choices(formats).default(defaultFormat);
}

/** `--include proposed`: which amendments count for a date in the table's history. */
export function includeOption(description: string): Option {
  return new Option('--include <which>', description).choices(['proposed']);
}

/** `--stdout` and `--force`, which every command that drafts an amendment file takes. */
export function addDraftOutputOptions(command: Command): Command {
  return command
    .option('--stdout', 'print the file instead of writing it', false)
    .option('--force', 'replace an existing file of the same name', false);
}

/**
 * `--config <file>`: the configuration of `mtad check`, for check and for every command that runs
 * its check before making a document, so that both judge the data alike.
 */
export function configOption(): Option {
  return new Option(
    '--config <file>',
    "the configuration of mtad check's rules (default: mtad.config.yaml at the project's root, if any)",
  );
}
