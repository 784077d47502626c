import type { CheckConfig } from '../../domain/check/check-config.js';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { planConclude } from '../../app/conclude.js';
import type { Audience } from '../../domain/documents/response-views.js';
import { finalAmendment } from '../../domain/documents/final-values.js';
import { listedFiles, PACK_MARKER_FILE, packMarkerText, refuseOtherPack } from '../../domain/documents/pack-marker.js';
import type { Amendment } from '../../domain/model/amendment.js';
import { diagnose, hasErrors, type Diagnostic } from '../../domain/model/diagnostics.js';
import { sha256 } from '../../io/hash.js';
import { refuseProtectedOutput } from '../../io/output-guard.js';
import { displayPath, readTemplate } from '../../io/read.js';
import { requireSoffice } from '../../io/soffice.js';
import { writeFolderAtomically } from '../../io/write.js';
import { checkBeforeDocuments } from '../check-gate.js';
import { conclusionPathOf, missingConclusion, readConclusionOf, withFinalValues } from '../conclusion-inputs.js';
import { readDepartments } from '../departments.js';
import { amendmentsDirOf, loadAmendmentFolder, loadTable, lockPathOf, resolveTablePath } from '../inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { findingsOf, succeed as succeedWith } from '../../domain/model/result.js';
import { withPdfs } from '../pdf-pack.js';
import { renderConclusionWritten } from '../../render/written-notes.js';
import { readResponseEntries, responsesFolderOf } from '../response-inputs.js';

export interface ConcludeOptions extends CommonOptions {
  /** The amendment id; default: the only one the table does not reflect yet that has a conclusion. */
  amendment?: string;
  table?: string;
  /** --responses: the folder of the response files; default responses/<amendment>/ beside the table. */
  responses?: string;
  /** --conclusion: the conclusion file; default conclusions/<amendment>.yaml beside the table. */
  conclusion?: string;
  /** --for: the published report, or the department's copy with every response in full. */
  audience: Audience;
  /** --out: the new folder to write; absent with --stdout. */
  out?: string;
  force: boolean;
  /** The configuration of `mtad check`, for the check the documents pass first. */
  config: CheckConfig;
  /** --stdout: print the report's Markdown instead of writing the folder. */
  stdout: boolean;
  /** Add a PDF of the Word file, converted by LibreOffice; the environment it runs in. */
  pdf?: { env: NodeJS.ProcessEnv };
  /** The instant to date the Word file by (SOURCE_DATE_EPOCH), instead of the conclusion's date. */
  created?: string;
}

/**
 * `mtad conclude`: the conclusion report of one amendment's consultation, as Markdown, HTML and
 * Word, in a new folder (all or nothing, as `amend --out` writes its pack), made only when `mtad
 * check` finds no error in the files it is made from.
 */
