import type { Stats } from 'node:fs';
import { lstat, mkdir, readdir, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { diagnose, type Diagnostic } from '../../domain/model/diagnostics.js';
import { LOCK_FILE_NAME, parseLock } from '../../domain/history/amendment-lock.js';
import { CONFIG_FILE_NAME } from '../../io/project-root.js';
import { displayPath, packageRoot, readText } from '../../io/read.js';
import { describeSystemError } from '../../io/system-error.js';
import { writeFilesTogether } from '../../io/write-files.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { renderProjectWritten } from '../../render/written-notes.js';
import { fail, findingsOf, succeed as succeedWith, type Result } from '../../domain/model/result.js';

export interface InitOptions extends CommonOptions {
  /** The folder to scaffold, relative to the working folder; default: the working folder. */
  dir?: string;
}

/** One file of the scaffold: its path in the new project (with `/`), and its text. */
interface ScaffoldFile {
  path: string;
  text: string;
}

/** The shipped files copied as they are: the real Table 17.6 with its sources, and what it needs. */
const COPIED = ['data/table-17.6.yaml', 'data/departments.yaml', `data/${LOCK_FILE_NAME}`] as const;

/** The schemas the copied files and the configuration point their editor at (`$schema=`). */
const SCHEMAS = [
  'table',
  'amendment',
  'departments',
  'config',
  'response',
  'conclusion',
  'narrative',
  'correction',
] as const;

/**
 * `mtad init [dir]`: a new project that `mtad check` passes, as the shipped data stands: the table,
 * the amendments it reflects (those the lock records as made) and the lock, the departments, the
 * schemas the files name, a commented configuration, and a GitHub Actions workflow. Every file is
 * new: when any exists, each is named and nothing is written (exit status 2); otherwise they are
 * written all or none.
 */
export async function runInit(options: InitOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const root = resolve(cwd, options.dir ?? '.');
  const notFolder = await refuseNonFolder(root, cwd);
  if (notFolder) return failWith([notFolder], styler);
  const scaffold = await scaffoldFiles();
  if (!scaffold.ok) return failWith(findingsOf(scaffold), styler);
  const files = scaffold.value;
  const existing = await findExisting(root, files, cwd);
  if (existing.length > 0) return failWith(existing, styler);

  const created = await makeFolders(root, files).catch((error: unknown) =>
    diagnose('FILE_UNWRITABLE', { reason: describeSystemError(error) }, { file: displayPath(root, cwd) }),
  );
  if (!Array.isArray(created)) return failWith([created], styler);
  const written = await writeFilesTogether(
    files.map((file) => {
      const path = join(root, ...file.path.split('/'));
      return { path, text: file.text, expectation: 'absent' as const, shown: displayPath(path, cwd) };
    }),
  );
  if (!written.ok) {
    await removeEmptyFolders(created);
    return failWith(findingsOf(written), styler);
  }
  const here = root === resolve(cwd);
  const report = renderProjectWritten({
    ...(!here && { folder: displayPath(root, cwd) }),
    files: files.map((file) => file.path),
  });
  return succeed(report, styler);
}

async function refuseNonFolder(root: string, cwd: string): Promise<Diagnostic | undefined> {
  const found = await lstatOrUndefined(root);
  if (found === undefined) return undefined;
  if (found.isDirectory()) return undefined;
  // A link to a folder is a folder to write into; any other link, or a file, is refused.
  if (found.isSymbolicLink() && (await statIsFolder(root))) return undefined;
  const path = displayPath(root, cwd);
  return diagnose('INIT_NOT_A_FOLDER', { path }, { file: path });
}

async function scaffoldFiles(): Promise<Result<ScaffoldFile[]>> {
  const shipped = packageRoot();
  const read = async (path: string): Promise<ScaffoldFile | Diagnostic[]> => {
    const full = join(shipped, ...path.split('/'));
    const text = await readText(full, full);
    return !text.ok ? findingsOf(text) : { path, text: text.value };
  };
  const copied = await Promise.all(COPIED.map(read));
  const lockFile = copied[2];
  if (lockFile === undefined || Array.isArray(lockFile)) return fail(copied.flatMap(diagnosticsOf));
  const lock = parseLock(lockFile.text, lockFile.path);
  if (!lock.ok) return lock;
  const made = lock.value.lock.amendments.map((entry) => `data/amendments/${entry.id}.yaml`);
  const more = await Promise.all([...made, ...SCHEMAS.map((kind) => `schema/${kind}.schema.json`)].map(read));
  const all = [...copied, ...more];
  const failed = all.flatMap(diagnosticsOf);
  if (failed.length > 0) return fail(failed);
  const files = all.filter((file): file is ScaffoldFile => !Array.isArray(file));
  files.push({ path: CONFIG_FILE_NAME, text: CONFIG_TEXT }, { path: WORKFLOW_PATH, text: WORKFLOW_TEXT });
  return succeedWith(files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
}

function diagnosticsOf(file: ScaffoldFile | Diagnostic[]): Diagnostic[] {
  return Array.isArray(file) ? file : [];
}

/**
 * One finding per file of the scaffold already there, and per folder on the way that is not a
 * folder (data as a file): a link counts as there, even one pointing nowhere.
 */
async function findExisting(root: string, files: readonly ScaffoldFile[], cwd: string): Promise<Diagnostic[]> {
  const seen = new Set<string>();
  const found: Diagnostic[] = [];
  for (const file of files) {
    const parts = file.path.split('/');
    for (let depth = 1; depth <= parts.length; depth += 1) {
      const path = join(root, ...parts.slice(0, depth));
      if (seen.has(path)) continue;
      seen.add(path);
      const stat = await lstatOrUndefined(path);
      if (stat === undefined) break;
      if (depth < parts.length && stat.isDirectory()) continue;
      const shown = displayPath(path, cwd);
      found.push(diagnose('INIT_TARGET_EXISTS', { path: shown }, { file: shown }));
      break;
    }
  }
  return found;
}

/** Makes the folders the files go in; returns those it made, deepest last. */
async function makeFolders(root: string, files: readonly ScaffoldFile[]): Promise<string[]> {
  const created: string[] = [];
  const folders = [...new Set(files.map((file) => dirname(join(root, ...file.path.split('/')))))].sort();
  for (const folder of folders) {
    const first = await mkdir(folder, { recursive: true });
    if (first === undefined) continue;
    for (let dir = folder; dir.length >= first.length; dir = dirname(dir)) created.push(dir);
  }
  return [...new Set(created)].sort((a, b) => b.split(sep).length - a.split(sep).length);
}

/** Takes back the folders made for a write that failed, so that nothing of it is left. */
async function removeEmptyFolders(folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    const left = await readdir(folder).catch(() => ['?']);
    if (left.length === 0) await rmdir(folder).catch(() => undefined);
  }
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch {
    return undefined;
  }
}

async function statIsFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (found) => found.isDirectory(),
    () => false,
  );
}

