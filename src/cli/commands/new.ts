import { join } from 'node:path';
import { parseAmendment } from '../../domain/amendment.js';
import { applyAmendments, missingCohort } from '../../domain/apply.js';
import { formatDateWithWeekday, isWeekend, type IsoDate } from '../../domain/dates.js';
import { diagnose, type Diagnostic } from '../../domain/diagnostics.js';
import { cohortSlug, draftAmendmentText, readTemplateSections, timelineEndingOn, timelineFrom, timelineOutOfRange, type DraftChange, type Timeline } from '../../domain/draft-amendment.js';
import { AMENDMENT_ID_PATTERN } from '../../domain/schema.js';
import { findCohort, type Table } from '../../domain/table.js';
import type { CellValue } from '../../domain/values.js';
import { displayPath, readTemplate } from '../../io/read.js';
import { writeFileAtomically } from '../../io/write.js';
import { formatLocation } from '../../render/diagnostics.js';
import { checkDraftTarget } from '../draft-guard.js';
import { loadHistory, type History } from '../history-inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { readDateOption } from '../today.js';
import { withWriteLock } from '../write-lock.js';

/** How a drafted amendment file is written. */
export interface DraftWriteOptions extends CommonOptions {
  table?: string;
  /** Today (Europe/London), to flag proposed dates already past. */
  today: IsoDate;
  force: boolean;
  stdout: boolean;
}

export interface NewOptions extends DraftWriteOptions {
  action: 'close' | 'reopen';
  cohort: string;
  /** close: the proposed end date (the last day of Migration DUST). */
  on?: string;
  /** reopen: the proposed issue date of the consultation; default today. */
  issued?: string;
  id?: string;
}

/** The table as it will stand once the amendments not yet reflected (and not withdrawn) apply. */
export function tableAfterPending(history: History): Table {
  const { table } = history.input;
  const pending = history.amendments.filter((a) => !table.applied.includes(a.id) && a.status !== 'withdrawn');
  return applyAmendments(table, pending).value?.after ?? table;
}

/** The sequence a new amendment takes: one after every amendment and draft in the folder. */
export function nextSequence(history: History): number {
  return Math.max(0, ...history.amendments.map((a) => a.sequence), ...history.drafts.map((d) => d.amendment.sequence)) + 1;
}

function timelineLines(timeline: Timeline, today: IsoDate): string[] {
  const steps: [string, IsoDate | undefined][] = [
    ['issued', timeline.issued],
    ['responses due (16:00)', timeline.responsesDue],
    ['expected conclusion', timeline.expectedConclusion],
    ['modification', timeline.modification],
    ['end date (last day)', timeline.endDate],
  ];
  return steps.flatMap(([name, date]) => {
    if (!date) return [];
    const notes = [isWeekend(date) && 'a weekend day', date < today && 'already past'].filter(Boolean);
    return [`  ${name.padEnd(22)} ${formatDateWithWeekday(date)}${notes.length ? `  <- ${notes.join(', ')}: review it` : ''}`];
  });
}

/**
 * Writes a drafted amendment into the amendments folder (atomically; never over an existing file
 * without --force, never over a made amendment, never with an id another file has), or prints it
 * with --stdout. Before writing, the draft is read back: it must
 * have no finding but its fields to decide, and its changes must apply to the table.
 */
export async function writeDraft(history: History, options: DraftWriteOptions, draft: { id: string; sequence: number; changes: DraftChange[]; timeline: Timeline; reverts?: string }): Promise<Outcome> {
  const { cwd, styler } = options;
  const wording = await readTemplate('new-amendment.txt', cwd);
  if (wording.value === undefined) return failWith(wording.diagnostics, styler);
  const text = draftAmendmentText({ ...draft, wording: readTemplateSections(wording.value) });
  if (text.value === undefined) return failWith(text.diagnostics, styler);

  const path = join(history.folder, `${draft.id}.yaml`);
  const shown = displayPath(path, cwd);
  const readBack = parseAmendment(text.value, shown);
  const unexpected = readBack.diagnostics.filter((d) => d.code !== 'FIELD_TO_DECIDE');
  if (!readBack.value || unexpected.length > 0) throw new Error(`mtad drafted an amendment it cannot read back: ${JSON.stringify(unexpected)}`);
  const target = await checkDraftTarget(history, draft.id, shown, { cwd });
  if (!target.value) return failWith(target.diagnostics, styler);
  if (options.stdout) return succeed(text.value, styler);

  // With --force, the file is replaced only if it still holds what was read (and checked) above.
  const expectation = !options.force ? 'absent' : target.value.replaces !== undefined ? { text: target.value.replaces } : 'any';
  const written = await writeFileAtomically(path, text.value, expectation, shown);
  if (!written.ok) return failWith(written.diagnostics, styler);
  const toDecide = readBack.diagnostics.map((d) => `  ${formatLocation(d)}  ${'field' in d.args ? d.args.field : d.code}`);
  return succeed(
    [
      `Wrote ${shown}: ${readBack.value.title} (sequence ${draft.sequence}, proposed).`,
      '',
      'Proposed timeline, from the reference consultation\'s intervals:',
      ...timelineLines(draft.timeline, options.today),
      '',
      `To decide before mtad check and mtad amend accept it (tagged !todo, FIELD_TO_DECIDE): ${toDecide.length}`,
      ...toDecide,
      '',
    ].join('\n'),
    styler,
  );
}

