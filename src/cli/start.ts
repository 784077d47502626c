// The start of `mtad`: loads the bundled CLI (dist/cli.cjs), the Word and HTML renderers
// (dist/pack.cjs) when a command writes documents, and the Word engine (dist/word.cjs) when one reads
// a Word document, each with V8's code cache, so that a run skips compiling what an earlier run
// compiled. Node 22 does this itself (module.enableCompileCache); Node 20, which mtad supports, does
// not. Each cache (dist/NAME.cache) is made by the build's first runs and remade whenever V8 rejects
// it (another Node version, say); when dist/ cannot be written it is simply not made. Measured in
// BENCHMARKS.md.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { join } from 'node:path';
import { constants, Script } from 'node:vm';

/** The bundles this loader runs from their code cache, by the name cli.cjs requires them by. */
const CACHED = new Map([
  ['./pack.cjs', 'pack'],
  ['./word.cjs', 'word'],
]);
const loaded = new Map<string, unknown>();

function load(name: string): unknown {
  const file = join(__dirname, `${name}.cjs`);
  const cacheFile = join(__dirname, `${name}.cache`);
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
  const nodeRequire = createRequire(file);
  const bundleRequire = (id: string): unknown => {
    const other = CACHED.get(id);
    if (other === undefined) return nodeRequire(id);
    if (!loaded.has(other)) loaded.set(other, load(other));
    return loaded.get(other);
  };
  const module = { exports: {}, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, bundleRequire, module, file, __dirname);
  if (cachedData === undefined || script.cachedDataRejected) process.once('beforeExit', () => writeCache(script, name));
  return module.exports;
}

/** The cache made at the end of the run, so that it holds the functions the run compiled. */
function writeCache(script: Script, name: string): void {
  // Created exclusively under a name of its own (never through a file or a link already there),
  // then renamed into place.
  const temporary = join(
    __dirname,
    `.${name}.cache.${process.pid}.${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(temporary, script.createCachedData(), { flag: 'wx' });
    renameSync(temporary, join(__dirname, `${name}.cache`));
  } catch {
    // A read-only install: run without a cache.
    try {
      unlinkSync(temporary);
    } catch {
      // Never made.
    }
  }
}

load('cli');
