#!/usr/bin/env node
// CommonJS, so that Node starts it without its ES module loader (measured in BENCHMARKS.md).
// `npm run build` replaces dist/ by two renames in a row (scripts/build.mjs): a run that starts in
// the instant between them finds no dist/, and waits for the new one instead of failing.
'use strict';
try {
  require('../dist/start.cjs');
} catch (error) {
  refuse(error, true);
}

// What mtad cannot start without is one line, as its findings are, exit status 2; anything else is
// a bug and keeps its stack. The sentences are those of src/render/diagnostic-messages.ts, which
// cannot be loaded from a dist/ that is not there (a test holds the two the same).
function refuse(error, wait) {
  if (error?.syscall === 'uv_cwd')
    return stop(
      'the working folder no longer exists (it was deleted or moved after the shell entered it); change to a ' +
        'folder that exists and run mtad again [WORKING_FOLDER_MISSING]',
    );
  const path = require('node:path');
  const dist = path.join(__dirname, '..', 'dist');
  const missing =
    error?.code === 'MODULE_NOT_FOUND' && error.requireStack?.[0] === __filename
      ? path.join(dist, 'start.cjs')
      : error?.code === 'ENOENT' && typeof error.path === 'string' && error.path.startsWith(dist + path.sep)
        ? error.path
        : undefined;
  if (missing === undefined) throw error;
  if (wait)
    return setTimeout(() => {
      try {
        require('../dist/start.cjs');
      } catch (again) {
        refuse(again, false);
      }
    }, 250);
  stop(
    `mtad is not built: ${missing} does not exist; run npm run build in ${path.dirname(dist)} ` +
      '(after npm ci in a fresh clone) [BUILD_MISSING]',
  );
}

function stop(line) {
  process.stderr.write(`mtad: error: ${line}\n`);
  process.exitCode = 2;
}
