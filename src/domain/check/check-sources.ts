import type { Amendment } from '../model/amendment.js';
import {
  checkAmendmentFile,
  checkTableFile,
  readDepartmentsRecalled,
  readLockRecalled,
  type FileMemo,
  type SourceText,
} from './file-rules.js';
import { checkSequence } from './sequence-rules.js';
import type { Diagnostic, DiagnosticCode } from '../model/diagnostics.js';
import { findingsOf } from '../model/result.js';
import {
  checkCorrectionLock,
  checkLock,
  EMPTY_LOCK,
  locateLockEntry,
  type AmendmentLock,
  type HashText,
} from '../history/amendment-lock.js';
import type { TableInput } from '../model/table.js';
import type { ConsultationResponse } from '../model/response.js';
import { checkResponseAgainst, checkResponseFile } from './response-rules.js';
import { checkNarratives } from './narrative-rules.js';
import { checkCorrections, foldCorrections, parseCorrection, type Correction } from '../history/corrections.js';
import { amendmentAsConcluded, type Conclusion } from '../model/conclusion.js';
import type { IsoDate } from '../model/dates.js';
import { checkConclusionFile, checkConclusionsAgainst, checkLifecycle } from './conclusion-rules.js';

export type { SourceText } from './file-rules.js';

/**
 * The rules `mtad check` applies, in the order it applies them: reading, schema, the table, each
 * amendment, the whole sequence, the lock of made amendments. Findings that stop a check before
 * any rule (a missing file, an unwritable output) are errors with exit status 2, not rules.
 */
export const CHECK_RULES: readonly DiagnosticCode[] = [
  'FILE_NOT_TEXT',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'YAML_SYNTAX',
  'YAML_DUPLICATE_KEY',
  'YAML_ALIAS_LIMIT',
  'YAML_FORBIDDEN_KEY',
  'SCHEMA_UNKNOWN_KEY',
  'SCHEMA_MISSING_FIELD',
  'SCHEMA_WRONG_TYPE',
  'SCHEMA_INVALID_VALUE',
  'DATE_INVALID',
  'TIME_INVALID',
  'CELL_VALUE_OR_UNKNOWN',
  'VALUE_INVALID',
  'COHORT_DUPLICATE',
  'GROUPID_DUPLICATE',
  'VALUE_UNKNOWN',
  'AMENDMENT_ID_FILENAME',
  'CHANGE_ACTION_MISMATCH',
  'CHANGE_TARGET_REPEATED',
  'TIMELINE_ORDER',
  'TIMELINE_WINDOW',
  'NON_WORKING_DAY',
  'WEEKDAY_MISMATCH',
  'PROSE_DATE_INVALID',
  'PROSE_DATE_MISMATCH',
  'AMENDMENT_ID_DUPLICATE',
  'SEQUENCE_DUPLICATE',
  'SEQUENCE_DATE_ORDER',
  'APPLIED_UNKNOWN',
  'APPLIED_OUT_OF_ORDER',
  'APPLIED_NOT_REFLECTED',
  'COHORT_UNKNOWN',
  'GROUPID_MISMATCH',
  'PRECONDITION_FAILED',
  'LOCK_MISSING',
  'LOCK_MISMATCH',
  'LOCK_STALE',
  // Corrections of a value (mtad correct)
  'CORRECTION_TARGET',
  'CORRECTION_NOT_REFLECTED',
  // Hostile input, and text that hides what it says
  'YAML_SIZE_LIMIT',
  'TEXT_HIDDEN_CHARACTER',
  'TEXT_SPACE_AROUND',
  'COHORT_CONFUSABLE',
  // A value still tagged !todo (mtad new) is reported by check, so it is a rule
  'FIELD_TO_DECIDE',
  // Dates out of range and values shared through YAML anchors
  'DATE_OUT_OF_RANGE',
  'YAML_SHARED_VALUE',
  // Responses to a consultation
  'RESPONSE_AMENDMENT_UNKNOWN',
  'RESPONSE_QUESTION_UNKNOWN',
  'RESPONSE_QUESTION_REPEATED',
  'RESPONSE_LATE',
  'RESPONSE_PASSAGE_NOT_FOUND',
  'RESPONSE_MARK_WITHOUT_PART',
  'RESPONSE_NO_RESPONDENT',
  // The narrative of a consultation, against its amendment and the table
  'NARRATIVE_TODO',
  'NARRATIVE_PLACEHOLDER',
  'NARRATIVE_COHORT',
  'NARRATIVE_GROUP_ID',
  // The conclusion of a consultation, and the lifecycle of an amendment
  'CONCLUSION_FINAL_DECISION',
  'CONCLUSION_QUESTION_REPEATED',
  'CONCLUSION_AMENDMENT_UNKNOWN',
  'CONCLUSION_DUPLICATE',
  'CONCLUSION_BEFORE_DUE',
  'CONCLUSION_BEFORE_RESPONSE',
  'CONCLUSION_SENT_BEFORE_CONCLUDED',
  'CONCLUSION_DATE_MISMATCH',
  'CONCLUSION_RESPONSES',
  'CONCLUSION_QUESTION_UNKNOWN',
  'CONCLUSION_QUESTION_MISSING',
  'CONCLUSION_STATUS_MISMATCH',
  'CONCLUSION_AMENDMENT_DISAGREES',
  'CONCLUSION_NOT_AS_PROPOSED',
  'CONCLUSION_CONFIDENTIAL',
  'CONCLUSION_FINAL_CHANGES',
  'CONCLUSION_OUTSIDE_WINDOW',
  'CONCLUSION_FINAL_ORDER',
  'CONCLUSION_MISSING',
  'MADE_BEFORE_MODIFICATION',
];

