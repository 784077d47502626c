import JSZip from 'jszip';
import { applyAmendments } from '../../src/domain/history/apply.js';
import type { Amendment } from '../../src/domain/model/amendment.js';
import { buildAmendReport } from '../../src/domain/documents/amend-report.js';
import { documentsDate, markRevisions } from '../../src/domain/documents/revision-marks.js';
import { parseTable } from '../../src/domain/model/table.js';
import { writeTableChanges } from '../../src/domain/history/table-write-back.js';
import { buildPack, type PackFile } from '../../src/render/pack.js';
import { sha256 } from '../../src/io/hash.js';
import { amendment, readRepoFile, shippedDepartments } from './data.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from './result.js';

/**
 * The pack `mtad amend --out` makes from `tableText` and `amendments` (the shipped table and the
 * pending MOC (Secure) amendment by default), built in-process, as a map from path to content.
 */
export async function buildTestPack(
  options: { tableText?: string; amendments?: Amendment[]; author?: string } = {},
): Promise<Map<string, PackFile['content']>> {
  const input = valueOf(parseTable(options.tableText ?? readRepoFile('data/table-17.6.yaml'), 'data/table-17.6.yaml'));
  const amendments = options.amendments ?? [amendment('mdust-close-moc-secure')];
  const application = valueOf(applyAmendments(input.table, amendments));
  const report = buildAmendReport(application, amendments, readRepoFile('templates/direction.txt'));
  const pack = await buildPack({
    report,
    amendments,
    amendedTable: writeTableChanges(input.source, application),
    markOf: markRevisions(application.changes, amendments, { author: options.author, fallbackDate: input.table.asAt }),
    responseTemplate: readRepoFile('templates/response-template.md'),
    departments: shippedDepartments(),
    created: documentsDate(amendments, input.table.asAt),
    hash: sha256,
  });
  if (!pack.ok) throw new Error(JSON.stringify(findingsOf(pack)));
  return new Map(pack.value.map((file) => [file.path, file.content]));
}

/** The text of a pack file that is text. */
export function textOf(content: PackFile['content'] | undefined): string {
  if (typeof content !== 'string') throw new Error('expected a text file');
  return content;
}

/** word/document.xml of a .docx, as written (one line). */
export async function documentXml(docx: PackFile['content'] | undefined): Promise<string> {
  if (!(docx instanceof Uint8Array)) throw new Error('expected a .docx file');
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('the .docx has no word/document.xml');
  return xml;
}

/**
 * document.xml with a line break before each paragraph, table, row and cell, so that a golden
 * file reads as a document. Breaks go only between elements, never inside a text run.
 */
export function documentXmlLines(xml: string): string {
  return `${xml.replace(/(<w:(?:p|tbl|tr|tc|sectPr)[ >]|<\/w:tbl>|<\/w:body>)/g, '\n$1')}\n`;
}
