/**
 * The words `mtad responses import` writes: into the response file it makes (where it came from,
 * a note to the reader), and on the terminal once it is written.
 */

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
  /** Who responded: their organisation, else their name; none when the template gives neither. */
  respondent?: string;
  answered: number;
  choice: string;
  /** The file already under the respondent's name, kept beside it, and whose response it is when it is one. */
  beside?: { file: string; respondent?: string };
  notAnswered: readonly string[];
}

export function renderResponseImported(imported: ResponseImported): string {
  const { beside } = imported;
  return [
    `Wrote ${imported.file}: ${imported.respondent ?? 'a respondent'}, ${imported.answered} answer(s), ` +
      `confidentiality ${imported.choice}.`,
    ...(beside
      ? [
          `${beside.file} already holds ` +
            `${beside.respondent === undefined ? 'another file' : `the response of ${beside.respondent}`}: ` +
            `both are kept.`,
        ]
      : []),
    ...(imported.notAnswered.length > 0 ? [`Not answered: ${imported.notAnswered.join('; ')}.`] : []),
    'Check each position (read from the opening words of its answer) before the summary of responses is made.',
    '',
  ].join('\n');
}
