import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { FileKind, FileMemo, FileRecord, SourceText } from '../domain/check/file-rules.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { sha256 } from './hash.js';
import { removeLeftovers } from './temporary.js';
import { lstatOrUndefined, startOfFile } from './output-guard.js';
import { writeFileAtomically } from './write.js';

/*
 * The cache of `mtad check`, as ESLint's --cache and Prettier's cache keep theirs: what the first
 * stage found in each file (its normalised data and the findings of the rules on it alone), so that
 * a later run reads the cache instead of parsing files that have not changed. A record is used only
 * for the same file name, kind and text (by SHA-256), written by the same mtad (version and a hash
 * of the code bundled into it). The whole-sequence rules and the lock always run anew.
 *
 * The file is one line of header, then the records as JSON. The header holds the key and the
 * SHA-256 of the rest, so that a cache cut short, overwritten or edited is seen and not used: it is
 * then silently ignored and rebuilt. A file that does not even begin with a header is not taken for
 * a cache and never written over (refuseCacheFile). It is written atomically (a temporary file renamed over it).
 */

/** The name of the cache file inside a cache folder. */
const CHECK_CACHE_FILE = 'check-cache.json';

/** The format of the cache file: a newer mtad that changes it changes this too. */
const FORMAT = 1;

interface Header {
  mtadCheckCache: number;
  key: string;
  sha256: string;
}

interface Entry {
  kind: FileKind;
  sha256: string;
  record: FileRecord;
}

/** A cache opened for one run: the memo to check with, and what to do at the end. */
export interface CheckCache {
  memo: FileMemo;
  /** Writes the cache when this run changed what it holds; a failure to write is ignored. */
  save(): Promise<void>;
}

/**
 * Where the cache is: PATH itself, or PATH/check-cache.json when PATH is a folder (it exists as one,
 * or is written with a trailing slash).
 */
export function cacheFileAt(location: string, cwd: string): string {
  const path = resolve(cwd, location);
  const isFolder =
    location.endsWith('/') || location.endsWith(sep) || (existsSync(path) && statSync(path).isDirectory());
  return isFolder ? join(path, CHECK_CACHE_FILE) : path;
}

/**
 * The default cache file, `node_modules/.cache/mtad/check-cache.json` in the project folder (the
 * folder holding data/, else the working folder), as many tools keep theirs. None when the project
 * has no node_modules folder: mtad does not make one in a folder that does not use npm.
 */
export function defaultCacheFile(tablePath: string, cwd: string): string | undefined {
  const data = dirname(tablePath);
  const project = basename(data) === 'data' ? dirname(data) : cwd;
  const modules = join(project, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'mtad', CHECK_CACHE_FILE) : undefined;
}

/**
 * The cache at its default place (defaultCacheFile) for this mtad, or none: when the project has no
 * node_modules folder, or mtad runs unbundled, without the hash of its code that keys the cache.
 */
export async function openDefaultCheckCache(
  tablePath: string,
  cwd: string,
  mtad: { version?: string | undefined; codeHash?: string | undefined },
  options: { readOnly: boolean; keepUnread?: boolean },
): Promise<CheckCache | undefined> {
  if (mtad.codeHash === undefined) return undefined;
  const path = defaultCacheFile(tablePath, cwd);
  return path === undefined ? undefined : openCheckCache(path, `${mtad.version}+${mtad.codeHash}`, options);
}

/** How every cache file begins: the header's first key (JSON.stringify keeps the order of Header). */
const CACHE_START = '{"mtadCheckCache":';

/**
 * Why the cache may not be written at `path`: something is there that mtad did not write as its
 * cache (a file that does not begin with its header, a symbolic link, a device), which a rename
 * would replace. An empty file is taken for a cache cut short. Undefined when the path is free,
 * holds a cache (even a corrupt one: it is rebuilt), or is a folder (which nothing replaces).
 */
export function refuseCacheFile(path: string, shown: string): Diagnostic | undefined {
  const found = lstatOrUndefined(path);
  if (found === undefined) return undefined;
  const refuse = (kind: 'file' | 'symlink' | 'other') =>
    diagnose('OUT_NOT_MTAD', { path: shown, found: kind, kind: 'cache' }, { file: shown });
  if (found.isSymbolicLink()) return refuse('symlink');
  // A folder cannot be replaced by a rename: the run simply goes without a cache.
  if (found.isDirectory()) return undefined;
  if (!found.isFile()) return refuse('other');
  if (found.size === 0) return undefined;
  return startOfFile(path, CACHE_START.length) === CACHE_START ? undefined : refuse('file');
}

/** The largest cache file read. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** The records of a cache file written under `key`, or none when it is missing, corrupt or stale. */
function readEntries(path: string, key: string): Map<string, Entry> {
  try {
    // Only a regular file of a sane size is a cache: a FIFO or /dev/zero named by --cache-location
    // would never end, and a cache of even 100,000 files is far below the bound.
    const info = statSync(path);
    if (!info.isFile() || info.size > MAX_CACHE_BYTES) return new Map();
    const text = readFileSync(path, 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as Header;
    if (header.mtadCheckCache !== FORMAT || header.key !== key) return new Map();
    const body = text.slice(newline + 1);
    if (sha256(body) !== header.sha256) return new Map();
    const files = JSON.parse(body) as Record<string, Entry>;
    return new Map(Object.entries(files));
  } catch {
    // No cache yet, or one that cannot be read: the run is a cold one and writes a fresh cache.
    return new Map();
  }
}

/**
 * Opens the cache at `path` for a run of mtad whose version and code give `key`. With `readOnly`
 * (standard input from an editor, say), records are used but the cache is never written.
 */
export async function openCheckCache(
  path: string,
  key: string,
  options: { readOnly: boolean; keepUnread?: boolean },
): Promise<CheckCache> {
  const stored = readEntries(path, key);
  const used = new Map<string, Entry>();
  let learned = false;
  const digests = new Map<string, string>();
  const digestOf = (source: SourceText) => {
    let digest = digests.get(source.text);
    if (digest === undefined) digests.set(source.text, (digest = sha256(source.text)));
    return digest;
  };

  const memo: FileMemo = {
    recall(kind, source) {
      const entry = used.get(source.file) ?? stored.get(source.file);
      if (!entry || entry.kind !== kind || entry.sha256 !== digestOf(source)) return undefined;
      used.set(source.file, entry);
      return entry.record;
    },
    remember(kind, source, record) {
      used.set(source.file, { kind, sha256: digestOf(source), record });
      learned = true;
    },
  };

  const save = async () => {
    // Records of files this run did not read are dropped, so that the cache does not grow forever;
    // a command that reads only some of the files (amend) keeps the others.
    if (options.keepUnread) for (const [file, entry] of stored) if (!used.has(file)) used.set(file, entry);
    const changed = learned || [...stored.keys()].some((file) => !used.has(file));
    // Never over a file that is not a cache: a default location can hold anything.
    if (options.readOnly || !changed || refuseCacheFile(path, path) !== undefined) return;
    const body = JSON.stringify(Object.fromEntries([...used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
    const header: Header = { mtadCheckCache: FORMAT, key, sha256: sha256(body) };
    try {
      await mkdir(dirname(path), { recursive: true });
      // What runs killed while saving left (never a file of a process still running).
      await removeLeftovers(dirname(path), (name) => name === basename(path));
      await writeFileAtomically(path, `${JSON.stringify(header)}\n${body}`, 'any', path);
    } catch {
      // A read-only checkout, say: the check does not depend on its cache.
    }
  };
  return { memo, save };
}
