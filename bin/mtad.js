#!/usr/bin/env node
// `npm run build` replaces dist/ by two renames in a row (scripts/build.mjs): a run that starts in
// the instant between them finds no dist/, and waits for the new one instead of failing.
try {
  await import('../dist/start.cjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' && error?.code !== 'ENOENT') throw error;
  await new Promise((resume) => setTimeout(resume, 250));
  await import('../dist/start.cjs');
}
