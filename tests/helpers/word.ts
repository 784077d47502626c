import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { ROOT } from './cli.js';
import { convertWithSoffice, type Conversion } from './soffice-cache.js';
import { findTool } from './tools.js';

/** The fictional MTAD-like fixtures, one per writer (tests/fixtures/word/README.md). */
export const WORD_FIXTURES = ['libreoffice', 'pandoc', 'docx', 'split'] as const;
export type WordFixture = (typeof WORD_FIXTURES)[number];

/** A fixture's bytes. */
export const readWordFixture = (name: WordFixture): Uint8Array =>
  new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'word', `mtad-${name}.docx`)));

/** A zip's entries, uncompressed, by name. */
export const zipEntries = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(bytes);

// pandoc's reading of the same bytes is the same each time: each reading is made once per test
// file (a pandoc process costs a few hundred milliseconds, and the tests read the input again for
// every comparison).
const pandocReadings = new Map<string, string>();

/** What pandoc reads from a .docx, with tracked changes accepted or rejected. */
export function pandocText(docx: Uint8Array, mode: 'accept' | 'reject', to: 'plain' | 'html'): string {
  const key = `${createHash('sha256').update(docx).digest('hex')} ${mode} ${to}`;
  const known = pandocReadings.get(key);
  if (known !== undefined) return known;
  const text = readWithPandoc(docx, mode, to);
  pandocReadings.set(key, text);
  return text;
}

function readWithPandoc(docx: Uint8Array, mode: 'accept' | 'reject', to: 'plain' | 'html'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mtad-word-')), 'in.docx');
  writeFileSync(file, docx);
  const result = spawnSync(
    findTool('pandoc').path ?? 'pandoc',
    [`--track-changes=${mode}`, '--to', to, '--wrap=none', file],
    {
      encoding: 'utf8',
    },
  );
  if (result.error || result.status !== 0) throw new Error(`pandoc failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

/**
 * Converts Word files to PDF into `dir` with LibreOffice, with a profile of its own in `dir` (the
 * files it converted before, the same bytes, from its cache).
 */
export const convertToPdf = (dir: string, files: readonly string[]): Conversion =>
  convertWithSoffice(files, dir, 'pdf', join(dir, 'profile'));

/**
 * True when LibreOffice's soffice is on the PATH: looked up, not run (`soffice --version` starts
 * LibreOffice, a second or more).
 */
export const hasSoffice = (): boolean =>
  (process.env.PATH ?? '').split(delimiter).some((folder) => {
    try {
      accessSync(join(folder, 'soffice'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

/** A copy of a .docx with its document.xml edited (test documents only; the engine never does this). */
export function withDocumentXml(docx: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const entries = zipEntries(docx);
  const before = new TextDecoder().decode(entries['word/document.xml']);
  const after = edit(before);
  // An edit that matches nothing would let a test pass on the unedited document.
  if (after === before) throw new Error('the edit changed nothing');
  entries['word/document.xml'] = new TextEncoder().encode(after);
  return zipSync(entries);
}
