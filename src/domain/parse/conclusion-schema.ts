import * as z from './zod.js';
import { AMENDMENT_ID_PATTERN, dated, describe, text } from './schema.js';
import { lazy } from './lazy.js';

/*
 * The shape of the conclusion of a consultation: one file per amendment
 * (conclusions/<amendment-id>.yaml beside the table), written by DCC's drafter once the responses
 * are in. It holds DCC's decision and, unless the amendment is withdrawn, the final values the
 * final direction and `mtad amend --write` use. Strict like the other files, and every field
 * described for the JSON Schema.
 */

/** What DCC decided: go ahead as consulted on, go ahead with changes, or withdraw the amendment. */
const DECISIONS = ['proceed', 'proceed-with-changes', 'withdraw'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Whether responses came: "received" (the response files say which), or the statement that none did. */
const RESPONSES_STATEMENTS = ['received', 'none-received'] as const;

const questionResponse = lazy(() =>
  z
    .strictObject({
      question: text('The id of the question, exactly as the consultation gives it.'),
      response: z
        .array(text("A paragraph of DCC's response."))
        .check(z.minLength(1), describe("DCC's response to the views given on the question, one item per paragraph.")),
    })
    .check(describe("DCC's response to one question the consultation asked.")),
);

const finalChange = lazy(() =>
  z
    .strictObject({
      cohort: text('The cohort of a change of the amendment that sets an end date, as the amendment names it.'),
      to: dated(
        "The final end date (YYYY-MM-DD): the change's proposed date or a date within its window (`to` .. `to` " +
          '+ windowMonths).',
      ),
    })
    .check(describe('The final end date of one change of the amendment.')),
);

const final = lazy(() =>
  z
    .strictObject({
      changes: z
        .array(finalChange())
        .check(
          z.minLength(1),
          describe('The final end date of each change of the amendment that sets one (action close), once each.'),
        ),
      modification: z
        .strictObject({
          date: dated(
            'The date the direction takes effect (its "with effect from"): the proposed modification date or a ' +
              'date within its window.',
          ),
          annex: text(
            "The annex of the final direction that sets out the modification, as the amendment's " +
              'modification.annex is written: "A" for "Annex A".',
          ),
        })
        .check(describe('The modification the final direction makes.')),
    })
    .check(
      describe(
        'The final values of the amendment, within the windows consulted on (beyond them needs a new ' +
          'consultation). Required unless the decision is withdraw; not given when it is.',
      ),
    ),
);

/** The schema of a conclusion file (conclusions/<amendment-id>.yaml beside the table). */
export const conclusionFileSchema = lazy(() =>
  z
    .strictObject({
      amendment: z
        .string()
        .check(z.regex(AMENDMENT_ID_PATTERN), describe('The id of the amendment whose consultation this concludes.')),
      note: z.optional(
        text('What the file is, where that is not evident: e.g. that an example conclusion is fictional.'),
      ),
      source: z.optional(text('Where this record of the conclusion comes from, e.g. the published conclusion.')),
      concluded: dated(
        "The date DCC concluded: after the respond-by date, and the amendment's consultation.concluded when " +
          'that is set.',
      ),
      sentToDepartment: dated('The date the conclusion report, with the summary of responses, went to the department.'),
      responses: z
        .enum(RESPONSES_STATEMENTS)
        .check(
          describe(
            '"received" when responses came (their files, responses/<amendment-id>/ beside the table, say ' +
              'which); "none-received", the explicit statement that no response came.',
          ),
        ),
      decision: z
        .enum(DECISIONS)
        .check(
          describe(
            'What DCC decided: proceed (as consulted on), proceed-with-changes (final values within the ' +
              'windows consulted on), or withdraw.',
          ),
        ),
      questions: z
        .array(questionResponse())
        .check(describe("DCC's response to each question the consultation asked, once each.")),
      summary: z.optional(
        z
          .array(text("A paragraph of DCC's summary."))
          .check(z.minLength(1), describe("DCC's summary of its conclusion, one item per paragraph.")),
      ),
      final: z.optional(final()),
    })
    .check(describe('The conclusion of the consultation of an amendment: the decision and the final values.')),
);

export type ConclusionFile = z.infer<ReturnType<typeof conclusionFileSchema>>;
