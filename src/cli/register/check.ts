import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { CHECK_FORMAT_NAMES, type CheckFormat } from '../../render/check-format-names.js';
import { configOption, DEFAULT_TABLE_OPTION, formatOption, namedTable, tableOption } from '../options.js';
import type { CommandContext } from './context.js';
import type { ExpectedValue } from '../../domain/model/diagnostics.js';
import { todayInLondon } from '../clock.js';

interface CheckFlags {
  format: CheckFormat;
  output: string[];
  maxWarnings?: string;
  stdin: boolean;
  stdinFilename?: string;
  updateLock: boolean;
  listRules: boolean;
  cache: boolean;
  cacheLocation?: string;
  against?: string;
  quiet: boolean;
  changedSince?: string;
  config?: string;
}

/** `mtad check`: its options, and the action that normalises them for runCheck. */
export function registerCheck(program: Command, context: CommandContext): void {
  const formats = [...CHECK_FORMAT_NAMES];
  const collect = (value: string, previous: string[]) => [...previous, value];
  program
    .command('check')
    .description(
      'check the table and the amendment files as a CI linter: schema, rules on each file, then the whole ' +
        'sequence and the lock of made amendments',
    )
    .argument('[path...]', 'files or folders to check (folders are searched for *.yaml); default: data/')
    .addOption(formatOption('how to print the findings', formats, 'stylish'))
    .option(
      '-o, --output <format=path>',
      `also write the findings to a file, in a format (${formats.join(', ')}); repeatable`,
      collect,
      [],
    )
    .option(
      '--max-warnings <n>',
      'exit with status 1 when there are more than n warnings (default: warnings never fail)',
    )
    .option('--stdin', 'check a file given on standard input (e.g. from an editor)', false)
    .option('--stdin-filename <file>', 'the file the standard input stands for (default: <stdin>)')
    .addOption(tableOption('the table to check amendments against when the paths name none'))
    .option(
      '--update-lock',
      'record made amendments not yet in the lock file (amendments.lock beside the table), then check',
      false,
    )
    .option('--list-rules', 'print every rule with its code, severity and one-line doc, and exit', false)
    .option(
      '--cache-location <path>',
      'the cache file, or a folder to hold it (default: node_modules/.cache/mtad/ in the project, when it ' +
        'has node_modules)',
    )
    .option('--no-cache', 'parse and check every file, neither reading nor writing the cache')
    .option(
      '--against <docx>',
      "also check that the table holds, cell by cell, what Table 17.6 of this Word document (the MTAD's .docx) holds",
    )
    .option('--quiet', 'report errors only (warnings still count for --max-warnings)', false)
    .option(
      '--changed-since <ref>',
      'report warnings only in the files changed since a git commit (git diff REF, and untracked files); ' +
        'errors are reported wherever they are',
    )
    .addOption(configOption())
    .addHelpText(
      'after',
      `
Each finding points at file:line:column of the YAML node concerned. Warnings (values not known,
a window that runs past the end date) are listed but fail only with --max-warnings.

The responses and conclusions beside the table (responses/<id>/, conclusions/<id>.yaml) are checked
with the amendments; a made amendment is held to its modification date as at today in London
(SOURCE_DATE_EPOCH stands in for the clock).

Rules are set per project in mtad.config.yaml at its root, or in the file --config names (schema:
mtad schema config); amend, direction, consultation and diff check with the same rules:
  rules:
    VALUE_UNKNOWN: off            a warning may be turned off, or made an error

Examples:
  mtad check                                        data/: the table, data/amendments/, the lock
  mtad check --changed-since origin/main --quiet    in CI, what a pull request changed
  mtad check --config ci/strict.yaml                another configuration (a stricter one, say)
  mtad check --format github --output sarif=mtad.sarif   annotations in a GitHub Actions log, and SARIF
  mtad check --stdin --stdin-filename data/amendments/x.yaml < x.yaml
  mtad check --list-rules
  mtad check --against MTAD.docx                    the table and the MTAD's Word document agree

A cache (on by default) keeps what each file gave, keyed by its content and mtad's version and
code, so that files that have not changed are not parsed again; the rules on the whole sequence
and the lock run every time. Results are the same with and without it.

Exit status: 0 no errors (and no more warnings than --max-warnings); 1 findings;
2 a usage or IO error (a missing file, an unknown option, an output that cannot be written).`,
    )
    .action(async (paths: string[], opts: CheckFlags, command: Command) => {
      const { runCheck, runListRules } = await import('../commands/check.js');
      const { readStream } = await import('../../io/list-files.js');
      const { MAX_FILE_BYTES } = await import('../../io/read.js');
      const { configOf, isOutcome } = await import('../check-config.js');
      const config = configOf(context, opts.config, context.styler());
      if (isOutcome(config)) return context.write(config);
      if (opts.listRules) return context.write(runListRules(opts.format, config));
      const { failWith } = await import('../outcome.js');
      const { diagnose } = await import('../../domain/model/diagnostics.js');
      const refuse = (option: string, value: string, expected: ExpectedValue) =>
        context.write(failWith([diagnose('ARGUMENT_INVALID', { option, value, expected })], context.styler()));
      const outputs: { format: CheckFormat; path: string }[] = [];
      for (const spec of opts.output) {
        const [format = '', ...rest] = spec.split('=');
        const path = rest.join('=');
        if (!CHECK_FORMAT_NAMES.includes(format as CheckFormat) || path === '')
          return refuse('--output', spec, { kind: 'output-format', formats });
        outputs.push({ format: format as CheckFormat, path });
      }
      const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
      if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0))
        return refuse('--max-warnings', opts.maxWarnings ?? '', { kind: 'whole-number' });
      let changed: ReadonlySet<string> | undefined;
      if (opts.changedSince !== undefined) {
        const { changedFilesSince } = await import('../../io/git.js');
        const since = await changedFilesSince(opts.changedSince, context.cwd);
        if ('problem' in since)
          return refuse('--changed-since', opts.changedSince, { kind: 'git-commit', git: since.problem });
        changed = since.files;
      }
      const stdin = opts.stdin
        ? {
            bytes: context.stdin ? await readStream(context.stdin(), MAX_FILE_BYTES) : new Uint8Array(),
            filename: opts.stdinFilename ?? '<stdin>',
          }
        : undefined;
      return context.withClock(async (now) =>
        runCheck({
          cwd: context.cwd,
          styler: context.styler(),
          // From a folder inside the project, data/ is the project's.
          paths:
            paths.length === 0 && !opts.stdin && context.projectRoot !== undefined
              ? [dirname(join(context.projectRoot, DEFAULT_TABLE_OPTION))]
              : paths,
          table: namedTable(command),
          config,
          quiet: opts.quiet,
          ...(changed && { changed, since: opts.changedSince }),
          format: opts.format,
          outputs,
          ...(maxWarnings !== undefined && { maxWarnings }),
          ...(stdin && { stdin }),
          updateLock: opts.updateLock,
          version: context.version,
          cache: opts.cache,
          ...(opts.cacheLocation !== undefined && { cacheLocation: opts.cacheLocation }),
          ...(context.codeHash !== undefined && { codeHash: context.codeHash }),
          ...(opts.against !== undefined && { against: opts.against }),
          today: todayInLondon(now),
        }),
      );
    });
}
