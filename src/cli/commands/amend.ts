import type { CheckConfig } from '../../domain/check/check-config.js';
import type { IsoDate } from '../../domain/model/dates.js';
import { withFinalValues } from '../conclusion-inputs.js';
import { requireSoffice } from '../../io/soffice.js';
import type { Amendment } from '../../domain/model/amendment.js';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { planAmend, selectPending, type AmendInputs } from '../../app/amend.js';
import type { FileMemo } from '../../domain/check/file-rules.js';
import { diagnose, hasErrors, type Diagnostic } from '../../domain/model/diagnostics.js';
import { openDefaultCheckCache, type CheckCache } from '../../io/check-cache.js';
import { sha256 } from '../../io/hash.js';
import { displayPath, readBytes, readTemplate, readText } from '../../io/read.js';
import { writeFilesTogether } from '../../io/write-files.js';
import type { ReportFormat } from '../../render/report-formats.js';
import { refusePackPath, writeAmendPack } from '../amend-pack.js';
import { checkBeforeDocuments } from '../check-gate.js';
import {
  amendmentsDirOf,
  loadAmendmentFolder,
  loadTable,
  lockPathOf,
  missingAmendments,
  resolveAmendmentPaths,
  resolveTablePath,
} from '../inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { fail, findingsOf, succeed as succeedWith, type Result } from '../../domain/model/result.js';
import { readTextOption } from '../text-option.js';
import { readAmendments } from '../read-data.js';
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
  /** With `out`: add a PDF of each Word file (LibreOffice); the environment soffice is found and run in. */
  pdf?: { env: NodeJS.ProcessEnv };
  /** Write the result into the table file (made amendments only). */
  write?: boolean;
  /** Today (Europe/London): the table's asAt for an amendment whose date is not known. */
  today?: string;
  /** The date the check before the documents is run for (today in London, or SOURCE_DATE_EPOCH's). */
  checkDate?: IsoDate;
  /** --into: the MTAD's Word document, of which the pack gets a redlined copy. */
  into?: string;
  /** mtad's version and the hash of its code: the key of the cache it shares with `mtad check`. */
  version?: string;
  codeHash?: string;
  /** The configuration of `mtad check`, for the check the documents pass first. */
  config: CheckConfig;
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

