import { formatDateWithWeekday, type IsoDate } from '../domain/model/dates.js';
import type { Diagnostic } from '../domain/model/diagnostics.js';
import type { Timeline } from '../domain/documents/draft-amendment.js';
import { formatLocation } from './diagnostics.js';

/** A proposed date of a drafted amendment's timeline, with what should make the drafter review it. */
export interface DraftStep {
  step: keyof Timeline;
  date: IsoDate;
  /** Why the date is not a working day in England and Wales ("a Saturday", a bank holiday's name). */
  holiday?: string;
  /** Before today. */
  past: boolean;
}

/** What `mtad new` and `mtad revert` drafted: the files written (as shown), the timeline, what is left to decide. */
export interface DraftReport {
  file: string;
  title: string;
  sequence: number;
  /** A closure's narrative: written from the scaffold, or kept as it was found. */
  narrative?: { file: string; written: boolean };
  timeline: readonly DraftStep[];
  /** The fields the draft leaves to decide (FIELD_TO_DECIDE), where they are. */
  toDecide: readonly Diagnostic[];
}

/** How each step of the timeline is named in the report. */
const STEPS: Record<keyof Timeline, string> = {
  issued: 'issued',
  responsesDue: 'responses due (16:00)',
  expectedConclusion: 'expected conclusion',
  modification: 'modification',
  endDate: 'end date (last day)',
};

function stepLine({ step, date, holiday, past }: DraftStep): string {
  const notes = [holiday !== undefined && `not a working day (${holiday})`, past && 'already past'].filter(Boolean);
  const review = notes.length ? `  <- ${notes.join(', ')}: review it` : '';
  return `  ${STEPS[step].padEnd(22)} ${formatDateWithWeekday(date)}${review}`;
}

/** What a drafted amendment's command prints once the files are written. */
export function renderDraftReport(report: DraftReport): string {
  const { narrative } = report;
  const toDecide = report.toDecide.map((d) => `  ${formatLocation(d)}  ${'field' in d.args ? d.args.field : d.code}`);
  return [
    `Wrote ${report.file}: ${report.title} (sequence ${report.sequence}, proposed).`,
    ...(narrative === undefined
      ? []
      : narrative.written
        ? [`Wrote ${narrative.file}: the narrative of its consultation, to write where it says !todo (NARRATIVE_TODO).`]
        : [`Kept ${narrative.file}: a narrative is already there.`]),
    '',
    "Proposed timeline, from the reference consultation's intervals:",
    ...report.timeline.map(stepLine),
    '',
    `To decide before mtad check and mtad amend accept it (tagged !todo, FIELD_TO_DECIDE): ${toDecide.length}`,
    ...toDecide,
    '',
  ].join('\n');
}
