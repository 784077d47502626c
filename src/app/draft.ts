import { readAmendment, type Amendment } from '../domain/model/amendment.js';
import type { IsoDate } from '../domain/model/dates.js';
import { nonWorkingReason } from '../domain/model/working-days.js';
import type { Department } from '../domain/parse/departments.js';
import { diagnose, type Diagnostic, type DiagnosticArgs, type Location } from '../domain/model/diagnostics.js';
import { fail, findingsOf, succeed, type Result } from '../domain/model/result.js';
import {
  draftAmendmentText,
  nextSequence,
  type DraftChange,
  type Timeline,
} from '../domain/documents/draft-amendment.js';
import { readTemplateSections } from '../domain/documents/template.js';
import { issuedAfter } from '../domain/check/sequence-rules.js';
import { renderDraftReport, type DraftStep } from '../render/draft-report.js';
import type { PlannedWrite } from './writes.js';

/** The amendments beside the table that a draft must not collide with: complete ones and drafts. */
export interface DraftHistory {
  amendments: readonly Amendment[];
  drafts: readonly { amendment: Amendment }[];
}

/** What writing a drafted amendment works from, gathered by the CLI. */
export interface DraftInputs {
  /** Today (Europe/London), to flag proposed dates already past. */
  today: IsoDate;
  force: boolean;
  /** Print the draft instead of writing it. */
  stdout: boolean;
  /** templates/new-amendment.txt. */
  wording: Result<string>;
  /** The departments over time: the draft's wording may name the one of its issue date. */
  departments: Result<Department[]>;
  /** The ids the lock of made amendments records (none when there is no lock), and how it is named. */
  lock: Result<{ ids: ReadonlySet<string>; shown: string }>;
  /** Where the file of the amendment with this id is written, and how it is named. */
  place: (id: string) => { path: string; shown: string };
  /**
   * A closure's: the scaffold of its consultation's narrative (templates/narrative.md), and where
   * the narrative of the amendment with this id goes, and whether one is there already.
   */
  narrative?: {
    scaffold: Result<string>;
    place: (id: string) => { path: string; shown: string; exists: boolean };
  };
}

/** What a drafted amendment is: the changes, the timeline, the id, and the amendment it reverses. */
export interface DraftProposal {
  id: string;
  changes: DraftChange[];
  timeline: Timeline;
  reverts?: string;
  /** The option the timeline was counted from, and its value (given or default), to name in a refusal. */
  from: { option: string; value: IsoDate };
}

/** What `mtad new` and `mtad revert` do: print `report` once `writes` (none with --stdout) are made. */
export type DraftPlan =
  | { kind: 'refused'; diagnostics: Diagnostic[]; /** 2 when the refusal is of a command-line value. */ exitCode?: 2 }
  | { kind: 'report'; report: string; writes: PlannedWrite[] };

/** The timeline's dates in their order, each with what should make the drafter review it. */
function timelineSteps(timeline: Timeline, today: IsoDate): DraftStep[] {
  const steps = ['issued', 'responsesDue', 'expectedConclusion', 'modification', 'endDate'] as const;
  return steps.flatMap((step) => {
    const date = timeline[step];
    if (!date) return [];
    const holiday = nonWorkingReason(date);
    return [{ step, date, ...(holiday !== undefined && { holiday }), past: date < today }];
  });
}

/**
 * A drafted amendment for the amendments folder (never over an existing file without --force,
 * never over a made amendment, never with an id another file has), or the text to print with
 * --stdout. It takes the next sequence number. The draft is read back first: it must have no
 * finding but its fields to decide.
 */
