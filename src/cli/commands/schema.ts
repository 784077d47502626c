import { join } from 'node:path';
import type { SchemaKind } from '../../domain/parse/schema-kinds.js';
import { packageRoot, readText } from '../../io/read.js';
import { failWith, type Outcome } from '../outcome.js';
import { plainStyler } from '../../render/style.js';
import { findingsOf } from '../../domain/model/result.js';

/**
 * `mtad schema [table|amendment|narrative]`: the JSON Schema of one kind of file, or of all keyed by kind.
 * It prints the files shipped in schema/, which `npm run schema` generates from the zod schemas
 * (a test fails when they are stale), so that zod's JSON Schema code is not part of the CLI.
 */
export async function runSchema(kind: SchemaKind | undefined, kinds: readonly SchemaKind[]): Promise<Outcome> {
  const texts: string[] = [];
  for (const name of kind === undefined ? kinds : [kind]) {
    const path = join(packageRoot(), 'schema', `${name}.schema.json`);
    const read = await readText(path, path);
    if (!read.ok) return failWith(findingsOf(read), plainStyler);
    texts.push(read.value);
  }
  if (kind !== undefined) return { exitCode: 0, stdout: texts[0] ?? '', stderr: '' };
  const both = Object.fromEntries(kinds.map((name, i) => [name, JSON.parse(texts[i] ?? '{}')]));
  return { exitCode: 0, stdout: `${JSON.stringify(both, null, 2)}\n`, stderr: '' };
}
