import type { Amendment } from '../domain/model/amendment.js';
import {
  diagnose,
  type ConsultationOf,
  type Diagnostic,
  type RespondentOf,
  type ResponseFormProblem,
} from '../domain/model/diagnostics.js';
import { parseResponse, respondentSlug, type ResponseAnswer, type ResponseFile } from '../domain/model/response.js';
import { positionFromOpening, readConfidentialMarks, responseYamlText } from '../domain/documents/response-yaml.js';
import type { CATEGORIES } from '../domain/model/respondent-kinds.js';
import { readResponseForm } from '../word/response-form.js';
import { findingsOf } from '../domain/model/result.js';
import { importedHeader, importedSource } from '../render/response-import.js';

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

const unreadable = (problem: ResponseFormProblem, file: string): ResponseImportPlan => ({
  kind: 'refused',
  diagnostics: [diagnose('RESPONSE_FORM_UNREADABLE', problem, { file })],
});

/** The consultation id of an amendment, when it is recorded. */
const consultationIdOf = (amendment: Amendment): string | undefined =>
  typeof amendment.consultation.id === 'string' ? amendment.consultation.id : undefined;

/** An amendment and its consultation id, as a refusal names them. */
const consultationOf = (amendment: Amendment): ConsultationOf => {
  const id = consultationIdOf(amendment);
  return { amendment: amendment.id, ...(id !== undefined && { consultation: id }) };
};

/**
 * The amendment whose consultation the template is: the one named by --amendment, unless the
 * template names the consultation id of others and not its own (the template of another
 * consultation, whose questions would then be looked for in vain); else the one whose
 * consultation id the template names.
 */
function amendmentOf(inputs: ResponseImportInputs, texts: readonly string[]): Amendment | ResponseFormProblem {
  const joined = texts.join('\n');
  const named = inputs.amendments.filter((a) => {
    const id = consultationIdOf(a);
    return id !== undefined && joined.includes(id);
  });
  if (inputs.amendmentId !== undefined) {
    const chosen = inputs.amendments.find((a) => a.id === inputs.amendmentId);
    if (!chosen) return { problem: 'amendment-unknown', id: inputs.amendmentId };
    const chosenId = consultationIdOf(chosen);
    const others = named.filter((a) => consultationIdOf(a) !== chosenId);
    if (others.length > 0 && !named.includes(chosen))
      return { problem: 'other-consultation', others: others.map(consultationOf), chosen: consultationOf(chosen) };
    if (chosen.consultation.questions.length === 0) return { problem: 'no-questions', id: chosen.id };
    return chosen;
  }
  const withQuestions = named.filter((a) => a.consultation.questions.length > 0);
  if (withQuestions.length === 1) return withQuestions[0]!;
  return withQuestions.length === 0
    ? { problem: 'consultation-unknown' }
    : { problem: 'consultations-several', ids: withQuestions.map((a) => a.id) };
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
  if (!first.ok) return { kind: 'refused', diagnostics: findingsOf(first).map((f) => ({ ...f, file })) };
  const amendment = amendmentOf(inputs, first.value.texts);
  if ('problem' in amendment) return unreadable(amendment, file);
  const questions = amendment.consultation.questions.map((q) => q.id);
  const read = readResponseForm(inputs.bytes, questions);
  if (!read.ok) return { kind: 'refused', diagnostics: findingsOf(read).map((f) => ({ ...f, file })) };
  const form = read.value;

  const diagnostics: Diagnostic[] = [];
  // A response from no one could not be counted, attributed or kept confidential.
  if (Object.values(form.respondent).every((value) => value === undefined || value.trim() === ''))
    diagnostics.push(diagnose('RESPONSE_NO_RESPONDENT', { source: 'template' }, { file }));
  const notAnswered = questions.filter((q) => !form.answers.has(q));
  if (!inputs.allowMissing)
    for (const question of notAnswered) diagnostics.push(diagnose('RESPONSE_ANSWER_MISSING', { question }, { file }));
  const choice = inputs.confidentiality ?? form.confidentiality;
  if (choice === undefined)
    diagnostics.push(diagnose('RESPONSE_FORM_UNREADABLE', { problem: 'no-box-ticked' }, { file }));

  const answers: ResponseAnswer[] = [];
  let marked = false;
  // A mark left open is the finding: that no passage is marked would follow from it, and mislead.
  let markLeftOpen = false;
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
    markLeftOpen ||= marks.unbalanced;
    if (marks.unbalanced)
      diagnostics.push(diagnose('RESPONSE_FORM_UNREADABLE', { problem: 'mark-unbalanced', question }, { file }));
    marked ||= marks.passages.length > 0;
    answers.push({
      question,
      position: positionFromOpening(marks.paragraphs),
      text: marks.paragraphs,
      ...(marks.whole ? { confidential: true } : marks.passages.length > 0 && { confidentialPassages: marks.passages }),
    });
  }
  if (choice === 'part' && !marked && !markLeftOpen)
    diagnostics.push(diagnose('RESPONSE_FORM_UNREADABLE', { problem: 'part-unmarked' }, { file }));
  if (choice !== undefined && choice !== 'part' && marked)
    diagnostics.push(diagnose('RESPONSE_FORM_UNREADABLE', { problem: 'marked-not-part', choice }, { file }));
  if (diagnostics.length > 0 || choice === undefined) return { kind: 'refused', diagnostics };

  const response: ResponseFile = {
    amendment: amendment.id,
    source: importedSource(file.split(/[\\/]/).at(-1) ?? file),
    respondent: form.respondent,
    category: inputs.category,
    received: inputs.received,
    confidentiality: { choice, ...(form.reason !== undefined && { reason: form.reason }) },
    answers,
  };
  const text = responseYamlText(response, importedHeader(amendment.id, notAnswered));
  // What is written must read back, or nothing is: text a response file cannot hold (a control
  // character the respondent's writer left in) is a finding, never a file half right.
  const back = parseResponse(text, file);
  if (!back.ok) return unreadable({ problem: 'text-unrecordable', codes: findingsOf(back).map((d) => d.code) }, file);
  return { kind: 'write', response, text, slug: respondentSlug(response), notAnswered };
}

