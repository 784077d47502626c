// The start of `mtad`: loads the bundled CLI (dist/cli.cjs), the Word and HTML renderers
// (dist/pack.cjs) when a command writes documents, the Word engine (dist/word.cjs) when one reads
// a Word document, and the YAML reader and zod (dist/yaml.cjs, dist/zod.cjs) when a file is parsed,
// each with V8's code cache, so that a run skips compiling what an earlier run
// compiled. Node 22 does this itself (module.enableCompileCache); Node 20, which mtad supports, does
// not. Each cache (dist/NAME.cache) is made by the build's first runs and remade whenever V8 rejects
// it (another Node version, say); when dist/ cannot be written it is simply not made. Measured in
// BENCHMARKS.md.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { BUNDLE_MISSING } from './bundle-missing.js';
import { constants, Script } from 'node:vm';

/** The bundles this loader runs from their code cache, by the name cli.cjs requires them by. */
const CACHED = new Map([
  ['./pack.cjs', 'pack'],
  ['./word.cjs', 'word'],
  ['./yaml.cjs', 'yaml'],
  ['./zod.cjs', 'zod'],
]);
const loaded = new Map<string, unknown>();

/** The export names of the libraries loaded on first use (yaml, zod), by the name bundles require them by. */
declare const __MTAD_LAZY_EXPORTS__: Record<string, string[]>;
const LAZY_EXPORTS = new Map(Object.entries(__MTAD_LAZY_EXPORTS__));

/**
 * Node's modules that a bundle requires when it loads but most runs never use: each costs
 * milliseconds to set up (commander's child_process for its executable subcommands; the promises of
 * fs, which bring readline with them; crypto's dozen modules). A run gets them on first use.
 */
const LAZY_BUILTINS = new Set(['node:child_process', 'node:fs/promises', 'node:crypto']);

/**
 * What a bundle gets for a library of LAZY_EXPORTS: an object with a getter for each export name,
 * each loading the library the first time one is read. A bundle reads an import when it uses it
 * (esbuild keeps `import_yaml.LineCounter`, and copies a namespace's names as getters), so a run
 * that never uses the library never loads it.
 */
function lazyLibrary(id: string, names: string[]): unknown {
  const library = (): Record<string, unknown> => loadOnce(id) as Record<string, unknown>;
  const exports: Record<string, unknown> = {};
  Object.defineProperty(exports, '__esModule', { value: true });
  for (const name of names) Object.defineProperty(exports, name, { enumerable: true, get: () => library()[name] });
  return exports;
}

/** What a bundle gets for a module of LAZY_BUILTINS: the module, required when first used. */
function lazyBuiltin(id: string, nodeRequire: NodeJS.Require): unknown {
  let module: object | undefined;
  const real = (): object => (module ??= nodeRequire(id) as object);
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(real(), key),
      has: (_, key) => Reflect.has(real(), key),
      ownKeys: () => Reflect.ownKeys(real()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
        // A proxy may not report a property its target lacks as non-configurable.
        return descriptor && { ...descriptor, configurable: true };
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    },
  );
}

function loadOnce(id: string): unknown {
  const name = CACHED.get(id) as string;
  if (!loaded.has(name)) loaded.set(name, load(name));
  return loaded.get(name);
}

function load(name: string): unknown {
  const file = join(__dirname, `${name}.cjs`);
  const cacheFile = join(__dirname, `${name}.cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: this run makes it.
  }
  const script = new Script(wrap(readBundle(file)), {
    filename: file,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const nodeRequire = createRequire(file);
  const bundleRequire = (id: string): unknown => {
    const names = LAZY_EXPORTS.get(id);
    if (names !== undefined) return lazyLibrary(id, names);
    if (CACHED.has(id)) return loadOnce(id);
    if (LAZY_BUILTINS.has(id)) return lazyBuiltin(id, nodeRequire);
    return nodeRequire(id);
  };
  const module = { exports: {}, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, bundleRequire, module, file, __dirname);
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeCache(script, name));
  return module.exports;
}

/**
 * The text of a bundle. One loaded on first use can be missing though start.cjs was there (a dist/
 * copied in part): the run then ends as the bin ends without a build, with BUILD_MISSING, not as a
 * bug; src/cli/run.ts prints it.
 */
function readBundle(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw Object.assign(new Error(`${file} does not exist`), { code: BUNDLE_MISSING, file, root: dirname(__dirname) });
  }
}

/**
 * The cache made at the end of the run, so that it holds the functions the run compiled: on 'exit',
 * which comes however the run ends (src/cli/run.ts ends it with process.exit), and where only
 * synchronous work is done, as here.
 */
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
