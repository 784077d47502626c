import * as z from './zod.js';
import { AMENDMENT_ID_PATTERN, dated, describe, text, timeOfDay } from './schema.js';
import { lazy } from './lazy.js';
import { CATEGORIES, POSITIONS } from '../model/respondent-kinds.js';

/*
 * The shape of a response to a consultation: one file per respondent, written by
 * `mtad responses import` from the response template the respondent filled in, or by hand. Strict
 * like the other files, and every field described for the JSON Schema.
 */

const answer = lazy(() =>
  z
    .strictObject({
      question: text('The id of the question answered, exactly as the consultation gives it.'),
      position: z
        .enum(POSITIONS)
        .check(describe('The position taken: agree, disagree, neither, or not-stated when the answer does not say.')),
      text: z
        .array(text('A paragraph of the answer, as the respondent wrote it.'))
        .check(z.minLength(1), describe('The answer as the respondent wrote it, one item per paragraph.')),
      confidential: z.optional(
        z
          .boolean()
          .check(
            describe(
              'True when the respondent marked this whole answer confidential (confidentiality "part"): it is ' +
                'never published.',
            ),
          ),
      ),
      confidentialPassages: z.optional(
        z
          .array(
            text(
              'A passage of the answer, exactly as it stands in one of its paragraphs, that the respondent ' +
                'marked confidential.',
            ),
          )
          .check(
            z.minLength(1),
            describe('The passages of the answer the respondent marked confidential (confidentiality "part").'),
          ),
      ),
    })
    .check(describe("One answer: the question, the respondent's position and text, and what of it is confidential.")),
);

/** The schema of a response file (data/responses/<amendment-id>/<respondent>.yaml). */
export const responseFileSchema = lazy(() =>
  z
    .strictObject({
      amendment: z
        .string()
        .check(z.regex(AMENDMENT_ID_PATTERN), describe('The id of the amendment whose consultation this responds to.')),
      note: z.optional(
        text('What the file is, where that is not evident: e.g. that an example response is fictional.'),
      ),
      source: z.optional(text('Where the response came from, e.g. the file it was imported from.')),
      respondent: z
        .strictObject({
          name: z.optional(text('The name of the person who responded.')),
          organisation: z.optional(text('The organisation responding.')),
          email: z.optional(text('The email address given.')),
          telephone: z.optional(text('The telephone number given.')),
        })
        .check(describe('Who responded, as the respondent details of the template give it.')),
      category: z
        .enum(CATEGORIES)
        .check(
          describe(
            'The kind of respondent, for the summary of responses: large-supplier, small-supplier, other, or ' +
              'not-stated.',
          ),
        ),
      received: z
        .strictObject({
          date: dated('The day the response was received.'),
          time: timeOfDay('The time it was received, HH:MM, UK local time (Europe/London).'),
        })
        .check(describe('When DCC received the response; after the respond-by time it is late.')),
      confidentiality: z
        .strictObject({
          choice: z
            .enum(['none', 'all', 'part'])
            .check(
              describe(
                'What the respondent asked: none (publish it), all (publish nothing of it, nor who sent it), ' +
                  'or part (the answers and passages marked).',
              ),
            ),
          reason: z.optional(
            text('Why the respondent regards the information as confidential, as they explained it (one paragraph).'),
          ),
        })
        .check(describe("The respondent's confidentiality request, stated in writing in the template.")),
      answers: z
        .array(answer())
        .check(describe('The answers, one per question answered; a question not answered has none.')),
    })
    .check(describe('A response to the consultation of an amendment, as the respondent filled in the template.')),
);

export type ResponseFile = z.infer<ReturnType<typeof responseFileSchema>>;
export type ResponseAnswer = ResponseFile['answers'][number];
