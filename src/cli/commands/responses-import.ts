import { lstat, mkdir, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { placeResponse, planResponseImport, type ExistingResponse } from '../../app/responses-import.js';
import { diagnose, type Diagnostic, type RespondentOf } from '../../domain/model/diagnostics.js';
import type { CATEGORIES } from '../../domain/model/respondent-kinds.js';
import { classifyFile } from '../../domain/parse/classify-file.js';
import { parseResponse, type ResponseFile } from '../../domain/model/response.js';
import { displayPath, readBytes, readText, type BytesOf } from '../../io/read.js';
import { describeSystemError } from '../../io/system-error.js';
import { removeLeftovers } from '../../io/temporary.js';
import { writeFileAtomically } from '../../io/write.js';
import { amendmentsDirOf, loadAmendmentFolder, resolveTablePath } from '../inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { findingsOf } from '../../domain/model/result.js';
import { withWriteLock } from '../write-lock.js';
import { renderResponseImported } from '../../render/response-import.js';

export interface ResponsesImportOptions extends CommonOptions {
  file: string;
  table?: string;
  amendment?: string;
  received: { date: string; time: string };
  category: (typeof CATEGORIES)[number];
  confidentiality?: 'none' | 'all' | 'part';
  allowMissing: boolean;
  out?: string;
  force: boolean;
}

/**
 * A response template as it is read: a filled-in one is tens of kilobytes, so 32 MiB is the wrong
 * file named, as one that is not a zip is.
 */
const RESPONSE_TEMPLATE: BytesOf = {
  kind: 'a response template',
  limit: 32 * 1024 * 1024,
  missing: 'the response template',
};

/**
 * `mtad responses import FILE.docx`: reads a response template a respondent filled in and writes
 * the response file (data/responses/<amendment>/<respondent>.yaml beside the table, or --out),
 * never over an existing file without --force. All or nothing: a template that cannot be read
 * whole writes nothing.
 */
export async function runResponsesImport(options: ResponsesImportOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const path = resolve(cwd, options.file);
  const shown = displayPath(path, cwd);
  const template = await readBytes(path, shown, RESPONSE_TEMPLATE);
  if (!template.ok) return failWith(findingsOf(template), styler);
  const tablePath = resolveTablePath(cwd, options.table);
  const amendments = await loadAmendmentFolder(amendmentsDirOf(tablePath), cwd);
  if (!amendments.ok) return failWith(findingsOf(amendments), styler);
  const plan = planResponseImport({
    bytes: template.value,
    shown,
    amendments: amendments.value,
    ...(options.amendment !== undefined && { amendmentId: options.amendment }),
    received: options.received,
    category: options.category,
    ...(options.confidentiality !== undefined && { confidentiality: options.confidentiality }),
    allowMissing: options.allowMissing,
  });
  if (plan.kind === 'refused') return failWith(plan.diagnostics, styler);

  const folder = join(dirname(tablePath), 'responses', plan.response.amendment);
  return withWriteLock({ cwd, table: options.table, styler }, async () => {
    const target = options.out !== undefined ? resolve(cwd, options.out) : folder;
    try {
      await mkdir(dirname(target), { recursive: true });
      if (options.out === undefined) await mkdir(folder, { recursive: true });
      // What a killed import left beside the responses goes, as beside the amendments.
      await removeLeftovers(options.out !== undefined ? dirname(target) : folder, (name) => /\.ya?ml$/.test(name));
    } catch (error) {
      const shownTarget = displayPath(target, cwd);
      return failWith(
        [diagnose('OUT_UNWRITABLE', { path: shownTarget, reason: describeSystemError(error) }, { file: shownTarget })],
        styler,
      );
    }
    let path: string;
    let expectation: 'absent' | { text: string } = 'absent';
    let beside: { name: string; respondent?: RespondentOf } | undefined;
    if (options.out !== undefined) {
      // --out names one file: a response there is replaced only with --force, anything else never.
      path = target;
      const existing = await replaceableResponse(path, displayPath(path, cwd));
      if ('refused' in existing) return failWith([existing.refused], styler);
      if (existing.text !== undefined) {
        if (!options.force) {
          const shownPath = displayPath(path, cwd);
          const respondent = existing.response ? existing.response.respondent : null;
          return failWith([diagnose('RESPONSE_EXISTS', { path: shownPath, respondent }, { file: shownPath })], styler);
        }
        expectation = { text: existing.text };
      }
    } else {
      const placed = placeResponse(plan, await responsesNamedAfter(folder, plan.slug, cwd), {
        force: options.force,
        shown: (name) => displayPath(join(folder, name), cwd),
      });
      if (placed.kind === 'refused') return failWith([placed.diagnostic], styler);
      path = join(folder, placed.name);
      expectation = placed.expectation;
      beside = placed.beside;
    }
    const targetShown = displayPath(path, cwd);
    const written = await writeFileAtomically(path, plan.text, expectation, targetShown);
    if (!written.ok) return failWith(findingsOf(written), styler);
    return succeed(
      renderResponseImported({
        file: targetShown,
        respondent: plan.response.respondent,
        answered: plan.response.answers.length,
        choice: plan.response.confidentiality.choice,
        ...(beside && {
          beside: {
            file: displayPath(join(folder, beside.name), cwd),
            ...(beside.respondent !== undefined && { respondent: beside.respondent }),
          },
        }),
        notAnswered: plan.notAnswered,
      }),
      styler,
    );
  });
}

/**
 * What the files named after a respondent (`slug`.yaml, `slug`-2.yaml, ...) in `folder` hold: a
 * response (its respondent and text), or something else, which is never replaced.
 */
async function responsesNamedAfter(folder: string, slug: string, cwd: string): Promise<Map<string, ExistingResponse>> {
  const found = new Map<string, ExistingResponse>();
  const named = new RegExp(`^${slug}(?:-\\d+)?\\.yaml$`);
  for (const name of await readdir(folder)) {
    if (!named.test(name)) continue;
    const existing = await replaceableResponse(join(folder, name), displayPath(join(folder, name), cwd));
    found.set(
      name,
      'text' in existing && existing.response !== undefined && existing.text !== undefined
        ? { kind: 'response', response: existing.response, text: existing.text }
        : { kind: 'other' },
    );
  }
  return found;
}

/**
 * What an import may replace at `path`: nothing there, or a response file (its response and
 * text); else the refusal (a file that is not a response, a link, a folder: never replaced).
 */
async function replaceableResponse(
  path: string,
  shown: string,
): Promise<
  { text?: undefined; response?: undefined } | { text: string; response?: ResponseFile } | { refused: Diagnostic }
> {
  const refuse = (found: 'file' | 'symlink' | 'folder' | 'other') => ({
    refused: diagnose('OUT_NOT_MTAD', { path: shown, found, kind: 'response' }, { file: shown }),
  });
  let info;
  try {
    info = await lstat(path);
  } catch {
    return {};
  }
  if (info.isSymbolicLink()) return refuse('symlink');
  if (info.isDirectory()) return refuse('folder');
  if (!info.isFile()) return refuse('other');
  const text = await readText(path, shown);
  if (!text.ok || classifyFile(text.value).kind !== 'response') return refuse('file');
  // A response file that does not read (one being written by hand) may still be replaced.
  const read = parseResponse(text.value, shown);
  return { text: text.value, ...(read.ok && { response: read.value }) };
}
