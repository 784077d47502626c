import type { Amendment } from '../model/amendment.js';
import { diagnose, suggestNearest, type Diagnostic } from '../model/diagnostics.js';
import { isAfter, parseResponse, type ConsultationResponse } from '../model/response.js';
import { findingsOf, type FileReading } from '../model/result.js';
import type { SourceText } from './file-rules.js';

/** A response file read: the response when it passed its schema, and the findings. */
export function checkResponseFile(source: SourceText): FileReading<ConsultationResponse> {
  const read = parseResponse(source.text, source.file);
  if (!read.ok) return { findings: findingsOf(read) };
  return { data: read.value, findings: [...read.warnings, ...checkResponseAlone(read.value)] };
}

/**
 * The rules on a response alone: it names its respondent, each question is answered once, and confidentiality marks
 * that can be honoured (only under "part", and every passage found word for word in a paragraph of its answer: a
 * passage
 * that is not there could not be kept out of what is published).
 */
function checkResponseAlone(response: ConsultationResponse): Diagnostic[] {
  const found: Diagnostic[] = [];
  const { choice } = response.confidentiality;
  // A response from no one could not be counted, attributed or kept confidential.
  if (Object.values(response.respondent).every((value) => value === undefined || value.trim() === ''))
    found.push(diagnose('RESPONSE_NO_RESPONDENT', { source: 'file' }, response.origin.locate(['respondent'])));
  const seen = new Set<string>();
  response.answers.forEach((answer, index) => {
    const at = (...path: (string | number)[]) => response.origin.locate(['answers', index, ...path]);
    if (seen.has(answer.question))
      found.push(diagnose('RESPONSE_QUESTION_REPEATED', { question: answer.question }, at('question')));
    seen.add(answer.question);
    const marked = answer.confidential !== undefined || answer.confidentialPassages !== undefined;
    if (marked && choice !== 'part') {
      const key = answer.confidential !== undefined ? 'confidential' : 'confidentialPassages';
      found.push(diagnose('RESPONSE_MARK_WITHOUT_PART', { question: answer.question, choice }, at(key)));
    }
    (answer.confidentialPassages ?? []).forEach((passage, i) => {
      if (!answer.text.some((paragraph) => paragraph.includes(passage)))
        found.push(
          diagnose('RESPONSE_PASSAGE_NOT_FOUND', { question: answer.question, passage }, at('confidentialPassages', i)),
        );
    });
  });
  return found;
}

/**
 * The rules on a response against the amendments: it answers an amendment that exists, only the
 * questions its consultation asks, and by the respond-by time (a late one is a warning).
 */
export function checkResponseAgainst(response: ConsultationResponse, amendments: readonly Amendment[]): Diagnostic[] {
  const amendment = amendments.find((a) => a.id === response.amendment);
  if (!amendment) {
    const suggestion = suggestNearest(
      response.amendment,
      amendments.map((a) => a.id),
    );
    return [
      diagnose(
        'RESPONSE_AMENDMENT_UNKNOWN',
        { id: response.amendment, ...(suggestion !== undefined && { suggestion }) },
        response.origin.locate(['amendment']),
      ),
    ];
  }
  const found: Diagnostic[] = [];
  const questions = amendment.consultation.questions.map((q) => q.id);
  response.answers.forEach((answer, index) => {
    if (questions.includes(answer.question)) return;
    const suggestion = suggestNearest(answer.question, questions);
    found.push(
      diagnose(
        'RESPONSE_QUESTION_UNKNOWN',
        { question: answer.question, id: amendment.id, ...(suggestion !== undefined && { suggestion }) },
        response.origin.locate(['answers', index, 'question']),
      ),
    );
  });
  const due = amendment.consultation.responsesDue;
  if (due && isAfter(response.received, due))
    found.push(diagnose('RESPONSE_LATE', { received: response.received, due }, response.origin.locate(['received'])));
  return found;
}
