// Bundles the CLI into dist/ so that start-up loads one file (measured in BENCHMARKS.md), and the
// programmatic API into dist/index.js. Heavy modules imported lazily become their own chunks.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// A fresh dist/: chunk names carry content hashes, so old ones would pile up and be published.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/run.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  define: { __MTAD_VERSION__: JSON.stringify(version) },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __mtadCreateRequire } from 'node:module'; const require = __mtadCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
