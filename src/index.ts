// The programmatic API of mtad: the pure core (read, check, apply, diff) and the renderers.
import { amendmentFileSchema as amendmentFile, tableFileSchema as tableFile } from './domain/parse/schema.js';

export { parseTable, normaliseTable, findCohort, COLUMN_KEYS } from './domain/model/table.js';
export type { Table, TableInput, CohortRow, ColumnKey } from './domain/model/table.js';
export { parseAmendment, normaliseAmendment, knownDate } from './domain/model/amendment.js';
export type { Amendment, Change, TimelineDate } from './domain/model/amendment.js';
export { applyAmendments } from './domain/history/apply.js';
export type { Application, AppliedChange } from './domain/history/apply.js';
export { diffTables, isChanged } from './domain/documents/redline.js';
export type { Redline, RedlineRow, RedlineCell, RowStatus } from './domain/documents/redline.js';
export { summariseAmendments } from './domain/documents/summary.js';
export type { AmendmentSummary, ChangeSummary } from './domain/documents/summary.js';
export { withWindow } from './domain/model/dates.js';
export type { DatedWindow } from './domain/model/dates.js';
export { buildAmendReport, renderDirectionText } from './domain/documents/amend-report.js';
export type { AmendReport, DirectionText } from './domain/documents/amend-report.js';
export { directionValues, DRAFT_ANNEX, DRAFT_DATE } from './domain/documents/direction-values.js';
export type { DirectionMode } from './domain/documents/direction-values.js';
export { fillTemplate } from './domain/documents/template.js';
export { diagnose, exitStatusOf, hasErrors, RULES } from './domain/model/diagnostics.js';
export { formatDiagnostic } from './render/diagnostic-messages.js';
export type { Diagnostic, DiagnosticCode, Severity, Location } from './domain/model/diagnostics.js';
export { findingsOf } from './domain/model/result.js';
export type { Result, Success, Failure } from './domain/model/result.js';
export {
  addCalendarMonths,
  formatDateWithWeekday,
  formatLongDate,
  isIsoDate,
  weekdayOf,
} from './domain/model/dates.js';
export type { IsoDate } from './domain/model/dates.js';
export { displayCell, sameCell } from './domain/model/cell-value.js';
export type { CellValue } from './domain/model/cell-value.js';
// The schemas themselves, as the API has always given them. mtad builds its own on first use, so that
// a command pays at start-up only for those it validates with; a user who imports them uses them.
export const tableFileSchema = tableFile();
export const amendmentFileSchema = amendmentFile();
export { REPORT_FORMATS } from './render/report.js';
export type { ReportOptions } from './render/report.js';
export type { ReportFormat } from './render/report-formats.js';
export { createStyler, plainStyler } from './render/style.js';
export type { Styler } from './render/style.js';
// The consultation pack. The Word renderers (src/render/pack.ts) are left out on purpose:
// they load docx, which the API's users should not pay for unless they import it themselves.
export { markRevisions, ukMidnight, DEFAULT_REVISION_AUTHOR } from './domain/documents/revision-marks.js';
export type { RevisionMark } from './domain/documents/revision-marks.js';
export { responseTemplateValues } from './domain/documents/response-template-values.js';
export { renderRedlineHtml } from './render/redline-html.js';
// The table over time
export {
  tableAsAt,
  tableAfter,
  tableWith,
  invertAmendment,
  effectOf,
  countsOn,
  providedOn,
  changesBetween,
} from './domain/history/table-history.js';
export type { Counted, Effect, Include, Provision, Standing, TableAtPoint } from './domain/history/table-history.js';
export { writeTableChanges, asAtAfterWriting } from './domain/history/table-write-back.js';
export {
  draftAmendmentText,
  timelineEndingOn,
  timelineFrom,
  REFERENCE_TIMELINE,
  REFERENCE_INTERVALS,
} from './domain/documents/draft-amendment.js';
export { estimateRestart, RESTART } from './domain/history/restart-estimate.js';
export { describeClosureEffect } from './domain/documents/closure-effect.js';
// mtad check and mtad schema
export { checkSources, CHECK_RULES } from './domain/check/check-sources.js';
export type { CheckInput, CheckResult, SourceText } from './domain/check/check-sources.js';
export {
  checkLock,
  recordMadeAmendments,
  fingerprintAmendment,
  parseLock,
  serialiseLock,
  EMPTY_LOCK,
} from './domain/history/amendment-lock.js';
export type { AmendmentLock, LockEntry, HashText } from './domain/history/amendment-lock.js';
export { findProseDates } from './domain/check/prose-dates.js';
export type { ProseDate } from './domain/check/prose-dates.js';
export { CHECK_FORMATS } from './render/check-formats.js';
export type { CheckFormat } from './render/check-format-names.js';
export type { CheckReport } from './render/check-report.js';
// The Word engine: Table 17.6 read from, and redlined into, the user's own .docx.
export { findTable, captionTitle } from './word/find-table.js';
export type { WordTable, WordCell, CellMerge, TableLocation, FindTableOptions } from './word/find-table.js';
export { mapColumns, headingKey, WORD_FIELDS } from './word/map-columns.js';
export type { ColumnMap, ColumnOverrides, ExtraColumn, WordField } from './word/map-columns.js';
export { redlineTable } from './word/redline-table.js';
export type { CellChange, RowInsertion, RowRemoval, TableChange, RedlineOptions } from './word/redline-table.js';
export { readDocumentProperties, documentVersion } from './word/properties.js';
export type { DocumentProperties } from './word/properties.js';
export { importWordTable, readEndDateText, readGroupIdText } from './word/import-table.js';
export type { DocumentOrigin, ImportOptions, ImportedTable } from './word/import-table.js';
export { compareWithDocument } from './word/compare-table.js';
export { redlineAmendments } from './word/redline-amendments.js';
export type { IntoOptions } from './word/redline-amendments.js';
