import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ROOT } from './cli.js';

/** The fixtures of `mtad check`: tests/fixtures/check/<CODE>/{fire,pass}/, overlays on _base/. */
const CHECK_FIXTURES = join(ROOT, 'tests/fixtures/check');

interface FixtureMeta {
  note: string;
  /** Files of the base to remove. */
  delete?: string[];
  /** Files made by the test rather than committed (a file over 1 MiB): base text, then `repeat` up to `bytes`. */
  generate?: Record<string, { from?: string; repeat: string; bytes: number }>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * A temporary folder holding data/ as the fixture describes it: the frozen base (a copy of the
 * shipped data when the fixtures were made), with the overlay's files written over it.
 */
export function materialiseFixture(code: string, kind: 'fire' | 'pass'): string {
  const overlay = join(CHECK_FIXTURES, code, kind);
  const meta = JSON.parse(readFileSync(join(overlay, 'fixture.json'), 'utf8')) as FixtureMeta;
  const cwd = mkdtempSync(join(tmpdir(), `mtad-fixture-${code}-`));
  const data = join(cwd, 'data');
  cpSync(join(CHECK_FIXTURES, '_base'), data, { recursive: true });
  for (const file of filesUnder(overlay)) {
    const rel = relative(overlay, file);
    if (rel === 'fixture.json') continue;
    mkdirSync(dirname(join(data, rel)), { recursive: true });
    cpSync(file, join(data, rel));
  }
  for (const rel of meta.delete ?? []) rmSync(join(data, rel));
  for (const [rel, spec] of Object.entries(meta.generate ?? {})) {
    const start = spec.from ? readFileSync(join(data, spec.from), 'utf8') : '';
    const times = Math.ceil(Math.max(0, spec.bytes - Buffer.byteLength(start)) / Buffer.byteLength(spec.repeat));
    writeFileSync(join(data, rel), start + spec.repeat.repeat(times));
  }
  return cwd;
}

/** The codes that have a fixture folder. */
export function fixtureCodes(): string[] {
  return readdirSync(CHECK_FIXTURES).filter(
    (name) => !name.startsWith('_') && existsSync(join(CHECK_FIXTURES, name, 'fire')),
  );
}
