import * as z from './zod.js';
import {
  amendmentFileSchema,
  configFileSchema,
  departmentsFileSchema,
  narrativeFrontMatterSchema,
  tableFileSchema,
} from './schema.js';
import { responseFileSchema } from './response-schema.js';
import { conclusionFileSchema } from './conclusion-schema.js';
import { correctionFileSchema } from './correction-schema.js';
import type { SchemaKind } from './schema-kinds.js';

/** The kinds of file mtad reads, each with its zod schema (built when first asked for). */
export const SCHEMA_KINDS = {
  table: tableFileSchema,
  amendment: amendmentFileSchema,
  response: responseFileSchema,
  conclusion: conclusionFileSchema,
  config: configFileSchema,
  departments: departmentsFileSchema,
  narrative: narrativeFrontMatterSchema,
  correction: correctionFileSchema,
} as const satisfies Record<SchemaKind, () => z.core.$ZodType>;

const TITLES: Record<SchemaKind, string> = {
  table: 'Table 17.6 of the MTAD (mtad table file)',
  amendment: 'An amendment to Table 17.6 of the MTAD (mtad amendment file)',
  response: "A response to an amendment's consultation (mtad response file)",
  conclusion: "The conclusion of an amendment's consultation (mtad conclusion file)",
  config: 'The configuration of mtad for a project (mtad.config.yaml)',
  departments: 'The department responsible for smart metering over time (mtad departments file)',
  narrative: "The front matter of a consultation's narrative (data/consultations/<amendment id>.md)",
  correction: 'A sourced correction of one value of Table 17.6 (data/corrections/<id>.yaml, written by mtad correct)',
};

/**
 * The JSON Schema of a kind of file, generated from its zod schema, for editors
 * (yaml-language-server). Draft 7, which editors support best; every field carries its description.
 */
export function buildJsonSchema(kind: SchemaKind): Record<string, unknown> {
  const generated = z.toJSONSchema(SCHEMA_KINDS[kind](), { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: TITLES[kind],
    $comment: 'Generated from the zod schemas of mtad by `npm run schema`; do not edit by hand.',
    ...rest,
  };
}

/** The JSON Schema as the text of its file. */
export function renderJsonSchema(kind: SchemaKind): string {
  return `${JSON.stringify(buildJsonSchema(kind), null, 2)}\n`;
}
