import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Amendment } from '../domain/model/amendment.js';
import type { Application } from '../domain/history/apply.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { PACK_MARKER_FILE, PACK_MARKER_NOTE } from '../domain/documents/pack-marker.js';
import { documentsDate, markRevisions } from '../domain/documents/revision-marks.js';
import type { AmendReport } from '../domain/documents/amend-report.js';
import type { TableInput } from '../domain/model/table.js';
import { asAtAfterWriting, writeTableChanges } from '../domain/history/table-write-back.js';
import { displayPath, readTemplate, readText } from '../io/read.js';
import type { PackFile } from '../render/pack.js';
import type { Result } from '../domain/parse/schema-validation.js';
import { renderDirectionText } from '../domain/documents/amend-report.js';
import { refuseProtectedOutput } from '../io/output-guard.js';
import { writeFolderAtomically } from '../io/write.js';
import { amendmentsDirOf, loadAmendmentFolder, lockPathOf, narrativePathOf } from './inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from './outcome.js';

export interface PackOptions extends CommonOptions {
  /** The folder to write. */
  out: string;
  /** Replace `out` when it exists. */
  force: boolean;
  /** The author of the redline's tracked changes, instead of each amendment's. */
  author?: string;
  /** The instant to date the Word files by, instead of one from the data (SOURCE_DATE_EPOCH). */
  created?: string;
  /** The table file: its consultations/ folder holds the narratives of the amendments' consultations. */
  tablePath: string;
}

/**
 * Writes the consultation pack of an application into a new folder, all or nothing. The docx
 * renderers are loaded here, on demand, so that `mtad amend` without --out starts fast.
 */
export async function writeAmendPack(
  options: PackOptions,
  input: { table: TableInput; application: Application; amendments: readonly Amendment[]; report: AmendReport },
): Promise<Outcome> {
  const { cwd, styler } = options;
  const template = await readTemplate('response-template.md', cwd);
  if (template.value === undefined) return failWith(template.diagnostics, styler);
  const markOf = markRevisions(input.application.changes, input.amendments, {
    author: options.author,
    fallbackDate: input.table.table.asAt,
  });
  const created = options.created ?? documentsDate(input.amendments, input.table.table.asAt);
  const consultations = await consultationFiles(options, input, created);
  if (!consultations.value) return failWith(consultations.diagnostics, styler);
  const { buildPack } = await import('../render/pack.js');
  const pack = await buildPack({
    amendmentExtras: consultations.value,
    report: input.report,
    amendments: input.amendments,
    amendedTable: amendedTableText(input),
    markOf,
    responseTemplate: template.value,
    created,
  });
  if (!pack.value) return failWith(pack.diagnostics, styler);
  const target = resolve(cwd, options.out);
  const shown = displayPath(target, cwd);
  const written = await writeFolderAtomically(target, pack.value, {
    force: options.force,
    shown,
    marker: PACK_MARKER_FILE,
  });
  if (!written.ok) return failWith(written.diagnostics, styler);
  const names = pack.value.map((file) => file.path).sort();
  const line = (name: string) => (name === PACK_MARKER_FILE ? `  ${name}  (${PACK_MARKER_NOTE})\n` : `  ${name}\n`);
  return succeed(
    `Wrote the consultation pack to ${shown}/ (${names.length} files):\n${names.map(line).join('')}`,
    styler,
  );
}

/**
 * The consultation document of each amendment that has a narrative (consultations/<id>.md beside
 * the table), by amendment id; an amendment without one has none in the pack.
 */
async function consultationFiles(
  options: PackOptions,
  input: { table: TableInput; amendments: readonly Amendment[] },
  created: string,
): Promise<Result<Map<string, PackFile[]>>> {
  const files = new Map<string, PackFile[]>();
  const withNarrative = input.amendments.filter((a) => existsSync(narrativePathOf(options.tablePath, a.id)));
  if (withNarrative.length === 0) return { ok: true, value: files, diagnostics: [] };
  const [template, directionTemplate] = await Promise.all([
    readTemplate('consultation.md', options.cwd),
    readTemplate('direction.txt', options.cwd),
  ]);
  if (template.value === undefined) return { ok: false, diagnostics: template.diagnostics };
  if (directionTemplate.value === undefined) return { ok: false, diagnostics: directionTemplate.diagnostics };
  // Every amendment beside the table, those it reflects too: what a consultation says of the earlier ones.
  const all = await loadAmendmentFolder(amendmentsDirOf(options.tablePath), options.cwd);
  if (!all.value) return { ok: false, diagnostics: all.diagnostics };
  const { buildConsultationFiles } = await import('../render/consultation-files.js');
  for (const amendment of withNarrative) {
    const path = narrativePathOf(options.tablePath, amendment.id);
    const shown = displayPath(path, options.cwd);
    const text = await readText(path, shown);
    if (text.value === undefined) return { ok: false, diagnostics: text.diagnostics };
    // Attachment 1 of a consultation is the direction as consulted on: its draft.
    const direction = renderDirectionText(amendment, directionTemplate.value, 'draft');
    if (direction.value === undefined) return { ok: false, diagnostics: direction.diagnostics };
    const built = await buildConsultationFiles({
      amendment,
      amendments: all.value,
      table: input.table.table,
      narrative: { file: shown, text: text.value },
      template: template.value,
      direction: direction.value,
      created,
    });
    if (!built.value) return { ok: false, diagnostics: built.diagnostics };
    files.set(amendment.id, built.value);
  }
  return { ok: true, value: files, diagnostics: [] };
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
      expected: 'the path of a new folder for the pack (an empty one is what an unset shell variable gives)',
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
}): string {
  const { table } = input.table;
  const after = { ...input.application.after, asAt: asAtAfterWriting(table.asAt, input.amendments, table.asAt) };
  const ids = input.amendments.map((a) => `${a.id} (${a.status})`).join(', ');
  const note = `# Table ${table.number} as amended by ${ids}: written by mtad amend --out; the comments below are the table file's own.\n`;
  return note + writeTableChanges(input.table.source, { ...input.application, after });
}
