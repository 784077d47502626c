import { knownDate, type Amendment } from '../model/amendment.js';
import { formatDateWithWeekday, formatLongDate, MONTHS, type IsoDate } from '../model/dates.js';
import { diagnose, type Diagnostic } from '../model/diagnostics.js';
import type { Table } from '../model/table.js';
import type { NarrativeFrontMatter } from '../parse/schema.js';
import { fail, findingsOf, succeed, type Result } from '../model/result.js';
import type { Department } from './department.js';
import { responseTemplateValues } from './response-template-values.js';
import type { TemplateValues } from './template.js';

/** What the consultation document of an amendment is made from, besides its templates. */
export interface ConsultationContext {
  /** The table as the amendments before this one leave it: which cohorts are still open. */
  tableBefore: Table;
  /** The amendments before this one, in their order of application. */
  earlier: readonly Amendment[];
  frontMatter: NarrativeFrontMatter;
  /** The departments over time: the consultation names the one of its issue date. */
  departments: readonly Department[];
}

const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** "one month", "two months": a window as the reference writes it. */
function monthsInWords(months: number): string {
  return `${NUMBER_WORDS[months - 1] ?? String(months)} month${months === 1 ? '' : 's'}`;
}

/** The noun that follows a list of `count` cohorts: "the FOC (NP) cohort", "the IOC and MOC (MDS) cohorts". */
function cohortNoun(count: number): string {
  return count === 1 ? 'cohort' : 'cohorts';
}

/** "A and B"; with three or more, "A, B, and C", as the reference lists the cohorts closed before. */
function listNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}`;
}

/** "May 2022": the month a date falls in, or the one month its bounds both fall in. */
function monthOf(date: Amendment['consultation']['concluded']): string | undefined {
  const month = (iso: IsoDate) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
  const known = knownDate(date);
  if (known) return month(known);
  if (typeof date === 'object' && date.notBefore && date.notAfter && month(date.notBefore) === month(date.notAfter))
    return month(date.notBefore);
  return undefined;
}

/** A cohort with its GroupID when the table knows it: `FOC (BG) where GroupID = "EA"`. */
function cohortWithGroupId(table: Table, cohort: string): string {
  const row = table.cohorts.find((r) => r.cohort === cohort);
  return row?.groupId.kind === 'text' ? `${cohort} where GroupID = "${row.groupId.text}"` : cohort;
}

/**
 * The values of the consultation document: those of the response template, the cover, the
 * proposal's cohort and dates, the earlier closures (`closure1.month`, `closure1.cohorts`,
 * `closure1.link`...), the cohorts still open, and the department. A value the document needs and
 * the data does not hold is named (PACK_FIELD_MISSING).
 */
export function consultationValues(amendment: Amendment, context: ConsultationContext): Result<TemplateValues> {
  const response = responseTemplateValues(amendment, context.departments);
  const { consultation, modification, origin: source } = amendment;
  const diagnostics: Diagnostic[] = [...findingsOf(response)];
  const missing = (field: string, path: readonly (string | number)[]) =>
    diagnostics.push(
      diagnose('PACK_FIELD_MISSING', { field, id: amendment.id, document: 'consultation' }, source.locate(path)),
    );
  const issued = knownDate(consultation.issued);
  if (!issued) missing('consultation.issued', ['consultation', 'issued']);
  if (!consultation.summary) missing('consultation.summary', ['consultation']);
  if (!consultation.expectedConclusion) missing('consultation.expectedConclusion', ['consultation']);
  if (!consultation.author) missing('consultation.author', ['consultation']);
  if (!consultation.classification) missing('consultation.classification', ['consultation']);
  const modificationDate = knownDate(modification.date);
  if (!modificationDate) missing('modification.date', ['modification', 'date']);
  if (!amendment.legalBasis) missing('legalBasis', []);
  const [change] = amendment.changes;
  const endDate = amendment.changes.find((c) => c.to.kind === 'date')?.to;
  const close = amendment.changes.every((c) => c.action === 'close');
  if (close && endDate?.kind !== 'date') missing('changes.to (a date)', ['changes']);
  const row = change && context.tableBefore.cohorts.find((r) => r.cohort === change.cohort);
  if (change && row?.groupId.kind !== 'text') missing(`the GroupID of ${change.cohort}`, ['changes', 0, 'cohort']);

  const closures = context.earlier.filter(
    (a) => a.status !== 'withdrawn' && a.changes.length > 0 && a.changes.every((c) => c.action === 'close'),
  );
  const closureValues: Record<string, string> = {};
  closures.forEach((earlier, i) => {
    const month = monthOf(earlier.consultation.concluded);
    const link = earlier.consultation.url;
    const prefix = `closure${i + 1}`;
    closureValues[`${prefix}.cohorts`] = listNames(earlier.changes.map((c) => c.cohort));
    closureValues[`${prefix}.cohortsNoun`] = cohortNoun(earlier.changes.length);
    if (month) closureValues[`${prefix}.month`] = month;
    if (link) closureValues[`${prefix}.link`] = link;
  });
  const cohorts = amendment.changes.map((c) => c.cohort);
  const open = context.tableBefore.cohorts.filter((r) => r.endDate.kind === 'none').map((r) => r.cohort);
  const closed = closures.flatMap((a) => a.changes.map((c) => c.cohort));
  const remaining = open.filter((c) => !cohorts.includes(c));

  if (
    diagnostics.length > 0 ||
    !response.ok ||
    !issued ||
    !consultation.summary ||
    !consultation.expectedConclusion ||
    !consultation.author ||
    !consultation.classification ||
    !modificationDate ||
    !amendment.legalBasis ||
    row?.groupId.kind !== 'text'
  )
    return fail(diagnostics);
  const { responsesDue } = consultation;
  const questions = response.value.questions;
  const asked = Array.isArray(questions) ? (questions as readonly TemplateValues[]) : [];
  return succeed({
    ...response.value,
    ...closureValues,
    close,
    summary: consultation.summary,
    issued: formatLongDate(issued),
    // The cover and section 4 write the deadline without its weekday: "16:00 on 13 January 2023".
    respondBy: responsesDue ? `${responsesDue.time} on ${formatLongDate(responsesDue.date)}` : '',
    expectedConclusion: formatLongDate(consultation.expectedConclusion),
    author: consultation.author,
    classification: consultation.classification,
    cohort: listNames(cohorts),
    cohortNoun: cohortNoun(cohorts.length),
    groupId: row.groupId.text,
    endDate: endDate?.kind === 'date' ? formatLongDate(endDate.date) : '',
    endDateWithWeekday: endDate?.kind === 'date' ? formatDateWithWeekday(endDate.date) : '',
    modificationDate: formatLongDate(modificationDate),
    modificationWindow: monthsInWords(modification.windowMonths ?? 1),
    clause: amendment.legalBasis.clause,
    appendix: amendment.legalBasis.appendix,
    tableNumber: context.tableBefore.number,
    openCohorts: listNames(open),
    openCohortsNoun: cohortNoun(open.length),
    closedCohorts: listNames(closed),
    closedCohortsNoun: cohortNoun(closed.length),
    remainingCohorts: listNames(remaining.map((c) => cohortWithGroupId(context.tableBefore, c))),
    remainingCohortsNoun: cohortNoun(remaining.length),
    redlineAttachment: context.frontMatter.redlineAttachment,
    // As in the reference: the questions on the proposal after it, the last (on the modification
    // date) after Next Steps.
    proposalQuestions: asked.slice(0, -1),
    nextStepsQuestions: asked.slice(-1),
  });
}
