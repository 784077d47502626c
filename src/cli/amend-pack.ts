import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Amendment } from '../domain/model/amendment.js';
import type { Application } from '../domain/history/apply.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { listedFiles, PACK_MARKER_FILE, packMarkerText, refuseOtherPack } from '../domain/documents/pack-marker.js';
import { documentsDate, markRevisions } from '../domain/documents/revision-marks.js';
import type { AmendReport } from '../domain/documents/amend-report.js';
import type { TableInput } from '../domain/model/table.js';
import { readNarrativeRecalled, type FileMemo } from '../domain/check/file-rules.js';
import { asAtAfterWriting, writeTableChanges } from '../domain/history/table-write-back.js';
import { displayPath, readTemplate, readText } from '../io/read.js';
import type { PackFile } from '../render/pack.js';
import { amendedTableNote, renderPackWritten } from '../render/written-notes.js';
import { renderDirectionText } from '../domain/documents/amend-report.js';
import { sha256 } from '../io/hash.js';
import { refuseProtectedOutput } from '../io/output-guard.js';
import { writeFolderAtomically } from '../io/write.js';
import { amendmentsDirOf, loadAmendmentFolder, lockPathOf, narrativePathOf } from './inputs.js';
import { readDepartments } from './departments.js';
import type { Department } from '../domain/documents/department.js';
import { withPdfs } from './pdf-pack.js';
import { failWith, succeed, type CommonOptions, type Outcome } from './outcome.js';
import { findingsOf, succeed as succeedWith, type Result } from '../domain/model/result.js';

export interface PackOptions extends CommonOptions {
  /** The folder to write. */
  out: string;
  /** Replace `out` when it exists. */
  force: boolean;
  /** The author of the redline's tracked changes, instead of each amendment's. */
  author?: string;
  /** The instant to date the Word files by, instead of one from the data (SOURCE_DATE_EPOCH). */
  created?: string;
  /** --into: the MTAD's own Word document, to which the pack adds a redlined copy. */
  into?: { name: string; shown: string; bytes: Uint8Array };
  /** The table's path: the departments file is read beside it. */
  tablePath: string;
  /** Add a PDF of each Word file, converted by LibreOffice; the environment it runs in. */
  pdf?: { env: NodeJS.ProcessEnv };
  /** The cache of `mtad check` the run has open: the narratives, departments and amendments are recalled from it. */
  memo?: FileMemo;
}

/**
 * Writes the consultation pack of an application into a new folder, all or nothing. The docx
 * renderers are loaded here, on demand, so that `mtad amend` without --out starts fast.
 */
export async function writeAmendPack(
  options: PackOptions,
  input: {
    table: TableInput;
    application: Application;
    amendments: readonly Amendment[];
    report: AmendReport;
    /**
     * The amendments as their files hold them, before a conclusion's final values: what was
     * consulted on, which the consultation document and its response template show.
     */
    consulted: readonly Amendment[];
    /** The table file with the changes written in, when --write wrote it already. */
    amendedText?: string;
  },
): Promise<Outcome> {
  const { cwd, styler } = options;
  const template = await readTemplate('response-template.md', cwd);
  if (!template.ok) return failWith(findingsOf(template), styler);
  const departments = await readDepartments(cwd, dirname(options.tablePath), options.memo);
  if (!departments.ok) return failWith(findingsOf(departments), styler);
  const markOf = markRevisions(input.application.changes, input.amendments, {
    author: options.author,
    fallbackDate: input.table.table.asAt,
  });
  const { buildPack } = await import('../render/pack.js');
  const created = options.created ?? documentsDate(input.amendments, input.table.table.asAt);
  const consultations = await consultationFiles(options, input, created, departments.value);
  if (!consultations.ok) return failWith(findingsOf(consultations), styler);
  const built = await buildPack({
    amendmentExtras: consultations.value,
    report: input.report,
    amendments: input.amendments,
    amendedTable: amendedTableText(input),
    markOf,
    responseTemplate: template.value,
    departments: departments.value,
    created,
    hash: sha256,
  });
  if (!built.ok) return failWith(findingsOf(built), styler);
  const pack = options.pdf ? await withPdfs(built.value, created, options.pdf.env) : built;
  if (!pack.ok) return failWith(findingsOf(pack), styler);
  const files = [...pack.value];
  if (options.into) {
    const { redlineAmendments } = await import('../word/redline-amendments.js');
    const { table } = input.table;
    const shown = options.into.shown;
    const redlined = redlineAmendments(options.into.bytes, input.application.changes, {
      tableNumber: table.number,
      ...(table.headingsBy === 'dcc' && { columns: table.columns }),
      markOf,
    });
    // Nothing is written when the document refuses a change: its findings name row and column.
    if (!redlined.ok)
      return failWith(
        findingsOf(redlined).map((d) => ({ ...d, file: d.file ?? shown })),
        styler,
      );
    files.push({ path: `${options.into.name} Draft Redlined.docx`, content: redlined.value });
  }
  const target = resolve(cwd, options.out);
  const shown = displayPath(target, cwd);
  const written = await writeFolderAtomically(target, listedInMarker(files), {
    force: options.force,
    shown,
    marker: PACK_MARKER_FILE,
    listed: listedFiles,
    refuse: (text) => refuseOtherPack('amend', shown, text),
  });
  if (!written.ok) return failWith(findingsOf(written), styler);
  const names = files.map((file) => file.path).sort();
  return succeed(renderPackWritten({ folder: shown, files: names, marker: PACK_MARKER_FILE }), styler);
}

