import { readResponseEntries, responsesFolderOf } from '../response-inputs.js';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checkResponseAgainst, checkResponseFile } from '../../domain/check/response-rules.js';
import { summariseResponses, type ResponseEntry } from '../../domain/documents/response-summary.js';
import { diagnose, hasErrors, suggestNearest, type Diagnostic } from '../../domain/model/diagnostics.js';
import { escapeForLine } from '../../domain/model/text.js';
import { classifyFile } from '../../domain/parse/classify-file.js';
import { listYamlFiles } from '../../io/list-files.js';
import { displayPath, readTemplate, readText } from '../../io/read.js';
import { viewsFor, type Audience } from '../../domain/documents/response-views.js';
import { renderResponseViews } from '../../render/response-views.js';
import { renderResponseSummary, type ResponseSummaryFormat } from '../../render/response-summary.js';
import { amendmentsDirOf, loadAmendmentFolder, resolveTablePath } from '../inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { findingsOf } from '../../domain/model/result.js';

export interface ResponsesOptions extends CommonOptions {
  amendment?: string;
  table?: string;
  /** --responses: the folder of the response files; default responses/<amendment>/ beside the table. */
  responses?: string;
  format: ResponseSummaryFormat;
  /** --views: the respondents' views for an audience, in place of the counts. */
  views?: Audience;
}

/**
 * The refusal of a first argument that is the subcommand mistyped ("imprt"), with the suggestion
 * commander gives an unknown command. The whole command is named: `mtad import` is another.
 */
export function mistypedSubcommand(argument: string): Diagnostic | undefined {
  return suggestNearest(argument, ['import']) === 'import'
    ? diagnose('COMMAND_UNKNOWN', {
        commander: `unknown command '${escapeForLine(argument)}' for 'responses' (Did you mean mtad responses import?)`,
      })
    : undefined;
}

/**
 * `mtad responses [AMENDMENT]`: the responses to a consultation counted per question and position
 * and per category, with the late ones, the questions not answered and the confidential ones.
 * Without AMENDMENT, the last amendment (in sequence) whose consultation asks questions.
 */
export async function runResponses(options: ResponsesOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  // A file or a missing path given for the folder is the user's slip, told in one line before
  // anything is read (the finding of a missing path that check gives would suggest mtad check).
  if (options.responses !== undefined) {
    const given = resolve(cwd, options.responses);
    const found = await stat(given).then(
      (info) => (info.isDirectory() ? 'folder' : 'file'),
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'nothing' : 'folder'),
    );
    const shown = escapeForLine(displayPath(given, cwd));
    if (found !== 'folder')
      return failWith(
        [
          diagnose('ARGUMENT_INVALID', {
            option: '--responses',
            value: shown,
            expected: { kind: 'responses-folder', found },
          }),
        ],
        styler,
      );
  }
  const tablePath = resolveTablePath(cwd, options.table);
  const read = await loadAmendmentFolder(amendmentsDirOf(tablePath), cwd);
  if (!read.ok) return failWith(findingsOf(read), styler);
  const amendments = read.value;
  const amendment =
    options.amendment !== undefined
      ? amendments.find((a) => a.id === options.amendment)
      : amendments.filter((a) => a.consultation.questions.length > 0).at(-1);
  const mistyped = options.amendment === undefined ? undefined : mistypedSubcommand(options.amendment);
  if (!amendment && mistyped !== undefined) return failWith([mistyped], styler);
  if (!amendment)
    return failWith(
      [
        options.amendment === undefined
          ? diagnose('ARGUMENT_MISSING', {
              argument: 'the amendment',
              missing: { kind: 'questions-none', ids: amendments.map((a) => a.id) },
            })
          : diagnose('ARGUMENT_INVALID', {
              option: 'AMENDMENT',
              value: options.amendment,
              expected: { kind: 'amendment-beside', ids: amendments.map((a) => a.id) },
            }),
      ],
      styler,
    );

  const folder = responsesFolderOf(cwd, tablePath, amendment, options.responses);
  const { entries, diagnostics } = await readResponseEntries(cwd, folder, amendment, {
    named: options.responses !== undefined,
    amendments,
  });
  if (hasErrors(diagnostics)) return failWith(diagnostics, styler);
  if (options.views !== undefined) {
    const views = viewsFor(amendment, entries, options.views);
    if (options.format === 'json') return succeed(`${JSON.stringify(views, null, 2)}\n`, styler, diagnostics);
    const template = await readTemplate('response-views.md', cwd);
    if (!template.ok) return failWith(findingsOf(template), styler);
    const markdown = renderResponseViews(template.value, views, options.views);
    if (!markdown.ok) return failWith(findingsOf(markdown), styler);
    return succeed(markdown.value, styler, diagnostics);
  }
  return succeed(renderResponseSummary(summariseResponses(amendment, entries), options.format), styler, diagnostics);
}
