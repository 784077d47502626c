// Builds dist/:
// - cli.cjs: the CLI in one CommonJS file, loaded by start.cjs with V8's code cache (start-up is a
//   tracked benchmark, see BENCHMARKS.md). CommonJS because only a classic script can take a code
//   cache on Node 20.
// - pack.cjs: the Word and HTML renderers (docx, marked) of `mtad amend --out` and `mtad
//   consultation`, loaded only by those, with a code cache of its own.
// - word.cjs: the reading and editing of Word files (src/word, @xmldom/xmldom, fflate), loaded only
//   by the commands that read a document mtad did not write, with a code cache of its own.
// - yaml.cjs and zod.cjs: the YAML reader and the part of zod mtad's schemas use, loaded the first
//   time a file is parsed or a schema built (a warm run does neither), each with a code cache.
// - start.cjs: the loader; bin/mtad.cjs requires it.
// - index.js: the programmatic API, ESM, and index.d.ts (with the declarations it imports,
//   under dist/domain/ and the like): its types, emitted by tsc (tsconfig.types.json).
// Then it runs the CLI twice, which writes the code caches (cli.cache, pack.cache, word.cache,
// yaml.cache, zod.cache).
//
// The build is made in a fresh folder beside dist/ (so that nothing stale is loaded or published)
// and renamed into place only when complete: mtad run during a build loads the old dist/ or the
// new one, never half of one. `--out DIR` builds into another folder than dist/ (a test does).
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const outIndex = process.argv.indexOf('--out');
const target = resolve(root, outIndex === -1 ? 'dist' : process.argv[outIndex + 1]);
// Beside the target, on the same file system, so that the rename is atomic.
const staging = mkdtempSync(join(dirname(target), `.${basename(target)}-build-`));
const outdir = relative(root, staging);
process.on('exit', () => rmSync(staging, { recursive: true, force: true }));

