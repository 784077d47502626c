import { knownDate, type Amendment } from '../model/amendment.js';
import { finalChangeOf, isWithinWindow, parseConclusion, type Conclusion } from '../model/conclusion.js';
import { compareDates, withWindow, type IsoDate } from '../model/dates.js';
import { diagnose, suggestNearest, type Diagnostic, type FinalValue } from '../model/diagnostics.js';
import { leaksIn, secretsOf } from '../model/confidential.js';
import type { ConsultationResponse } from '../model/response.js';
import { findingsOf, type FileReading } from '../model/result.js';
import type { SourceText } from './file-rules.js';
import { checkConclusionDates, checkProseDates } from './prose-rules.js';

/** A conclusion file read: the conclusion when it passed its schema, and the findings. */
export function checkConclusionFile(source: SourceText): FileReading<Conclusion> {
  const read = parseConclusion(source.text, source.file);
  if (!read.ok) return { findings: findingsOf(read) };
  return {
    data: read.value,
    findings: [...read.warnings, ...checkConclusionAlone(read.value), ...checkProseDates(read.value.origin)],
  };
}

/** The rules on a conclusion alone: each question and each cohort given once. */
function checkConclusionAlone(conclusion: Conclusion): Diagnostic[] {
  const found: Diagnostic[] = [];
  const questions = new Set<string>();
  conclusion.questions.forEach((q, index) => {
    if (questions.has(q.question))
      found.push(
        diagnose(
          'CONCLUSION_QUESTION_REPEATED',
          { question: q.question },
          conclusion.origin.locate(['questions', index, 'question']),
        ),
      );
    questions.add(q.question);
  });
  // The report sent to the department is the conclusion's: it cannot go before there is one.
  if (compareDates(conclusion.sentToDepartment, conclusion.concluded) < 0)
    found.push(
      diagnose(
        'CONCLUSION_SENT_BEFORE_CONCLUDED',
        { concluded: conclusion.concluded, sent: conclusion.sentToDepartment },
        conclusion.origin.locate(['sentToDepartment']),
      ),
    );
  const cohorts = new Set<string>();
  (conclusion.final?.changes ?? []).forEach((change, index) => {
    if (cohorts.has(change.cohort))
      found.push(
        diagnose(
          'CONCLUSION_FINAL_CHANGES',
          { cohort: change.cohort, id: conclusion.amendment, problem: 'repeated' },
          conclusion.origin.locate(['final', 'changes', index, 'cohort']),
        ),
      );
    cohorts.add(change.cohort);
  });
  return found;
}

/** What the conclusions are checked against: the amendments, and the responses when every one read. */
export interface ConclusionContext {
  amendments: readonly Amendment[];
  /** The responses read; undefined when a response file did not read, so that none is miscounted. */
  responses?: readonly ConsultationResponse[];
}

/**
 * The rules on the conclusions against the amendments and the responses: one conclusion per
 * amendment, of an amendment that exists; concluded on or after the respond-by date and on the date
 * the amendment records; its statement on responses true to the response files; a response to each
 * question asked and to no other; a decision that agrees with the amendment's status; and the final
 * values within the windows consulted on (beyond them needs a new consultation).
 */
export function checkConclusionsAgainst(conclusions: readonly Conclusion[], context: ConclusionContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Map<string, Conclusion>();
  for (const conclusion of conclusions) {
    const earlier = seen.get(conclusion.amendment);
    if (earlier) {
      found.push(
        diagnose(
          'CONCLUSION_DUPLICATE',
          { id: conclusion.amendment, other: earlier.origin.file },
          conclusion.origin.locate(['amendment']),
        ),
      );
      continue;
    }
    seen.set(conclusion.amendment, conclusion);
    found.push(...checkConclusionAgainst(conclusion, context));
  }
  return found;
}

