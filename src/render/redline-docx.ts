import {
  DeletedTextRun,
  HeadingLevel,
  InsertedTextRun,
  Paragraph,
  type Table,
  TableCell,
  TableRow,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { Redline, RedlineCell, RedlineRow } from '../domain/documents/redline.js';
import type { RevisionMark } from '../domain/documents/revision-marks.js';
import { borderedTable, headerCell, packDocx, TEXT_WIDTH } from './docx-document.js';
import { cellParts } from './redline-cell.js';
import { redlineHeading } from './redline-heading.js';

const TRACKED_CHANGES_NOTE =
  'The changes to the table are tracked changes: accepting them all gives the amended table; rejecting them ' +
  'all gives the table as it stands.';

export interface RedlineDocxOptions {
  /** "Draft Redlined" in the heading. */
  draft: boolean;
  /** The author and date of the revisions in a cohort's row. */
  markOf(cohort: string): RevisionMark;
  /** The instant the document is dated (see packDocx). */
  created: string;
}

/** The revision ids Word needs, unique in the document. */
function revisionCounter(): (mark: RevisionMark) => RevisionMark & { id: number } {
  let id = 0;
  return (mark) => ({ ...mark, id: ++id });
}

type Revise = ReturnType<typeof revisionCounter>;

/** The runs of one cell: unchanged text, or the old value deleted and the new one inserted. */
function cellRuns(
  cell: RedlineCell,
  status: RedlineRow['status'],
  mark: RevisionMark,
  revise: Revise,
): ParagraphChild[] {
  return cellParts(cell, status).map(({ mark: kind, text }) =>
    kind === 'kept'
      ? new TextRun(text)
      : kind === 'deleted'
        ? new DeletedTextRun({ text, ...revise(mark) })
        : new InsertedTextRun({ text, ...revise(mark) }),
  );
}

/**
 * A row of the redline. An inserted or deleted row is a row revision (w:trPr/w:ins or w:del) with
 * every run and every paragraph mark in it marked as well: readers that ignore the row mark
 * (pandoc does) still drop or keep its text correctly.
 */
function redlineRow(row: RedlineRow, mark: RevisionMark, revise: Revise): TableRow {
  const rowRevision =
    row.status === 'inserted'
      ? { insertion: revise(mark) }
      : row.status === 'deleted'
        ? { deletion: revise(mark) }
        : {};
  const paragraphMark = (): object =>
    row.status === 'inserted'
      ? { run: { insertion: revise(mark) } }
      : row.status === 'deleted'
        ? { run: { deletion: revise(mark) } }
        : {};
  return new TableRow({
    ...rowRevision,
    children: row.cells.map(
      (cell) =>
        new TableCell({
          children: [new Paragraph({ ...paragraphMark(), children: cellRuns(cell, row.status, mark, revise) })],
        }),
    ),
  });
}

/** Table 17.6 as a Word table whose changes are tracked changes, for any document that shows the redline. */
export function redlineTableDocx(redline: Redline, markOf: (cohort: string) => RevisionMark): Table {
  const revise = revisionCounter();
  // The MTAD's other columns, when the table carries them, share the width equally with the three.
  const shares =
    redline.headings.length === 3 ? [0.34, 0.22, 0.44] : redline.headings.map(() => 1 / redline.headings.length);
  const widths = shares.map((share) => Math.round(TEXT_WIDTH * share));
  return borderedTable(
    [
      new TableRow({
        tableHeader: true,
        children: redline.headings.map((text) => headerCell([new TextRun({ text, bold: true })])),
      }),
      ...redline.rows.map((row) => redlineRow(row, markOf(row.cohort), revise)),
    ],
    widths,
  );
}

/**
 * Attachment 3: the heading, and Table 17.6 as a Word table whose changes are tracked changes.
 * Accepting them all gives the amended table; rejecting them all gives the table as it stands.
 */
export function renderRedlineDocx(redline: Redline, options: RedlineDocxOptions): Promise<Uint8Array> {
  const heading = redlineHeading(redline, options.draft);
  const table = redlineTableDocx(redline, options.markOf);
  return packDocx(
    heading.title,
    [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(heading.title)] }),
      new Paragraph({ children: [new TextRun(heading.version)] }),
      new Paragraph({ children: [new TextRun({ text: TRACKED_CHANGES_NOTE, italics: true })] }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(heading.caption)] }),
      table,
      ...(heading.headingsNote === undefined
        ? []
        : [new Paragraph({ children: [new TextRun({ text: heading.headingsNote, italics: true })] })]),
    ],
    { trackRevisions: true, created: options.created },
  );
}
