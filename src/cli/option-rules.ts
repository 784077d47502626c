import type { Command } from 'commander';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';

/**
 * What each command's options must be, together, before it reads a thing: no path that is empty,
 * no option without the one that gives it a meaning, and no two options of which one would be
 * ignored. An ignored option is refused rather than passed over: a user who wrote it believes it
 * did something (a folder replaced, a format chosen).
 */

/** The shell's hint for an empty value: an unset variable ("--out $PACK") gives one. */
const UNSET = '(an empty value is what an unset shell variable gives)';

/**
 * The options and arguments that name a file or folder, by command, as commander names their
 * attribute, with what is expected there. An empty one would resolve to the working folder.
 */
const PATHS: Record<string, readonly (readonly [attribute: string, flag: string, expected: string])[]> = {
  '*': [
    ['table', '--table', 'the path of the table file'],
    // Only the commands that run mtad check's rules take --config.
    ['config', '--config', "the path of the configuration of mtad check's rules (mtad.config.yaml)"],
  ],
  amend: [
    ['out', '--out', 'the path of a new folder for the pack'],
    ['into', '--into', "the path of the Word document (the MTAD's .docx) to redline"],
  ],
  consultation: [['out', '--out', 'the path of a new folder for the consultation']],
  check: [
    ['against', '--against', "the path of the Word document (the MTAD's .docx) to check the table against"],
    ['cacheLocation', '--cache-location', 'the path of the cache file, or of a folder to hold it'],
    ['stdinFilename', '--stdin-filename', 'the file name the standard input stands for'],
  ],
  responses: [['responses', '--responses', 'the path of the folder of response files']],
  import: [['out', '--out', 'the path of the response file to write']],
};

/** The path options of `command` (`import` is `mtad responses import`: `mtad import` has no --out). */
function pathsOf(command: Command): readonly (readonly [string, string, string])[] {
  return [...(PATHS['*'] ?? []), ...(PATHS[command.name()] ?? [])];
}

/** What each command's first argument names, by its name in the help. */
const ARGUMENTS: Record<string, string> = {
  amendment: 'an amendment file or id',
  docx: "the path of the Word document (the MTAD's .docx)",
  file: 'the path of the filled-in response template (.docx)',
  dir: 'the path of the folder to scaffold',
  cohort: 'the cohort as the table names it, e.g. "FOC (BG)"',
};

/** An option that is given only with another, which gives it a meaning, and why. */
interface Needs {
  option: [attribute: string, flag: string];
  needs: [attribute: string, flag: string];
  why: string;
}

/** Two options of which, given together, the first would be ignored, and why. */
interface Conflict {
  option: [attribute: string, flag: string];
  other: [attribute: string, flag: string];
  why: string;
}

const OUT: [string, string] = ['out', '--out DIR'];

const NEEDS: Record<string, readonly Needs[]> = {
  show: [
    {
      option: ['include', '--include'],
      needs: ['asAt', '--as-at DATE'],
      why:
        'it counts proposals in the table as it would stand on that date; without --as-at, mtad show prints ' +
        'the table as the file holds it',
    },
  ],
  check: [
    {
      option: ['stdinFilename', '--stdin-filename'],
      needs: ['stdin', '--stdin'],
      why: 'it names the file the standard input stands for',
    },
  ],
  amend: [
    { option: ['force', '--force'], needs: OUT, why: 'it says how the pack is written (over a pack mtad wrote there)' },
    {
      option: ['author', '--author'],
      needs: OUT,
      why: "it says how the pack is written (the author of the redline's tracked changes)",
    },
    { option: ['pdf', '--pdf'], needs: OUT, why: 'the PDFs go into the pack' },
    { option: ['into', '--into'], needs: OUT, why: 'the redlined copy of the document goes into the pack' },
  ],
};

/** What a command that drafts a file says when --stdout is given: it writes nothing. */
const STDOUT_WRITES_NOTHING: Conflict = {
  option: ['force', '--force'],
  other: ['stdout', '--stdout'],
  why: '--stdout prints the file and writes none, so there is no file for --force to replace',
};

const CONFLICTS: Record<string, readonly Conflict[]> = {
  amend: [
    {
      option: ['format', '--format'],
      other: OUT,
      why:
        'the pack holds the redline in every format (Word, HTML, Markdown, changes.json) and prints only the ' +
        'list of its files; --format chooses how a printed redline is rendered',
    },
    {
      option: ['redlineOnly', '--redline-only'],
      other: OUT,
      why:
        'the pack holds every document and prints only the list of its files; --redline-only chooses what is ' +
        'printed',
    },
  ],
  new: [STDOUT_WRITES_NOTHING],
  revert: [STDOUT_WRITES_NOTHING],
  conclude: [
    {
      option: ['force', '--force'],
      other: ['stdout', '--stdout'],
      why: "--stdout prints the report's Markdown and writes no folder, so there is none for --force to replace",
    },
  ],
  import: [
    {
      option: ['force', '--force'],
      other: ['dryRun', '--dry-run'],
      why: '--dry-run prints the table file and writes none, so there is no table for --force to replace',
    },
  ],
  check: [
    {
      option: ['updateLock', '--update-lock'],
      other: ['stdin', '--stdin'],
      why:
        '--update-lock records the files on disk, and the standard input is text that is not on disk; save the ' +
        'file and run mtad check --update-lock',
    },
    {
      option: ['cacheLocation', '--cache-location'],
      other: ['cache', '--no-cache'],
      why: '--no-cache neither reads nor writes a cache, so it has no location',
    },
  ],
};

/** Options that print something other than what the command's arguments ask for, which they would ignore. */
const WITHOUT_ARGUMENTS: Record<string, readonly Omit<Conflict, 'other'>[]> = {
  check: [
    {
      option: ['listRules', '--list-rules'],
      why: '--list-rules prints the rules and checks no file',
    },
  ],
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
 * Why the options of `command` may not run as given: an empty path or argument, an option without
 * the one it needs, two options of which one would be ignored. All are usage errors (exit status 2).
 */
export function refuseOptions(command: Command): Diagnostic[] {
  const refused: Diagnostic[] = [];
  for (const [attribute, flag, expected] of pathsOf(command))
    if (command.getOptionValue(attribute) === '')
      refused.push(diagnose('ARGUMENT_INVALID', { option: flag, value: '', expected: `${expected} ${UNSET}` }));
  const argument = command.registeredArguments[0]?.name();
  if (command.args.includes(''))
    refused.push(
      diagnose('ARGUMENT_INVALID', {
        option: `the ${argument ?? 'argument'}`,
        value: '',
        expected: `${ARGUMENTS[argument ?? ''] ?? 'a file or folder'} ${UNSET}`,
      }),
    );
  const key = keyOf(command);
  for (const rule of NEEDS[key] ?? [])
    if (given(command, rule.option[0]) && !given(command, rule.needs[0]))
      refused.push(diagnose('OPTION_NEEDS', { option: rule.option[1], needs: rule.needs[1], why: rule.why }));
  for (const rule of CONFLICTS[key] ?? [])
    if (given(command, rule.option[0]) && given(command, rule.other[0]))
      refused.push(diagnose('OPTIONS_CONFLICT', { option: rule.option[1], other: rule.other[1], why: rule.why }));
  for (const rule of WITHOUT_ARGUMENTS[key] ?? [])
    if (given(command, rule.option[0]) && command.args.length > 0)
      refused.push(
        diagnose('OPTIONS_CONFLICT', { option: rule.option[1], other: `the ${argument ?? 'argument'}`, why: rule.why }),
      );
  return refused;
}
