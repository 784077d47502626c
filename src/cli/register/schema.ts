import { Argument, type Command } from 'commander';
import { SCHEMA_KIND_NAMES, type SchemaKind } from '../../domain/parse/schema-kinds.js';
import { withExitStatus } from '../options.js';
import type { CommandContext } from './context.js';

/** `mtad schema`. */
export function registerSchema(program: Command, context: CommandContext): void {
  program
    .command('schema')
    .description(
      'print the JSON Schema of table, amendment, response, conclusion, configuration, departments or ' +
        'correction files, or the front matter of narratives (for editors), generated from the schemas mtad ' +
        'reads them with',
    )
    .addArgument(new Argument('[kind]', 'which schema; all, keyed by kind, when omitted').choices(SCHEMA_KIND_NAMES))
    .addHelpText(
      'after',
      withExitStatus(`
The data files point their editor at the committed copies in schema/ with a first line such as
  # yaml-language-server: $schema=../schema/table.schema.json

Examples:
  mtad schema amendment > schema/amendment.schema.json
  mtad schema table
  mtad schema config > schema/config.schema.json
`),
    )
    .action(async (kind: SchemaKind | undefined) => {
      const { runSchema } = await import('../commands/schema.js');
      context.write(await runSchema(kind, SCHEMA_KIND_NAMES));
    });
}
