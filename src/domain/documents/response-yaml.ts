import { Document } from 'yaml';
import type { Position, ResponseAnswer, ResponseFile } from '../model/response.js';

/**
 * How a respondent marks a passage confidential in the response template's answer boxes:
 * [confidential] ... [/confidential], in any case. A box wholly inside one mark is a confidential
 * answer.
 */
const MARK = /\[\s*confidential\s*\]([\s\S]*?)\[\s*\/\s*confidential\s*\]/gi;
const STRAY_MARK = /\[\s*\/?\s*confidential\s*\]/i;

/** An answer's text with its confidential marks read: the text without them, and what they marked. */
export interface MarkedText {
  text: string;
  passages: string[];
  /** True when the whole answer is marked. */
  whole: boolean;
  /** True when a mark is opened and not closed (or closed and not opened). */
  unbalanced: boolean;
}

/** Reads the confidential marks of an answer. */
export function readConfidentialMarks(written: string): MarkedText {
  const passages: string[] = [];
  const text = written.replace(MARK, (_, inner: string) => {
    const passage = inner.trim();
    if (passage !== '') passages.push(passage);
    return inner;
  });
  const trimmed = text.trim();
  return {
    text: trimmed,
    passages,
    whole: passages.length === 1 && passages[0] === trimmed,
    unbalanced: STRAY_MARK.test(text),
  };
}

/**
 * The position an answer states in its opening words: "Yes", "Agree", "We agree" and the like for
 * agree; "No,", "Disagree", "We do not agree" for disagree; "Neither" for neither. Anything else
 * is not-stated: a position is never guessed from the rest of the answer.
 */
export function positionFromOpening(text: string): Position {
  const opening = text.trim().toLowerCase();
  if (/^(?:neither\b|(?:we|i) (?:neither agree nor disagree|have no (?:view|preference))\b)/.test(opening))
    return 'neither';
  if (/^(?:disagree\b|no\b(?![ -]comment)|(?:we|i) (?:disagree|do not agree|don't agree)\b)/.test(opening))
    return 'disagree';
  if (/^(?:agree(?:d)?\b|yes\b|(?:we|i) (?:agree|support)\b)/.test(opening)) return 'agree';
  return 'not-stated';
}

/**
 * The text of a response file: a note of where it came from, then the data in the order of the
 * schema. Long texts are written as literal blocks, so the respondent's line breaks stay theirs.
 */
export function responseYamlText(response: ResponseFile, header: readonly string[]): string {
  const ordered: ResponseFile = {
    amendment: response.amendment,
    ...(response.note !== undefined && { note: response.note }),
    ...(response.source !== undefined && { source: response.source }),
    respondent: response.respondent,
    category: response.category,
    received: response.received,
    confidentiality: response.confidentiality,
    answers: response.answers.map(
      (a): ResponseAnswer => ({
        question: a.question,
        position: a.position,
        text: a.text,
        ...(a.confidential !== undefined && { confidential: a.confidential }),
        ...(a.confidentialPassages !== undefined && { confidentialPassages: a.confidentialPassages }),
      }),
    ),
  };
  const document = new Document(ordered, { version: '1.2' });
  const body = document.toString({ lineWidth: 0, blockQuote: 'literal' });
  const comments = header.map((line) => (line === '' ? '#' : `# ${line}`));
  return `${['# yaml-language-server: $schema=../../../schema/response.schema.json', ...comments].join('\n')}\n${body}`;
}
