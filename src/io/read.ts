import { closeSync, existsSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { escapeForLine, positionAt } from '../domain/model/text.js';
import { fail, succeed, type Result } from '../domain/model/result.js';
import { describeSystemError } from './system-error.js';
import { CONFIG_FILE_NAME, findProject } from './project-root.js';

/** The folder mtad is installed in (the nearest with a package.json): its templates/ ship there. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The default places, relative to the folder mtad runs in. */
export const DEFAULT_TABLE = 'data/table-17.6.yaml';
export const DEFAULT_AMENDMENTS = 'data/amendments';

/** How a file is named in messages: relative to the working folder when inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  // A file name may hold a line break or a control character: shown escaped, it stays one line,
  // which no terminal obeys and no CI runner reads as a command.
  return escapeForLine(rel && !rel.startsWith('..') ? rel : path);
}

/** The largest file mtad reads: a table or an amendment is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns the bytes of a file into text: UTF-8 without NUL bytes and at most MAX_FILE_BYTES, or the
 * finding that says why not (a finding about the data: exit status 1).
 */
export function decodeText(bytes: Uint8Array, shown: string): Result<string> {
  // The bytes may be the first MAX_FILE_BYTES + 1 of a longer input: their count is not its size.
  if (bytes.length > MAX_FILE_BYTES)
    return fail([diagnose('FILE_TOO_LARGE', { limit: MAX_FILE_BYTES }, { file: shown })]);
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return fail([
      diagnose(
        'FILE_NOT_TEXT',
        { reason: 'it contains a NUL byte' },
        { file: shown, ...positionOf(LENIENT_UTF8.decode(bytes.subarray(0, nul))) },
      ),
    ]);
  try {
    return succeed(UTF8.decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return fail([
      diagnose(
        'FILE_NOT_TEXT',
        { reason: 'its bytes are not valid UTF-8' },
        { file: shown, ...positionOf(validPrefix(bytes)) },
      ),
    ]);
  }
}

const LENIENT_UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * The text before the first byte that is not UTF-8: decoded leniently, each bad sequence reads
 * as U+FFFD; the first that the bytes do not hold as the character itself (EF BF BD) is the one.
 */
function validPrefix(bytes: Uint8Array): string {
  const text = LENIENT_UTF8.decode(bytes);
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
    const offset = Buffer.byteLength(text.slice(0, at));
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return text.slice(0, at);
  }
  return text;
}

/** The 1-based line and column of the character after `text` (a byte order mark is no column). */
function positionOf(text: string): { line: number; column: number } {
  const before = text.replace(/^\uFEFF/, '');
  return positionAt(before, before.length);
}

/**
 * Reads a file as UTF-8 text. A missing or unreadable file is an IO finding (exit status 2);
 * bytes that are not UTF-8 text, or a NUL byte, are a finding about the data (exit status 1).
 */
export async function readText(path: string, shown: string): Promise<Result<string>> {
  let read: Buffer | Diagnostic;
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    const chunk = new BoundedBytes(info);
    read =
      chunk.tooLarge(shown) ??
      (await chunk.fill((buffer, offset, length) =>
        handle!.read(buffer, offset, length, null).then((r) => r.bytesRead),
      ));
  } catch (error) {
    return fail([unreadable(error, shown)]);
  } finally {
    await handle?.close();
  }
  return Buffer.isBuffer(read) ? decodeText(read, shown) : fail([read]);
}

/** What `readBytes` reads: the most bytes such a file can hold, and how its findings name it. */
export interface BytesOf {
  /** What the file is, with its article, as a finding says it: "a Word document". */
  kind: string;
  /** The most bytes read: no such file is larger. */
  limit: number;
  /** How a file that does not exist is named before its path; "the file" when not given. */
  missing?: string;
}

/** The largest Word document mtad reads (a long MTAD with images is a few megabytes). */
const WORD_DOCUMENT: BytesOf = { kind: 'a Word document', limit: 64 * 1024 * 1024 };

/**
 * Reads a file's bytes (a Word document, unless `of` says otherwise), at most `of.limit`. A missing
 * or unreadable file is an IO finding (exit status 2), and so is a larger one: no such file is that
 * large, so it is the wrong file named, as one that is not a zip is (WORD_PACKAGE_UNREADABLE).
 */
export async function readBytes(path: string, shown: string, of: BytesOf = WORD_DOCUMENT): Promise<Result<Uint8Array>> {
  const { kind, limit } = of;
  let handle: FileHandle | undefined;
  const tooLarge = (reason: string) => fail([diagnose('WORD_PACKAGE_UNREADABLE', { reason }, { file: shown })]);
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.isFile() && info.size > limit)
      return tooLarge(`it is ${info.size} bytes, more than ${kind} can be (${limit})`);
    const bytes = await new BoundedBytes(info, limit).fill((buffer, offset, length) =>
      handle!.read(buffer, offset, length, null).then((r) => r.bytesRead),
    );
    if (bytes.length > limit) return tooLarge(`it holds more than ${kind} can be (${limit} bytes)`);
    return succeed(new Uint8Array(bytes));
  } catch (error) {
    return fail([unreadable(error, shown, of.missing)]);
  } finally {
    await handle?.close();
  }
}

