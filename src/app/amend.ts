import { inSequence, type Amendment } from '../domain/model/amendment.js';
import { applyAmendments, type Application } from '../domain/history/apply.js';
import { tableWith } from '../domain/history/table-history.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { directionValues } from '../domain/documents/direction-values.js';
import { checkMadeRecord } from '../domain/check/amendment-rules.js';
import { readLockRecalled, type FileMemo } from '../domain/check/file-rules.js';
import {
  checkLock,
  EMPTY_LOCK,
  locateLockEntry,
  recordMadeAmendments,
  serialiseLock,
  type HashText,
  type LockInput,
} from '../domain/history/amendment-lock.js';
import { buildAmendReport, type AmendReport } from '../domain/documents/amend-report.js';
import { parseTable, type TableInput } from '../domain/model/table.js';
import { fail, findingsOf, succeed, type Result } from '../domain/model/result.js';
import { sameCell } from '../domain/model/cell-value.js';
import { asAtAfterWriting, writeTableChanges } from '../domain/history/table-write-back.js';
import { REPORT_FORMATS } from '../render/report.js';
import { renderNothingPending, renderTableWritten } from '../render/amend-notes.js';
import type { ReportFormat } from '../render/report-formats.js';
import type { Styler } from '../render/style.js';
import type { PlannedWrite } from './writes.js';

/** What `mtad amend` works from, gathered by the CLI before anything is decided. */
export interface AmendInputs {
  /** The amendments as named on the command line (ids or paths); none: the folder's pending ones. */
  named: readonly string[];
  write: boolean;
  /** True with --out: the plan hands back what the pack is made from. */
  pack: boolean;
  format: ReportFormat;
  redlineOnly: boolean;
  styler: Styler;
  /** Today (Europe/London): the table's asAt after --write for an amendment whose date is not known. */
  today?: string;
  table: TableInput;
  tablePath: string;
  tableShown: string;
  folderShown: string;
  /** The amendments read: those named, or every one in the folder the table does not reflect. */
  amendments: readonly Amendment[];
  /** With --write and amendments named: every amendment in the folder the table does not reflect yet. */
  unwritten?: readonly Amendment[];
  /** With --out and amendments named: every amendment in the folder, to undo those the table reflects. */
  history?: readonly Amendment[];
  /**
   * Whether `mtad check` finds an error in the files the documents are made from. The CLI runs the
   * check only when selectPending finds something to apply.
   */
  checkFailed: boolean;
  templates: { direction: Result<string>; closureEffect: Result<string> };
  /** With --write: the lock file beside the table, its text when there is one. */
  lock?: { path: string; shown: string; text: Result<string | undefined> };
  hash: HashText;
  /** The cache of `mtad check`, when one is open: the lock is recalled from it when it has not changed. */
  memo?: FileMemo;
}

/** What `mtad amend` is to do, decided from its inputs alone. */
export type AmendPlan =
  | { kind: 'refused'; diagnostics: Diagnostic[] }
  /** The CLI prints what `mtad check` found. */
  | { kind: 'check-failed' }
  | {
      kind: 'pack';
      application: Application;
      amendments: Amendment[];
      report: AmendReport;
      /** The amended table file's text as written, for a pack made again; otherwise made from the table read. */
      amendedText?: string;
    }
  /** Print `report` (and `warnings` on standard error); then make `writes` and print `written`. */
  | { kind: 'report'; report: string; warnings: Diagnostic[]; writes: PlannedWrite[]; written?: string };

/**
 * The amendments to apply, in their order of application: those named, else those the table does
 * not reflect yet and not withdrawn. With --write, named ones the table reflects are left out too.
 */
export function selectPending(inputs: Pick<AmendInputs, 'named' | 'write' | 'table' | 'amendments'>): Amendment[] {
  const { table } = inputs.table;
  // Running --write again is not an error: it says what the table already reflects.
  const explicit = inputs.named.length > 0 && !inputs.write;
  return inSequence(inputs.amendments).filter(
    (a) => explicit || (!table.applied.includes(a.id) && a.status !== 'withdrawn'),
  );
}

/**
 * Applies the pending amendments to the table and makes the redline, the direction and the summary;
 * with --write, the new texts of the lock and the table (the lock first: see writeFilesTogether).
 */
