import type { Argument, Command } from 'commander';
import {
  diagnose,
  type Diagnostic,
  type OptionConflict,
  type OptionNeed,
  type PathValue,
} from '../domain/model/diagnostics.js';

/**
 * What each command's options must be, together, before it reads a thing: no path that is empty,
 * no option without the one that gives it a meaning, and no two options of which one would be
 * ignored. An ignored option is refused rather than passed over: a user who wrote it believes it
 * did something (a folder replaced, a format chosen).
 */

/**
 * The options and arguments that name a file or folder, by command, as commander names their
 * attribute, with what they name. An empty one would resolve to the working folder.
 */
const PATHS: Record<string, readonly (readonly [attribute: string, flag: string, names: PathValue])[]> = {
  '*': [
    ['table', '--table', 'table'],
    // Only the commands that run mtad check's rules take --config.
    ['config', '--config', 'config'],
  ],
  amend: [
    ['out', '--out', 'pack-folder'],
    ['into', '--into', 'into-document'],
  ],
  consultation: [['out', '--out', 'consultation-folder']],
  check: [
    ['against', '--against', 'against-document'],
    ['cacheLocation', '--cache-location', 'cache'],
    ['stdinFilename', '--stdin-filename', 'stdin-filename'],
  ],
  responses: [['responses', '--responses', 'responses-folder']],
  import: [['out', '--out', 'response-file']],
};

/** The path options of `command` (`import` is `mtad responses import`: `mtad import` has no --out). */
function pathsOf(command: Command): readonly (readonly [string, string, PathValue])[] {
  return [...(PATHS['*'] ?? []), ...(PATHS[command.name()] ?? [])];
}

/** What each command's arguments name, by their names in the help. */
const ARGUMENTS: Record<string, PathValue> = {
  amendment: 'amendment',
  docx: 'document',
  file: 'response-template',
  dir: 'init-folder',
  cohort: 'cohort',
  value: 'correction-value',
};

/** An option that is given only with another, which gives it a meaning, and why. */
interface Needs {
  option: [attribute: string, flag: string];
  needs: [attribute: string, flag: string];
  because: OptionNeed;
}

/** Two options of which, given together, the first would be ignored, and why. */
interface Conflict {
  option: [attribute: string, flag: string];
  other: [attribute: string, flag: string];
  because: OptionConflict;
}

const OUT: [string, string] = ['out', '--out DIR'];

const NEEDS: Record<string, readonly Needs[]> = {
  show: [{ option: ['include', '--include'], needs: ['asAt', '--as-at DATE'], because: 'include-as-at' }],
  check: [{ option: ['stdinFilename', '--stdin-filename'], needs: ['stdin', '--stdin'], because: 'stdin-filename' }],
  amend: [
    { option: ['force', '--force'], needs: OUT, because: 'pack-force' },
    { option: ['author', '--author'], needs: OUT, because: 'pack-author' },
    { option: ['pdf', '--pdf'], needs: OUT, because: 'pack-pdf' },
    { option: ['into', '--into'], needs: OUT, because: 'pack-into' },
  ],
};

/** What a command that drafts a file says when --stdout is given: it writes nothing. */
const STDOUT_WRITES_NOTHING: Conflict = {
  option: ['force', '--force'],
  other: ['stdout', '--stdout'],
  because: 'stdout-draft',
};

const CONFLICTS: Record<string, readonly Conflict[]> = {
  amend: [
    { option: ['format', '--format'], other: OUT, because: 'pack-format' },
    { option: ['redlineOnly', '--redline-only'], other: OUT, because: 'pack-redline-only' },
  ],
  new: [STDOUT_WRITES_NOTHING],
  revert: [STDOUT_WRITES_NOTHING],
  conclude: [{ option: ['force', '--force'], other: ['stdout', '--stdout'], because: 'stdout-conclusion' }],
  import: [{ option: ['force', '--force'], other: ['dryRun', '--dry-run'], because: 'dry-run-import' }],
  check: [
    { option: ['updateLock', '--update-lock'], other: ['stdin', '--stdin'], because: 'update-lock-stdin' },
    { option: ['cacheLocation', '--cache-location'], other: ['cache', '--no-cache'], because: 'no-cache-location' },
  ],
};

/** Options that print something other than what the command's arguments ask for, which they would ignore. */
const WITHOUT_ARGUMENTS: Record<string, readonly Omit<Conflict, 'other'>[]> = {
  check: [{ option: ['listRules', '--list-rules'], because: 'list-rules' }],
};

/** True when the option was given (on the command line), not left at its default. */
function given(command: Command, attribute: string): boolean {
  const source = command.getOptionValueSource(attribute);
  return source !== undefined && source !== 'default' && command.getOptionValue(attribute) !== undefined;
}

/** The name of a command as its rules are keyed: `new close` and `new reopen` are `new`'s. */
function keyOf(command: Command): string {
  const parent = command.parent?.name();
  return parent === 'new' ? 'new' : command.name();
}

/**
 * A command's arguments as a finding names them, as its usage line writes them ("the argument [dir]",
 * "one of the arguments [path...]"): "the dir is empty" would read as a folder that holds no file.
 */
function argumentsNamed(argument: Argument | undefined, which: 'one' | 'all'): string {
  if (argument === undefined) return which === 'one' ? 'an argument' : 'the arguments';
  const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
  const usage = argument.required ? `<${name}>` : `[${name}]`;
  if (!argument.variadic) return `the argument ${usage}`;
  return which === 'one' ? `one of the arguments ${usage}` : `the arguments ${usage}`;
}

/**
 * Why the options of `command` may not run as given: an empty path or argument, an option without
 * the one it needs, two options of which one would be ignored. All are usage errors (exit status 2).
 */
export function refuseOptions(command: Command): Diagnostic[] {
  const refused: Diagnostic[] = [];
  for (const [attribute, flag, names] of pathsOf(command))
    if (command.getOptionValue(attribute) === '')
      refused.push(diagnose('ARGUMENT_INVALID', { option: flag, value: '', expected: { kind: 'path', of: names } }));
  // The empty one among the arguments; those past the last declared are the variadic one's.
  const declared = command.registeredArguments;
  const empty = command.args.indexOf('');
  const named = empty < 0 ? undefined : declared[Math.min(empty, declared.length - 1)];
  if (empty >= 0)
    refused.push(
      diagnose('ARGUMENT_INVALID', {
        option: argumentsNamed(named, 'one'),
        value: '',
        expected: { kind: 'path', of: ARGUMENTS[named?.name() ?? ''] ?? 'file-or-folder' },
      }),
    );
  const key = keyOf(command);
  for (const rule of NEEDS[key] ?? [])
    if (given(command, rule.option[0]) && !given(command, rule.needs[0]))
      refused.push(diagnose('OPTION_NEEDS', { option: rule.option[1], needs: rule.needs[1], because: rule.because }));
  for (const rule of CONFLICTS[key] ?? [])
    if (given(command, rule.option[0]) && given(command, rule.other[0]))
      refused.push(
        diagnose('OPTIONS_CONFLICT', { option: rule.option[1], other: rule.other[1], because: rule.because }),
      );
  for (const rule of WITHOUT_ARGUMENTS[key] ?? [])
    if (given(command, rule.option[0]) && command.args.length > 0)
      refused.push(
        diagnose('OPTIONS_CONFLICT', {
          option: rule.option[1],
          other: argumentsNamed(declared[0], 'all'),
          because: rule.because,
        }),
      );
  return refused;
}