export async function runConclude(options: ConcludeOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const tablePath = resolveTablePath(cwd, options.table);
  if (options.out !== undefined) {
    const refused = refuseOutput(options.out, cwd, tablePath, options);
    if (refused) return failWith([refused], styler);
    const converter = options.pdf && requireSoffice(options.pdf.env);
    if (converter) return failWith([converter], styler);
  }
  const table = await loadTable(cwd, options.table);
  if (!table.ok) return failWith(findingsOf(table), styler);
  const folder = amendmentsDirOf(tablePath);
  const all = await loadAmendmentFolder(folder, cwd);
  if (!all.ok) return failWith(findingsOf(all), styler);
  const amendment = chooseAmendment(options, all.value, table.value.table.applied, tablePath);
  if ('failure' in amendment) return failWith([amendment.failure], styler);

  // Checked first, the missing file would be a missing data path to check.
  const missing = options.conclusion && missingConclusion(cwd, tablePath, amendment.value.id, options.conclusion);
  if (missing) return failWith([missing], styler);
  const gate = await checkBeforeDocuments({
    cwd,
    styler,
    config: options.config,
    // A conclusion or responses named from elsewhere are checked in place of those beside the table.
    paths: [
      join(folder, `${amendment.value.id}.yaml`),
      ...(options.conclusion !== undefined ? [options.conclusion] : []),
      ...(options.responses !== undefined ? [options.responses] : []),
    ],
    ...(options.table !== undefined && { table: options.table }),
  });
  if ('failure' in gate) return gate.failure;

  const conclusionRead = await readConclusionOf(cwd, tablePath, amendment.value.id, options.conclusion);
  if (!conclusionRead.ok) return failWith(findingsOf(conclusionRead), styler);
  const conclusion = conclusionRead.value;
  if (!conclusion.conclusion)
    return failWith(
      [
        diagnose(
          'FILE_NOT_FOUND',
          {
            what: `the conclusion of ${amendment.value.id}'s consultation, ${conclusion.file}`,
            hint: 'write it (mtad schema conclusion), or name it with --conclusion FILE',
          },
          { file: conclusion.file },
        ),
      ],
      styler,
    );
  const responsesFolder = responsesFolderOf(cwd, tablePath, amendment.value, options.responses);
  const responses = await readResponseEntries(cwd, responsesFolder, amendment.value, {
    named: options.responses !== undefined,
    amendments: all.value,
  });
  if (hasErrors(responses.diagnostics)) return failWith(responses.diagnostics, styler);

  const [template, directionTemplate, departments] = await Promise.all([
    readTemplate('conclusion.md', cwd),
    readTemplate('direction.txt', cwd),
    readDepartments(cwd, dirname(tablePath)),
  ]);
  if (!template.ok) return failWith(findingsOf(template), styler);
  if (!directionTemplate.ok) return failWith(findingsOf(directionTemplate), styler);
  if (!departments.ok) return failWith(findingsOf(departments), styler);
  // The history as made: each concluded or made amendment with its conclusion's final values, so
  // that the table in force (and the undoing of one already written) is the table as directed.
  const asMade = await withFinalValues(all.value, cwd, tablePath);
  if (hasErrors(asMade.diagnostics)) return failWith(asMade.diagnostics, styler);
  const final = finalAmendment(amendment.value, conclusion.conclusion);
  const plan = planConclude({
    amendment: amendment.value,
    conclusion: conclusion.conclusion,
    ...(final && { finalAmendment: final }),
    table: table.value.table,
    history: asMade.amendments,
    entries: responses.entries,
    audience: options.audience,
    templates: { conclusion: template.value, direction: directionTemplate.value },
    departments: departments.value,
    ...(options.created !== undefined && { created: options.created }),
  });
  const warnings: Diagnostic[] = [...conclusionRead.warnings, ...responses.diagnostics];
  if (plan.kind === 'refused') return failWith(plan.diagnostics, styler);
  if (options.stdout || options.out === undefined) return succeed(plan.markdown, styler, warnings);

  const { buildConclusionFiles } = await import('../../render/pack.js');
  const files = await buildConclusionFiles(plan);
  const withPdf = options.pdf ? await withPdfs(files, plan.created, options.pdf.env) : succeedWith(files);
  if (!withPdf.ok) return failWith(findingsOf(withPdf), styler);
  const target = resolve(cwd, options.out);
  const shown = displayPath(target, cwd);
  const listed = withPdf.value.map((file) => ({ path: file.path, sha256: sha256(file.content) }));
  const written = await writeFolderAtomically(
    target,
    [...withPdf.value, { path: PACK_MARKER_FILE, content: packMarkerText(listed, 'conclude', options.audience) }],
    {
      force: options.force,
      shown,
      marker: PACK_MARKER_FILE,
      listed: listedFiles,
      refuse: (text) => refuseOtherPack('conclude', shown, text, options.audience),
    },
  );
  if (!written.ok) return failWith(findingsOf(written), styler);
  return succeed(
    renderConclusionWritten({
      id: amendment.value.id,
      audience: options.audience,
      folder: shown,
      files: withPdf.value.map((f) => f.path),
      marker: PACK_MARKER_FILE,
    }),
    styler,
    warnings,
  );
}

/**
 * Why the folder may not be written at `out`: as for a pack (the working folder, the data folder, a
 * file the command reads), and the responses and conclusion it is made from.
 */
function refuseOutput(out: string, cwd: string, tablePath: string, options: ConcludeOptions): Diagnostic | undefined {
  if (out === '')
    return diagnose('ARGUMENT_INVALID', {
      option: '--out',
      value: out,
      expected: { kind: 'new-folder', of: 'report' },
    });
  const templates = join(cwd, 'templates');
  const inputs = [
    amendmentsDirOf(tablePath),
    lockPathOf(tablePath),
    ...(existsSync(templates) ? [templates] : []),
    ...(options.responses !== undefined ? [resolve(cwd, options.responses)] : []),
    ...(options.conclusion !== undefined ? [resolve(cwd, options.conclusion)] : []),
  ];
  return refuseProtectedOutput(out, { cwd, tablePath, inputs });
}

/** The amendment named, or the only one the table does not reflect yet that has a conclusion. */
function chooseAmendment(
  options: ConcludeOptions,
  amendments: readonly Amendment[],
  applied: readonly string[],
  tablePath: string,
): { value: Amendment } | { failure: Diagnostic } {
  if (options.amendment !== undefined) {
    const named = amendments.find((a) => a.id === options.amendment);
    if (named) return { value: named };
    return {
      failure: diagnose('ARGUMENT_INVALID', {
        option: 'AMENDMENT',
        value: options.amendment,
        expected: { kind: 'amendment-beside', ids: amendments.map((a) => a.id) },
      }),
    };
  }
  const candidates = amendments.filter(
    (a) =>
      !applied.includes(a.id) && (options.conclusion !== undefined || existsSync(conclusionPathOf(tablePath, a.id))),
  );
  const [only] = candidates;
  if (only && candidates.length === 1) return { value: only };
  const pending = amendments.filter((a) => !applied.includes(a.id)).map((a) => a.id);
  if (candidates.length > 1)
    return {
      failure: diagnose('ARGUMENT_MISSING', {
        argument: 'AMENDMENT',
        missing: { kind: 'conclusions-several', ids: candidates.map((a) => a.id) },
      }),
    };
  return {
    failure: diagnose('ARGUMENT_MISSING', { argument: 'AMENDMENT', missing: { kind: 'conclusion-none', pending } }),
  };
}
