import type { Amendment } from '../domain/model/amendment.js';
import type { Diagnostic } from '../domain/model/diagnostics.js';
import { PACK_MARKER_FILE, packMarkerText } from '../domain/documents/pack-marker.js';
import type { AmendReport } from '../domain/documents/amend-report.js';
import { responseTemplateValues } from '../domain/documents/response-template-values.js';
import type { Department } from '../domain/documents/department.js';
import type { RevisionMark } from '../domain/documents/revision-marks.js';
import { findingsOf, fromFindings, succeed, type Result } from '../domain/model/result.js';
import { renderDirectionDocx } from './direction-docx.js';
import { renderDirectionMarkdown } from './direction-markdown.js';
import { escapeMarkdownText } from './escape.js';
import { renderRedlineDocx } from './redline-docx.js';
import { redlineHeading } from './redline-heading.js';
import { renderRedlineHtml } from './redline-html.js';
import { renderMarkdownRedline } from './redline-markdown.js';
import { changesAsJson } from './report.js';
import { renderResponseTemplateDocx } from './response-template-docx.js';
import { renderResponseTemplateMarkdown } from './response-template.js';

/**
 * The consultation pack: every file `mtad amend --out DIR` writes, made in memory. Heavy (it
 * loads docx): the CLI imports it only when --out is given.
 */

// The conclusion report's Word file is made with the pack's renderers: the build keeps them all
// in pack.cjs, out of the CLI's start-up.
export { buildConclusionFiles } from './conclusion-files.js';

/** What the pack is made from; everything is data already read and checked. */
export interface PackInput {
  report: AmendReport;
  amendments: readonly Amendment[];
  /** The table file with the changes written in (writeTableChanges). */
  amendedTable: string;
  /** The author and date of the revisions in a cohort's row. */
  markOf(cohort: string): RevisionMark;
  /** The text of templates/response-template.md. */
  responseTemplate: string;
  /** The departments over time (data/departments.yaml). */
  departments: readonly Department[];
  /** The instant the Word files are dated: from the data (or SOURCE_DATE_EPOCH), never the clock. */
  created: string;
  /** The SHA-256 of a file's bytes (as lowercase hex), for the marker's list of what mtad wrote. */
  hash(content: string | Uint8Array): string;
  /** More files of an amendment (its consultation document), by amendment id, beside its others. */
  amendmentExtras?: ReadonlyMap<string, readonly PackFile[]>;
}

/** One file of the pack: its path inside DIR and its content. */
export interface PackFile {
  path: string;
  content: string | Uint8Array;
}

/** The redline as Markdown for a pull-request comment, under the redline's heading. */
function renderRedlineMarkdownPage(report: AmendReport, draft: boolean): string {
  const heading = redlineHeading(report.redline, draft);
  const legend = 'Inserted text is marked <ins>inserted</ins> and deleted text <del>deleted</del>.';
  const note = heading.headingsNote === undefined ? [] : [escapeMarkdownText(heading.headingsNote), ''];
  return [
    `# ${escapeMarkdownText(heading.title)}`,
    '',
    legend,
    '',
    ...note,
    renderMarkdownRedline(report.redline),
  ].join('\n');
}

/** The pack's files about the table, by name. */
const TABLE_FILES = {
  'redline.docx': (input, draft) =>
    renderRedlineDocx(input.report.redline, { draft, markOf: input.markOf, created: input.created }),
  'redline.html': (input, draft) => renderRedlineHtml(input.report.redline, { draft }),
  'redline.md': (input, draft) => renderRedlineMarkdownPage(input.report, draft),
  'changes.json': (input) =>
    JSON.stringify({ table: input.report.redline.number, changes: changesAsJson(input.report.changes) }, null, 2) +
    '\n',
} satisfies Record<string, (input: PackInput, draft: boolean) => string | Promise<Uint8Array>>;

/** What one amendment's documents are made from. */
interface AmendmentDocuments {
  direction: string;
  responseMarkdown: string;
  title: string;
  created: string;
}

/** The pack's files for each amendment (its consultation's attachments 1 and 2), by name. */
const AMENDMENT_FILES = {
  'direction.txt': (d) => d.direction,
  'direction.md': (d) => renderDirectionMarkdown(d.direction),
  'direction.docx': (d) => renderDirectionDocx(d.direction, d.created),
  'response-template.md': (d) => d.responseMarkdown,
  'response-template.docx': (d) => renderResponseTemplateDocx(d.responseMarkdown, d.title, d.created),
} satisfies Record<string, (documents: AmendmentDocuments) => string | Promise<Uint8Array>>;

/** The names of the files a pack holds for one amendment, then for the table. */
export const PACK_FILE_NAMES = [...Object.keys(AMENDMENT_FILES), ...Object.keys(TABLE_FILES)];

/** Each amendment's direction and response template, or what stops them being made. */
function amendmentDocuments(input: PackInput): Result<Map<string, AmendmentDocuments>> {
  const diagnostics: Diagnostic[] = [];
  const documents = new Map<string, AmendmentDocuments>();
  for (const amendment of input.amendments) {
    const direction = input.report.directions.find((d) => d.amendmentId === amendment.id);
    if (direction) diagnostics.push(...findingsOf(direction.text));
    const values = responseTemplateValues(amendment, input.departments);
    diagnostics.push(...findingsOf(values));
    const response = values.ok ? renderResponseTemplateMarkdown(input.responseTemplate, values.value) : undefined;
    if (response) diagnostics.push(...findingsOf(response));
    if (direction?.text.ok && response?.ok) {
      documents.set(amendment.id, {
        direction: direction.text.value,
        responseMarkdown: response.value,
        title: `Response Template - ${amendment.title}`,
        created: input.created,
      });
    }
  }
  return fromFindings(documents, diagnostics);
}

/**
 * Makes every file of the pack, or none: a missing value any document needs stops the pack. With
 * one amendment its documents sit at the top of DIR; with several, in a folder named by its id.
 * The marker (.mtad-pack) says the folder is mtad's and lists what it holds, so that --force may
 * later replace it, and only it.
 */
export async function buildPack(input: PackInput): Promise<Result<PackFile[]>> {
  const documents = amendmentDocuments(input);
  if (!documents.ok) return documents;
  const draft = input.report.directions.some((d) => d.mode === 'draft');
  const folderOf = (id: string): string => (input.amendments.length > 1 ? `${id}/` : '');
  const made: Promise<PackFile>[] = [];
  for (const [id, docs] of documents.value) {
    for (const [name, render] of Object.entries(AMENDMENT_FILES))
      made.push(Promise.resolve(render(docs)).then((content) => ({ path: `${folderOf(id)}${name}`, content })));
    for (const file of input.amendmentExtras?.get(id) ?? [])
      made.push(Promise.resolve({ path: `${folderOf(id)}${file.path}`, content: file.content }));
  }
  for (const [name, render] of Object.entries(TABLE_FILES))
    made.push(Promise.resolve(render(input, draft)).then((content) => ({ path: name, content })));
  made.push(Promise.resolve({ path: `table-${input.report.redline.number}.yaml`, content: input.amendedTable }));
  const files = await Promise.all(made);
  const listed = files.map((file) => ({ path: file.path, sha256: input.hash(file.content) }));
  return succeed([...files, { path: PACK_MARKER_FILE, content: packMarkerText(listed, 'amend') }]);
}
