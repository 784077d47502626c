import { applyAmendments, type Application } from '../../domain/apply.js';
import { diagnose, hasErrors } from '../../domain/diagnostics.js';
import { directionValues } from '../../domain/direction.js';
import { buildAmendReport } from '../../domain/report.js';
import { parseTable } from '../../domain/table.js';
import { sameCell } from '../../domain/values.js';
import { asAtAfterWriting, writeTableChanges } from '../../domain/write-table.js';
import { displayPath, readAmendments, readTemplate, readText } from '../../io/read.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Amendment } from '../../domain/amendment.js';
import type { TableInput } from '../../domain/table.js';
import { checkLock, EMPTY_LOCK, LOCK_FILE_NAME, locateLockEntry, parseLock, recordMadeAmendments, serialiseLock, type LockInput } from '../../domain/lock.js';
import type { Result } from '../../domain/validate.js';
import { sha256 } from '../../io/hash.js';
import type { FileMemo } from '../../domain/check-file.js';
import { defaultCacheFile, openCheckCache, type CheckCache } from '../../io/check-cache.js';
import { writeFilesTogether, type FileReplacement } from '../../io/write-files.js';
import { REPORT_FORMATS, type ReportFormat } from '../../render/report.js';
import { amendmentsDirOf, inSequence, loadAmendmentFolder, loadTable, resolveAmendmentPaths, resolveTablePath } from '../inputs.js';
import { refusePackPath, writeAmendPack } from '../amend-pack.js';
import { readTextOption } from '../text-option.js';
import { checkBeforeDocuments } from '../check-gate.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { withWriteLock } from '../write-lock.js';

export interface AmendOptions extends CommonOptions {
  amendments: string[];
  table?: string;
  format: ReportFormat;
  redlineOnly: boolean;
  /** Write the consultation pack into this folder instead of printing the report. */
  out?: string;
  /** Replace the --out folder when it exists. */
  force?: boolean;
  /** The author of the redline's tracked changes. */
  author?: string;
  /** With `out`: the instant to date the Word files by (SOURCE_DATE_EPOCH), instead of one from the data. */
  created?: string;
  /** Write the result into the table file (made amendments only). */
  write?: boolean;
  /** Today (Europe/London): the table's asAt for an amendment whose date is not known. */
  today?: string;
  /** mtad's version and the hash of its code: the key of the cache it shares with `mtad check`. */
  version?: string;
  codeHash?: string;
}

/**
 * Applies amendments to Table 17.6 and renders the redline, the direction and a summary. With no
 * amendment named, applies those in the amendments folder that the table does not yet reflect.
 * Changes no file, unless `write` (the table file) or `out` (a new folder for the consultation pack).
 */
export async function runAmend(options: AmendOptions): Promise<Outcome> {
  if (!options.write) return amend(options);
  // The lock is taken before the table is read, so that the read, the checks and the write are
  // one step that no other mtad can interleave with: of two writers, one wins, one is refused.
  return withWriteLock(options, () => amend(options));
}

async function amend(options: AmendOptions): Promise<Outcome> {
  // The files are read as the first stage of `mtad check` reads them (so amend refuses what check
  // calls an error), recalled from its cache when they have not changed since.
  const cache = await openAmendCache(options);
  const checked = { memo: cache?.memo };
  const outcome = await amendWith(options, checked);
  await cache?.save();
  return outcome;
}

