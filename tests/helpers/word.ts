import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT } from './cli.js';

/** The fictional MTAD-like fixtures, one per writer (tests/fixtures/word/README.md). */
export const WORD_FIXTURES = ['libreoffice', 'pandoc', 'docx', 'split'] as const;
export type WordFixture = (typeof WORD_FIXTURES)[number];

/** A fixture's bytes. */
export const readWordFixture = (name: WordFixture): Uint8Array => new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'word', `mtad-${name}.docx`)));

/** A zip's entries, uncompressed, by name. */
export const zipEntries = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(bytes);

/** What pandoc reads from a .docx, with tracked changes accepted or rejected. */
export function pandocText(docx: Uint8Array, mode: 'accept' | 'reject', to: 'plain' | 'html'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mtad-word-')), 'in.docx');
  writeFileSync(file, docx);
  const result = spawnSync('pandoc', [`--track-changes=${mode}`, '--to', to, '--wrap=none', file], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`pandoc failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

/** True when LibreOffice's soffice is on the PATH. */
export const hasSoffice = (): boolean => spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