/** What a check reads: the table, the amendments, and the lock of made amendments. */
export interface CheckInput {
  table?: SourceText;
  amendments: readonly SourceText[];
  /** Responses to the amendments' consultations. */
  responses?: readonly SourceText[];
  /** The departments files (data/departments.yaml) among the files checked. */
  departments?: readonly SourceText[];
  /** The lock file's text; absent when there is no lock file yet. */
  lock?: SourceText;
  /** How the lock file is named in findings, whether or not it exists. */
  lockFile: string;
  hash: HashText;
  /** What earlier runs found in each file (a cache); the sequence and the lock are checked anew. */
  memo?: FileMemo;
  /** The narratives of consultations (consultations/<amendment id>.md beside the table). */
  narratives?: readonly SourceText[];
  /** The corrections of values (corrections/<id>.yaml beside the table). */
  corrections?: readonly SourceText[];
  /** The conclusions of consultations (conclusions/<amendment id>.yaml beside the table, or named). */
  conclusions?: readonly SourceText[];
  /** How the conclusion an amendment lacks is named in findings (conclusions/<id>.yaml beside the table). */
  conclusionFileOf?: (id: string) => string;
  /** The date the check is run for: a made amendment has reached its modification date by then. */
  today?: IsoDate;
}

/** What a check found, and what it read on the way (for --update-lock). */
export interface CheckResult {
  diagnostics: Diagnostic[];
  table?: TableInput;
  amendments: Amendment[];
  responses: ConsultationResponse[];
  conclusions: Conclusion[];
  /** True when every file passed its schema, so that the sequence and the lock were checked. */
  complete: boolean;
  lock?: AmendmentLock;
}

/**
 * Checks the table, the departments and the amendments: schema first, then the rules on each file, then the whole
 * sequence applied in order and the lock. The sequence is checked only when every file passed its
 * schema: a file that cannot be read would make the others fail for the wrong reason.
 */