/**
 * `readText`, synchronously: for `mtad check`, which reads every file of the data folder. Small
 * files already in the page cache read fastest one after another in the main thread; each
 * asynchronous read makes several round trips through libuv's thread pool (1,000 amendment files:
 * about 15 ms so, against 40 to 120 ms with fs/promises, 32 at a time; see docs/cache.md).
 */
export function readTextSync(path: string, shown: string): Result<string> {
  let read: Buffer | Diagnostic;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const chunk = new BoundedBytes(fstatSync(fd));
    read =
      chunk.tooLarge(shown) ?? chunk.fillSync((buffer, offset, length) => readSync(fd!, buffer, offset, length, null));
  } catch (error) {
    return fail([unreadable(error, shown)]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return Buffer.isBuffer(read) ? decodeText(read, shown) : fail([read]);
}

/**
 * The bytes of an open file, read to its end or to MAX_FILE_BYTES + 1 bytes, whichever comes
 * first, whatever its size says: a pipe (`check <(cat file)`), a FIFO or a device such as
 * /dev/zero gives a size of 0 or none, and a file can grow while it is read. One byte over the
 * limit is enough to refuse it; nothing more is ever read into memory.
 */
class BoundedBytes {
  private buffer: Buffer;
  private length = 0;
  constructor(
    private readonly info: Stats,
    private readonly limit = MAX_FILE_BYTES,
  ) {
    // A regular file is read in one go (its size, and one byte to see that it ends there).
    this.buffer = Buffer.allocUnsafe(info.isFile() ? Math.min(info.size + 1, limit + 1) : 64 * 1024);
  }

  /** The finding for a regular file its size already shows too large: refused unread. */
  tooLarge(shown: string): Diagnostic | undefined {
    const { size } = this.info;
    return this.info.isFile() && size > this.limit
      ? diagnose('FILE_TOO_LARGE', { size, limit: this.limit }, { file: shown })
      : undefined;
  }

  /** Where the next read goes, growing the buffer when it is full; undefined at the limit. */
  private room(): { offset: number; length: number } | undefined {
    if (this.length > this.limit) return undefined;
    if (this.length === this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(this.buffer.length * 2, this.limit + 1));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    return { offset: this.length, length: this.buffer.length - this.length };
  }

  fillSync(read: (buffer: Buffer, offset: number, length: number) => number): Buffer {
    for (let room = this.room(); room; room = this.room()) {
      const n = readRetrying(() => read(this.buffer, room!.offset, room!.length));
      if (n === 0) break;
      this.length += n;
    }
    return this.buffer.subarray(0, this.length);
  }

  async fill(read: (buffer: Buffer, offset: number, length: number) => Promise<number>): Promise<Buffer> {
    for (let room = this.room(); room; room = this.room()) {
      const n = await read(this.buffer, room.offset, room.length);
      if (n === 0) break;
      this.length += n;
    }
    return this.buffer.subarray(0, this.length);
  }
}

/** A read of a pipe opened without blocking fails with EAGAIN until the writer writes: wait, retry. */
function readRetrying(read: () => number): number {
  for (;;) {
    try {
      return read();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/** The IO finding for a file that could not be read, named `missing` when it does not exist. */
function unreadable(error: unknown, shown: string, missing = 'the file'): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return diagnose('FILE_NOT_FOUND', { what: `${missing} ${shown}` }, { file: shown });
  const reason = describeSystemError(error);
  return diagnose('FILE_UNREADABLE', { reason }, { file: shown });
}

/** The YAML files in an amendments folder, sorted by name. */
export async function listAmendmentFiles(dir: string, cwd: string): Promise<Result<string[]>> {
  try {
    const names = await readdir(dir);
    return succeed(
      names
        .filter((n) => /\.ya?ml$/.test(n))
        .sort()
        .map((n) => join(dir, n)),
    );
  } catch {
    return fail([
      diagnose(
        'FILE_NOT_FOUND',
        { what: `the amendments folder ${displayPath(dir, cwd)}` },
        { file: displayPath(dir, cwd) },
      ),
    ]);
  }
}

/**
 * The text of a template: `templates/NAME` at the project's root (the working folder, or the
 * project found above it) when there is one (so a drafter can correct the wording without a
 * release), else the copy shipped with mtad.
 */
export async function readTemplate(name: string, cwd: string): Promise<Result<string>> {
  // From a folder inside a project, its templates/ as at its root: the same wording either way.
  const root = findProject(cwd, [CONFIG_FILE_NAME, DEFAULT_TABLE])?.root ?? cwd;
  const local = join(root, 'templates', name);
  const localText = await readText(local, displayPath(local, cwd));
  if (localText.ok || localText.errors.some((d) => d.code !== 'FILE_NOT_FOUND')) return localText;
  const shipped = join(packageRoot(), 'templates', name);
  return readText(shipped, displayPath(shipped, cwd));
}
