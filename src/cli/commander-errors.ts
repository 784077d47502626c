import {
  diagnose,
  type CommanderSaid,
  type Diagnostic,
  type DiagnosticArgs,
  type DiagnosticCode,
} from '../domain/model/diagnostics.js';
import { escapeForLine } from '../domain/model/text.js';

/**
 * mtad's code for each usage error commander finds while it parses the command line, by commander's
 * own code, so that every usage error ends in a stable code as mtad's own do.
 */
/** The codes whose finding may be commander's sentence. */
type CommanderCode = { [C in DiagnosticCode]: CommanderSaid extends DiagnosticArgs[C] ? C : never }[DiagnosticCode];

const CODES: Readonly<Record<string, CommanderCode>> = {
  'commander.unknownCommand': 'COMMAND_UNKNOWN',
  'commander.unknownOption': 'OPTION_UNKNOWN',
  'commander.missingArgument': 'ARGUMENT_MISSING',
  'commander.optionMissingArgument': 'ARGUMENT_MISSING',
  'commander.missingMandatoryOptionValue': 'ARGUMENT_MISSING',
  'commander.invalidArgument': 'ARGUMENT_INVALID',
  'commander.conflictingOption': 'OPTIONS_CONFLICT',
  'commander.excessArguments': 'ARGUMENTS_EXCESS',
};

/**
 * The finding of a usage error commander printed as `text` ("error: unknown option '--x'", and
 * its "(Did you mean --y?)" on a line of its own), with commander's `code`. Its words are kept,
 * on one line: commander quotes the argument it refuses as typed, and a line break in it would
 * start a line of its own. A code commander may add later is an invalid argument until mapped.
 */
export function diagnoseCommanderError(code: string, text: string): Diagnostic {
  const said = text
    .replace(/^error: /, '')
    .replace(/\n$/, '')
    .split(/\n(?=\(Did you mean )/)
    .map(escapeForLine)
    .join(' ');
  return diagnose(CODES[code] ?? 'ARGUMENT_INVALID', { commander: said });
}
