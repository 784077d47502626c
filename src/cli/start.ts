// The start of `mtad`: loads the bundled CLI (dist/cli.cjs) with V8's code cache, so that a run
// skips compiling what an earlier run compiled. Node 22 does this itself
// (module.enableCompileCache); Node 20, which mtad supports, does not. The cache (dist/cli.cache)
// is made by the build's first run and remade whenever V8 rejects it (another Node version, say);
// when dist/ cannot be written it is simply not made. Measured in BENCHMARKS.md.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
const cli = { exports: {}, filename: file, id: file, loaded: false };
(script.runInThisContext() as (...args: unknown[]) => void)(cli.exports, createRequire(file), cli, file, __dirname);

if (cachedData === undefined || script.cachedDataRejected) {
  process.once('beforeExit', () => {
    const temporary = `${cacheFile}.${process.pid}`;
    let made = false;
    try {
      // Made exclusively ('wx'): a path already there, a link say, is never written through.
      writeFileSync(temporary, script.createCachedData(), { flag: 'wx' });
      made = true;
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install, or a name taken: run without a cache, and leave only what was there.
      if (made) rmSync(temporary, { force: true });
    }
  });
}
