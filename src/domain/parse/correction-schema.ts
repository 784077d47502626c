import * as z from './zod.js';
import { AMENDMENT_ID_PATTERN, dated, describe, text } from './schema.js';
import { lazy } from './lazy.js';

/*
 * The shape of a correction file (data/corrections/<id>.yaml), written by `mtad correct --write`:
 * a sourced statement of what one value of Table 17.6 is, recorded as history. Strict like the
 * other files, and every field described for the JSON Schema.
 */

/** The cells a correction may set. */
const CORRECTED_FIELDS = ['endDate', 'groupId'] as const;

export const correctionFileSchema = lazy(() =>
  z
    .strictObject({
      kind: z.literal('correction').check(describe('What the file is: "correction".')),
      id: z
        .string()
        .check(
          z.regex(AMENDMENT_ID_PATTERN),
          describe('The id of the correction, kebab-case, as its file is named, e.g. "ioc-end-date-2026-12-02".'),
        ),
      cohort: text('The cohort whose value is corrected, as the table names it.'),
      field: z
        .enum(CORRECTED_FIELDS)
        .check(describe('The cell corrected: endDate (the Migration DUST end date) or groupId.')),
      from: text(
        'The value the table held before the correction: "unknown", "none", a date (YYYY-MM-DD) or a GroupID.',
      ),
      to: text('The value the correction states: "none", a date (YYYY-MM-DD) or a GroupID.'),
      corrects: z.optional(
        z
          .string()
          .check(
            z.regex(AMENDMENT_ID_PATTERN),
            describe(
              'The made amendment that set this end date and recorded it as unknown: the correction states ' +
                'what it set.',
            ),
          ),
      ),
      source: text('Where the value comes from (a document, a URL): a correction without a source is refused.'),
      by: text('Who recorded the correction.'),
      on: dated('The day the correction was recorded (YYYY-MM-DD).'),
      reason: z.optional(text('Why the value is corrected.')),
    })
    .check(describe('A sourced correction of one value of Table 17.6, recorded by mtad correct. Do not edit by hand.')),
);
