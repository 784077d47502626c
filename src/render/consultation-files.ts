import type { Amendment } from '../domain/model/amendment.js';
import type { Department } from '../domain/documents/department.js';
import { consultationHistory } from '../domain/documents/consultation-context.js';
import { consultationValues } from '../domain/documents/consultation-values.js';
import type { Table } from '../domain/model/table.js';
import type { Narrative } from '../domain/parse/narrative-source.js';
import { succeed, type Result } from '../domain/model/result.js';
import { consultationBlocks, renderConsultationDocx } from './consultation-docx.js';
import { renderConsultationHtml } from './consultation-html.js';
import { renderConsultationMarkdown } from './consultation-markdown.js';

/** What the consultation document of one amendment is made from, read and checked. */
export interface ConsultationInput {
  amendment: Amendment;
  /** Every amendment beside the table, for the earlier closures. */
  amendments: readonly Amendment[];
  table: Table;
  /** The narrative, read (its front matter checked). */
  narrative: Narrative;
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
  const { narrative } = input;
  const history = consultationHistory(input.amendment, input.table, input.amendments);
  const values = consultationValues(input.amendment, {
    ...history,
    frontMatter: narrative.frontMatter,
    departments: input.departments,
  });
  if (!values.ok) return values;
  const markdown = renderConsultationMarkdown(input.template, narrative, values.value, input.direction);
  if (!markdown.ok) return markdown;
  const title = input.amendment.consultation.title ?? input.amendment.title;
  const read = consultationBlocks(markdown.value);
  return succeed([
    { path: 'consultation.md', content: markdown.value },
    { path: 'consultation.html', content: renderConsultationHtml(read, title) },
    { path: 'consultation.docx', content: await renderConsultationDocx(read, title, input.created) },
  ]);
}
