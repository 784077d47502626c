// The closed lists of a response file, apart from its zod schema (parse/response-schema.ts): the
// command line offers CATEGORIES as the choices of an option at every start, and building the
// schema then would cost every command its start-up time.

/** How a respondent stands on a question; "not-stated" when the answer does not say. */
export const POSITIONS = ['agree', 'disagree', 'neither', 'not-stated'] as const;
export type Position = (typeof POSITIONS)[number];

/** Who the respondent is, as far as the categories of the summary of responses go. */
export const CATEGORIES = ['large-supplier', 'small-supplier', 'other', 'not-stated'] as const;
