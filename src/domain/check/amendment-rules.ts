import { knownDate, type Amendment } from '../model/amendment.js';
import { checkProseDates, checkQuestionDates } from './prose-rules.js';
import { checkText } from './text-rules.js';
import { GROUP_ID } from './table-rules.js';
import { compareDates, withWindow, type DatedWindow, type IsoDate } from '../model/dates.js';
import { diagnose, type Diagnostic, type Milestone, type MilestoneKind } from '../model/diagnostics.js';
import { nonWorkingReason } from '../model/working-days.js';
import { mayHoldProseDates, textNodesOf } from './prose-dates.js';
import type { YamlPath } from '../parse/yaml-source.js';

/** The rules on one amendment file, read on its own. */
export function checkAmendmentRules(amendment: Amendment): Diagnostic[] {
  // The rules below read only the values that hold dates: most files hold none in prose.
  const nodes = mayHoldProseDates(amendment.origin.text) ? textNodesOf(amendment.origin) : [];
  return [
    ...checkFileName(amendment),
    ...checkChanges(amendment),
    ...checkRepeatedTargets(amendment),
    ...checkMadeRecord(amendment),
    ...checkTimeline(amendment),
    ...checkProseDates(amendment.origin, nodes),
    ...checkQuestionDates(amendment, nodes),
    ...checkText(amendment.origin),
  ];
}

/** An amendment is found by id as ID.yaml: its file must be named so. Input with no file name is let be. */
function checkFileName(amendment: Amendment): Diagnostic[] {
  const name = /([^/\\]+)\.ya?ml$/.exec(amendment.origin.file)?.[1];
  if (name === undefined || name === amendment.id) return [];
  return [
    diagnose(
      'AMENDMENT_ID_FILENAME',
      { id: amendment.id, expected: `${amendment.id}.yaml` },
      amendment.origin.locate(['id']),
    ),
  ];
}

function checkChanges(amendment: Amendment): Diagnostic[] {
  return amendment.changes.flatMap((change) => {
    const at = (key: string) => amendment.origin.locate(['changes', change.index, key]);
    const found: Diagnostic[] = [];
    const removes = change.to.kind === 'none';
    if ((change.action === 'close') === removes)
      found.push(diagnose('CHANGE_ACTION_MISMATCH', { action: change.action, to: change.to }, at('to')));
    if (change.groupId !== undefined && change.groupId !== 'unknown' && !GROUP_ID.test(change.groupId)) {
      found.push(
        diagnose(
          'VALUE_INVALID',
          { field: 'groupId', value: change.groupId, expected: 'letters and digits only, e.g. "DA"' },
          at('groupId'),
        ),
      );
    }
    return found;
  });
}

/**
 * A made amendment says when its consultation concluded: as a date, or as unknown with the reason
 * (and, where it can, the bounds). Without it the history would show a made amendment's conclusion
 * as still expected, and once `amend --write` locks the amendment it could never be added.
 */
export function checkMadeRecord(amendment: Amendment): Diagnostic[] {
  if (amendment.status !== 'made' || amendment.consultation.concluded !== undefined) return [];
  return [
    diagnose(
      'SCHEMA_MISSING_FIELD',
      {
        field: 'consultation.concluded',
        expected:
          'the date the consultation concluded, as a made amendment records it (or unknown: with the reason ' +
          'it is not known)',
      },
      amendment.origin.locate(['consultation']),
    ),
  ];
}

/**
 * Each change of one amendment targets its own cell: a close and a re-opening of the same cohort
 * in one amendment would leave the table as it was while the redline, the direction and the pack
 * speak of a closure. Each is an amendment of its own.
 */
function checkRepeatedTargets(amendment: Amendment): Diagnostic[] {
  const first = new Map<string, number>();
  return amendment.changes.flatMap((change) => {
    const key = JSON.stringify([change.cohort, change.field]);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, change.index);
      return [];
    }
    return [
      diagnose(
        'CHANGE_TARGET_REPEATED',
        { cohort: change.cohort, field: change.field, change: change.index + 1, earlier: earlier + 1 },
        amendment.origin.locate(['changes', change.index, 'cohort']),
      ),
    ];
  });
}

/** One step of an amendment's lifecycle, when its date is known. */
interface Step {
  stage: number;
  milestone: Milestone;
  path: YamlPath;
}

