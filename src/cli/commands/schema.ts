import { renderJsonSchema, SCHEMA_KINDS, type SchemaKind } from '../../domain/json-schema.js';
import type { Outcome } from '../outcome.js';

/** `mtad schema [table|amendment]`: the JSON Schema of one kind of file, or of both keyed by kind. */
export function runSchema(kind: SchemaKind | undefined): Outcome {
  if (kind !== undefined) return { exitCode: 0, stdout: renderJsonSchema(kind), stderr: '' };
  const both = Object.fromEntries(Object.keys(SCHEMA_KINDS).map((k) => [k, JSON.parse(renderJsonSchema(k as SchemaKind))]));
  return { exitCode: 0, stdout: `${JSON.stringify(both, null, 2)}\n`, stderr: '' };
}
