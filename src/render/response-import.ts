/**
 * The words `mtad responses import` writes: into the response file it makes (where it came from,
 * a note to the reader), and on the terminal once it is written.
 */

import type { RespondentOf } from '../domain/model/diagnostics.js';

/** A respondent as a message names them: name and organisation, as far as they are given. */
export function describeRespondent(respondent: RespondentOf): string {
  return (
    [respondent.name, respondent.organisation].filter((part) => part !== undefined).join(', ') ||
    respondent.email ||
    respondent.telephone ||
    'a respondent'
  );
}

/** The response's `source`: the template it was imported from, by file name. */
export function importedSource(templateName: string): string {
  return `Imported by mtad from the response template ${templateName}.`;
}

/** The comment lines at the head of an imported response file, and the questions not answered. */
export function importedHeader(amendment: string, notAnswered: readonly string[]): string[] {
  return [
    `A response to the consultation of ${amendment}, read by mtad responses import.`,
    'Each position is read from the opening words of its answer ("Yes", "We agree", "No", ...),',
    'or not-stated: check it against the answer before the summary of responses is made.',
    ...(notAnswered.length > 0 ? ['', `Not answered: ${notAnswered.join('; ')}.`] : []),
    '',
  ];
}

/** What an import wrote, as the terminal names it. */
export interface ResponseImported {
  /** The response file written. */
  file: string;
  /** Who responded: named by their organisation, else their name. */
  respondent: RespondentOf;
  answered: number;
  choice: string;
  /** The file already under the respondent's name, kept beside it, and whose response it is when it is one. */
  beside?: { file: string; respondent?: RespondentOf };
  notAnswered: readonly string[];
}

export function renderResponseImported(imported: ResponseImported): string {
  const { beside, respondent } = imported;
  const held = (other: RespondentOf | undefined) =>
    other === undefined ? 'another file' : `the response of ${describeRespondent(other)}`;
  return [
    `Wrote ${imported.file}: ${respondent.organisation ?? respondent.name ?? 'a respondent'}, ` +
      `${imported.answered} answer(s), confidentiality ${imported.choice}.`,
    ...(beside ? [`${beside.file} already holds ${held(beside.respondent)}: both are kept.`] : []),
    ...(imported.notAnswered.length > 0 ? [`Not answered: ${imported.notAnswered.join('; ')}.`] : []),
    'Check each position (read from the opening words of its answer) before the summary of responses is made.',
    '',
  ].join('\n');
}
