import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copiesOfData, ROOT } from '../helpers/cli.js';

/*
 * What a run loads is start-up time (BENCHMARKS.md): the YAML reader and the schemas' library are
 * bundles of their own (dist/yaml.cjs, dist/zod.cjs), loaded the first time a file is parsed, and a
 * warm run parses nothing; the Word and HTML renderers (dist/pack.cjs) load only for a pack; Node's
 * child_process (commander's executable subcommands) only when used. Proved on the built bin, as a
 * user runs it, with a preload that records the bundles read and Node's modules required
 * (tests/helpers/loaded-at-run.cjs).
 */

const fresh = copiesOfData();
const PRELOAD = join(ROOT, 'tests/helpers/loaded-at-run.cjs');

interface Loaded {
  status: number | null;
  bundles: string[];
  builtins: string[];
  /** 'process.exit' when src/cli/run.ts ended the run; 'by itself' when Node did. */
  ended: string;
}

/** Runs the bin in `cwd` with the preload, and says what the run loaded. */
function loadedBy(cwd: string, args: string[]): Loaded {
  const record = join(cwd, 'loaded.json');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', MTAD_TEST_LOADED: record };
  delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, ['--require', PRELOAD, BIN, ...args], { cwd, env, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const { bundles, builtins, ended } = JSON.parse(readFileSync(record, 'utf8')) as Omit<Loaded, 'status'>;
  return { status: run.status, bundles, builtins, ended };
}

/**
 * A copy of the shipped data whose check cache a first `mtad check` has filled (kept in the
 * project's node_modules/.cache, as in a clone after `npm install`). Made once: the warm runs below
 * read the data and the cache and change neither (`--out` writes its pack beside them).
 */
let warmed: string | undefined;
function warm(): string {
  if (warmed === undefined) {
    const cwd = fresh();
    mkdirSync(join(cwd, 'node_modules'));
    expect(loadedBy(cwd, ['check']).status).toBe(0);
    warmed = cwd;
  }
  return warmed;
}

describe('what a run loads', () => {
  it('--version loads the CLI alone', () => {
    const cwd = fresh();
    expect(loadedBy(cwd, ['--version'])).toMatchObject({ status: 0, bundles: ['start.cjs', 'cli.cjs'] });
  });

  it('a first check parses every file: it loads the YAML reader and the schemas', () => {
    const cwd = fresh();
    const { status, bundles } = loadedBy(cwd, ['check', '--no-cache']);
    expect(status).toBe(0);
    expect(bundles.sort()).toEqual(['cli.cjs', 'start.cjs', 'yaml.cjs', 'zod.cjs']);
  });

  it.each([['amend'], ['show'], ['check']])(
    'a warm %s parses nothing: neither the YAML reader nor the schemas load',
    (command) => {
      const { status, bundles, builtins, ended } = loadedBy(warm(), [command]);
      expect(status).toBe(0);
      expect(bundles).toEqual(['start.cjs', 'cli.cjs']);
      expect(builtins).not.toContain('child_process');
      // Once its output is written, not after V8's background work (src/cli/run.ts).
      expect(ended).toBe('process.exit');
    },
  );

  it('a warm amend --out loads the renderers of the pack, and the YAML reader for the table it writes back', () => {
    const { status, bundles, builtins } = loadedBy(warm(), ['amend', '--out', 'pack']);
    expect(status).toBe(0);
    // The narrative, departments.yaml and the amendments come from check's cache: no schema loads.
    expect(bundles.sort()).toEqual(['cli.cjs', 'pack.cjs', 'start.cjs', 'yaml.cjs']);
    // fflate's browser build: its Node build requires worker_threads as it loads.
    expect(builtins).not.toContain('worker_threads');
  });
});