/** Where the CI workflow goes: GitHub Actions runs every workflow in this folder. */
const WORKFLOW_PATH = '.github/workflows/mtad.yml';

const CONFIG_TEXT = `# yaml-language-server: $schema=schema/config.schema.json
#
# The configuration of mtad for this project; this file also marks the project's root, so that
# mtad run from a subfolder finds data/. With no rule listed, every rule of mtad check has its
# default severity (mtad check --list-rules lists them). A warning may be made an error, or
# turned off; an error stays an error. For example:
#
# rules:
#   VALUE_UNKNOWN: off
rules: {}
`;

/**
 * mtad is not published to a registry under its name (package.json says private), so the workflow
 * runs the mtad the repository's own package.json installs: npx --no-install never downloads
 * another package that happens to be called mtad.
 */
const WORKFLOW_TEXT = `# Checks the data of Table 17.6 on every push and pull request: mtad check's findings as
# annotations on the changed lines, and as SARIF in the repository's code scanning alerts.
# Written by mtad init. It runs the mtad this repository's package.json (with its lock file)
# installs as a devDependency: add it there before the first run.
name: mtad
on:
  push:
  pull_request:
permissions:
  contents: read
  security-events: write
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - name: mtad check (annotations)
        run: npx --no-install mtad check --format github
      - name: mtad check (SARIF)
        if: \${{ !cancelled() }}
        run: npx --no-install mtad check --output sarif=mtad.sarif
      - name: Upload SARIF
        if: \${{ !cancelled() }}
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: mtad.sarif
          category: mtad
`;
