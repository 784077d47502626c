// Test-only preload (node --import): writes the description of every zod schema the process built
// into the file MTAD_TEST_SCHEMAS names, as a JSON list, when the process exits. zod keeps one
// registry of descriptions for all the copies of itself loaded in a process (the first copy makes it,
// globalThis.__zod_globalRegistry, and the others use it), and every field of mtad's schemas is
// described: so the zod bundled into the bin adds each schema it builds to the registry made here,
// through the registry's public add().
import { writeFileSync } from 'node:fs';
import { globalRegistry } from 'zod/v4/core';

const built = [];
const add = globalRegistry.add.bind(globalRegistry);
globalRegistry.add = (schema, meta) => {
  if (meta?.description !== undefined) built.push(meta.description);
  return add(schema, meta);
};
process.on('exit', () => writeFileSync(process.env.MTAD_TEST_SCHEMAS, JSON.stringify(built)));
