import { inSequence, type Amendment } from '../domain/model/amendment.js';
import { renderDirectionText } from '../domain/documents/amend-report.js';
import {
  conclusionReport,
  type ConclusionFacts,
  type ConclusionReport,
} from '../domain/documents/conclusion-values.js';
import { departmentOn, departmentValues, type Department } from '../domain/documents/department.js';
import { markRevisions, ukMidnight, type RevisionMark } from '../domain/documents/revision-marks.js';
import type { ResponseEntry } from '../domain/documents/response-summary.js';
import type { Audience } from '../domain/documents/response-views.js';
import { applyAmendments } from '../domain/history/apply.js';
import { tableWith } from '../domain/history/table-history.js';
import type { Diagnostic } from '../domain/model/diagnostics.js';
import type { Table } from '../domain/model/table.js';
import { findingsOf, succeed, type Result } from '../domain/model/result.js';
import { conclusionTitle, renderConclusionMarkdown, renderConclusionSkeleton } from '../render/conclusion-markdown.js';

/** What `mtad conclude` works from, gathered and checked by the CLI. */
export interface ConcludeInputs {
  /** The amendment as consulted on. */
  amendment: Amendment;
  conclusion: ConclusionFacts;
  /** The amendment as its conclusion makes it final (its final dates and annex); absent when withdrawn. */
  finalAmendment?: Amendment;
  /** The table as data/table-17.6.yaml holds it (which may reflect the amendment already). */
  table: Table;
  /**
   * Every amendment beside the table. With them, the table in force (the one the final changes
   * apply to) is computed from the history: `table` with exactly the amendments before this one in
   * sequence that are made, or that it reflects, applied. Without them, `table` is the table in force.
   */
  history?: readonly Amendment[];
  /** The responses to the consultation, as read from their files. */
  entries: readonly ResponseEntry[];
  audience: Audience;
  /** templates/conclusion.md and templates/direction.txt. */
  templates: { conclusion: string; direction: string };
  /** The departments over time (data/departments.yaml). */
  departments: readonly Department[];
  /** The instant the Word file is dated (SOURCE_DATE_EPOCH), instead of the conclusion's date. */
  created?: string;
}

/** What `mtad conclude` makes: the report, its Markdown (and skeleton for the other formats), or why none. */
export type ConcludePlan =
  | { kind: 'refused'; diagnostics: Diagnostic[] }
  | {
      kind: 'report';
      report: ConclusionReport;
      /** The Markdown with the line `[REDLINE]` where Attachment 3 goes, for the HTML and Word files. */
      skeleton: string;
      /** The Markdown file. */
      markdown: string;
      /** The document's title, for the HTML page and the Word file's properties. */
      title: string;
      markOf(cohort: string): RevisionMark;
      created: string;
    };

/**
 * The table the amendment's final changes apply to: the one in force just before it. An earlier
 * amendment that is made counts though `amend --write` has not written it into the table yet, and
 * the amendment itself, or a later one, does not count though the table reflects it: the report is
 * the same before and after the write.
 */
function tableInForce(inputs: ConcludeInputs): Result<Table> {
  const { table, history } = inputs;
  if (!history) return succeed(table);
  // The amendment as the history holds it (with its final values, when the caller gave them), so
  // that undoing it from a table that already reflects it undoes what was written.
  const amendment = history.find((a) => a.id === inputs.amendment.id) ?? inputs.amendment;
  const all = [...history.filter((a) => a.id !== amendment.id), amendment];
  const ordered = inSequence(all);
  const earlier = ordered
    .slice(0, ordered.indexOf(amendment))
    .filter((a) => a.status === 'made' || table.applied.includes(a.id));
  return tableWith(table, all, new Set(earlier.map((a) => a.id)));
}

/**
 * The conclusion report of one amendment for an audience. Unless it is withdrawn, its final form is
 * the amendment as the conclusion makes it: the final direction (every value filled in, as the
 * conclusion gives it) and the table in force with the final changes applied. A change that no
 * longer applies to the table in force, or a date no department covers, refuses the report.
 */
export function planConclude(inputs: ConcludeInputs): ConcludePlan {
  const { amendment, conclusion } = inputs;
  let final: Parameters<typeof conclusionReport>[0]['final'];
  let markOf = markRevisions([], [], { fallbackDate: conclusion.concluded });
  if (conclusion.decision !== 'withdraw') {
    if (!inputs.finalAmendment) throw new Error('planConclude: a conclusion that proceeds needs its final amendment');
    // The final direction is made by the one rule `mtad direction --final` follows: the amendment
    // must be recorded as concluded (or made), so that no report presents a final direction for a
    // proposal the data still holds open.
    const concluded = inputs.finalAmendment;
    const { modification } = concluded;
    const annex = modification.annex ?? '';
    const direction = renderDirectionText(concluded, inputs.templates.direction, 'final');
    if (!direction.ok) return { kind: 'refused', diagnostics: findingsOf(direction) };
    const inForce = tableInForce(inputs);
    if (!inForce.ok) return { kind: 'refused', diagnostics: findingsOf(inForce) };
    const application = applyAmendments(inForce.value, [concluded]);
    if (!application.ok) return { kind: 'refused', diagnostics: findingsOf(application) };
    const date = typeof modification.date === 'string' ? modification.date : conclusion.concluded;
    final = { direction: direction.value, application: application.value, modification: { date, annex } };
    // The tracked changes are the conclusion's: signed as the consultation's, dated the day it concluded.
    const signed = markRevisions(application.value.changes, [concluded], { fallbackDate: conclusion.concluded });
    markOf = (cohort) => ({ ...signed(cohort), date: ukMidnight(conclusion.concluded) });
  }
  const department = departmentValues(inputs.departments, conclusion.sentToDepartment, {
    id: amendment.id,
    document: 'conclusion-report',
  });
  const named = departmentOn(inputs.departments, conclusion.sentToDepartment);
  if (!named) return { kind: 'refused', diagnostics: findingsOf(department) };
  const report = conclusionReport({
    amendment,
    conclusion,
    entries: inputs.entries,
    audience: inputs.audience,
    ...(final && { final }),
  });
  const skeleton = renderConclusionSkeleton(inputs.templates.conclusion, report, {
    department: { name: named.name, abbreviation: named.abbreviation },
    tableNumber: inputs.table.number,
    contact: amendment.consultation.contact ?? '',
  });
  if (!skeleton.ok) return { kind: 'refused', diagnostics: findingsOf(skeleton) };
  return {
    kind: 'report',
    report,
    skeleton: skeleton.value,
    markdown: renderConclusionMarkdown(skeleton.value, report),
    title: conclusionTitle(report, inputs.audience),
    markOf,
    created: inputs.created ?? ukMidnight(conclusion.concluded),
  };
}