async function amendWith(options: AmendOptions, checked: { memo: FileMemo | undefined }): Promise<Outcome> {
  const { cwd, styler } = options;
  if (options.out !== undefined) {
    const tablePath = resolveTablePath(cwd, options.table);
    const refused = refusePackPath(options.out, { cwd, tablePath, amendmentPaths: resolveAmendmentPaths(cwd, options.amendments, amendmentsDirOf(tablePath)) });
    if (refused) return failWith([refused], styler);
  }
  const author = options.author === undefined ? [] : readTextOption('--author', options.author);
  if (author.length > 0) return failWith(author, styler);
  const tableRead = await loadTable(cwd, options.table, checked);
  if (!tableRead.value || hasErrors(tableRead.diagnostics)) return failWith(tableRead.diagnostics, styler);
  const { table, source } = tableRead.value;
  const tablePath = resolveTablePath(cwd, options.table);
  const folder = amendmentsDirOf(tablePath);

  let amendmentsRead;
  if (options.amendments.length > 0) {
    amendmentsRead = await readAmendments(resolveAmendmentPaths(cwd, options.amendments, folder), cwd, { checked });
  } else {
    amendmentsRead = await loadAmendmentFolder(folder, cwd, { skipIds: new Set(table.applied), checked });
  }
  if (!amendmentsRead.value || hasErrors(amendmentsRead.diagnostics)) return failWith(amendmentsRead.diagnostics, styler);

  // Running --write again is not an error: it says what the table already reflects.
  const explicit = options.amendments.length > 0 && !options.write;
  const pending = inSequence(amendmentsRead.value).filter((a) => explicit || (!table.applied.includes(a.id) && a.status !== 'withdrawn'));
  if (pending.length === 0) {
    const named = options.amendments.length > 0 ? amendmentsRead.value.map((a) => a.id) : table.applied;
    const what = options.amendments.length > 0 ? `amendment ${named.join(', ')}` : `every amendment in ${displayPath(folder, cwd)}`;
    const reflected = options.amendments.length === 0 && named.length ? ` (${named.join(', ')})` : '';
    return succeed(`Nothing to ${options.write ? 'write' : 'apply'}: ${displayPath(tablePath, cwd)} already reflects ${what}${reflected}.\n`, styler);
  }
  // The redline, the direction and the pack say only what `mtad check` accepts; --write records
  // the made amendments it writes in the lock itself, so their absence from it is not held against it.
  const paths = options.amendments.length > 0 ? resolveAmendmentPaths(cwd, options.amendments, folder) : [tablePath];
  const gate = await checkBeforeDocuments({ cwd, styler, paths, ...(options.table !== undefined && { table: options.table }), ...(checked.memo && { memo: checked.memo }), writesLock: options.write === true });
  if ('failure' in gate) return gate.failure;
  if (options.write) {
    const unmade = pending.filter((a) => a.status !== 'made');
    if (unmade.length > 0) return failWith(unmade.map((a) => diagnose('AMENDMENT_NOT_MADE', { id: a.id, status: a.status }, a.origin.locate(['status']))), styler);
    // A made amendment is locked for good once written: it must first say all that its direction
    // says (the date it took effect, the annex), or it could never be completed afterwards.
    const incomplete = pending.flatMap((a) => directionValues(a, 'final').diagnostics);
    if (incomplete.length > 0) return failWith(incomplete, styler);
  }

  const applied = applyAmendments(table, pending);
  if (!applied.value || hasErrors(applied.diagnostics)) return failWith(applied.diagnostics, styler);

  const [template, closureTemplate] = await Promise.all([readTemplate('direction.txt', cwd), readTemplate('closure-effect.txt', cwd)]);
  if (template.value === undefined) return failWith(template.diagnostics, styler);
  if (closureTemplate.value === undefined) return failWith(closureTemplate.diagnostics, styler);
  const report = buildAmendReport(applied.value, pending, template.value, closureTemplate.value);
  if (options.out !== undefined) {
    const pack = { cwd, styler, out: options.out, force: options.force ?? false, ...(options.author !== undefined && { author: options.author }), ...(options.created !== undefined && { created: options.created }) };
    return writeAmendPack(pack, { table: tableRead.value, application: applied.value, amendments: pending, report });
  }
  const rendered = REPORT_FORMATS[options.format](report, { styler, redlineOnly: options.redlineOnly });
  if (!options.write) return succeed(rendered, styler, applied.diagnostics);

  const written = await writeAmendedTable(applied.value, pending, tableRead.value, tablePath, options);
  if (!written.value) return failWith(written.diagnostics, styler);
  return succeed(`${rendered}\n${written.value}`, styler, applied.diagnostics);
}