export function planAmend(inputs: AmendInputs): AmendPlan {
  const { table } = inputs.table;
  const named = inputs.named.length > 0;
  const pending = selectPending(inputs);
  if (pending.length === 0) {
    return {
      kind: 'report',
      report: renderNothingPending({
        write: inputs.write,
        tableShown: inputs.tableShown,
        named: named ? inputs.amendments.map((a) => a.id) : [],
        applied: table.applied,
        folderShown: inputs.folderShown,
      }),
      warnings: [],
      writes: [],
    };
  }
  if (inputs.checkFailed) return { kind: 'check-failed' };
  if (inputs.pack && named && pending.some((a) => table.applied.includes(a.id))) {
    const again = planPackAgain(inputs, pending);
    if (again) return again;
  }
  if (inputs.write) {
    const unmade = pending.filter((a) => a.status !== 'made');
    if (unmade.length > 0)
      return {
        kind: 'refused',
        diagnostics: unmade.map((a) =>
          diagnose('AMENDMENT_NOT_MADE', { id: a.id, status: a.status }, a.origin.locate(['status'])),
        ),
      };
    // A made amendment is locked for good once written: it must first say all that its direction
    // says (when it concluded, the date it took effect, the annex), or it could never be completed
    // afterwards.
    const incomplete = pending.flatMap((a) => [...checkMadeRecord(a), ...findingsOf(directionValues(a, 'final'))]);
    if (incomplete.length > 0) return { kind: 'refused', diagnostics: incomplete };
    const overtaking = overtakes(pending, inputs.unwritten ?? []);
    if (overtaking.length > 0) return { kind: 'refused', diagnostics: overtaking };
  }

  const applied = applyAmendments(table, pending);
  if (!applied.ok) return { kind: 'refused', diagnostics: findingsOf(applied) };
  const { direction, closureEffect } = inputs.templates;
  if (!direction.ok) return { kind: 'refused', diagnostics: findingsOf(direction) };
  if (!closureEffect.ok) return { kind: 'refused', diagnostics: findingsOf(closureEffect) };
  const report = buildAmendReport(applied.value, pending, direction.value, closureEffect.value);
  if (inputs.pack) return { kind: 'pack', application: applied.value, amendments: pending, report };
  const rendered = REPORT_FORMATS[inputs.format](report, { styler: inputs.styler, redlineOnly: inputs.redlineOnly });
  if (!inputs.write) return { kind: 'report', report: rendered, warnings: findingsOf(applied), writes: [] };

  const after = { ...applied.value.after, asAt: asAtAfterWriting(table.asAt, pending, inputs.today ?? table.asAt) };
  const text = writeTableChanges(inputs.table.source, { ...applied.value, after });
  assertReadsBack(text, inputs.table.source.file, after);
  if (inputs.lock === undefined)
    throw new Error('planAmend: --write is planned without the lock file beside the table');
  const lock = lockAfter(inputs.lock, pending, inputs.hash, inputs.memo);
  if (!lock.ok) return { kind: 'refused', diagnostics: findingsOf(lock) };
  return {
    kind: 'report',
    report: rendered,
    warnings: findingsOf(applied),
    writes: [
      ...(lock.value ? [lock.value] : []),
      { path: inputs.tablePath, text, expectation: { text: inputs.table.source.text }, shown: inputs.tableShown },
    ],
    written: renderTableWritten({ tableShown: inputs.tableShown, applied: after.applied, asAt: after.asAt }),
  };
}

/**
 * The pack of amendments the table already reflects, made again as it was made: from the table as
 * it stood before them (the history undoes them), in final form, with the table file as --write
 * left it. Only the latest written ones: a later --write replaced the sources and the asAt that
 * their pack's table file held. Undefined when some named amendment is not written: applying it
 * then refuses the written ones (AMENDMENT_ALREADY_APPLIED).
 */