function checkConclusionAgainst(conclusion: Conclusion, context: ConclusionContext): Diagnostic[] {
  const at = (...path: (string | number)[]) => conclusion.origin.locate(path);
  const amendment = context.amendments.find((a) => a.id === conclusion.amendment);
  if (!amendment) {
    const suggestion = suggestNearest(
      conclusion.amendment,
      context.amendments.map((a) => a.id),
    );
    return [
      diagnose(
        'CONCLUSION_AMENDMENT_UNKNOWN',
        { id: conclusion.amendment, ...(suggestion !== undefined && { suggestion }) },
        at('amendment'),
      ),
    ];
  }
  const found: Diagnostic[] = [];
  const { consultation } = amendment;
  const due = consultation.responsesDue;
  // A conclusion is dated by the day: one on the respond-by day may follow the respond-by time.
  if (due && compareDates(conclusion.concluded, due.date) < 0)
    found.push(diagnose('CONCLUSION_BEFORE_DUE', { concluded: conclusion.concluded, due }, at('concluded')));
  const recorded = knownDate(consultation.concluded);
  if (recorded !== undefined && recorded !== conclusion.concluded)
    found.push(
      diagnose(
        'CONCLUSION_DATE_MISMATCH',
        { id: amendment.id, concluded: conclusion.concluded, recorded },
        at('concluded'),
      ),
    );

  if (context.responses) {
    const counted = context.responses.filter((r) => r.amendment === amendment.id);
    // A late response counts as the others do, so the conclusion cannot come before it.
    for (const response of counted)
      if (compareDates(response.received.date, conclusion.concluded) > 0)
        found.push(
          diagnose(
            'CONCLUSION_BEFORE_RESPONSE',
            { concluded: conclusion.concluded, received: response.received, responseFile: response.origin.file },
            at('concluded'),
          ),
        );
    const count = counted.length;
    if ((conclusion.responses === 'received') !== count > 0)
      found.push(
        diagnose('CONCLUSION_RESPONSES', { id: amendment.id, statement: conclusion.responses, count }, at('responses')),
      );
  }

  const asked = consultation.questions.map((q) => q.id);
  conclusion.questions.forEach((q, index) => {
    if (asked.includes(q.question)) return;
    const suggestion = suggestNearest(q.question, asked);
    found.push(
      diagnose(
        'CONCLUSION_QUESTION_UNKNOWN',
        { question: q.question, id: amendment.id, ...(suggestion !== undefined && { suggestion }) },
        at('questions', index, 'question'),
      ),
    );
  });
  for (const question of asked)
    if (!conclusion.questions.some((q) => q.question === question))
      found.push(diagnose('CONCLUSION_QUESTION_MISSING', { question, id: amendment.id }, at('questions')));

  const withdrawn = conclusion.decision === 'withdraw';
  if (withdrawn !== (amendment.status === 'withdrawn'))
    found.push(
      diagnose(
        'CONCLUSION_STATUS_MISMATCH',
        { id: amendment.id, decision: conclusion.decision, status: amendment.status },
        at('decision'),
      ),
    );
  found.push(...checkFinalValues(conclusion, amendment));
  found.push(...checkFinalAgreement(conclusion, amendment));
  found.push(...checkConclusionDates(conclusion, amendment));
  if (context.responses) found.push(...checkConfidential(conclusion, context.responses));
  return found;
}

/** A final value of a conclusion, with what the amendment gives for it and where the conclusion gives it. */
interface FinalPair {
  value: FinalValue;
  amendment: string | null;
  conclusion: string;
  path: (string | number)[];
}

/** Each final value of the conclusion beside the amendment's own value for it. */
function finalPairs(conclusion: Conclusion, amendment: Amendment): FinalPair[] {
  const { final } = conclusion;
  if (!final) return [];
  const pairs: FinalPair[] = [
    {
      value: { what: 'modification-date' },
      amendment: knownDate(amendment.modification.date) ?? null,
      conclusion: final.modification.date,
      path: ['final', 'modification', 'date'],
    },
    {
      value: { what: 'annex' },
      amendment: amendment.modification.annex,
      conclusion: final.modification.annex,
      path: ['final', 'modification', 'annex'],
    },
  ];
  for (const closure of amendment.changes.filter((c) => c.action === 'close')) {
    const given = finalChangeOf(conclusion, closure.cohort);
    if (given)
      pairs.push({
        value: { what: 'end-date', cohort: closure.cohort },
        amendment: closure.to.kind === 'date' ? closure.to.date : null,
        conclusion: given.to,
        path: ['final', 'changes', given.index, 'to'],
      });
  }
  return pairs;
}

