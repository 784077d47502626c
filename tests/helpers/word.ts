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

/** A file for pandoc to convert (tests/helpers/pandoc-batch.lua), `track` its --track-changes. */
interface PandocJob {
  bytes: Uint8Array;
  from: 'docx' | 'markdown';
  track: 'accept' | 'reject' | '-';
  to: 'plain' | 'html' | 'docx';
}

/** The bytes of each job's result, made by one pandoc. */
function convertWithPandoc(jobs: readonly PandocJob[]): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'mtad-pandoc-'));
  const list = jobs.map(({ bytes, from, track, to }, i) => {
    const file = join(dir, String(i));
    writeFileSync(file, bytes);
    return `${from} ${track} ${to} ${file}\n`;
  });
  writeFileSync(join(dir, 'jobs'), list.join(''));
  const filter = join(ROOT, 'tests/helpers/pandoc-batch.lua');
  const result = spawnSync(
    findTool('pandoc').path ?? 'pandoc',
    ['--from', 'markdown', '--to', 'plain', '--lua-filter', filter, '-o', '/dev/null'],
    { input: '', env: { ...process.env, MTAD_PANDOC_JOBS: join(dir, 'jobs') } },
  );
  rmSync(dir, { recursive: true, force: true });
  if (result.error || result.status !== 0)
    throw new Error(`pandoc failed: ${result.error?.message ?? result.stderr.toString()}`);
  const out = result.stdout;
  const made: Buffer[] = [];
  for (let at = 0; made.length < jobs.length;) {
    const newline = out.indexOf(10, at);
    const end = newline + 1 + Number(out.subarray(at, newline).toString());
    made.push(out.subarray(newline + 1, end));
    at = end;
  }
  return made;
}

/**
 * The readings, by one pandoc, each as `pandoc --track-changes=MODE --to FORMAT --wrap=none FILE`
 * prints it (tests/unit/test-tools.test.ts compares the two), with the final newline the command
 * line adds.
 */
export function readWithPandoc(readings: readonly PandocReading[]): string[] {
  return convertWithPandoc(readings.map(({ docx, mode, to }) => ({ bytes: docx, from: 'docx', track: mode, to }))).map(
    (bytes) => {
      const text = bytes.toString('utf8');
      return text.endsWith('\n') ? text : `${text}\n`;
    },
  );
}

/** Each Markdown text made a .docx by pandoc (its writer's, for tables of one's own), by one pandoc. */
export const docxFromMarkdown = (markdowns: readonly string[]): Uint8Array[] =>
  convertWithPandoc(
    markdowns.map((markdown) => ({
      bytes: new TextEncoder().encode(markdown),
      from: 'markdown',
      track: '-',
      to: 'docx',
    })),
  ).map((bytes) => new Uint8Array(bytes));

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
