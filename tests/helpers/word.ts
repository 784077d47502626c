import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// file, and the readings a test file announces (readWithPandocLater) are made by one pandoc with
// the first one asked for: a pandoc process costs more than the reading it makes.
const pandocReadings = new Map<string, string>();
const announced = new Map<string, PandocReading>();

/** A .docx to read with pandoc, with tracked changes accepted or rejected, as plain text or HTML. */
interface PandocReading {
  docx: Uint8Array;
  mode: 'accept' | 'reject';
  to: 'plain' | 'html';
}

const keyOf = ({ docx, mode, to }: PandocReading): string =>
  `${createHash('sha256').update(docx).digest('hex')} ${mode} ${to}`;

/** Announces a reading that a test will ask pandocText for: it is made with the first one asked. */
export function readWithPandocLater(docx: Uint8Array, mode: 'accept' | 'reject', to: 'plain' | 'html'): void {
  const reading = { docx, mode, to };
  const key = keyOf(reading);
  if (!pandocReadings.has(key)) announced.set(key, reading);
}

/** What pandoc reads from a .docx, with tracked changes accepted or rejected. */
export function pandocText(docx: Uint8Array, mode: 'accept' | 'reject', to: 'plain' | 'html'): string {
  const key = keyOf({ docx, mode, to });
  const known = pandocReadings.get(key);
  if (known !== undefined) return known;
  announced.set(key, { docx, mode, to });
  const readings = [...announced];
  announced.clear();
  readWithPandoc(readings.map(([, reading]) => reading)).forEach((text, i) =>
    pandocReadings.set(readings[i]![0], text),
  );
  return pandocReadings.get(key)!;
}

/**
 * The readings, by one pandoc whose Lua filter reads every document as `pandoc
 * --track-changes=MODE --to FORMAT --wrap=none FILE` would (tests/unit/test-tools.test.ts compares
 * the two), with the final newline the command line adds.
 */
export function readWithPandoc(readings: readonly PandocReading[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'mtad-word-'));
  const list = readings.map(({ docx, mode, to }, i) => {
    const file = join(dir, `${i}.docx`);
    writeFileSync(file, docx);
    return `${mode} ${to} ${file}\n`;
  });
  writeFileSync(join(dir, 'readings'), list.join(''));
  const result = spawnSync(
    findTool('pandoc').path ?? 'pandoc',
    [
      '--from',
      'markdown',
      '--to',
      'plain',
      '--lua-filter',
      join(ROOT, 'tests/helpers/pandoc-read.lua'),
      '-o',
      '/dev/null',
    ],
    { input: '', env: { ...process.env, MTAD_PANDOC_READINGS: join(dir, 'readings') } },
  );
  rmSync(dir, { recursive: true, force: true });
  if (result.error || result.status !== 0)
    throw new Error(`pandoc failed: ${result.error?.message ?? result.stderr.toString()}`);
  const out = result.stdout;
  const texts: string[] = [];
  for (let at = 0; texts.length < readings.length;) {
    const newline = out.indexOf(10, at);
    const end = newline + 1 + Number(out.subarray(at, newline).toString());
    const text = out.subarray(newline + 1, end).toString('utf8');
    texts.push(text.endsWith('\n') ? text : `${text}\n`);
    at = end;
  }
  return texts;
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
