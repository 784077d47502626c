import type { CheckConfig } from '../../domain/check/check-config.js';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Amendment } from '../../domain/model/amendment.js';
import { renderDirectionText } from '../../domain/documents/amend-report.js';
import { diagnose } from '../../domain/model/diagnostics.js';
import { PACK_MARKER_FILE, packMarkerText, listedFiles, refuseOtherPack } from '../../domain/documents/pack-marker.js';
import { documentsDate } from '../../domain/documents/revision-marks.js';
import { displayPath, readTemplate, readText } from '../../io/read.js';
import { readNarrativeRecalled } from '../../domain/check/file-rules.js';
import { writeFolderAtomically } from '../../io/write.js';
import { refusePackPath } from '../amend-pack.js';
import { checkBeforeDocuments } from '../check-gate.js';
import {
  amendmentsDirOf,
  loadAmendmentFolder,
  loadTable,
  narrativePathOf,
  resolveAmendmentPaths,
  resolveTablePath,
} from '../inputs.js';
import { readDepartments } from '../departments.js';
import { sha256 } from '../../io/hash.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { findingsOf } from '../../domain/model/result.js';
import { renderConsultationWritten } from '../../render/written-notes.js';

export interface ConsultationOptions extends CommonOptions {
  /** The amendment, by id or path; default: the one not yet in the table that has a narrative. */
  amendment?: string;
  table?: string;
  out: string;
  force: boolean;
  /** The instant to date the Word file by (SOURCE_DATE_EPOCH), instead of one from the data. */
  created?: string;
  /** The configuration of `mtad check`, for the check the documents pass first. */
  config: CheckConfig;
}

/**
 * `mtad consultation`: the consultation document of one amendment, as Markdown, HTML and Word, in
 * a new folder (all or nothing, as `amend --out` writes its pack), made only when `mtad check`
 * finds no error in the files it is made from (the narrative among them).
 */
export async function runConsultation(options: ConsultationOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const tablePath = resolveTablePath(cwd, options.table);
  const folder = amendmentsDirOf(tablePath);
  const named = options.amendment === undefined ? [] : resolveAmendmentPaths(cwd, [options.amendment], folder);
  const refused = refusePackPath(options.out, { cwd, tablePath, amendmentPaths: named });
  if (refused) return failWith([refused], styler);
  const table = await loadTable(cwd, options.table);
  if (!table.ok) return failWith(findingsOf(table), styler);
  const all = await loadAmendmentFolder(folder, cwd);
  if (!all.ok) return failWith(findingsOf(all), styler);
  const amendment = chooseAmendment(options.amendment, named[0], all.value, table.value.table.applied, tablePath);
  if ('failure' in amendment) return failWith([amendment.failure], styler);

  const gate = await checkBeforeDocuments({
    cwd,
    styler,
    config: options.config,
    paths: [amendment.path],
    ...(options.table !== undefined && { table: options.table }),
  });
  if ('failure' in gate) return gate.failure;

  const narrativePath = narrativePathOf(tablePath, amendment.value.id);
  const narrativeShown = displayPath(narrativePath, cwd);
  if (!existsSync(narrativePath))
    return failWith(
      [
        diagnose(
          'FILE_NOT_FOUND',
          {
            what:
              `${narrativeShown}, the narrative of the consultation on ${amendment.value.id} (DCC's own words ` +
              `for its sections before Next Steps),`,
            hint:
              'write it there: templates/narrative.md is its scaffold (mtad new close copies it for a new ' +
              'closure), and templates/README.md describes it',
          },
          { file: narrativeShown },
        ),
      ],
      styler,
    );
  const [narrative, template, directionTemplate, departments] = await Promise.all([
    readText(narrativePath, narrativeShown),
    readTemplate('consultation.md', cwd),
    readTemplate('direction.txt', cwd),
    readDepartments(cwd, dirname(tablePath)),
  ]);
  if (!narrative.ok) return failWith(findingsOf(narrative), styler);
  if (!template.ok) return failWith(findingsOf(template), styler);
  if (!directionTemplate.ok) return failWith(findingsOf(directionTemplate), styler);
  if (!departments.ok) return failWith(findingsOf(departments), styler);
  const direction = renderDirectionText(amendment.value, directionTemplate.value, 'draft');
  if (!direction.ok) return failWith(findingsOf(direction), styler);

  const narrativeRead = readNarrativeRecalled({ file: narrativeShown, text: narrative.value });
  if (!narrativeRead.ok) return failWith(findingsOf(narrativeRead), styler);
  const { buildConsultationFiles } = await import('../../render/consultation-files.js');
  const files = await buildConsultationFiles({
    amendment: amendment.value,
    amendments: all.value,
    table: table.value.table,
    narrative: narrativeRead.value,
    template: template.value,
    direction: direction.value,
    created: options.created ?? documentsDate([amendment.value], table.value.table.asAt),
    departments: departments.value,
  });
  if (!files.ok) return failWith(findingsOf(files), styler);
  const target = resolve(cwd, options.out);
  const shown = displayPath(target, cwd);
  const listed = files.value.map((file) => ({ path: file.path, sha256: sha256(file.content) }));
  const written = await writeFolderAtomically(
    target,
    [...files.value, { path: PACK_MARKER_FILE, content: packMarkerText(listed, 'consultation') }],
    {
      force: options.force,
      shown,
      marker: PACK_MARKER_FILE,
      listed: listedFiles,
      refuse: (text) => refuseOtherPack('consultation', shown, text),
    },
  );
  if (!written.ok) return failWith(findingsOf(written), styler);
  return succeed(
    renderConsultationWritten({
      id: amendment.value.id,
      folder: shown,
      files: files.value.map((f) => f.path),
      marker: PACK_MARKER_FILE,
    }),
    styler,
  );
}

/**
 * The amendment named (by id, or by its file in the amendments folder), or the only one the table does not reflect yet
 * that has a narrative.
 */
function chooseAmendment(
  argument: string | undefined,
  namedPath: string | undefined,
  amendments: readonly Amendment[],
  applied: readonly string[],
  tablePath: string,
): { value: Amendment; path: string } | { failure: ReturnType<typeof diagnose> } {
  const folder = amendmentsDirOf(tablePath);
  const pathOf = (a: Amendment) => join(folder, `${a.id}.yaml`);
  if (argument !== undefined) {
    const amendment = amendments.find((a) => a.id === argument || pathOf(a) === namedPath);
    if (amendment) return { value: amendment, path: pathOf(amendment) };
    return {
      failure: diagnose('ARGUMENT_INVALID', {
        option: 'AMENDMENT',
        value: argument,
        expected: { kind: 'amendment-beside', ids: amendments.map((a) => a.id), byFile: true },
      }),
    };
  }
  const candidates = amendments.filter(
    (a) => !applied.includes(a.id) && a.status !== 'withdrawn' && existsSync(narrativePathOf(tablePath, a.id)),
  );
  const [only] = candidates;
  if (only && candidates.length === 1) return { value: only, path: pathOf(only) };
  return {
    failure: diagnose('ARGUMENT_MISSING', {
      argument: 'the amendment',
      missing:
        candidates.length === 0
          ? { kind: 'narrative-none', ...(amendments.length > 0 && { last: amendments.at(-1)?.id }) }
          : { kind: 'narratives-several', ids: candidates.map((a) => a.id) },
    }),
  };
}
