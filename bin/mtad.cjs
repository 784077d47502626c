#!/usr/bin/env node
// CommonJS, so that Node starts it without its ES module loader (measured in BENCHMARKS.md).
// `npm run build` replaces dist/ by two renames in a row (scripts/build.mjs): a run that starts in
// the instant between them finds no dist/, and waits for the new one instead of failing.
'use strict';
try {
  require('../dist/start.cjs');
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND' && error?.code !== 'ENOENT') throw error;
  setTimeout(() => require('../dist/start.cjs'), 250);
}
