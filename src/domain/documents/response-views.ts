import type { Amendment } from '../model/amendment.js';
import { secretsOf, spansToCut } from '../model/confidential.js';
import { inReceivedOrder, respondentLabel, type Position, type ResponseFile } from '../model/response.js';
import type { ResponseEntry } from './response-summary.js';

/**
 * Who a document is for: the public (what DCC may publish) or the department, which may receive
 * responses in their entirety, confidential text included ("responses in their entirety
 * (including any text marked confidential) may be made available to BEIS", section 4).
 */
export type Audience = 'public' | 'department';

/** A run of an answer's text, confidential or not. */
export interface Segment {
  /** The text; empty for a confidential run in a public document (it was cut). */
  text: string;
  confidential: boolean;
}

/** One respondent's view on one question, as an audience may see it. */
interface RespondentView {
  /** How the respondent is named; empty in a public document when the name holds confidential text. */
  respondent: string;
  position: Position;
  /** True when the respondent asked for all of the response to be confidential (department only). */
  wholeResponseConfidential: boolean;
  /** True when this answer is confidential as a whole (department only). */
  answerConfidential: boolean;
  paragraphs: Segment[][];
}

/** A respondent as an audience may see them. */
interface RespondentEntry {
  name?: string;
  organisation?: string;
  category: string;
  /** Department only: the confidentiality asked for, and why. */
  confidentiality?: 'none' | 'all' | 'part';
  reason?: string;
}

/** What an audience may see of the responses: who responded, and the views on each question. */
export interface ResponseViews {
  respondents: RespondentEntry[];
  /** Respondents left out of a public document because they asked for full confidentiality. */
  respondentsWithheld: number;
  questions: QuestionViews[];
}

/** The views on each question the consultation asks, in its order. */
interface QuestionViews {
  question: string;
  views: RespondentView[];
  /** Views left out of a public document because they are confidential (a count, never who). */
  withheld: number;
}

/** Splits `text` into runs, marking confidential each code unit of each span. */
function segmentsOf(text: string, spans: readonly (readonly [number, number])[]): Segment[] {
  const marked = new Array<boolean>(text.length).fill(false);
  for (const [start, end] of spans) marked.fill(true, start, end);
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments.at(-1);
    if (last && last.confidential === marked[i]) last.text += text[i];
    else segments.push({ text: text[i]!, confidential: marked[i]! });
  }
  return segments;
}

/**
 * The respondents' views, question by question, for `audience`. For the public, a respondent who
 * asked for all of the response to be confidential is left out (name and views), an answer
 * marked confidential is left out, and every passage any respondent marked confidential is cut
 * from every text published, wherever it stands, with whatever else gives a confidential text away
 * (`leaksIn`); what is not marked and gives nothing away is published. For the department, every
 * response is there in full, its confidential parts marked.
 */
export function viewsFor(amendment: Amendment, entries: readonly ResponseEntry[], audience: Audience): ResponseViews {
  const ordered = inReceivedOrder(entries).filter((e) => e.response.amendment === amendment.id);
  // Every passage marked confidential in any response is cut wherever it stands, even where another
  // answer repeats it unmarked; and whatever gives away a confidential text in another text, as
  // `mtad check` finds it in DCC's: a fully confidential respondent named by the short form of their
  // organisation or their email address, a passage or a confidential answer quoted in part (a short
  // answer is not looked for: "We agree." may be anyone's).
  const passages = ordered.flatMap((e) => e.response.answers.flatMap((a) => a.confidentialPassages ?? []));
  const secrets = ordered.flatMap((e) => secretsOf(e.response, e.file));
  const cut = (text: string | undefined): string | undefined =>
    text === undefined || spansToCut(text, secrets, passages).length > 0 ? undefined : text;
  // A respondent is named the same way in the list of respondents and beside each answer: for the
  // public, by the organisation unless it is cut, else by the name unless it is cut, else not at all.
  const publicLabel = (response: ResponseFile, file: string): string => {
    const { name, organisation } = response.respondent;
    if (name === undefined && organisation === undefined) return cut(file) ?? '';
    return cut(organisation) ?? cut(name) ?? '';
  };
  const respondents = ordered.flatMap(({ response }): RespondentEntry[] => {
    const { name, organisation } = response.respondent;
    const { choice, reason } = response.confidentiality;
    if (audience === 'department')
      return [
        {
          ...(name !== undefined && { name }),
          ...(organisation !== undefined && { organisation }),
          category: response.category,
          confidentiality: choice,
          ...(reason !== undefined && { reason }),
        },
      ];
    if (choice === 'all') return [];
    const shownName = cut(name);
    const shownOrganisation = cut(organisation);
    return [
      {
        ...(shownName !== undefined && { name: shownName }),
        ...(shownOrganisation !== undefined && { organisation: shownOrganisation }),
        category: response.category,
      },
    ];
  });
  const questions = amendment.consultation.questions.map((question) => {
    const views: RespondentView[] = [];
    let withheld = 0;
    for (const entry of ordered) {
      const { response } = entry;
      const answer = response.answers.find((a) => a.question === question.id);
      if (!answer) continue;
      const whole = response.confidentiality.choice === 'all';
      const answerConfidential = answer.confidential === true;
      if (audience === 'public' && (whole || answerConfidential)) {
        withheld += 1;
        continue;
      }
      const spansOf = (paragraph: string) =>
        audience === 'public'
          ? spansToCut(paragraph, secrets, passages)
          : spansToCut(paragraph, [], answer.confidentialPassages ?? []);
      // For the public, a confidential run is cut: its text never leaves this function.
      const paragraphs = answer.text.map((paragraph) =>
        segmentsOf(paragraph, spansOf(paragraph)).map((s) =>
          audience === 'public'
            ? { text: s.confidential ? '' : s.text, confidential: s.confidential }
            : { ...s, confidential: s.confidential || whole || answerConfidential },
        ),
      );
      views.push({
        respondent: audience === 'public' ? publicLabel(response, entry.file) : respondentLabel(response, entry.file),
        position: answer.position,
        wholeResponseConfidential: audience === 'department' && whole,
        answerConfidential: audience === 'department' && answerConfidential,
        paragraphs,
      });
    }
    return { question: question.id, views, withheld };
  });
  return {
    respondents,
    respondentsWithheld: audience === 'public' ? ordered.length - respondents.length : 0,
    questions,
  };
}
