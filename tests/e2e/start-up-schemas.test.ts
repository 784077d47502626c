import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_KIND_NAMES, type SchemaKind } from '../../src/domain/parse/schema-kinds.js';
import { BIN, copiesOfData, ROOT } from '../helpers/cli.js';

/*
 * Building a zod schema costs start-up time, so a command builds only the schemas of the files it
 * validates (src/domain/parse/lazy.ts), not every schema of every module it loads. Proved on the
 * built bin, as a user runs it, with a preload that records every schema zod builds in the process
 * (tests/helpers/zod-schemas.mjs).
 */

const fresh = copiesOfData();
const PRELOAD = pathToFileURL(join(ROOT, 'tests/helpers/zod-schemas.mjs')).href;

/** The kinds of file the shipped data holds: the table, amendments, departments, narratives. */
const SHIPPED: readonly SchemaKind[] = ['table', 'amendment', 'departments', 'narrative'];

/**
 * Each kind by the description its schema registers when it is built, which is the description of
 * its JSON Schema (schema/<kind>.schema.json, which tests/unit/schema-files.test.ts holds fresh).
 */
const KIND_OF = new Map(
  SCHEMA_KIND_NAMES.map((kind) => {
    const { description } = JSON.parse(readFileSync(join(ROOT, `schema/${kind}.schema.json`), 'utf8')) as {
      description: string;
    };
    return [description, kind];
  }),
);

/** Runs the bin in a copy of the shipped data (no cache), and says what schemas it built. */
function schemasBuiltBy(args: string[]): { status: number | null; described: number; kinds: SchemaKind[] } {
  const cwd = fresh();
  const record = join(cwd, 'schemas.json');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', MTAD_TEST_SCHEMAS: record };
  delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...args], { cwd, env, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const built = JSON.parse(readFileSync(record, 'utf8')) as string[];
  const kinds = built.flatMap((description) => KIND_OF.get(description) ?? []);
  return { status: run.status, described: built.length, kinds: [...new Set(kinds)].sort() };
}

describe('a command builds only the zod schemas it validates with', () => {
  it('mtad --version builds none', () => {
    expect(schemasBuiltBy(['--version'])).toEqual({ status: 0, described: 0, kinds: [] });
  });

  it('mtad check builds those of the files it reads, and no other (conclusion, response, correction, config)', () => {
    const { status, kinds } = schemasBuiltBy(['check', '--no-cache']);
    expect(status).toBe(0);
    expect(kinds).toEqual([...SHIPPED].sort());
  });

  it.each([['amend'], ['show'], ['log'], ['responses']])(
    'mtad %s builds none that the shipped data has no file of',
    (command) => {
      const { status, kinds } = schemasBuiltBy([command]);
      expect(status).toBe(0);
      expect(kinds.filter((kind) => !SHIPPED.includes(kind))).toEqual([]);
    },
  );
});