export function planDraft(history: DraftHistory, proposal: DraftProposal, inputs: DraftInputs): DraftPlan {
  // One after every amendment and draft in the folder. The CLI holds the write lock while it
  // gathers and writes, so that two drafts at once cannot take the same number.
  const all = [...history.amendments, ...history.drafts.map((d) => d.amendment)];
  const { from, ...proposed } = proposal;
  const draft = { ...proposed, sequence: nextSequence(all) };
  // Numbered after every amendment, the draft must not be issued before any of them (what
  // `mtad check` holds the folder to: SEQUENCE_DATE_ORDER).
  const earlier = issuedAfter(all, draft.sequence, draft.timeline.issued);
  if (earlier)
    return {
      kind: 'refused',
      diagnostics: [
        diagnose('DRAFT_ISSUED_BEFORE_EARLIER', {
          ...from,
          sequence: draft.sequence,
          issued: draft.timeline.issued,
          earlier,
        }),
      ],
    };
  if (!inputs.wording.ok) return { kind: 'refused', diagnostics: findingsOf(inputs.wording) };
  if (!inputs.departments.ok) return { kind: 'refused', diagnostics: findingsOf(inputs.departments) };
  const text = draftAmendmentText({
    ...draft,
    wording: readTemplateSections(inputs.wording.value),
    departments: inputs.departments.value,
  });
  if (!text.ok) return { kind: 'refused', diagnostics: findingsOf(text) };

  const { path, shown } = inputs.place(draft.id);
  // A draft holds decisions still to take (FIELD_TO_DECIDE, errors until taken): it is read back
  // as the check reads it, whole, with those findings.
  const readBack = readAmendment(text.value, shown);
  const drafted = readBack.data;
  const unexpected = readBack.findings.filter((d) => d.code !== 'FIELD_TO_DECIDE');
  if (!drafted || unexpected.length > 0)
    throw new Error(`mtad drafted an amendment it cannot read back: ${JSON.stringify(unexpected)}`);
  const target = draftTarget(history, draft.id, shown, inputs.lock);
  if (!target.ok) return { kind: 'refused', diagnostics: findingsOf(target) };
  if (inputs.stdout) return { kind: 'report', report: text.value, writes: [] };
  const scaffold = inputs.narrative?.scaffold;
  if (scaffold && !scaffold.ok) return { kind: 'refused', diagnostics: findingsOf(scaffold) };
  const narrative = inputs.narrative?.place(draft.id);

  // With --force, the file is replaced only if it still holds what was read (and checked) above.
  const expectation = !inputs.force
    ? 'absent'
    : target.value.replaces !== undefined
      ? { text: target.value.replaces }
      : 'any';
  return {
    kind: 'report',
    writes: [
      { path, text: text.value, expectation, shown },
      // A narrative already written is a person's work and is never replaced.
      ...(narrative && !narrative.exists && scaffold?.ok
        ? [{ path: narrative.path, text: scaffold.value, expectation: 'absent' as const, shown: narrative.shown }]
        : []),
    ],
    report: renderDraftReport({
      file: shown,
      title: drafted.title,
      sequence: draft.sequence,
      ...(narrative && { narrative: { file: narrative.shown, written: !narrative.exists } }),
      timeline: timelineSteps(draft.timeline, inputs.today),
      toDecide: readBack.findings,
    }),
  };
}

/**
 * Whether a draft with `id` may be written to the file shown as `shown`, and the text it replaces
 * there. Refused: an id another amendment file already has (AMENDMENT_ID_DUPLICATE); replacing a
 * file that holds a made amendment, or one the lock records, even with --force
 * (AMENDMENT_MADE_PROTECTED), since a made amendment is immutable. With --stdout nothing is
 * replaced, but the id of a made amendment is still refused: the printed file is meant to be saved.
 */
function draftTarget(
  history: DraftHistory,
  id: string,
  shown: string,
  lock: DraftInputs['lock'],
): Result<{ replaces?: string }> {
  const all: Amendment[] = [...history.amendments, ...history.drafts.map((d) => d.amendment)];
  const inFile = all.find((a) => a.origin.file === shown);
  const elsewhere = all.find((a) => a.id === id && a.origin.file !== shown);
  if (elsewhere)
    return fail([
      diagnose('AMENDMENT_ID_DUPLICATE', { id, other: elsewhere.origin.file }, elsewhere.origin.locate(['id'])),
    ]);

  if (!lock.ok) return lock;
  const { ids, shown: lockShown } = lock.value;
  const refuse = (made: DiagnosticArgs['AMENDMENT_MADE_PROTECTED'], at: Location): Result<{ replaces?: string }> =>
    fail([diagnose('AMENDMENT_MADE_PROTECTED', made, at)]);
  if (inFile?.status === 'made')
    return refuse({ id: inFile.id, file: shown, made: { by: 'status' } }, inFile.origin.locate(['status']));
  if (inFile && ids.has(inFile.id))
    return refuse(
      { id: inFile.id, file: shown, made: { by: 'lock', lockFile: lockShown } },
      inFile.origin.locate(['id']),
    );
  // A made amendment whose file has gone (LOCK_STALE) keeps its id: a new file must not take it.
  if (ids.has(id)) return refuse({ id, file: lockShown, made: { by: 'lock-file-gone' } }, { file: lockShown });
  return succeed(inFile ? { replaces: inFile.origin.text } : {});
}
