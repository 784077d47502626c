import * as z from './zod.js';
import { lazy } from './lazy.js';
import { isIsoDate } from '../model/dates.js';

/*
 * The shapes of the two kinds of file mtad reads. Every object is strict (an unknown key is an
 * error, never silently ignored) and every field is described: the descriptions become the hover
 * text of the JSON Schema that editors use (`mtad schema`).
 */

export const describe = (description: string) => z.describe(description);

/** A calendar date `YYYY-MM-DD`, never an instant. */
const isoDateSchema = lazy(() =>
  z
    .string()
    .check(
      z.refine(isIsoDate, { params: { code: 'DATE_INVALID' } }),
      z.meta({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    ),
);

export const dated = (description: string) => isoDateSchema().check(describe(description));
export const text = (description: string) => z.string().check(z.minLength(1), describe(description));

/** A time of day `HH:MM`, UK local time. */
export const timeOfDay = (description: string) =>
  z.string().check(
    z.refine((t) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t), { params: { code: 'TIME_INVALID' } }),
    z.meta({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
    describe(description),
  );

/** A fact that is not public: the reason it is unknown, and where to look. */
const unknownFact = lazy(() =>
  z
    .strictObject({
      unknown: text('Why the value is not known (not public, not stated in the source).'),
      source: z.optional(text('Where the fact would be found, or the public document that says it is not known.')),
      notBefore: z.optional(
        dated('The earliest the date can be, when a source bounds it (e.g. "in May 2022": 2022-05-01).'),
      ),
      notAfter: z.optional(
        dated('The latest the date can be, when a source bounds it (e.g. "in May 2022": 2022-05-31).'),
      ),
    })
    .check(describe('A value that is not known: recorded as unknown, never guessed; a source may bound it.')),
);

/** A date in an amendment's timeline: a date, or explicitly unknown. */
const timelineDate = (description: string) =>
  z
    .union([dated(description), unknownFact()])
    .check(describe(`${description} A date YYYY-MM-DD, or { unknown: why }.`));

/** A table cell: its value or the reason it is unknown, with its source. */
const cell = (valueDescription: string) =>
  z
    .strictObject({
      value: z.optional(text(valueDescription)),
      unknown: z.optional(text('Why this value is not known. Give either value or unknown, not both.')),
      source: z.optional(text('The public source of this value: a document, its section, or an address.')),
      notAfter: z.optional(
        dated(
          'With unknown, for an end date: the latest it can be, when a source bounds it (Migration DUST was ' +
            'no longer provided on the next day).',
        ),
      ),
      written: z.optional(
        z
          .string()
          .check(
            describe(
              "With unknown: the text the MTAD's own cell holds, as written, when it is not a value mtad " +
                'reads (an end date in prose, "TBC", an empty cell). Every view shows it in place of "unknown".',
            ),
          ),
      ),
    })
    .check(describe('A cell of Table 17.6: { value, source } or { unknown, source }.'));

const cohortRow = lazy(() =>
  z
    .strictObject({
      cohort: text('The cohort name as the MTAD writes it, e.g. "MOC (Secure)".'),
      groupId: cell('The GroupID of the cohort, e.g. "DA".'),
      endDate: cell(
        'The end date of Migration DUST for the cohort (YYYY-MM-DD), read as table.endDateMeaning says, or ' +
          '"none" while it has no end date.',
      ),
      extra: z.optional(
        z
          .record(z.string(), z.string())
          .check(
            describe(
              "The texts of the MTAD's other columns (table.columns.extra), by heading, as written: carried " +
                'through every output, never read.',
            ),
          ),
      ),
    })
    .check(describe('One row of Table 17.6: a SMETS1 cohort.')),
);

/** How an end date is read, as a property of the table, with what the record says of it. */
const endDateMeaning = lazy(() =>
  z
    .strictObject({
      reading: z
        .enum(['last-day'])
        .check(
          describe(
            'How mtad reads an end date: "last-day", the last day on which Migration DUST is provided for the ' +
              'cohort (from the next day it is not). Every view and check applies it.',
          ),
        ),
      status: z
        .enum(['unsettled', 'settled'])
        .check(
          describe(
            '"unsettled" while the record does not settle the meaning and the reading is mtad\'s; "settled" ' +
              'once a source states it.',
          ),
        ),
      note: text('What the record says of the end date, and why the reading is or is not settled.'),
      source: text('The public documents that speak of the end date, with the words they use.'),
    })
    .check(
      describe(
        "What an end date of the table means: a reading of mtad's unless a source settles it. mtad states it " +
          "in its own views, never in DCC's documents.",
      ),
    ),
);

/** The schema of data/table-17.6.yaml. */
export const tableFileSchema = lazy(() =>
  z
    .strictObject({
      document: z
        .strictObject({
          name: text('The name of the document, e.g. "Migration Testing Approach Document".'),
          abbreviation: text('Its short name, e.g. "MTAD".'),
          version: cell('The version of the document the table is part of.'),
        })
        .check(describe('The document that holds the table.')),
      table: z
        .strictObject({
          number: text('The table number, as a string: "17.6".'),
          title: cell('The title of the table.'),
          endDateMeaning: z.optional(endDateMeaning()),
          columns: z
            .strictObject({
              cohort: text('Heading of the cohort column.'),
              groupId: text('Heading of the GroupID column.'),
              endDate: text('Heading of the Migration DUST end date column.'),
              extra: z.optional(
                z
                  .array(text('A heading.'))
                  .check(
                    describe(
                      "Headings of the MTAD's other columns, in the document's order: kept verbatim (each " +
                        "row's extra) and shown after the three columns mtad reads.",
                    ),
                  ),
              ),
              source: z.optional(text('Where the headings come from.')),
              chosenBy: z.optional(
                z
                  .enum(['mtad', 'dcc'])
                  .check(
                    describe(
                      '"dcc" when the headings are the MTAD\'s own; "mtad" when they are descriptive ones of ' +
                        'mtad\'s because the MTAD\'s are not recorded. Unless "dcc", the redline says the ' +
                        "headings are not the MTAD's.",
                    ),
                  ),
              ),
            })
            .check(describe('The column headings.')),
        })
        .check(describe('The table itself.')),
      asAt: dated('The date the table as written here reflects.'),
      applied: z
        .array(text('An amendment id.'))
        .check(describe('The ids of the amendments this table already reflects, in the order they were applied.')),
      cohorts: z.array(cohortRow()).check(describe('The rows of the table, in the order the MTAD lists them.')),
    })
    .check(describe('Table 17.6 of the MTAD: Migration DUST end dates per SMETS1 cohort.')),
);

export type TableFile = z.infer<ReturnType<typeof tableFileSchema>>;

const question = lazy(() =>
  z
    .strictObject({
      id: text('The question id as the consultation writes it, e.g. "MDUST Close MOC (Secure) Q1".'),
      text: text('The question, word for word.'),
      source: z.optional(text('The section of the consultation that asks it.')),
    })
    .check(describe('A consultation question: its id and its wording.')),
);

const change = lazy(() =>
  z
    .strictObject({
      action: z
        .enum(['close', 'reopen'])
        .check(describe('close sets an end date; reopen removes one (Migration DUST provided again).')),
      cohort: text('The cohort the change applies to, as in the table.'),
      groupId: z.optional(text('The GroupID of that cohort; checked against the table.')),
      field: z.enum(['endDate']).check(describe('The column that changes.')),
      from: text(
        'The value the change expects the table to hold: "none", "unknown" or a date YYYY-MM-DD. Refused when ' +
          'the table holds another.',
      ),
      to: text('The new value: "none", "unknown" or a date YYYY-MM-DD.'),
      windowMonths: z.optional(
        z.int().check(z.minimum(1), z.maximum(12), describe('The new date is "(or within N month(s) thereafter)".')),
      ),
    })
    .check(describe('One change to one cell of Table 17.6.')),
);

const consultation = lazy(() =>
  z
    .strictObject({
      id: z
        .union([text('The consultation id, e.g. "SMETS1_Consultation_MDUST_Close_MOC_Secure".'), unknownFact()])
        .check(describe('The consultation id, or { unknown: why } when it is not recorded.')),
      title: z.optional(text('The consultation title as published.')),
      summary: z.optional(text('The one-sentence summary on its cover page.')),
      url: z.optional(text('Where the consultation or its conclusion is published.')),
      issued: timelineDate('The date the consultation was issued.'),
      responsesDue: z.optional(
        z
          .strictObject({
            date: dated('The last day for responses.'),
            time: timeOfDay('The time of day, HH:MM, UK local time (Europe/London).'),
          })
          .check(describe('When responses are due.')),
      ),
      expectedConclusion: z.optional(dated('The date DCC expects to conclude.')),
      concluded: z.optional(timelineDate('The date DCC concluded.')),
      contact: z.optional(text('Where responses and questions go.')),
      author: z.optional(
        text(
          'The author named on the cover page, e.g. "consultations@smartdcc.co.uk". The redline\'s tracked ' +
            'changes are made in this name unless `mtad amend --author` gives another.',
        ),
      ),
      classification: z.optional(text('The classification on the cover page, e.g. "DCC Public".')),
      questions: z.array(question()).check(describe('The consultation questions, in order.')),
    })
    .check(describe('The consultation that proposed the amendment: its id, dates and questions.')),
);

/** An amendment id: kebab-case, so that it can name its file (`<id>.yaml`). */
export const AMENDMENT_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The schema of an amendment file in data/amendments/. */
export const amendmentFileSchema = lazy(() =>
  z
    .strictObject({
      id: z.string().check(z.regex(AMENDMENT_ID_PATTERN), describe('A stable kebab-case id, unique among amendments.')),
      sequence: z
        .int()
        .check(z.minimum(1), describe('The order in which amendments apply: explicit, unique, ascending.')),
      title: z
        .union([
          text('The title DCC gives the amendment, e.g. "Migration DUST Closure for MOC (Secure)".'),
          z.strictObject({
            mtad: text("A descriptive title of mtad's own, for its views. It is never written into DCC's documents."),
            note: text("Why the title is mtad's: what DCC published, and what is not recorded."),
            source: z.optional(text("Where DCC's own title would be found.")),
          }),
          unknownFact(),
        ])
        .check(
          describe(
            "The title of the amendment as DCC gives it; { mtad, note } for a title of mtad's own where DCC's " +
              'is not recorded; or { unknown: why }.',
          ),
        ),
      status: z
        .enum(['proposed', 'concluded', 'made', 'withdrawn'])
        .check(describe('Where the amendment stands: proposed, concluded, made (directed) or withdrawn.')),
      source: z.optional(text('The public document this amendment is recorded from.')),
      reverts: z.optional(text('The id of the amendment this one reverses (mtad revert writes it).')),
      withdrawn: z.optional(timelineDate('The date the amendment was withdrawn (status withdrawn).')),
      consultation: consultation(),
      legalBasis: z.optional(
        z
          .strictObject({
            clause: text('The clause that allows DCC to modify the MTAD, e.g. "4.2".'),
            appendix: text('The SEC appendix the clause is in, e.g. "AK".'),
            document: text(
              'The name of that appendix, e.g. "the SEC Variation Testing Approach Document for SMETS1 Services".',
            ),
          })
          .check(describe('The legal basis of the direction; omit it where it is not recorded.')),
      ),
      modification: z
        .strictObject({
          date: timelineDate('The date the modification takes effect (the direction\'s "with effect from").'),
          windowMonths: z.optional(
            z
              .int()
              .check(
                z.minimum(1),
                z.maximum(12),
                describe('"(or, if necessary, as soon as reasonably practicable within N month(s) thereafter)".'),
              ),
          ),
          annex: z
            .nullable(text('The annex of the direction that sets out the modification; null until it is set.'))
            .check(
              describe(
                'The annex of the direction that sets out the modification; null until it is set (the draft ' +
                  'reads "Annex [TBC]").',
              ),
            ),
        })
        .check(describe('The modification the direction makes.')),
      changes: z.array(change()).check(z.minLength(1), describe('The changes to Table 17.6, applied in order.')),
    })
    .check(describe('An amendment to Table 17.6 of the MTAD, with its consultation and direction.')),
);

export type AmendmentFile = z.infer<ReturnType<typeof amendmentFileSchema>>;

/** What the configuration may make of a rule: an error, a warning, or nothing at all. */
const RULE_SETTINGS = ['error', 'warning', 'off'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

/** The shape of mtad.config.yaml; its JSON Schema is schema/config.schema.json (`mtad schema config`). */
export const configFileSchema = lazy(() =>
  z
    .strictObject({
      rules: z.optional(
        z
          .record(
            z.string(),
            z.enum(RULE_SETTINGS).check(z.describe('"error", "warning", or "off" (not reported at all).')),
          )
          .check(
            z.describe(
              'The severity of rules of mtad check, by code (mtad check --list-rules lists them). A warning ' +
                'may be made an error or turned off; an error stays an error.',
            ),
          ),
      ),
    })
    .check(z.describe('The configuration of mtad for this project (mtad.config.yaml at its root).')),
);
/** One government department, and when it held the responsibility. */
const department = lazy(() =>
  z
    .strictObject({
      name: text("The department's name, as DCC writes it in its consultations."),
      abbreviation: text('Its abbreviation, as DCC writes it ("BEIS").'),
      from: dated('The first day the department held the responsibility.'),
      to: z
        .union([dated('The last day it held it.'), z.null()])
        .check(describe('The last day it held it; null while it still does.')),
      source: text('The public source of the name and the dates (a URL).'),
    })
    .check(describe('A government department and the days it was responsible for smart metering.')),
);

export const departmentsFileSchema = lazy(() =>
  z
    .strictObject({
      departments: z
        .array(department())
        .check(z.minLength(1), describe('The departments in the order they held the responsibility, earliest first.')),
    })
    .check(
      describe(
        'The government department responsible for smart metering over time: the one a consultation sends its ' +
          'summary of responses to.',
      ),
    ),
);

/** The schema of the front matter of a consultation's narrative (data/consultations/<id>.md). */
export const narrativeFrontMatterSchema = lazy(() =>
  z
    .strictObject({
      redlineAttachment: text(
        'The title of Attachment 3, the MTAD redlined, as the consultation lists it, e.g. "MTAD 4.MOCS Draft ' +
          'Redlined".',
      ),
    })
    .check(
      describe(
        "What a consultation's narrative holds beside DCC's prose (the Markdown after the front matter): the " +
          'values that vary per consultation and that no amendment field holds.',
      ),
    ),
);

export type NarrativeFrontMatter = z.infer<ReturnType<typeof narrativeFrontMatterSchema>>;
