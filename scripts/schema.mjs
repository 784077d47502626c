// Writes schema/<kind>.schema.json from the zod schemas (`npm run schema`). The generator is bundled
// here, in memory, from src/domain/parse/json-schema.ts, so that zod's JSON Schema machinery never enters
// dist/: `mtad schema` prints these committed files, and a test fails when they are stale.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';

const bundle = await build({
  entryPoints: ['src/domain/parse/json-schema.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const { SCHEMA_KINDS, renderJsonSchema } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);

const folder = new URL('../schema/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const kind of Object.keys(SCHEMA_KINDS)) {
  const temporary = new URL(`.mtad-tmp-${kind}.schema.json`, folder);
  writeFileSync(temporary, renderJsonSchema(kind));
  renameSync(temporary, new URL(`${kind}.schema.json`, folder));
  console.log(`wrote schema/${kind}.schema.json`);
}
