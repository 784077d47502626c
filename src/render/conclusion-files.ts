import { Paragraph, TextRun } from 'docx';
import type { ConclusionReport } from '../domain/documents/conclusion-values.js';
import type { RevisionMark } from '../domain/documents/revision-marks.js';
import { renderConclusionMarkdown, REDLINE_MARKER } from './conclusion-markdown.js';
import { consultationBlocks, renderConsultationDocx } from './consultation-docx.js';
import { renderConsultationHtml } from './consultation-html.js';
import { redlineTableDocx } from './redline-docx.js';
import { redlineHeading } from './redline-heading.js';
import { redlineTableHtml } from './redline-html.js';
import type { PackFile } from './pack.js';

/**
 * The conclusion report's files: Markdown, HTML and Word, made from one Markdown skeleton. Heavy
 * (it loads docx): only `mtad conclude` imports it.
 */

/** The first name of the report's files: the published report, or the department's copy. */
function conclusionFileName(audience: ConclusionReport['audience']): string {
  return audience === 'department' ? 'conclusion-for-department' : 'conclusion';
}

const LEGEND = 'Inserted text is underlined and deleted text struck through.';
const REDLINE_STYLE =
  'ins{color:#0b6623;background:#e6f4ea;text-decoration:underline}' +
  'del{color:#b3261e;background:#fdecea;text-decoration:line-through}' +
  '.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}';

/**
 * The report's three files. `skeleton` is its Markdown with the line `[REDLINE]`; the Markdown file
 * has the redline's Markdown table there, the HTML file <ins>/<del>, and the Word file tracked
 * changes dated and signed by `markOf`.
 */
export async function buildConclusionFiles(input: {
  report: ConclusionReport;
  skeleton: string;
  title: string;
  markOf(cohort: string): RevisionMark;
  created: string;
}): Promise<PackFile[]> {
  const { report, skeleton, title } = input;
  const name = conclusionFileName(report.audience);
  const redline = report.final?.redline;
  const caption = redline && redlineHeading(redline, false).caption;
  const read = consultationBlocks(skeleton);
  const html = renderConsultationHtml(read, title, {
    replace: (text) =>
      text === REDLINE_MARKER && redline && caption !== undefined
        ? `<p>${LEGEND}</p>\n${redlineTableHtml(redline, caption)}`
        : undefined,
    style: REDLINE_STYLE,
  });
  const docx = await renderConsultationDocx(read, title, input.created, (text) =>
    text === REDLINE_MARKER && redline && caption !== undefined
      ? [
          new Paragraph({
            children: [
              new TextRun({
                text:
                  'The changes to the table are tracked changes: accepting them all gives the table as ' +
                  'modified; rejecting them all gives the table in force.',
                italics: true,
              }),
            ],
          }),
          new Paragraph({ keepNext: true, children: [new TextRun({ text: caption, bold: true })] }),
          redlineTableDocx(redline, input.markOf),
        ]
      : undefined,
  );
  return [
    { path: `${name}.md`, content: renderConclusionMarkdown(skeleton, report) },
    { path: `${name}.html`, content: html },
    { path: `${name}.docx`, content: docx },
  ];
}
