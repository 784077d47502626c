/**
 * Reading a response template that mtad generated and a respondent filled in (in Word, LibreOffice
 * or anything that saves .docx). It is read by its structure, never by its sentences, so that the
 * template's wording can change: the respondent details are the rows of the first table of two
 * columns, the confidentiality choice is the group of checkbox lines, as paragraphs or as the rows
 * of a table (in order: none, all, part),
 * and the table after it, and each question's answer is the answer box that follows the first
 * mention of its id (or the cell beside the id in a table that lists questions in rows).
 */
import type { Element } from '@xmldom/xmldom';
import { diagnose, type ResponseFormProblem } from '../domain/model/diagnostics.js';
import { fail, findingsOf, succeed, type Failure, type Result } from '../domain/model/result.js';
import { bodyBlocks, cellsOf, cellText, rowsOf } from './find-table.js';
import { openDocx } from './package.js';
import { isW, normaliseSpace, visibleText } from './xml.js';
import { readZip } from './zip.js';

/** A block of the body, as the reader sees it. */
type FormBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

/** What a filled-in response template says. A field left empty is absent. */
export interface ResponseForm {
  respondent: { name?: string; organisation?: string; email?: string; telephone?: string };
  /** The box ticked, when exactly one is. */
  confidentiality?: 'none' | 'all' | 'part';
  reason?: string;
  /** The answer to each question asked, by id; absent when its box is empty. */
  answers: Map<string, string>;
  /** Every text of the document, to tell which consultation it is the template of. */
  texts: string[];
}

/**
 * The largest part a response template may inflate to (16 MiB): a template with its answers is
 * tens of kilobytes, and a zip bomb declares far more.
 */
const MAX_PART_BYTES = 16 * 1024 * 1024;

/** Unticked and ticked boxes: the template's ☐, and what a writer or a respondent puts for a tick. */
const UNTICKED = '☐□';
const TICKED = '☒☑■✓✔✗✘⊠';
const BOX_LINE = new RegExp(`^(?:[xX]\\s*)?[${UNTICKED}${TICKED}]`);
const isTicked = (line: string): boolean =>
  new RegExp(`^[${TICKED}]`).test(line) || new RegExp(`^[xX]\\s*[${UNTICKED}]`).test(line);

const unreadable = (problem: ResponseFormProblem): Failure => fail([diagnose('RESPONSE_FORM_UNREADABLE', problem)]);

/** The body as paragraphs and tables, or why it cannot be had. */
function readBlocks(bytes: Uint8Array): Result<FormBlock[]> {
  // A file that is not a Word document at all is the wrong file named, as in every command that
  // reads a .docx (exit status 2); a Word document without the template's structure is data (1).
  const zip = readZip(bytes);
  if (!zip.ok) return fail([diagnose('WORD_PACKAGE_UNREADABLE', { reason: zip.reason })]);
  const huge = zip.zip.entries.find((entry) => entry.size > MAX_PART_BYTES);
  if (huge)
    return fail([
      diagnose('WORD_PACKAGE_UNREADABLE', {
        reason:
          `its part ${huge.name} would be ${huge.size} bytes uncompressed, more than a response template can ` +
          `be (${MAX_PART_BYTES})`,
      }),
    ]);
  const opened = openDocx(bytes);
  if (!opened.ok) return opened;
  const blocks = bodyBlocks(opened.value).map((element: Element): FormBlock =>
    isW(element, 'tbl')
      ? { kind: 'table', rows: rowsOf(element).map((row) => cellsOf(row).map((cell) => cellText(cell).trim())) }
      : { kind: 'paragraph', text: normaliseSpace(visibleText(element)) },
  );
  return succeed(blocks);
}

/** Where the id stands as a whole (not the start of a longer id: "Q1" in "Q10"). */
function mentions(text: string, id: string): boolean {
  const at = normaliseSpace(text).indexOf(id);
  if (at < 0) return false;
  const next = normaliseSpace(text).charAt(at + id.length);
  return !/[\p{L}\p{N}]/u.test(next);
}

/** The text of a table's answer cells: the rows under its heading row, or its only row. */
function boxText(rows: readonly string[][]): string {
  const body = rows.length > 1 ? rows.slice(1) : rows;
  return body
    .map((row) => row.filter((cell) => cell !== '').join('\n'))
    .filter((text) => text !== '')
    .join('\n')
    .trim();
}

/** Which respondent detail a row's label names. */
function detailOf(label: string): keyof ResponseForm['respondent'] | undefined {
  const key = label.toLowerCase();
  if (/e-?mail/.test(key)) return 'email';
  if (/phone|tel\b|telephone/.test(key)) return 'telephone';
  if (/organi[sz]ation|company/.test(key)) return 'organisation';
  if (/name/.test(key)) return 'name';
  return undefined;
}