/** Gathers what planAmend needs, calls it, and does what it planned: print, write, or make the pack. */
async function amendWith(options: AmendOptions, checked: { memo: FileMemo | undefined }): Promise<Outcome> {
  const { cwd, styler } = options;
  const tablePath = resolveTablePath(cwd, options.table);
  const folder = amendmentsDirOf(tablePath);
  const namedPaths = () => resolveAmendmentPaths(cwd, options.amendments, folder);
  if (options.pdf && options.out === undefined)
    return failWith(
      [
        diagnose('OPTION_NEEDS', {
          option: '--pdf',
          needs: '--out DIR',
          because: 'pack-pdf',
        }),
      ],
      styler,
    );
  if (options.out !== undefined) {
    const refused = refusePackPath(options.out, { cwd, tablePath, amendmentPaths: namedPaths() });
    if (refused) return failWith([refused], styler);
    const converter = options.pdf && requireSoffice(options.pdf.env);
    if (converter) return failWith([converter], styler);
  }
  const author = options.author === undefined ? [] : readTextOption('--author', options.author);
  if (author.length > 0) return failWith(author, styler);
  const intoRead = await readInto(options);
  if (!intoRead.ok) return failWith(findingsOf(intoRead), styler);
  const into = intoRead.value;
  const tableRead = await loadTable(cwd, options.table, { checked: true, memo: checked.memo });
  if (!tableRead.ok) return failWith(findingsOf(tableRead), styler);
  const missing = missingAmendments(cwd, options.amendments, folder);
  if (missing.length > 0) return failWith(missing, styler);
  const amendmentsRead =
    options.amendments.length > 0
      ? await readAmendments(namedPaths(), cwd, { checked })
      : await loadAmendmentFolder(folder, cwd, { skipIds: new Set(tableRead.value.table.applied), checked });
  // The check every document passes first: what mtad check reports of these files.
  const checkFirst = () =>
    checkBeforeDocuments({
      cwd,
      styler,
      config: options.config,
      paths: options.amendments.length > 0 ? namedPaths() : [tablePath],
      ...(options.table !== undefined && { table: options.table }),
      ...(checked.memo && { memo: checked.memo }),
      writesLock: options.write === true,
      ...(options.checkDate !== undefined && { today: options.checkDate }),
    });
  if (!amendmentsRead.ok) {
    // Refused with every finding mtad check prints (a conclusion's too), not only the amendments'.
    const checkedFirst = await checkFirst();
    return 'failure' in checkedFirst ? checkedFirst.failure : failWith(findingsOf(amendmentsRead), styler);
  }
  // A concluded or made amendment is written and directed with its conclusion's final values.
  const concluded = await withFinalValues(amendmentsRead.value, cwd, tablePath);
  if (hasErrors(concluded.diagnostics)) return failWith(concluded.diagnostics, styler);

  // The redline, the direction and the pack say only what `mtad check` accepts; --write records
  // the made amendments it writes in the lock itself, so their absence from it is not held against it.
  const something =
    selectPending({
      named: options.amendments,
      write: options.write === true,
      table: tableRead.value,
      amendments: amendmentsRead.value,
    }).length > 0;
  const gate = !something ? undefined : await checkFirst();
  const [direction, closureEffect] = await Promise.all([
    readTemplate('direction.txt', cwd),
    readTemplate('closure-effect.txt', cwd),
  ]);
  const inputs: AmendInputs = {
    named: options.amendments,
    write: options.write === true,
    pack: options.out !== undefined,
    format: options.format,
    redlineOnly: options.redlineOnly,
    styler,
    ...(options.today !== undefined && { today: options.today }),
    table: tableRead.value,
    tablePath,
    tableShown: displayPath(tablePath, cwd),
    folderShown: displayPath(folder, cwd),
    amendments: concluded.amendments,
    checkFailed: gate !== undefined && 'failure' in gate,
    templates: { direction, closureEffect },
    ...(options.write && { lock: await readLockFile(lockPathOf(tablePath), cwd) }),
    // What --write must not overtake: every amendment beside the table that it does not reflect yet.
    ...(options.write &&
      options.amendments.length > 0 && {
        unwritten: await unwrittenBeside(folder, cwd, tableRead.value.table.applied, checked),
      }),
    ...(options.out !== undefined &&
      options.amendments.length > 0 && {
        history: await loadAmendmentFolder(folder, cwd, { checked }).then((read) => (read.ok ? read.value : [])),
      }),
    hash: sha256,
    ...(checked.memo && { memo: checked.memo }),
  };

  const plan = planAmend(inputs);
  switch (plan.kind) {
    case 'refused':
      return failWith(plan.diagnostics, styler);
    case 'check-failed':
      if (gate === undefined || !('failure' in gate)) throw new Error('planAmend: a check failed that did not run');
      return gate.failure;
    case 'pack': {
      if (options.out === undefined) throw new Error('planAmend: a pack planned without --out');
      const pack = {
        cwd,
        styler,
        out: options.out,
        tablePath,
        ...(options.pdf && { pdf: options.pdf }),
        force: options.force ?? false,
        ...(options.author !== undefined && { author: options.author }),
        ...(options.created !== undefined && { created: options.created }),
        ...(into && { into }),
        ...(checked.memo && { memo: checked.memo }),
      };
      return writeAmendPack(pack, {
        table: tableRead.value,
        application: plan.application,
        amendments: plan.amendments,
        report: plan.report,
        consulted: amendmentsRead.value,
        ...(plan.amendedText !== undefined && { amendedText: plan.amendedText }),
      });
    }
    case 'report': {
      if (plan.writes.length === 0) return succeed(plan.report, styler, plan.warnings);
      // The lock and the table together (see writeFilesTogether): both new texts are made ready and
      // both files checked unchanged before either is replaced, and a failure to replace the table
      // puts the lock back. The plan puts the lock first: should the process be killed between the
      // two renames, the lock records made amendments the table does not reflect yet, as `mtad check
      // --update-lock` records them, which `mtad check` accepts and the next `--write` completes.
      const written = await writeFilesTogether(plan.writes);
      if (!written.ok) return failWith(findingsOf(written), styler);
      return succeed(`${plan.report}\n${plan.written ?? ''}`, styler, plan.warnings);
    }
  }
}

/**
 * The Word document --into names, read before anything is made: its name without .docx (the pack's
 * copy is "<name> Draft Redlined.docx") and its bytes. --into needs --out (a usage error without).
 */
async function readInto(
  options: AmendOptions,
): Promise<Result<{ name: string; shown: string; bytes: Uint8Array } | undefined>> {
  if (options.into === undefined) return succeedWith(undefined);
  if (options.out === undefined)
    return fail([
      diagnose('OPTION_NEEDS', {
        option: '--into',
        needs: '--out DIR',
        because: 'pack-into',
      }),
    ]);
  const path = resolve(options.cwd, options.into);
  const shown = displayPath(path, options.cwd);
  const bytes = await readBytes(path, shown);
  if (!bytes.ok) return bytes;
  return succeedWith({ name: basename(path).replace(/\.docx$/i, ''), shown, bytes: bytes.value });
}

/**
 * The amendments in the folder that the table does not reflect yet (none when they cannot be read: the check has said
 * why).
 */
async function unwrittenBeside(
  folder: string,
  cwd: string,
  applied: readonly string[],
  checked: { memo: FileMemo | undefined },
): Promise<Amendment[]> {
  const read = await loadAmendmentFolder(folder, cwd, { skipIds: new Set(applied), checked });
  return read.ok ? read.value : [];
}

/** The lock file beside the table: its text, none when there is no lock file yet, or why it cannot be read. */
async function readLockFile(path: string, cwd: string): Promise<NonNullable<AmendInputs['lock']>> {
  const shown = displayPath(path, cwd);
  const text: Result<string | undefined> = existsSync(path) ? await readText(path, shown) : succeedWith(undefined);
  return { path, shown, text };
}

/**
 * The cache of `mtad check` (see docs/cache.md), shared: amend adds what it reads and keeps what it
 * did not read. None when mtad runs unbuilt or the project has no node_modules folder.
 */
function openAmendCache(options: AmendOptions): Promise<CheckCache | undefined> {
  return openDefaultCheckCache(resolveTablePath(options.cwd, options.table), options.cwd, options, {
    readOnly: false,
    keepUnread: true,
  });
}