// The declarations take tsc seconds: it runs beside the bundling, not after it. --noCheck: the types
// are checked by `npm run typecheck` (and the declarations by package.test.ts, which type-checks a
// user's code against them); checking them again here was three quarters of the build's CPU.
const declarations = new Promise((resolve, reject) => {
  const tsc = spawn(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.types.json', '--noCheck', '--outDir', staging],
    { cwd: root, stdio: 'inherit' },
  );
  tsc.on('error', reject);
  tsc.on('exit', (status) =>
    status === 0 ? resolve() : reject(new Error(`tsc -p tsconfig.types.json exited with ${status}`)),
  );
});

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // fflate's Node build requires worker_threads when it loads (4 ms), for its asynchronous
  // functions; mtad calls only the synchronous ones, which its browser build (a subpath it
  // exports) has the same.
  alias: { fflate: 'fflate/browser' },
};
// import.meta.url has no meaning in CommonJS: give the bundles the file's own URL.
const cjs = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { __MTAD_VERSION__: JSON.stringify(version), 'import.meta.url': '__mtadUrl' },
  banner: { js: "const __mtadUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// The document renderers stay out of cli.cjs: each lazy import of one becomes a require of
// ./pack.cjs, one bundle of them all, so that docx and marked are in one file, not two.
const PACK_MODULES = ['src/render/pack.ts', 'src/render/consultation-files.ts'];
const packApart = {
  name: 'pack-apart',
  setup(b) {
    b.onResolve({ filter: /\/render\/(pack|consultation-files)\.js$/ }, () => ({ path: './pack.cjs', external: true }));
  },
};
// The entry of pack.cjs: every export of the modules above (they share no export name).
const packEntry = {
  contents: PACK_MODULES.map((path) => `export * from './${path}';`).join('\n'),
  resolveDir: root,
  sourcefile: 'pack-entry.ts',
  loader: 'ts',
};

// The Word engine stays out of cli.cjs too: an import of a module of src/word from outside it
// becomes a require of ./word.cjs, made when the module that imports it first runs (a command's
// module, loaded when that command runs: `import`, `check --against`, `amend --into`, `responses
// import`). What word.cjs holds a copy of (the findings, Result, dates, yaml for the imported
// table's text) has no class tested with instanceof and no state but one memo (the UK time zone's
// formatter, made again in each copy), so two copies behave as one.
const WORD_MODULES = ['import-table', 'map-columns', 'compare-table', 'redline-amendments', 'response-form'];
const wordApart = {
  name: 'word-apart',
  setup(b) {
    b.onResolve({ filter: /\/word\/[\w-]+\.js$/ }, ({ path, importer }) => {
      // Inside src/word (and outside mtad's sources) an import stays where it is.
      if (dirname(importer) === join(root, 'src/word') || !importer.startsWith(join(root, 'src/'))) return undefined;
      const name = basename(path, '.js');
      if (!WORD_MODULES.includes(name))
        return {
          errors: [{ text: `src/word/${name}.ts is not in word.cjs: add it to WORD_MODULES (scripts/build.mjs)` }],
        };
      return { path: './word.cjs', external: true };
    });
  },
};
// The entry of word.cjs: every export of the modules above (they share no export name).
const wordEntry = {
  contents: WORD_MODULES.map((name) => `export * from './src/word/${name}.ts';`).join('\n'),
  resolveDir: root,
  sourcefile: 'word-entry.ts',
  loader: 'ts',
};

// The libraries that read YAML and validate data (yaml, zod) are bundles of their own too,
// dist/yaml.cjs and dist/zod.cjs, shared by cli.cjs, pack.cjs and word.cjs, and loaded the first time
// one of their exports is used, not when the module that imports them loads: a warm `mtad amend`,
// `check` or `show` takes every file from check's cache and parses nothing (measured in
// BENCHMARKS.md). start.cjs hands a bundle that requires one an object with a getter per export name,
// listed here when the library is built, and loads the library in the first getter called.
// zod's is the part of it mtad uses, which src/domain/parse/zod.ts lists (all of zod/mini is ten
// times the size), and nothing imports zod but that module (the build refuses it).
const LAZY_LIBRARIES = { yaml: 'yaml', zod: './src/domain/parse/zod.ts' };
const librariesApart = {
  name: 'libraries-apart',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.cjs', external: true }));
    // Any import of src/domain/parse/zod.ts, from whichever folder.
    b.onResolve({ filter: /\/zod\.js$/ }, ({ path, resolveDir }) =>
      join(resolveDir, path) === join(root, 'src/domain/parse/zod.js')
        ? { path: './zod.cjs', external: true }
        : undefined,
    );
    // esbuild never resolves a type-only import: what reaches here is code.
    b.onResolve({ filter: /^zod(\/|$)/ }, ({ importer }) =>
      importer.startsWith(join(root, 'src/'))
        ? { errors: [{ text: `import zod through src/domain/parse/zod.ts, not directly (scripts/build.mjs)` }] }
        : undefined,
    );
  },
};
// The entry of each: every export of the library, or of mtad's list of it.
const libraryEntry = (specifier) => ({
  contents: `export * from '${specifier}';`,
  resolveDir: root,
  sourcefile: 'library-entry.ts',
  loader: 'ts',
});