/**
 * The conclusion and its amendment say one thing. The amendment records what was consulted on (its
 * dates are the centre of each window); the conclusion's final values are the source of truth for
 * what is made: the final direction, the conclusion report, --write, show --as-at and diff all take
 * them from it. So the amendment may not state a final value otherwise: an annex it sets (no window
 * allows an annex to change) is the conclusion's annex; and a decision to proceed as proposed gives
 * the values proposed, since the report says "as proposed" (changed values are
 * proceed-with-changes).
 */
function checkFinalAgreement(conclusion: Conclusion, amendment: Amendment): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const pair of finalPairs(conclusion, amendment)) {
    if (pair.amendment === pair.conclusion || pair.amendment === null) continue;
    const where = conclusion.origin.locate(pair.path);
    if (pair.value.what === 'annex')
      found.push(
        diagnose(
          'CONCLUSION_AMENDMENT_DISAGREES',
          {
            id: amendment.id,
            status: amendment.status,
            value: pair.value,
            amendment: pair.amendment,
            conclusion: pair.conclusion,
            amendmentFile: amendment.origin.file,
          },
          where,
        ),
      );
    else if (conclusion.decision === 'proceed')
      found.push(
        diagnose(
          'CONCLUSION_NOT_AS_PROPOSED',
          { id: amendment.id, value: pair.value, proposed: pair.amendment, conclusion: pair.conclusion },
          where,
        ),
      );
  }
  return found;
}

/**
 * DCC's own text (its response to each question, its summary, the note on its cover) is published as
 * it stands: it must not name a respondent who asked for all of their response to be kept
 * confidential (by their organisation, its short form, their name or email address), nor quote a
 * passage or an answer marked confidential, nor any answer of such a respondent, in whole or in part.
 */
function checkConfidential(conclusion: Conclusion, responses: readonly ConsultationResponse[]): Diagnostic[] {
  const secrets = responses
    .filter((r) => r.amendment === conclusion.amendment)
    .flatMap((response) => secretsOf(response, response.origin.file));
  if (secrets.length === 0) return [];
  const texts: { text: string; path: (string | number)[] }[] = [
    ...conclusion.questions.flatMap((q, i) =>
      q.response.map((text, j) => ({ text, path: ['questions', i, 'response', j] })),
    ),
    ...(conclusion.summary ?? []).map((text, j) => ({ text, path: ['summary', j] })),
    ...(conclusion.note === undefined ? [] : [{ text: conclusion.note, path: ['note'] }]),
  ];
  const found: Diagnostic[] = [];
  for (const { text, path } of texts) {
    // One finding for a text: the first secret it gives away, by the first form that names it.
    const leak = leaksIn(text, secrets)[0];
    if (!leak) continue;
    const { found: what, text: secret, responseFile, question } = leak.secret;
    const args = {
      found: what,
      text: secret,
      responseFile,
      ...(question !== undefined && { question }),
      ...(leak.form !== undefined && leak.form !== secret && { as: leak.form }),
    };
    found.push(diagnose('CONCLUSION_CONFIDENTIAL', args, conclusion.origin.locate(path)));
  }
  return found;
}