/**
 * The consultation document of each amendment that has a narrative (consultations/<id>.md beside
 * the table), by amendment id; an amendment without one has none in the pack.
 */
async function consultationFiles(
  options: PackOptions,
  input: { table: TableInput; amendments: readonly Amendment[]; consulted: readonly Amendment[] },
  created: string,
  departments: readonly Department[],
): Promise<Result<Map<string, PackFile[]>>> {
  const files = new Map<string, PackFile[]>();
  const withNarrative = consultedOf(input).filter((a) => existsSync(narrativePathOf(options.tablePath, a.id)));
  if (withNarrative.length === 0) return succeedWith(files);
  const [template, directionTemplate] = await Promise.all([
    readTemplate('consultation.md', options.cwd),
    readTemplate('direction.txt', options.cwd),
  ]);
  if (!template.ok) return template;
  if (!directionTemplate.ok) return directionTemplate;
  // Every amendment beside the table, those it reflects too: what a consultation says of the earlier ones.
  const all = await loadAmendmentFolder(amendmentsDirOf(options.tablePath), options.cwd, {
    checked: { memo: options.memo },
  });
  if (!all.ok) return all;
  const { buildConsultationFiles } = await import('../render/consultation-files.js');
  for (const amendment of withNarrative) {
    const path = narrativePathOf(options.tablePath, amendment.id);
    const shown = displayPath(path, options.cwd);
    const text = await readText(path, shown);
    if (!text.ok) return text;
    const narrative = readNarrativeRecalled({ file: shown, text: text.value }, options.memo);
    if (!narrative.ok) return narrative;
    // Attachment 1 of a consultation is the direction as consulted on: its draft.
    const direction = renderDirectionText(amendment, directionTemplate.value, 'draft');
    if (!direction.ok) return direction;
    const built = await buildConsultationFiles({
      amendment,
      amendments: all.value,
      table: input.table.table,
      narrative: narrative.value,
      template: template.value,
      direction: direction.value,
      created,
      departments,
    });
    if (!built.ok) return built;
    files.set(amendment.id, built.value);
  }
  return succeedWith(files);
}

/**
 * Each amendment of the pack as it was consulted on: a conclusion's final values belong to the
 * direction, the redline and the table, never to the consultation and its response template.
 */
function consultedOf(input: { amendments: readonly Amendment[]; consulted: readonly Amendment[] }): Amendment[] {
  return input.amendments.map((amendment) => input.consulted.find((a) => a.id === amendment.id) ?? amendment);
}

/**
 * Why the pack may not be written at `out`, before anything is read or made: an empty path (what an
 * unset shell variable gives), or a path that is the working folder or holds it, lies in the data
 * folder, or is or holds a file the command reads (the table, the lock, the amendments, the
 * templates). Whether an existing folder may be replaced is for writeFolderAtomically to say.
 */
export function refusePackPath(
  out: string,
  context: { cwd: string; tablePath: string; amendmentPaths: readonly string[] },
): Diagnostic | undefined {
  if (out === '')
    return diagnose('ARGUMENT_INVALID', {
      option: '--out',
      value: out,
      expected: { kind: 'new-folder', of: 'pack' },
    });
  const { cwd, tablePath } = context;
  // The templates are read from the working folder's templates/ when it is there, else from mtad's.
  const templates = join(cwd, 'templates');
  const inputs = [
    amendmentsDirOf(tablePath),
    lockPathOf(tablePath),
    ...(existsSync(templates) ? [templates] : []),
    ...context.amendmentPaths,
  ];
  return refuseProtectedOutput(out, { cwd, tablePath, inputs });
}

/**
 * The table file as the amendments would leave it, said so at its top: its own header speaks of
 * the table before them. Its asAt is the date the amendments take effect, as --write would set it.
 */
function amendedTableText(input: {
  table: TableInput;
  application: Application;
  amendments: readonly Amendment[];
  amendedText?: string;
}): string {
  const { table } = input.table;
  const after = { ...input.application.after, asAt: asAtAfterWriting(table.asAt, input.amendments, table.asAt) };
  const note = amendedTableNote(table.number, input.amendments);
  return note + (input.amendedText ?? writeTableChanges(input.table.source, { ...input.application, after }));
}

/**
 * The pack's files with a marker that lists every one of them: the PDFs and the redlined MTAD are
 * added after the pack is built, and a file the marker does not list would make the next --force
 * refuse the pack as holding a file mtad did not write.
 */
function listedInMarker<F extends { path: string; content: string | Uint8Array }>(files: readonly F[]) {
  const written = files.filter((file) => file.path !== PACK_MARKER_FILE);
  const listed = written.map((file) => ({ path: file.path, sha256: sha256(file.content) }));
  return [...written, { path: PACK_MARKER_FILE, content: packMarkerText(listed, 'amend') }];
}