/**
 * `--write`: the lock of made amendments and the table file, together (see writeFilesTogether):
 * both new texts are made ready and both files checked unchanged before either is replaced, and a
 * failure to replace the table puts the lock back. The lock is replaced first: should the process
 * be killed between the two renames, the lock records made amendments the table does not reflect
 * yet, as `mtad check --update-lock` records them, which `mtad check` accepts and the next
 * `--write` completes (the other order would leave a table that `check` rejects). Returns the line
 * that says what was written.
 */
async function writeAmendedTable(application: Application, pending: readonly Amendment[], input: TableInput, tablePath: string, options: AmendOptions): Promise<Result<string>> {
  const { table, source } = input;
  const after = { ...application.after, asAt: asAtAfterWriting(table.asAt, pending, options.today ?? table.asAt) };
  const text = writeTableChanges(source, { ...application, after });
  assertReadsBack(text, source.file, after);
  const shown = displayPath(tablePath, options.cwd);
  const lock = await lockAfter(join(dirname(tablePath), LOCK_FILE_NAME), pending, options.cwd);
  if (!lock.ok) return { ok: false, diagnostics: lock.diagnostics };
  const written = await writeFilesTogether([...(lock.value ? [lock.value] : []), { path: tablePath, text, expectation: { text: source.text }, shown }]);
  if (!written.ok) return { ok: false, diagnostics: written.diagnostics };
  return { ok: true, value: `Wrote ${shown}: it now reflects ${after.applied.join(', ')}, as at ${after.asAt}.\n`, diagnostics: [] };
}

/** The text about to be written must read back as the table just computed: a bug otherwise. */
function assertReadsBack(text: string, file: string, expected: { applied: string[]; cohorts: { endDate: Parameters<typeof sameCell>[0] }[] }): void {
  const reread = parseTable(text, file);
  const table = reread.value?.table;
  const same = table && reread.ok && table.applied.join() === expected.applied.join() && table.cohorts.every((row, i) => { const e = expected.cohorts[i]; return e !== undefined && sameCell(row.endDate, e.endDate); });
  if (!same) throw new Error(`the table mtad was about to write does not read back as computed: ${JSON.stringify(reread.diagnostics)}`);
}

/**
 * The lock of made amendments (data/amendments.lock) recording the amendments about to be written,
 * as `mtad check --update-lock` would, or none when it records them already. An amendment the lock
 * already records with other content is refused: a made amendment must not change.
 */
async function lockAfter(lockPath: string, amendments: readonly Amendment[], cwd: string): Promise<Result<FileReplacement | undefined>> {
  const shown = displayPath(lockPath, cwd);
  let before: LockInput | undefined;
  if (existsSync(lockPath)) {
    const text = await readText(lockPath, shown);
    const parsed = text.value === undefined ? text : parseLock(text.value, shown);
    if (!parsed.value || !parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
    before = parsed.value as LockInput;
    const mismatches = checkLock(before.lock, amendments, sha256, { locateEntry: locateLockEntry(before), file: shown }).filter((d) => d.code === 'LOCK_MISMATCH');
    if (mismatches.length > 0) return { ok: false, diagnostics: mismatches };
  }
  const lock = recordMadeAmendments(before?.lock ?? EMPTY_LOCK, amendments, sha256);
  if (before && lock.amendments.length === before.lock.amendments.length) return { ok: true, diagnostics: [] };
  return { ok: true, value: { path: lockPath, text: serialiseLock(lock), expectation: before ? { text: before.source.text } : 'absent', shown }, diagnostics: [] };
}

/**
 * The cache of `mtad check` (see docs/cache.md), shared: amend adds what it reads and keeps what it
 * did not read. None when mtad runs unbuilt or the project has no node_modules folder.
 */
async function openAmendCache(options: AmendOptions): Promise<CheckCache | undefined> {
  if (options.codeHash === undefined) return undefined;
  const path = defaultCacheFile(resolveTablePath(options.cwd, options.table), options.cwd);
  return path === undefined ? undefined : openCheckCache(path, `${options.version}+${options.codeHash}`, { readOnly: false, keepUnread: true });
}
