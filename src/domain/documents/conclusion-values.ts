import type { Amendment } from '../model/amendment.js';
import type { IsoDate } from '../model/dates.js';
import type { LocalTime } from '../model/diagnostics.js';
import { inReceivedOrder, isAfter, respondentLabel } from '../model/response.js';
import { POSITIONS, type Position } from '../model/respondent-kinds.js';
import type { Application } from '../history/apply.js';
import { diffTables, type Redline } from './redline.js';
import type { ResponseEntry } from './response-summary.js';
import { viewsFor, type Audience, type ResponseViews } from './response-views.js';

/**
 * What a conclusion report is made from, of the conclusion: the fields the report shows. A
 * conclusion read from its file (`Conclusion`) is one.
 */
export interface ConclusionFacts {
  /**
   * What the record is, where that is not evident (that an example is fictional, say): the report says it on its cover.
   */
  note?: string;
  concluded: IsoDate;
  sentToDepartment: IsoDate;
  responses: 'received' | 'none-received';
  decision: 'proceed' | 'proceed-with-changes' | 'withdraw';
  questions: readonly { question: string; response: readonly string[] }[];
  summary?: readonly string[];
}

/** The final form of an amendment as its conclusion makes it: the direction, and the table it gives. */
export interface FinalForm {
  /** The final direction's text (templates/direction.txt, every value filled in). */
  direction: string;
  /** The table in force, and the table as the final changes leave it. */
  application: Application;
  modification: { date: IsoDate; annex: string };
}

/** Everything the conclusion report of one amendment says, as data: no prose, no formatting. */
export interface ConclusionReport {
  audience: Audience;
  amendmentId: string;
  amendmentTitle: string;
  consultationTitle?: string;
  consultationId?: string;
  issued?: IsoDate;
  respondBy?: LocalTime;
  author?: string;
  classification?: string;
  /** The conclusion's note (that it is fictional, say), for the cover. */
  note?: string;
  concluded: IsoDate;
  sentToDepartment: IsoDate;
  decision: ConclusionFacts['decision'];
  /** False when the conclusion states that no response was received. */
  responsesReceived: boolean;
  /** Responses received, all of them (a number says nothing of who sent them or what they say). */
  responses: number;
  /**
   * The respondents this audience may see, and how many are left out (public: those who asked for full
   * confidentiality).
   */
  views: ResponseViews;
  /** Per category, the respondents this audience may see. */
  categories: { category: string; count: number }[];
  /** The department only: the responses received after the respond-by time, by respondent. */
  late: { respondent: string; received: LocalTime }[];
  questions: ConclusionQuestion[];
  /** DCC's summary of its conclusion, one item per paragraph. */
  summary: readonly string[];
  /** Absent when the amendment is withdrawn: no final direction, no modified table. */
  final?: {
    direction: string;
    modification: { date: IsoDate; annex: string };
    /**
     * Each change as made final: its cohort, the cohort's GroupID where the table knows it, the end date (none: no end
     * date).
     */
    changes: { cohort: string; groupId?: string; to?: IsoDate }[];
    redline: Redline;
  };
}

/** One question of the consultation: the views this audience may see, counted, and DCC's response. */
interface ConclusionQuestion {
  id: string;
  text: string;
  /** The views this audience may see, counted by position. */
  positions: Record<Position, number>;
  /** Respondents this audience may see who did not answer the question. */
  notAnswered: number;
  /** Views of this question left out for the public (confidential), counted: never who. */
  withheld: number;
  views: ResponseViews['questions'][number]['views'];
  /** DCC's response, one item per paragraph; empty when the conclusion gives none. */
  response: readonly string[];
}

/**
 * The conclusion report of `amendment` for `audience`, from its conclusion, the responses and, unless
 * it is withdrawn, its final form. What the public may see of the responses is decided by
 * `viewsFor` alone (the same as `mtad responses --views`): every count and view here is made from
 * its result, so nothing confidential reaches a public report.
 */
export function conclusionReport(input: {
  amendment: Amendment;
  conclusion: ConclusionFacts;
  entries: readonly ResponseEntry[];
  audience: Audience;
  final?: FinalForm;
}): ConclusionReport {
  const { amendment, conclusion, audience } = input;
  const entries = input.entries.filter((e) => e.response.amendment === amendment.id);
  const views = viewsFor(amendment, entries, audience);
  const { consultation } = amendment;
  const categories = new Map<string, number>();
  for (const respondent of views.respondents)
    categories.set(respondent.category, (categories.get(respondent.category) ?? 0) + 1);
  const due = consultation.responsesDue;
  const late =
    audience === 'department' && due
      ? inReceivedOrder(entries)
          .filter((e) => isAfter(e.response.received, due))
          .map((e) => ({ respondent: respondentLabel(e.response, e.file), received: e.response.received }))
      : [];
  // A respondent who asked for full confidentiality is left out of the public report whole.
  const visible =
    audience === 'department' ? entries : entries.filter((e) => e.response.confidentiality.choice !== 'all');
  const questions = consultation.questions.map((question, i): ConclusionQuestion => {
    const seen = views.questions[i] ?? { views: [], withheld: 0 };
    const positions = Object.fromEntries(POSITIONS.map((p) => [p, 0])) as Record<Position, number>;
    for (const view of seen.views) positions[view.position] += 1;
    return {
      id: question.id,
      text: question.text,
      positions,
      notAnswered: visible.filter((e) => !e.response.answers.some((a) => a.question === question.id)).length,
      withheld: seen.withheld,
      views: seen.views,
      response: conclusion.questions.find((q) => q.question === question.id)?.response ?? [],
    };
  });
  return {
    audience,
    amendmentId: amendment.id,
    amendmentTitle: amendment.title,
    ...(consultation.title !== undefined && { consultationTitle: consultation.title }),
    ...(typeof consultation.id === 'string' && { consultationId: consultation.id }),
    ...(typeof consultation.issued === 'string' && { issued: consultation.issued }),
    ...(due && { respondBy: { date: due.date, time: due.time } }),
    ...(consultation.author !== undefined && { author: consultation.author }),
    ...(consultation.classification !== undefined && { classification: consultation.classification }),
    ...(conclusion.note !== undefined && { note: conclusion.note }),
    concluded: conclusion.concluded,
    sentToDepartment: conclusion.sentToDepartment,
    decision: conclusion.decision,
    responsesReceived: conclusion.responses === 'received',
    responses: entries.length,
    views,
    categories: [...categories].map(([category, count]) => ({ category, count })),
    late,
    questions,
    summary: conclusion.summary ?? [],
    ...(input.final && {
      final: {
        direction: input.final.direction,
        modification: input.final.modification,
        changes: input.final.application.changes.map((change) => ({
          cohort: change.cohort,
          ...(change.groupId.kind === 'text' && { groupId: change.groupId.text }),
          ...(change.to.kind === 'date' && { to: change.to.date }),
        })),
        redline: diffTables(input.final.application.before, input.final.application.after),
      },
    }),
  };
}