function planPackAgain(inputs: AmendInputs, pending: Amendment[]): AmendPlan | undefined {
  const { table } = inputs.table;
  if (!pending.every((a) => table.applied.includes(a.id))) return undefined;
  const ids = new Set(pending.map((a) => a.id));
  const first = table.applied.findIndex((id) => ids.has(id));
  const later = table.applied.slice(first).filter((id) => !ids.has(id));
  const firstId = table.applied[first] ?? '';
  if (later.length > 0)
    return {
      kind: 'refused',
      diagnostics: [
        diagnose(
          'PACK_NOT_LATEST',
          { id: firstId, later },
          pending.find((a) => a.id === firstId)?.origin.locate(['id']) ?? {},
        ),
      ],
    };
  const earlier = new Set(table.applied.slice(0, first));
  const before = tableWith(table, inputs.history ?? pending, earlier);
  if (!before.ok) return { kind: 'refused', diagnostics: findingsOf(before) };
  const applied = applyAmendments(before.value, pending);
  if (!applied.ok) return { kind: 'refused', diagnostics: findingsOf(applied) };
  const { direction, closureEffect } = inputs.templates;
  if (!direction.ok) return { kind: 'refused', diagnostics: findingsOf(direction) };
  if (!closureEffect.ok) return { kind: 'refused', diagnostics: findingsOf(closureEffect) };
  const report = buildAmendReport(applied.value, pending, direction.value, closureEffect.value);
  return {
    kind: 'pack',
    application: applied.value,
    amendments: pending,
    report,
    amendedText: inputs.table.source.text,
  };
}

/** The text about to be written must read back as the table just computed: a bug otherwise. */
function assertReadsBack(
  text: string,
  file: string,
  expected: { applied: string[]; cohorts: { endDate: Parameters<typeof sameCell>[0] }[] },
): void {
  const reread = parseTable(text, file);
  const table = reread.ok ? reread.value.table : undefined;
  const same =
    table &&
    table.applied.join() === expected.applied.join() &&
    table.cohorts.every((row, i) => {
      const e = expected.cohorts[i];
      return e !== undefined && sameCell(row.endDate, e.endDate);
    });
  if (!same)
    throw new Error(
      `the table mtad was about to write does not read back as computed: ${JSON.stringify(findingsOf(reread))}`,
    );
}

/**
 * The lock of made amendments recording the amendments about to be written, as `mtad check
 * --update-lock` would, or none when it records them already. An amendment the lock already
 * records with other content is refused: a made amendment must not change.
 */
function lockAfter(
  file: NonNullable<AmendInputs['lock']>,
  amendments: readonly Amendment[],
  hash: HashText,
  memo: FileMemo | undefined,
): Result<PlannedWrite | undefined> {
  const { path, shown } = file;
  if (!file.text.ok) return file.text;
  let before: LockInput | undefined;
  if (file.text.value !== undefined) {
    const parsed = readLockRecalled({ file: shown, text: file.text.value }, memo);
    if (!parsed.ok) return parsed;
    before = parsed.value;
    const mismatches = checkLock(before.lock, amendments, hash, {
      locateEntry: locateLockEntry(before),
      file: shown,
    }).filter((d) => d.code === 'LOCK_MISMATCH');
    if (mismatches.length > 0) return fail(mismatches);
  }
  const lock = recordMadeAmendments(before?.lock ?? EMPTY_LOCK, amendments, hash);
  if (before && lock.amendments.length === before.lock.amendments.length) return succeed(undefined);
  return succeed({
    path,
    text: serialiseLock(lock),
    expectation: before ? { text: before.source.text } : 'absent',
    shown,
  });
}

/**
 * The table reflects amendments in their order of application, none skipped (what `mtad check`
 * holds it to): --write may not record an amendment while one before it, not withdrawn, is neither
 * reflected nor written in the same run. It names the earlier one, to make or withdraw first.
 */
function overtakes(pending: readonly Amendment[], unwritten: readonly Amendment[]): Diagnostic[] {
  const writing = new Set(pending.map((a) => a.id));
  const waiting = inSequence(unwritten.filter((a) => a.status !== 'withdrawn' && !writing.has(a.id)));
  return pending.flatMap((a) => {
    const earlier = waiting.find((b) => b.sequence < a.sequence);
    return earlier === undefined
      ? []
      : [
          diagnose(
            'AMENDMENT_WRITE_OUT_OF_ORDER',
            { id: a.id, earlier: earlier.id, status: earlier.status },
            a.origin.locate(['sequence']),
          ),
        ];
  });
}