/** The usage error for a date on the command line around which no timeline can be proposed. */
export function checkProposedTimeline(option: string, kind: 'ending' | 'from', date: IsoDate): Diagnostic[] {
  const expected = timelineOutOfRange(kind, date);
  return expected === undefined ? [] : [diagnose('ARGUMENT_INVALID', { option, value: date, expected })];
}

const ID_EXPECTED = 'a kebab-case amendment id (lowercase letters and digits in words joined by single hyphens, e.g. mdust-close-foc-bg), as the amendment schema requires; it names the file <id>.yaml';


/**
 * `mtad new close COHORT --on DATE` and `mtad new reopen COHORT`: a new amendment file from the
 * table. Written under the write lock, so that two at once cannot take the same sequence number.
 */
export function runNew(options: NewOptions): Promise<Outcome> {
  return options.stdout ? draftNew(options) : withWriteLock(options, () => draftNew(options));
}

async function draftNew(options: NewOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const dateOf = (option: string, value: string | undefined) => (value === undefined ? { date: undefined, diagnostics: [] } : readDateOption(option, value));
  const on = dateOf('--on', options.on);
  const issued = dateOf('--issued', options.issued);
  if (on.diagnostics.length || issued.diagnostics.length) return failWith([...on.diagnostics, ...issued.diagnostics], styler);
  if (options.action === 'close' && !on.date) return failWith([diagnose('ARGUMENT_INVALID', { option: '--on', value: '', expected: 'the proposed end date of a closure, YYYY-MM-DD (the last day of Migration DUST)' })], styler);

  const proposed = on.date ? checkProposedTimeline('--on', 'ending', on.date) : checkProposedTimeline('--issued', 'from', issued.date ?? options.today);
  if (proposed.length > 0) return failWith(proposed, styler);

  if (options.id !== undefined && !AMENDMENT_ID_PATTERN.test(options.id)) return failWith([diagnose('ARGUMENT_INVALID', { option: '--id', value: options.id, expected: ID_EXPECTED })], styler);

  const history = await loadHistory(cwd, options.table);
  if (!history.value) return failWith(history.diagnostics, styler);
  const table = tableAfterPending(history.value);
  const row = findCohort(table, options.cohort);
  if (!row) return failWith([missingCohort(table, options.cohort)], styler);
  const from = row.endDate;
  if ((options.action === 'close') !== (from.kind === 'none')) {
    return failWith([diagnose('NEW_NOT_APPLICABLE', { cohort: row.cohort, action: options.action === 'close' ? 'close' : 'reopen', value: from })], styler);
  }
  const to: CellValue = on.date ? { kind: 'date', date: on.date } : { kind: 'none' };
  const timeline = on.date ? timelineEndingOn(on.date) : timelineFrom(issued.date ?? options.today);
  const id = options.id ?? `mdust-${options.action}-${cohortSlug(row.cohort)}`;
  // A cohort named without letters or digits gives no id of its own.
  if (!AMENDMENT_ID_PATTERN.test(id)) return failWith([diagnose('ARGUMENT_INVALID', { option: '--id', value: '', expected: `${ID_EXPECTED}; the cohort ${JSON.stringify(row.cohort)} gives none, so pass one` })], styler);
  return writeDraft(history.value, options, {
    id,
    sequence: nextSequence(history.value),
    changes: [{ action: options.action, cohort: row.cohort, groupId: row.groupId, from, to }],
    timeline,
  });
}