/**
 * issued < responses due < conclusion <= modification date <= end date. Whether each step must be
 * strictly after the one before it; index i is the link from stage i-1 to stage i.
 */
const STRICTLY_AFTER = [false, true, true, false, false];

function stepsOf(amendment: Amendment): Step[] {
  const { consultation, modification } = amendment;
  const steps: Step[] = [];
  const add = (
    stage: number,
    milestone: MilestoneKind,
    path: YamlPath,
    date: IsoDate | undefined,
    months?: number,
    cohort?: string,
  ) => {
    if (date !== undefined)
      steps.push({
        stage,
        path,
        milestone: { milestone, ...withWindow(date, months), ...(cohort !== undefined && { cohort }) },
      });
  };
  add(0, 'issued', ['consultation', 'issued'], knownDate(consultation.issued));
  add(1, 'responses-due', ['consultation', 'responsesDue', 'date'], consultation.responsesDue?.date);
  const concluded = knownDate(consultation.concluded);
  if (concluded) add(2, 'concluded', ['consultation', 'concluded'], concluded);
  else add(2, 'expected-conclusion', ['consultation', 'expectedConclusion'], consultation.expectedConclusion);
  add(3, 'modification', ['modification', 'date'], knownDate(modification.date), modification.windowMonths);
  for (const change of amendment.changes) {
    if (change.action === 'close' && change.to.kind === 'date') {
      add(4, 'end-date', ['changes', change.index, 'to'], change.to.date, change.windowMonths, change.cohort);
    }
  }
  return steps;
}

/**
 * Each known date against the latest known date of an earlier stage: an unknown date is skipped,
 * never an error. Windows ("within one month thereafter") are computed and shown in the message.
 */
function checkTimeline(amendment: Amendment): Diagnostic[] {
  const steps = stepsOf(amendment);
  const found: Diagnostic[] = [];
  for (const later of steps) {
    const earlier = steps.filter((m) => m.stage < later.stage).sort((a, b) => b.stage - a.stage)[0];
    if (!earlier) continue;
    const strict = STRICTLY_AFTER.slice(earlier.stage + 1, later.stage + 1).some(Boolean);
    const order = compareDates(later.milestone.date, earlier.milestone.date);
    if (order < 0 || (strict && order === 0)) {
      found.push(
        diagnose(
          'TIMELINE_ORDER',
          { earlier: earlier.milestone, later: later.milestone, relation: strict ? 'after' : 'on or after' },
          amendment.origin.locate(later.path),
        ),
      );
    }
  }
  return [...found, ...checkWindows(amendment, steps), ...checkWorkingDays(amendment, steps)];
}

/** Responses, the conclusion and the modification fall on working days, as DCC's own dates do. */
function checkWorkingDays(amendment: Amendment, steps: readonly Step[]): Diagnostic[] {
  return steps.flatMap(({ milestone: { milestone, date }, path }) => {
    if (milestone === 'issued' || milestone === 'end-date') return [];
    const reason = nonWorkingReason(date);
    if (reason === undefined) return [];
    return [diagnose('NON_WORKING_DAY', { milestone, date, reason }, amendment.origin.locate(path))];
  });
}

/** The modification may slip within its window; it must not slip past the end date's own window. */
function checkWindows(amendment: Amendment, steps: readonly Step[]): Diagnostic[] {
  const modification = steps.find((m) => m.stage === 3)?.milestone;
  if (!modification?.window) return [];
  return amendment.changes.flatMap((change) => {
    const end = steps.find((m) => m.stage === 4 && m.path[1] === change.index)?.milestone;
    if (!end || compareDates(end.date, modification.date) < 0) return [];
    const latestEnd = end.window ? end.window.until : end.date;
    if (compareDates(modification.window?.until ?? modification.date, latestEnd) <= 0) return [];
    return [
      diagnose(
        'TIMELINE_WINDOW',
        { modification: withWindowOf(modification), end: withWindowOf(end), cohort: change.cohort },
        amendment.origin.locate(['modification', 'windowMonths']),
      ),
    ];
  });
}

/** The date and its window alone, without the stage it marks. */
const withWindowOf = ({ date, window }: DatedWindow): DatedWindow => ({ date, ...(window && { window }) });
