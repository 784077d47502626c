// The kinds of file mtad reads, apart from their zod schemas (json-schema.ts): `mtad schema` offers
// them as choices at every start, and building the schemas then would cost every command its
// start-up time. SCHEMA_KINDS is typed by these names, so the compiler holds the two equal.

/** The kinds of `mtad schema`, in the order it lists and prints them. */
export const SCHEMA_KIND_NAMES = [
  'table',
  'amendment',
  'response',
  'conclusion',
  'config',
  'departments',
  'narrative',
  'correction',
] as const;
export type SchemaKind = (typeof SCHEMA_KIND_NAMES)[number];
