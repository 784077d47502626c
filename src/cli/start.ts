// The start of `mtad`: loads the bundled CLI (dist/cli.cjs) with V8's code cache, so that a run
// skips compiling what an earlier run compiled. Node 22 does this itself
// (module.enableCompileCache); Node 20, which mtad supports, does not. The cache (dist/cli.cache)
// is made by the build's first run and remade whenever V8 rejects it (another Node version, say);
// when dist/ cannot be written it is simply not made. Measured in BENCHMARKS.md.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { join } from 'node:path';
import { constants, Script } from 'node:vm';

const file = join(__dirname, 'cli.cjs');
const cacheFile = join(__dirname, 'cli.cache');

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache yet: this run makes it.
}
const script = new Script(wrap(readFileSync(file, 'utf8')), {
  filename: file,
  cachedData,
  importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const cli = { exports: {}, filename: file, id: file, loaded: false };
(script.runInThisContext() as (...args: unknown[]) => void)(cli.exports, createRequire(file), cli, file, __dirname);

if (cachedData === undefined || script.cachedDataRejected) {
  process.once('beforeExit', () => {
    // Created exclusively under a name of its own (never through a file or a link already there),
    // then renamed into place.
    const temporary = join(
      __dirname,
      `.cli.cache.${process.pid}.${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}.tmp`,
    );
    try {
      writeFileSync(temporary, script.createCachedData(), { flag: 'wx' });
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install: run without a cache.
      try {
        unlinkSync(temporary);
      } catch {
        // Never made.
      }
    }
  });
}