// chalk asks supports-color about the terminal when it loads (milliseconds: os.release, env, tty).
// mtad decides colour itself (NO_COLOR, FORCE_COLOR, TTY; src/cli/color.ts) and gives chalk an
// explicit level, so chalk is given an answer that costs nothing.
const noColorProbe = {
  name: 'no-color-probe',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'no-color-probe' }));
    b.onLoad({ filter: /.*/, namespace: 'no-color-probe' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

const cli = {
  ...cjs,
  entryPoints: { cli: 'src/cli/run.ts' },
  outdir,
  supported: { 'dynamic-import': false },
  plugins: [packApart, wordApart, librariesApart, noColorProbe],
};

// The cache of `mtad check` holds what mtad's code made of each file: it is keyed by a hash of
// every file bundled into the CLI (mtad's sources and the yaml and zod it parses with), so that a
// changed schema, rule or library never reuses a result of the old code. The Word engine is counted
// with them, as when it was in cli.cjs.
const { metafile } = await build({
  ...cli,
  plugins: [packApart, noColorProbe],
  write: false,
  metafile: true,
  minify: false,
  sourcemap: false,
});
const code = createHash('sha256');
// Virtual modules (namespace:path, such as the stand-in for chalk's probe) are part of this script.
for (const input of Object.keys(metafile.inputs)
  .filter((name) => !/^[\w-]+:/.test(name))
  .sort())
  code
    .update(`${input}\0`)
    .update(readFileSync(join(root, input)))
    .update('\0');
const codeHash = code.digest('hex').slice(0, 16);

// The libraries first: their export names are given to start.cjs.
const lazyExports = Object.fromEntries(
  await Promise.all(
    Object.entries(LAZY_LIBRARIES).map(async ([name, specifier]) => {
      const outfile = join(outdir, `${name}.cjs`);
      await build({ ...cjs, stdin: libraryEntry(specifier), outfile });
      return [`./${name}.cjs`, Object.keys(createRequire(import.meta.url)(resolve(outfile))).sort()];
    }),
  ),
);

await Promise.all([
  build({ ...cli, define: { ...cjs.define, __MTAD_CODE_HASH__: JSON.stringify(codeHash) } }),
  build({ ...cjs, stdin: packEntry, outfile: join(outdir, 'pack.cjs'), plugins: [librariesApart] }),
  build({ ...cjs, stdin: wordEntry, outfile: join(outdir, 'word.cjs'), plugins: [librariesApart] }),
  build({
    ...common,
    entryPoints: { start: 'src/cli/start.ts' },
    outdir,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    sourcemap: false,
    define: { __MTAD_LAZY_EXPORTS__: JSON.stringify(lazyExports) },
  }),
  build({
    ...common,
    entryPoints: { index: 'src/index.ts' },
    outdir,
    format: 'esm',
    define: { __MTAD_VERSION__: JSON.stringify(version) },
    // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __mtadCreateRequire } from 'node:module'; const require = __mtadCreateRequire(import.meta.url);",
    },
  }),
  declarations,
]);

// Every bundle is ASCII: Node reads a file of ASCII into a string of one byte per character, fast;
// one non-ASCII character anywhere (esbuild escapes them in strings, not in regular expressions)
// made reading cli.cjs ten times slower and its string twice the size (BENCHMARKS.md).
for (const name of readdirSync(staging).filter((file) => file.endsWith('.cjs'))) {
  const text = readFileSync(join(staging, name), 'latin1');
  const at = text.search(/[^\x00-\x7f]/);
  if (at !== -1) {
    const line = text.slice(0, at).split('\n').length;
    throw new Error(`dist/${name} line ${line} holds a byte that is not ASCII: write it as an escape in the source`);
  }
}

// Into place: the old build is moved aside and the new one renamed in its place, two renames in a
// row; bin/mtad.cjs waits out the instant between them. The old one is removed after.
const old = `${staging}.old-${randomBytes(4).toString('hex')}`;
let moved = false;
try {
  renameSync(target, old);
  moved = true;
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(staging, target);
if (moved) rmSync(old, { recursive: true, force: true });

// The first run writes dist/cli.cache and dist/pack.cache. It runs the main job on the shipped data,
// `amend --out` (all that `amend` does, then the pack), so that the functions it compiles are the
// ones users run: measured, a cache made by plain `amend` left `amend` and `check` slower
// (BENCHMARKS.md). It runs on a copy of data/ in a folder without node_modules/, where mtad keeps
// no cache of `mtad check`: every file is parsed, so the parser's functions are in the code cache
// whatever an earlier run left in the project's node_modules/.cache. Its output is not wanted here.
// A second run writes dist/word.cache: it imports the table of the pack's redline (a Word document
// read as `mtad import` and `check --against` read the MTAD), without writing it.
const pack = mkdtempSync(join(tmpdir(), 'mtad-build-pack-'));
try {
  cpSync(join(root, 'data'), join(pack, 'data'), { recursive: true });
  for (const args of [
    ['amend', '--out', 'pack'],
    ['import', 'pack/redline.docx', '--dry-run'],
  ])
    spawnSync(process.execPath, [join(target, 'start.cjs'), ...args], { cwd: pack, stdio: 'ignore' });
} finally {
  rmSync(pack, { recursive: true, force: true });
}