/** The final values: one end date for each closure, each within its window, and the modification within its. */
function checkFinalValues(conclusion: Conclusion, amendment: Amendment): Diagnostic[] {
  const { final } = conclusion;
  if (!final) return [];
  const at = (...path: (string | number)[]) => conclusion.origin.locate(path);
  const found: Diagnostic[] = [];
  const closures = amendment.changes.filter((c) => c.action === 'close');
  final.changes.forEach((change, index) => {
    if (!closures.some((c) => c.cohort === change.cohort))
      found.push(
        diagnose(
          'CONCLUSION_FINAL_CHANGES',
          { cohort: change.cohort, id: amendment.id, problem: 'unknown' },
          at('final', 'changes', index, 'cohort'),
        ),
      );
  });
  for (const closure of closures) {
    const given = finalChangeOf(conclusion, closure.cohort);
    if (!given) {
      found.push(
        diagnose(
          'CONCLUSION_FINAL_CHANGES',
          { cohort: closure.cohort, id: amendment.id, problem: 'missing' },
          at('final', 'changes'),
        ),
      );
      continue;
    }
    // A closure whose proposed date is not known has no window to hold the final date to.
    if (closure.to.kind !== 'date') continue;
    const consulted = withWindow(closure.to.date, closure.windowMonths);
    if (!isWithinWindow(given.to, consulted))
      found.push(
        diagnose(
          'CONCLUSION_OUTSIDE_WINDOW',
          { date: given.to, consulted, cohort: closure.cohort },
          at('final', 'changes', given.index, 'to'),
        ),
      );
  }
  // A direction takes effect once the consultation has concluded, and before the end dates it sets.
  if (compareDates(final.modification.date, conclusion.concluded) < 0)
    found.push(
      diagnose(
        'CONCLUSION_FINAL_ORDER',
        {
          earlier: { what: 'concluded', date: conclusion.concluded },
          later: { what: 'modification', date: final.modification.date },
        },
        at('final', 'modification', 'date'),
      ),
    );
  final.changes.forEach((change, index) => {
    if (compareDates(change.to, final.modification.date) < 0)
      found.push(
        diagnose(
          'CONCLUSION_FINAL_ORDER',
          {
            earlier: { what: 'modification', date: final.modification.date },
            later: { what: 'end-date', date: change.to, cohort: change.cohort },
          },
          at('final', 'changes', index, 'to'),
        ),
      );
  });
  const proposed = knownDate(amendment.modification.date);
  if (proposed !== undefined) {
    const consulted = withWindow(proposed, amendment.modification.windowMonths);
    if (!isWithinWindow(final.modification.date, consulted))
      found.push(
        diagnose(
          'CONCLUSION_OUTSIDE_WINDOW',
          { date: final.modification.date, consulted },
          at('final', 'modification', 'date'),
        ),
      );
  }
  return found;
}

/**
 * The lifecycle of each amendment: one concluded or made after a consultation that asked questions
 * has its conclusion (an amendment recorded without its questions, as the historic ones are, has no
 * conclusion to hold: its record is what is public); and one made has reached its modification date
 * (the final one, when a conclusion gives it) by `today`, the date the check is run for.
 */
export function checkLifecycle(
  amendments: readonly Amendment[],
  conclusions: readonly Conclusion[],
  options: { today?: IsoDate; conclusionFileOf: (id: string) => string },
): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const amendment of amendments) {
    const conclusion = conclusions.find((c) => c.amendment === amendment.id);
    const { status } = amendment;
    if ((status === 'concluded' || status === 'made') && amendment.consultation.questions.length > 0 && !conclusion)
      found.push(
        diagnose(
          'CONCLUSION_MISSING',
          { id: amendment.id, file: options.conclusionFileOf(amendment.id), need: 'status', status },
          amendment.origin.locate(['status']),
        ),
      );
    if (status !== 'made' || options.today === undefined) continue;
    const date = conclusion?.final?.modification.date ?? knownDate(amendment.modification.date);
    if (date !== undefined && compareDates(date, options.today) > 0)
      found.push(
        diagnose(
          'MADE_BEFORE_MODIFICATION',
          { id: amendment.id, date, today: options.today },
          amendment.origin.locate(['status']),
        ),
      );
  }
  return found;
}
