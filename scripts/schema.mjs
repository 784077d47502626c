// Writes schema/<kind>.schema.json from the zod schemas, through the built programmatic API
// (`npm run schema` builds first). The data files point their editor at these files; a test fails
// when they are stale.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { SCHEMA_KINDS, renderJsonSchema } from '../dist/index.js';

const folder = new URL('../schema/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const kind of Object.keys(SCHEMA_KINDS)) {
  const target = new URL(`${kind}.schema.json`, folder);
  const temporary = new URL(`.mtad-tmp-${kind}.schema.json`, folder);
  writeFileSync(temporary, renderJsonSchema(kind));
  renameSync(temporary, target);
  console.log(`wrote schema/${kind}.schema.json`);
}
