import {
  closeSync,
  constants,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { diagnose, type Diagnostic, type OutputRelation } from '../domain/model/diagnostics.js';
import { displayPath } from './read.js';

/**
 * What an output of a command must keep clear of: the working folder, the data folder (the folder
 * of the table) and every input the command reads. Outputs are compared by real path, so that a
 * symbolic link or `..` in either path cannot hide that they are the same file.
 */
export interface ProtectedPaths {
  cwd: string;
  /** The table file: its folder is the data folder. */
  tablePath: string;
  /**
   * Every other file or folder the command reads or writes in place (the amendments folder, the
   * lock): nothing is written into such a folder, unless it holds the working folder.
   */
  inputs: readonly string[];
}

/**
 * The real path of `path`: its longest existing part with every symbolic link resolved, then the
 * rest as written. `path` is first made absolute as the writers make it (path.resolve, which
 * removes `..` by name), so the guard sees the path that will be written.
 */
function realPathOf(path: string, links = 0): string {
  let existing = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(existing), ...rest);
    } catch {
      const parent = dirname(existing);
      // A dangling symbolic link: its target is where a write would go, so resolve it by hand.
      // (A loop of links is cut short: nothing can be written through it anyway.)
      const link = links < MAX_LINKS ? readLinkOf(existing) : undefined;
      if (link !== undefined) return join(realPathOf(resolve(parent, link), links + 1), ...rest);
      if (parent === existing) return join(existing, ...rest);
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
}

/** As many links as Linux follows in one path before it gives up (ELOOP). */
const MAX_LINKS = 40;

/** The target of a symbolic link, or undefined when `path` is not one. */
function readLinkOf(path: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined;
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/** True when `inner` is `outer` or lies inside it (both real, absolute paths). */
function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The refusal of an output at `path` (OUT_PROTECTED), or undefined when it keeps clear of
 * `protect`. The data folder protects everything in it; when the table sits in the working folder
 * or above it, that folder cannot be kept whole (every output would be in it), so then only the
 * inputs themselves (the amendments folder among them) are protected.
 */
export function refuseProtectedOutput(path: string, protect: ProtectedPaths): Diagnostic | undefined {
  const { cwd } = protect;
  const shownOf = (p: string) => (relative(cwd, p) === '' ? '.' : displayPath(p, cwd));
  const shown = shownOf(resolve(cwd, path));
  const out = realPathOf(resolve(cwd, path));
  const refuse = (relation: OutputRelation, other: string) =>
    diagnose('OUT_PROTECTED', { path: shown, relation, other: shownOf(other) }, { file: shown });
  const home = realPathOf(cwd);
  if (out === home) return refuse('is-working-folder', cwd);
  if (isWithin(home, out)) return refuse('holds-working-folder', cwd);
  const tablePath = resolve(cwd, protect.tablePath);
  const dataFolder = dirname(tablePath);
  const inputs = [tablePath, ...protect.inputs]
    .map((input) => resolve(cwd, input))
    .map((input) => ({ input, real: realPathOf(input) }));
  const same = inputs.find(({ real }) => out === real);
  if (same) return refuse('is-input', same.input);
  const data = realPathOf(dataFolder);
  // A table in the working folder itself (--table table-17.6.yaml) makes no data folder to keep
  // clear of. Run from inside a project's data folder (data/ or data/amendments/, the project found
  // above it), an output there is inside the data folder all the same.
  const projectData = basename(data) === 'data' && basename(tablePath) === 'table-17.6.yaml';
  if (data !== home || projectData) {
    if (out === data) return refuse('is-data-folder', tablePath);
    if (isWithin(out, data)) return refuse('in-data-folder', dataFolder);
  }
  for (const { input, real } of inputs) {
    if (isWithin(real, out)) return refuse('holds-input', input);
    // A folder of inputs that holds the working folder cannot be kept whole, as the data folder.
    if (isWithin(out, real) && isFolder(real) && !isWithin(home, real)) return refuse('in-input-folder', input);
  }
  return undefined;
}

/**
 * The refusal of an output at `path` that another output of the same run (`others`) would also
 * write, one over the other; undefined when none does.
 */
export function refuseRepeatedOutput(path: string, others: readonly string[], cwd: string): Diagnostic | undefined {
  const real = realPathOf(resolve(cwd, path));
  const other = others.find((o) => realPathOf(resolve(cwd, o)) === real);
  if (other === undefined) return undefined;
  const shownOf = (p: string) => displayPath(resolve(cwd, p), cwd);
  return diagnose(
    'OUT_PROTECTED',
    { path: shownOf(path), relation: 'is-other-output', other: shownOf(other) },
    { file: shownOf(path) },
  );
}

/** What is at `path`, not following a symbolic link; undefined when nothing is. */
export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The first `length` bytes of the file at `path` (fewer when it is shorter), as UTF-8 text; never
 * through a symbolic link. Undefined when it cannot be read. It tells whether mtad wrote a file
 * (a pack's marker, the cache's header) without reading a file of any size.
 */
export function startOfFile(path: string, length: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    const bytes = Buffer.alloc(length);
    return bytes.subarray(0, readSync(fd, bytes, 0, length, 0)).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** True when `path` is a folder (following symbolic links). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
