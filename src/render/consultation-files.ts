import type { Amendment } from '../domain/model/amendment.js';
import type { Department } from '../domain/documents/department.js';
import { consultationHistory } from '../domain/documents/consultation-context.js';
import { consultationValues } from '../domain/documents/consultation-values.js';
import type { Table } from '../domain/model/table.js';
import { parseNarrative } from '../domain/parse/narrative-source.js';
import { succeed, type Result } from '../domain/model/result.js';
import { renderConsultationDocx } from './consultation-docx.js';
import { renderConsultationHtml } from './consultation-html.js';
import { renderConsultationMarkdown } from './consultation-markdown.js';

/** What the consultation document of one amendment is made from, read and checked. */
export interface ConsultationInput {
  amendment: Amendment;
  /** Every amendment beside the table, for the earlier closures. */
  amendments: readonly Amendment[];
  table: Table;
  /** The narrative's file as findings name it, and its text. */
  narrative: { file: string; text: string };
  /** templates/consultation.md. */
  template: string;
  /** The draft direction (Attachment 1), as `mtad direction` prints it. */
  direction: string;
  /** The instant the Word file is dated, from the data (or SOURCE_DATE_EPOCH). */
  created: string;
  /** The departments over time (data/departments.yaml). */
  departments: readonly Department[];
}

/** The consultation as Markdown, HTML and Word, or what stops it being made. */
export async function buildConsultationFiles(
  input: ConsultationInput,
): Promise<Result<{ path: string; content: string | Uint8Array }[]>> {
  const narrative = parseNarrative(input.narrative.text, input.narrative.file);
  if (!narrative.ok) return narrative;
  const history = consultationHistory(input.amendment, input.table, input.amendments);
  const values = consultationValues(input.amendment, {
    ...history,
    frontMatter: narrative.value.frontMatter,
    departments: input.departments,
  });
  if (!values.ok) return values;
  const markdown = renderConsultationMarkdown(input.template, narrative.value, values.value, input.direction);
  if (!markdown.ok) return markdown;
  const title = input.amendment.consultation.title ?? input.amendment.title;
  return succeed([
    { path: 'consultation.md', content: markdown.value },
    { path: 'consultation.html', content: renderConsultationHtml(markdown.value, title) },
    { path: 'consultation.docx', content: await renderConsultationDocx(markdown.value, title, input.created) },
  ]);
}