/**
 * Reads a filled-in response template for the questions `questionIds`. A template whose structure
 * is not the one mtad generates (no checkbox lines, a question not named, no answer box after it)
 * is RESPONSE_FORM_UNREADABLE; nothing of it is returned, so that no response is half read.
 */
export function readResponseForm(bytes: Uint8Array, questionIds: readonly string[]): Result<ResponseForm> {
  const read = readBlocks(bytes);
  if (!read.ok) return read;
  const blocks = read.value;
  const texts = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flat().map(normaliseSpace)));

  // The confidentiality choice: the first run of checkbox lines (empty paragraphs between allowed).
  const boxes: { index: number; ticked: boolean }[] = [];
  // A table whose every row starts with a box holds the lines in its rows.
  const boxRows = (rows: readonly string[][]): string[] => {
    const lines = rows.map((cells) => normaliseSpace(cells.filter((c) => c.trim() !== '').join(' ')));
    return lines.length > 0 && lines.every((line) => BOX_LINE.test(line)) ? lines : [];
  };
  for (const [index, block] of blocks.entries()) {
    const lines = block.kind === 'paragraph' ? (BOX_LINE.test(block.text) ? [block.text] : []) : boxRows(block.rows);
    if (lines.length > 0) boxes.push(...lines.map((line) => ({ index, ticked: isTicked(line) })));
    else if (boxes.length > 0 && !(block.kind === 'paragraph' && block.text === '')) break;
  }
  if (boxes.length !== 3) return unreadable({ problem: 'boxes', count: boxes.length });
  const ticked = boxes.flatMap((box, i) => (box.ticked ? [(['none', 'all', 'part'] as const)[i]!] : []));
  if (ticked.length > 1) return unreadable({ problem: 'boxes-ticked', ticked });
  const afterBoxes = boxes.at(-1)!.index + 1;

  // Where each question is first named.
  const firstMention = (id: string): { index: number; row?: number; cell?: number } | undefined => {
    for (let index = afterBoxes; index < blocks.length; index++) {
      const block = blocks[index]!;
      if (block.kind === 'paragraph') {
        if (mentions(block.text, id)) return { index };
        continue;
      }
      for (const [row, cells] of block.rows.entries()) {
        const cell = cells.findIndex((text) => mentions(text, id));
        if (cell >= 0) return { index, row, cell };
      }
    }
    return undefined;
  };
  const mentioned = questionIds.map((id) => ({ id, at: firstMention(id) }));
  const unnamed = mentioned.filter((m) => m.at === undefined).map((m) => m.id);
  if (unnamed.length > 0) return unreadable({ problem: 'questions-unnamed', questions: unnamed });
  const starts = mentioned.map((m) => m.at!.index).sort((a, b) => a - b);

  const answers = new Map<string, string>();
  for (const { id, at } of mentioned) {
    const { index, row, cell } = at!;
    const block = blocks[index]!;
    let text: string | undefined;
    if (block.kind === 'table' && row !== undefined && cell !== undefined) {
      const cells = block.rows[row]!;
      // A table of questions in rows: the answer is the last cell of the id's row; a one-column
      // box headed by the id: the rows under the heading.
      text =
        cells.length > 1 && cell < cells.length - 1
          ? (cells.at(-1) ?? '')
          : row === 0
            ? boxText(block.rows)
            : undefined;
    } else {
      const end = starts.find((start) => start > index) ?? blocks.length;
      const box = blocks.slice(index + 1, end).find((b) => b.kind === 'table');
      if (box?.kind === 'table') text = boxText(box.rows);
    }
    if (text === undefined) return unreadable({ problem: 'no-answer-box', question: id });
    if (text.trim() !== '') answers.set(id, text.trim());
  }

  // The respondent details: the first table of two or more columns before the checkbox lines.
  const respondent: ResponseForm['respondent'] = {};
  const details = blocks
    .slice(0, boxes[0]!.index)
    .find((b): b is FormBlock & { kind: 'table' } => b.kind === 'table' && b.rows.some((r) => r.length >= 2));
  for (const cells of details?.rows ?? []) {
    if (cells.length < 2) continue;
    const field = detailOf(cells[0] ?? '');
    const value = normaliseSpace(cells.at(-1) ?? '');
    if (field && value !== '' && respondent[field] === undefined) respondent[field] = value;
  }

  // The reason for confidentiality: the table between the checkbox lines and the first question.
  const reasonTable = blocks.slice(afterBoxes, starts[0] ?? blocks.length).find((b) => b.kind === 'table');
  const reason = reasonTable?.kind === 'table' ? normaliseSpace(boxText(reasonTable.rows)) : '';

  return succeed({
    respondent,
    ...(ticked[0] !== undefined && { confidentiality: ticked[0] }),
    ...(reason !== '' && { reason }),
    answers,
    texts,
  });
}
