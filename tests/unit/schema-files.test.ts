import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema, renderJsonSchema, SCHEMA_KINDS } from '../../src/domain/parse/json-schema.js';
import type { SchemaKind } from '../../src/domain/parse/schema-kinds.js';
import { ROOT } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const kinds = Object.keys(SCHEMA_KINDS) as SchemaKind[];

/** Every property of every object in a JSON Schema, with its path. */
function propertiesOf(schema: unknown, path = '#'): [string, Record<string, unknown>][] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const own = Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>).map(
    ([key, value]): [string, Record<string, unknown>] => [`${path}/${key}`, value],
  );
  return [
    ...own,
    ...Object.entries(node).flatMap(([key, value]) =>
      Array.isArray(value)
        ? value.flatMap((v, i) => propertiesOf(v, `${path}/${key}/${i}`))
        : propertiesOf(value, `${path}/${key}`),
    ),
  ];
}

describe('the JSON Schema of the data files', () => {
  it('offers every kind', async () => {
    const { SCHEMA_KIND_NAMES } = await import('../../src/domain/parse/schema-kinds.js');
    expect([...SCHEMA_KIND_NAMES]).toEqual(kinds);
  });

  it.each(kinds)(
    'schema/%s.schema.json is the one the zod schema generates (run npm run schema when this fails)',
    (kind) => {
      expect(readFileSync(join(ROOT, `schema/${kind}.schema.json`), 'utf8')).toBe(renderJsonSchema(kind));
    },
  );

  it.each(kinds)('describes every field of the %s schema', (kind) => {
    const undescribed = propertiesOf(buildJsonSchema(kind))
      .filter(
        ([, property]) =>
          typeof property.description !== 'string' &&
          !(Array.isArray(property.anyOf) && property.anyOf.every((o: { description?: string }) => o.description)),
      )
      .map(([path]) => path);
    expect(undescribed).toEqual([]);
  });

  // In process: the built bin's `mtad schema` is run once by tests/e2e/bin.test.ts.
  it('is what mtad schema prints, and what the shipped files point their editor at', async () => {
    for (const kind of kinds) expect((await runMain(['schema', kind])).stdout).toBe(renderJsonSchema(kind));
    expect(Object.keys(JSON.parse((await runMain(['schema'])).stdout))).toEqual(kinds);
    expect((await runMain(['schema', 'lock'])).status).toBe(2);
    expect(readFileSync(join(ROOT, 'data/table-17.6.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/table.schema.json',
    );
    for (const id of ['mdust-close-foc-np', 'mdust-close-ioc-moc-mds', 'mdust-close-moc-secure']) {
      expect(readFileSync(join(ROOT, `data/amendments/${id}.yaml`), 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=../../schema/amendment.schema.json',
      );
    }
  });
});
