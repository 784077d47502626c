import type { Amendment } from '../model/amendment.js';
import type { LocalTime } from '../model/diagnostics.js';
import {
  inReceivedOrder,
  isAfter,
  respondentLabel,
  type ConsultationResponse,
  type Position,
} from '../model/response.js';
import { CATEGORIES, POSITIONS } from '../model/respondent-kinds.js';

/** A response as the summary is given it: the response and the file it was read from. */
export interface ResponseEntry {
  response: ConsultationResponse;
  file: string;
}

/** The counts and lists of `mtad responses`, as data. */
export interface ResponseSummary {
  amendment: string;
  respondBy?: LocalTime;
  responses: number;
  categories: Record<(typeof CATEGORIES)[number], number>;
  questions: { question: string; positions: Record<Position, number>; notAnswered: number }[];
  late: { respondent: string; file: string; received: LocalTime }[];
  missing: { respondent: string; file: string; question: string }[];
  confidential: { respondent: string; file: string; choice: 'all' | 'part'; answers: string[] }[];
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Counts the responses to an amendment's consultation: per question and position, per category;
 * and lists the late ones, the questions not answered, and the confidential ones. The entries are
 * taken in the order they were received, so the lists are the same on every machine.
 */
export function summariseResponses(amendment: Amendment, entries: readonly ResponseEntry[]): ResponseSummary {
  const ordered = inReceivedOrder(entries);
  const due = amendment.consultation.responsesDue;
  const categories = zeroes(CATEGORIES);
  for (const { response } of ordered) categories[response.category] += 1;
  const questions = amendment.consultation.questions.map((q) => {
    const positions = zeroes(POSITIONS);
    let notAnswered = 0;
    for (const { response } of ordered) {
      const answer = response.answers.find((a) => a.question === q.id);
      if (answer) positions[answer.position] += 1;
      else notAnswered += 1;
    }
    return { question: q.id, positions, notAnswered };
  });
  const label = (entry: ResponseEntry) => respondentLabel(entry.response, entry.file);
  return {
    amendment: amendment.id,
    ...(due && { respondBy: { date: due.date, time: due.time } }),
    responses: ordered.length,
    categories,
    questions,
    late: due
      ? ordered
          .filter((e) => isAfter(e.response.received, due))
          .map((e) => ({ respondent: label(e), file: e.file, received: e.response.received }))
      : [],
    missing: ordered.flatMap((e) =>
      amendment.consultation.questions
        .filter((q) => !e.response.answers.some((a) => a.question === q.id))
        .map((q) => ({ respondent: label(e), file: e.file, question: q.id })),
    ),
    confidential: ordered.flatMap((e) => {
      const { choice } = e.response.confidentiality;
      if (choice === 'none') return [];
      const answers = e.response.answers
        .filter((a) => choice === 'all' || a.confidential === true || a.confidentialPassages !== undefined)
        .map((a) => a.question);
      return [{ respondent: label(e), file: e.file, choice, answers }];
    }),
  };
}