export function checkSources(input: CheckInput): CheckResult {
  const diagnostics: Diagnostic[] = [];
  let table: TableInput | undefined;
  if (input.table) {
    const read = checkTableFile(input.table, input.memo);
    diagnostics.push(...read.findings);
    table = read.data;
  }
  for (const file of input.departments ?? [])
    diagnostics.push(...findingsOf(readDepartmentsRecalled(file, input.memo)));
  const amendments: Amendment[] = [];
  for (const file of input.amendments) {
    const read = checkAmendmentFile(file, input.hash, input.memo);
    diagnostics.push(...read.findings);
    if (read.data) amendments.push(read.data);
  }
  const corrections: Correction[] = [];
  for (const file of input.corrections ?? []) {
    const read = parseCorrection(file.text, file.file);
    diagnostics.push(...findingsOf(read));
    if (read.ok) corrections.push(read.value);
  }
  const responses: ConsultationResponse[] = [];
  for (const file of input.responses ?? []) {
    const read = checkResponseFile(file);
    diagnostics.push(...read.findings);
    if (read.data) responses.push(read.data);
  }
  const conclusions: Conclusion[] = [];
  for (const file of input.conclusions ?? []) {
    const read = checkConclusionFile(file);
    diagnostics.push(...read.findings);
    if (read.data) conclusions.push(read.data);
  }
  if (table) diagnostics.push(...checkNarratives(input.narratives ?? [], amendments, table.table, input.memo));
  // A response that does not read leaves the amendments' checks as they are: only the responses
  // that read are checked against the amendments, and only once every amendment reads.
  const complete =
    table !== undefined &&
    amendments.length === input.amendments.length &&
    corrections.length === (input.corrections ?? []).length;
  if (!complete || !table)
    return { diagnostics, ...(table && { table }), amendments, responses, conclusions, complete: false };

  // The table reflects an amendment as its conclusion made it: with the final values.
  const asMade = amendments.map((amendment) => {
    if (amendment.status !== 'concluded' && amendment.status !== 'made') return amendment;
    const conclusion = conclusions.find((c) => c.amendment === amendment.id);
    return (conclusion && amendmentAsConcluded(amendment, conclusion)) ?? amendment;
  });
  diagnostics.push(...sequenceWithCorrections(table, asMade, corrections));
  for (const response of responses) diagnostics.push(...checkResponseAgainst(response, amendments));
  // Responses are counted for a conclusion only when every response file read.
  const everyResponse = responses.length === (input.responses ?? []).length;
  diagnostics.push(
    ...checkConclusionsAgainst(conclusions, { amendments, ...(everyResponse && { responses }) }),
    // The lifecycle needs every conclusion: one that does not read is not one that is missing.
    ...(conclusions.length === (input.conclusions ?? []).length
      ? checkLifecycle(amendments, conclusions, {
          ...(input.today !== undefined && { today: input.today }),
          conclusionFileOf: input.conclusionFileOf ?? ((id) => `conclusions/${id}.yaml`),
        })
      : []),
  );
  let lock = EMPTY_LOCK;
  let locateEntry;
  if (input.lock) {
    const read = readLockRecalled(input.lock, input.memo);
    diagnostics.push(...findingsOf(read));
    if (!read.ok) return { diagnostics, table, amendments, responses, conclusions, complete: false };
    lock = read.value.lock;
    locateEntry = locateLockEntry(read.value);
  }
  diagnostics.push(
    ...checkLock(lock, amendments, input.hash, { file: input.lockFile, ...(locateEntry && { locateEntry }) }),
    ...checkCorrectionLock(lock, corrections, input.hash, { file: input.lockFile }),
  );
  return { diagnostics, table, amendments, responses, conclusions, complete: true, lock };
}

/**
 * The sequence checked as the history reads it: an end date a made amendment recorded as unknown
 * and a correction states is checked as the stated value. Where the table does not hold it, the
 * correction's rule says so (naming the correction), not also the amendment's.
 */
function sequenceWithCorrections(
  table: TableInput,
  amendments: readonly Amendment[],
  corrections: readonly Correction[],
): Diagnostic[] {
  if (corrections.length === 0) return checkSequence(table, amendments);
  const stated = new Set(
    corrections.flatMap((c) => (c.corrects === undefined ? [] : [`${c.corrects}\u0000${c.cohort}`])),
  );
  const sequence = checkSequence(table, foldCorrections(amendments, corrections)).filter(
    (d) => d.code !== 'APPLIED_NOT_REFLECTED' || !stated.has(`${d.args.id}\u0000${d.args.cohort}`),
  );
  return [...sequence, ...checkCorrections(table.table, table.source, amendments, corrections)];
}