/** What a file the import might write to holds, as the command found it. */
export type ExistingResponse =
  /** A response file: its respondent, and its text (what a replacement expects to find). */
  | { kind: 'response'; response: ResponseFile; text: string }
  /** Anything else: a file that is not a response, a link, a folder. Never replaced. */
  | { kind: 'other' };

/** Where the import writes by default, or why it does not. */
export type ResponsePlacement =
  | {
      kind: 'write';
      /** The file name, in the folder of the amendment's responses. */
      name: string;
      expectation: 'absent' | { text: string };
      /** The name the response would have had, when it is taken (by another respondent's response, or another file). */
      beside?: { name: string; respondent?: RespondentOf };
    }
  | { kind: 'refused'; diagnostic: Diagnostic };

const sameText = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/**
 * True when two responses come from the same respondent: the same name, organisation and email
 * (a telephone number given once and not again does not make another person).
 */
function sameRespondent(a: ResponseFile['respondent'], b: ResponseFile['respondent']): boolean {
  return sameText(a.name, b.name) && sameText(a.organisation, b.organisation) && sameText(a.email, b.email);
}

/** The most files of one organisation's respondents looked through before giving up. */
const MAX_NUMBERED = 1000;

/**
 * Where a response is written by default, named after its respondent (`slug`.yaml): beside the
 * responses of other people of the same organisation, as `slug`-2.yaml, -3 and so on, never over
 * them; over the same respondent's earlier response only with --force (a revised response), else
 * refused naming --force and --out. `existing` holds what each of those names holds now.
 */
export function placeResponse(
  plan: { response: ResponseFile; slug: string },
  existing: ReadonlyMap<string, ExistingResponse>,
  options: { force: boolean; shown: (name: string) => string },
): ResponsePlacement {
  const nameOf = (n: number) => (n === 1 ? `${plan.slug}.yaml` : `${plan.slug}-${n}.yaml`);
  // The same respondent's earlier response is looked for under every number, not only before the
  // first free one: a name freed later must not make a second copy of it.
  for (let n = 1; n <= MAX_NUMBERED; n++) {
    const found = existing.get(nameOf(n));
    if (found?.kind !== 'response' || !sameRespondent(found.response.respondent, plan.response.respondent)) continue;
    if (options.force) return { kind: 'write', name: nameOf(n), expectation: { text: found.text } };
    const path = options.shown(nameOf(n));
    return {
      kind: 'refused',
      diagnostic: diagnose('RESPONSE_EXISTS', { path, respondent: found.response.respondent }, { file: path }),
    };
  }
  for (let n = 1; n <= MAX_NUMBERED; n++) {
    if (existing.has(nameOf(n))) continue;
    const first = existing.get(nameOf(1));
    const beside =
      n === 1 || first === undefined
        ? undefined
        : {
            name: nameOf(1),
            ...(first.kind === 'response' && { respondent: first.response.respondent }),
          };
    return { kind: 'write', name: nameOf(n), expectation: 'absent', ...(beside && { beside }) };
  }
  const path = options.shown(nameOf(MAX_NUMBERED));
  return {
    kind: 'refused',
    diagnostic: diagnose('OUT_UNWRITABLE', { path, taken: MAX_NUMBERED }, { file: path }),
  };
}
