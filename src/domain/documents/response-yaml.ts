import { Document } from 'yaml';
import type { Position, ResponseAnswer, ResponseFile } from '../model/response.js';

/**
 * How a respondent marks a passage confidential in the response template's answer boxes:
 * [confidential] ... [/confidential], in any case. A box whose every paragraph is marked is a
 * confidential answer.
 */
const MARK = /\[\s*confidential\s*\]([\s\S]*?)\[\s*\/\s*confidential\s*\]/gi;
const STRAY_MARK = /\[\s*\/?\s*confidential\s*\]/i;

/** An answer's text with its confidential marks read: its paragraphs without them, and what they marked. */
export interface MarkedText {
  paragraphs: string[];
  /** The passages marked, each within one paragraph (a mark across paragraphs marks each one). */
  passages: string[];
  /** True when the whole answer is marked. */
  whole: boolean;
  /** True when a mark is opened and not closed (or closed and not opened). */
  unbalanced: boolean;
}

const paragraphsOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');

/** Reads the confidential marks of an answer (its paragraphs separated by line breaks). */
export function readConfidentialMarks(written: string): MarkedText {
  const marked: string[] = [];
  const text = written.replace(MARK, (_, inner: string) => {
    marked.push(inner);
    return inner;
  });
  const paragraphs = paragraphsOf(text);
  const passages = [...new Set(marked.flatMap(paragraphsOf))];
  return {
    paragraphs,
    passages,
    whole: paragraphs.length > 0 && paragraphs.every((p) => passages.includes(p)),
    unbalanced: STRAY_MARK.test(text),
  };
}

/**
 * Words that say the respondent does not object: "no objection", "no concerns", "we do not object".
 * They are not disagreement, and whether they are agreement the answer alone does not say.
 */
const NO_OBJECTION =
  /\b(?:no|not any|without)\s+(?:\w+\s+)?(?:objections?|concerns?|issues?|problems?)\b|\b(?:do not|don't|does not|doesn't|not)\s+object\b/;

/**
 * The position an answer states in its opening words: "Yes", "Agree", "We agree" and the like for
 * agree; "No" standing alone ("No.", "No, ..."), "Disagree", "We do not agree" for disagree;
 * "Neither" for neither. Agreement in part ("We agree in part", "Yes, partly") is no position of
 * the four, so it is not-stated, as anything else is: a position is never guessed from the rest of
 * the answer. "No" opening a phrase ("No objection", "No comment") is not a "No": an opening that
 * says the respondent does not object is not-stated, never disagree.
 */
export function positionFromOpening(paragraphs: readonly string[]): Position {
  const opening = (paragraphs[0] ?? '').trim().toLowerCase();
  if (/^(?:neither\b|(?:we|i) (?:neither agree nor disagree|have no (?:view|preference))\b)/.test(opening))
    return 'neither';
  if (/^(?:disagree\b|(?:we|i) (?:disagree|do not agree|don't agree)\b)/.test(opening)) return 'disagree';
  if (/^no(?=\s*(?:[,.;:!\u2013\u2014]|-\s|$))/.test(opening))
    return NO_OBJECTION.test(opening) ? 'not-stated' : 'disagree';
  const agreed = /^(?:agree(?:d)?\b|yes\b|(?:we|i) (?:agree|support)\b)/.exec(opening);
  // "We agree in part" is no agreement: with no position for it, the answer states none.
  if (agreed && !/^[\s,]*(?:in part|partly|partially)\b/.test(opening.slice(agreed[0].length))) return 'agree';
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
    answers: response.answers.map((a): ResponseAnswer => ({
      question: a.question,
      position: a.position,
      text: a.text,
      ...(a.confidential !== undefined && { confidential: a.confidential }),
      ...(a.confidentialPassages !== undefined && { confidentialPassages: a.confidentialPassages }),
    })),
  };
  const document = new Document(ordered, { version: '1.2' });
  const body = document.toString({ lineWidth: 0, blockQuote: 'literal' });
  const comments = header.map((line) => (line === '' ? '#' : `# ${line}`));
  return `${['# yaml-language-server: $schema=../../../schema/response.schema.json', ...comments].join('\n')}\n${body}`;
}
