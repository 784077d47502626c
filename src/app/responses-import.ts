import type { Amendment } from '../domain/model/amendment.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { parseResponse, respondentSlug, type ResponseAnswer, type ResponseFile } from '../domain/model/response.js';
import { positionFromOpening, readConfidentialMarks, responseYamlText } from '../domain/documents/response-yaml.js';
import type { CATEGORIES } from '../domain/model/respondent-kinds.js';
import { readResponseForm } from '../word/response-form.js';

/** What `mtad responses import` is given. */
export interface ResponseImportInputs {
  bytes: Uint8Array;
  /** How the template is named in findings and in the response's source. */
  shown: string;
  amendments: readonly Amendment[];
  /** --amendment: the consultation the template belongs to; else found from the ids it names. */
  amendmentId?: string;
  received: { date: string; time: string };
  category: (typeof CATEGORIES)[number];
  /** --confidentiality: the choice, when the respondent stated it outside the boxes. */
  confidentiality?: 'none' | 'all' | 'part';
  /** --allow-missing: record an empty answer box as a question not answered. */
  allowMissing: boolean;
}

export type ResponseImportPlan =
  | { kind: 'refused'; diagnostics: Diagnostic[] }
  | { kind: 'write'; response: ResponseFile; text: string; slug: string; notAnswered: string[] };

const unreadable = (reason: string, file: string): ResponseImportPlan => ({
  kind: 'refused',
  diagnostics: [diagnose('RESPONSE_FORM_UNREADABLE', { reason }, { file })],
});

/** The amendment whose consultation the template is: the one named, or the one whose id it states. */
function amendmentOf(inputs: ResponseImportInputs, texts: readonly string[]): Amendment | string {
  const withQuestions = inputs.amendments.filter((a) => a.consultation.questions.length > 0);
  if (inputs.amendmentId !== undefined)
    return (
      inputs.amendments.find((a) => a.id === inputs.amendmentId) ??
      `no amendment beside the table has the id "${inputs.amendmentId}"`
    );
  const joined = texts.join('\n');
  const named = withQuestions.filter((a) => {
    const id = a.consultation.id;
    return typeof id === 'string' && joined.includes(id);
  });
  if (named.length === 1) return named[0]!;
  return named.length === 0
    ? 'it names the consultation id of no amendment beside the table; name the amendment with --amendment ID'
    : `it names the consultations of ${named.map((a) => a.id).join(', ')}; name one with --amendment ID`;
}

/**
 * Reads a filled-in response template into a response file, all or nothing: a template that
 * cannot be read, an answer missing (unless allowed), no confidentiality choice, or parts marked
 * confidential in a way mtad cannot read, refuses the whole import.
 */
export function planResponseImport(inputs: ResponseImportInputs): ResponseImportPlan {
  const file = inputs.shown;
  // The consultation is found in a first reading that asks for no question.
  const first = readResponseForm(inputs.bytes, []);
  if (!first.ok) return { kind: 'refused', diagnostics: first.findings.map((f) => ({ ...f, file })) };
  const amendment = amendmentOf(inputs, first.form.texts);
  if (typeof amendment === 'string') return unreadable(amendment, file);
  const questions = amendment.consultation.questions.map((q) => q.id);
  const read = readResponseForm(inputs.bytes, questions);
  if (!read.ok) return { kind: 'refused', diagnostics: read.findings.map((f) => ({ ...f, file })) };
  const { form } = read;

  const diagnostics: Diagnostic[] = [];
  const notAnswered = questions.filter((q) => !form.answers.has(q));
  if (!inputs.allowMissing)
    for (const question of notAnswered) diagnostics.push(diagnose('RESPONSE_ANSWER_MISSING', { question }, { file }));
  const choice = inputs.confidentiality ?? form.confidentiality;
  if (choice === undefined)
    diagnostics.push(
      diagnose(
        'RESPONSE_FORM_UNREADABLE',
        {
          reason:
            'no confidentiality box is ticked; tick one, or give the choice the respondent stated in writing with --confidentiality none|all|part',
        },
        { file },
      ),
    );

  const answers: ResponseAnswer[] = [];
  let marked = false;
  for (const question of questions) {
    const written = form.answers.get(question);
    if (written === undefined) continue;
    const marks = readConfidentialMarks(written);
    // A box holding nothing but marks says nothing.
    if (marks.paragraphs.length === 0) {
      notAnswered.push(question);
      if (!inputs.allowMissing) diagnostics.push(diagnose('RESPONSE_ANSWER_MISSING', { question }, { file }));
      continue;
    }
    if (marks.unbalanced)
      diagnostics.push(
        diagnose(
          'RESPONSE_FORM_UNREADABLE',
          {
            reason: `the answer to "${question}" opens a [confidential] mark it does not close, or closes one it did not open`,
          },
          { file },
        ),
      );
    marked ||= marks.passages.length > 0;
    answers.push({
      question,
      position: positionFromOpening(marks.paragraphs),
      text: marks.paragraphs,
      ...(marks.whole ? { confidential: true } : marks.passages.length > 0 && { confidentialPassages: marks.passages }),
    });
  }
  if (choice === 'part' && !marked)
    diagnostics.push(
      diagnose(
        'RESPONSE_FORM_UNREADABLE',
        {
          reason:
            'part of the response is confidential, but no passage is marked [confidential] ... [/confidential]; mark them so, or write the response file by hand',
        },
        { file },
      ),
    );
  if (choice !== undefined && choice !== 'part' && marked)
    diagnostics.push(
      diagnose(
        'RESPONSE_FORM_UNREADABLE',
        { reason: `passages are marked [confidential] but the box ticked is "${choice}"; expected "part"` },
        { file },
      ),
    );
  if (diagnostics.length > 0 || choice === undefined) return { kind: 'refused', diagnostics };

  const response: ResponseFile = {
    amendment: amendment.id,
    source: `Imported by mtad from the response template ${file.split(/[\\/]/).at(-1) ?? file}.`,
    respondent: form.respondent,
    category: inputs.category,
    received: inputs.received,
    confidentiality: { choice, ...(form.reason !== undefined && { reason: form.reason }) },
    answers,
  };
  const text = responseYamlText(response, [
    `A response to the consultation of ${amendment.id}, read by mtad responses import.`,
    'Each position is read from the opening words of its answer ("Yes", "We agree", "No", ...),',
    'or not-stated: check it against the answer before the summary of responses is made.',
    ...(notAnswered.length > 0 ? ['', `Not answered: ${notAnswered.join('; ')}.`] : []),
    '',
  ]);
  // What is written must read back, or nothing is: text a response file cannot hold (a control
  // character the respondent's writer left in) is a finding, never a file half right.
  const back = parseResponse(text, file);
  if (!back.value)
    return unreadable(
      `it holds text a response file cannot record (${back.diagnostics.map((d) => d.code).join(', ')}); remove control characters from the answers`,
      file,
    );
  return { kind: 'write', response, text, slug: respondentSlug(response), notAnswered };
}
