import type { DatedWindow, IsoDate } from './dates.js';
import type { CellValue } from './cell-value.js';

/**
 * Every finding mtad reports is data: a stable code, a severity, the arguments of its message and
 * where it points: dates as ISO dates, values as values, ids as ids. Words are made from codes in one
 * place, `formatDiagnostic` (src/render/diagnostic-messages.ts), so tests assert codes and a
 * drafter can reword a message without touching a rule.
 */

/**
 * A usage error found by commander, which parses the command line: its sentence as commander
 * words it (naming the option or argument, with its nearest suggestion), since commander gives
 * its findings as sentences, not as data.
 */
export interface CommanderSaid {
  commander: string;
}

/** Where a finding points: a file and, when known, a 1-based line and column and the YAML path. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
  path?: readonly (string | number)[];
}

/** The arguments each code's message takes. The keys of this map are the stable codes. */
export interface DiagnosticArgs {
  FILE_UNREADABLE: { reason: string };
  FILE_NOT_FOUND: { what: string; hint?: string };
  FILE_NOT_TEXT: { reason: string };
  YAML_SYNTAX: { reason: string };
  YAML_DUPLICATE_KEY: { key: string };
  YAML_ALIAS_LIMIT: { limit: number };
  SCHEMA_UNKNOWN_KEY: { key: string; suggestion?: string };
  SCHEMA_MISSING_FIELD: { field: string; expected: string };
  SCHEMA_WRONG_TYPE: { expected: string; received: string };
  SCHEMA_INVALID_VALUE: { allowed: string; received: string };
  DATE_INVALID: { value: string };
  TIME_INVALID: { value: string };
  CELL_VALUE_OR_UNKNOWN: { field: string };
  VALUE_INVALID: { field: string; value: string; expected: string };
  COHORT_UNKNOWN: { cohort: string; suggestion?: string };
  GROUPID_MISMATCH: { cohort: string; stated: string; table: string };
  PRECONDITION_FAILED: { cohort: string; field: 'endDate'; expected: CellValue; actual: CellValue; setBy?: string };
  AMENDMENT_ALREADY_APPLIED: { id: string };
  PACK_NOT_LATEST: { id: string; later: string[] };
  DIRECTION_FIELD_MISSING: { field: string; id: string };
  DIRECTION_NOT_CONCLUDED: { id: string; status: string };
  TEMPLATE_UNKNOWN_NAME: { names: string };
  // The consultation pack (mtad amend --out)
  /** `field`: a value the amendment lacks; `department`: the date no department in `departmentsFile` covers. */
  PACK_FIELD_MISSING:
    | { field: string; id: string; document: PackDocument }
    | { department: IsoDate; departmentsFile: string; id: string; document: PackDocument };
  OUT_EXISTS: { path: string };
  /** `reason`: the system's refusal, in words; `taken`: every numbered name of a response is taken. */
  OUT_UNWRITABLE: { path: string; reason: string } | { path: string; taken: number };
  OUT_PROTECTED: { path: string; relation: OutputRelation; other: string };
  PDF_CONVERTER_MISSING: { program: string; debianPackage: string };
  PDF_CONVERSION_FAILED: { file: string; reason: string };
  OUT_NOT_MTAD: {
    path: string;
    found: 'file' | 'symlink' | 'folder' | 'other';
    kind: 'pack' | 'cache' | 'response' | 'table' | 'report';
  };
  OUT_HOLDS_FOREIGN: { path: string; file: string; how: 'unlisted' | 'changed' };
  OUT_OTHER_PACK: {
    path: string;
    /** The command that would replace the pack, and the one that wrote it. */
    command: PackCommand;
    writtenBy: PackCommand;
    /** How many files the pack holds, and the first of them in code-unit order. */
    files: number;
    some: readonly string[];
  };
  OUT_OTHER_AUDIENCE: {
    path: string;
    command: PackCommand;
    /** Whom the pack to write is for, and whom the pack in the folder was written for. */
    audience: 'public' | 'department';
    writtenFor: 'public' | 'department';
    files: number;
    some: readonly string[];
  };
  // The table over time (history, --write, new, revert)
  FIELD_TO_DECIDE: { field: string };
  AMENDMENT_NOT_MADE: { id: string; status: string };
  AMENDMENT_WRITE_OUT_OF_ORDER: { id: string; earlier: string; status: string };
  FILE_CHANGED_ON_DISK: { what: string };
  FILE_EXISTS: { what: string };
  INIT_TARGET_EXISTS: { path: string };
  INIT_NOT_A_FOLDER: { path: string };
  NEW_NOT_APPLICABLE: { cohort: string; action: 'close' | 'reopen'; value: CellValue };
  DRAFT_ISSUED_BEFORE_EARLIER: {
    option: string;
    value: IsoDate;
    sequence: number;
    issued: IsoDate;
    earlier: AmendmentIssue;
  };
  HISTORY_AMENDMENT_MISSING: { id: string };
  ARGUMENT_INVALID: { option: string; value: string; expected: ExpectedValue } | CommanderSaid;
  /** An argument or option that was not given and that nothing could stand in for. */
  ARGUMENT_MISSING: { argument: string; missing: MissingArgument } | CommanderSaid;
  /** More arguments than the command takes. */
  ARGUMENTS_EXCESS: CommanderSaid;
  /** A command mtad does not have. */
  COMMAND_UNKNOWN: CommanderSaid;
  /** An option the command does not take. */
  OPTION_UNKNOWN: CommanderSaid;
  /** An option given without the one that gives it a meaning. */
  OPTION_NEEDS: { option: string; needs: string; because: OptionNeed };
  /** Two options given together of which one would be ignored. */
  OPTIONS_CONFLICT: { option: string; other: string; because: OptionConflict } | CommanderSaid;
  // The configuration of mtad check (mtad.config.yaml)
  CONFIG_RULE_UNKNOWN: { rule: string; suggestion?: string };
  CONFIG_RULE_LOCKED: { rule: string; severity: string };
  // Concurrent writers
  FILE_LOCKED: { what: string; pid: number; lock: string };
  FILE_READ_ONLY: { what: string };
  WRITE_INCOMPLETE: { written: string; what: string; reason: string };
  // mtad check: the rules on the data folder
  FILE_EMPTY: Record<string, never>;
  FILE_TOO_LARGE: { size?: number; limit: number };
  FILE_UNWRITABLE: { reason: string };
  /** Standard output refused what mtad printed (a full disk, an IO error); not a reader that stopped early. */
  STDOUT_UNWRITABLE: { reason: string };
  /** bin/mtad.cjs found no dist/ (a clone where the build never ran), even after waiting out a build. */
  BUILD_MISSING: { file: string; root: string };
  /** The folder mtad was started in was deleted or moved: no path can be resolved from it. */
  WORKING_FOLDER_MISSING: Record<string, never>;
  YAML_FORBIDDEN_KEY: { key: string };
  COHORT_DUPLICATE: { cohort: string };
  GROUPID_DUPLICATE: { groupId: string; cohort: string; other: string };
  VALUE_UNKNOWN: { field: string; reason: string; source?: string };
  AMENDMENT_ID_DUPLICATE: { id: string; other: string };
  AMENDMENT_ID_FILENAME: { id: string; expected: string };
  SEQUENCE_DUPLICATE: { sequence: number; id: string; other: string };
  SEQUENCE_DATE_ORDER: { id: string; sequence: number; issued: IsoDate; earlier: AmendmentIssue };
  APPLIED_UNKNOWN: { id: string };
  APPLIED_OUT_OF_ORDER: { id: string; before: string };
  APPLIED_NOT_REFLECTED: { id: string; cohort: string; expected: CellValue; actual: CellValue };
  CHANGE_ACTION_MISMATCH: { action: string; to: CellValue };
  CHANGE_TARGET_REPEATED: { cohort: string; field: string; change: number; earlier: number };
  TIMELINE_ORDER: { earlier: Milestone; later: Milestone; relation: 'after' | 'on or after' };
  TIMELINE_WINDOW: { modification: DatedWindow; end: DatedWindow; cohort: string };
  NON_WORKING_DAY: {
    milestone: 'responses-due' | 'concluded' | 'expected-conclusion' | 'modification';
    date: IsoDate;
    reason: string;
  };
  WEEKDAY_MISMATCH: { written: string; weekday: string; date: IsoDate };
  PROSE_DATE_INVALID: { written: string };
  PROSE_DATE_MISMATCH: {
    written: string;
    date: IsoDate;
    nearest?: { field: string; windowMonths?: number; date: IsoDate };
    /** Set when the wording is DCC's text in a conclusion, held to the conclusion's dates. */
    of?: 'conclusion';
  };
  // The narrative of a consultation (data/consultations/<id>.md)
  NARRATIVE_TODO: { what: string };
  NARRATIVE_PLACEHOLDER: { written: string; field?: string };
  NARRATIVE_COHORT: { cohort: string; id: string; cohorts: string };
  NARRATIVE_GROUP_ID: { written: string; groupId: string; cohort: string };
  LOCK_MISSING: { id: string; lockFile: string; record?: 'correction' };
  LOCK_MISMATCH: { id: string; fields: ChangedField[]; lockFile: string; record?: 'correction' };
  LOCK_STALE: { id: string; record?: 'correction' };
  /** `check --update-lock` while a file does not read or pass its schema: the lock is not written. */
  LOCK_UPDATE_REFUSED: { lockFile: string };
  // Corrections of a value (mtad correct, data/corrections/)
  CORRECTION_FROM_MISMATCH: { cohort: string; field: CorrectedField; expected: CellValue; actual: CellValue };
  CORRECTION_UNCHANGED: { cohort: string; field: CorrectedField; value: CellValue };
  CORRECTION_SET_BY_AMENDMENT: { cohort: string; field: CorrectedField; id: string; value: CellValue };
  CORRECTION_NOT_UNKNOWN: { cohort: string; field: CorrectedField; value: CellValue };
  CORRECTION_OUT_OF_BOUNDS: { cohort: string; field: CorrectedField; value: CellValue; notAfter: IsoDate };
  CORRECTION_BEFORE_AMENDMENT: {
    cohort: string;
    field: CorrectedField;
    value: CellValue;
    id: string;
    notBefore: IsoDate;
  };
  CORRECTION_RECORDED_BEFORE: { cohort: string; on: IsoDate; id: string; notBefore: IsoDate };
  CORRECTION_TARGET: { id: string; cohort: string; field: CorrectedField; corrects: string };
  CORRECTION_NOT_REFLECTED: {
    id: string;
    cohort: string;
    field: CorrectedField;
    expected: CellValue;
    actual: CellValue;
  };
  // Hostile input
  YAML_SIZE_LIMIT: { items: number; limit: number };
  TEXT_HIDDEN_CHARACTER: { field: string; value: string; character: string; index: number };
  TEXT_SPACE_AROUND: { field: string; value: string };
  COHORT_CONFUSABLE: { cohort: string; resembles: string };
  // Drafts never replace a made amendment
  AMENDMENT_MADE_PROTECTED: { id: string; file: string; made: MadeRecord };
  // The Word engine (src/word): reading and redlining Table 17.6 in the user's .docx
  WORD_PACKAGE_UNREADABLE: { reason: string };
  WORD_TABLE_NOT_FOUND: { tableNumber: string; numberFrom: 'option' | 'table' };
  WORD_CAPTION_NOT_ADJACENT: { tableNumber: string; caption: string };
  WORD_TABLE_AMBIGUOUS: { tableNumber: string; count: number };
  WORD_TABLE_MOVED: { tableNumber: string };
  WORD_CELL_MERGED: { row: number; column: number; heading: string; merge: string };
  WORD_COLUMN_UNMAPPED: { field: string; headings: string; override?: string };
  WORD_COLUMN_AMBIGUOUS: { field: string; headings: string };
  WORD_ROW_NOT_FOUND: { cohort: string; count: number };
  WORD_PRECONDITION_FAILED: {
    cohort: string;
    heading: string;
    row: number;
    column: number;
    expected: string;
    /** The cell's text; absent when the row has no such cell. */ actual?: string;
  };
  WORD_CELL_UNSUPPORTED: { cohort: string; heading: string; row: number; column: number; holds: string };
  WORD_ROW_EXISTS: { cohort: string };
  // Importing Table 17.6 from a Word document, and checking the table against it
  WORD_VALUE_KEPT: {
    cohort: string;
    heading: string;
    row: number;
    column: number;
    text: string;
    field: 'groupId' | 'endDate';
  };
  WORD_COHORT_MISSING: { row: number };
  WORD_HEADING_UNUSABLE: { column: number; heading: string };
  WORD_CELL_DIFFERS: { cohort: string; heading: string; row: number; column: number; table: string; document: string };
  WORD_ROW_MISSING: { cohort: string; missingFrom: 'table' | 'document' };
  IMPORT_TABLE_EXISTS: { what: string };
  // Every valid input gives a finding or a result
  DATE_OUT_OF_RANGE: { date: IsoDate; span: DateSpan };
  YAML_SHARED_VALUE: { kind: 'anchor' | 'alias' | 'merge key'; name: string };
  // Responses to a consultation
  RESPONSE_AMENDMENT_UNKNOWN: { id: string; suggestion?: string };
  RESPONSE_QUESTION_UNKNOWN: { question: string; id: string; suggestion?: string };
  RESPONSE_QUESTION_REPEATED: { question: string };
  RESPONSE_LATE: { received: LocalTime; due: LocalTime };
  RESPONSE_PASSAGE_NOT_FOUND: { question: string; passage: string };
  RESPONSE_MARK_WITHOUT_PART: { question: string; choice: 'none' | 'all' };
  RESPONSE_FORM_UNREADABLE: ResponseFormProblem;
  RESPONSE_ANSWER_MISSING: { question: string };
  RESPONSE_NO_RESPONDENT: { source: 'template' | 'file' };
  /** `respondent`: whom the response there is from; null when the file does not read as a response. */
  RESPONSE_EXISTS: { path: string; respondent: RespondentOf | null };
  RESPONSE_NOT_FOR_AMENDMENT: { found: 'table' | 'departments' | 'other' | 'response'; id?: string; amendment: string };
  // The conclusion of a consultation, and the lifecycle of an amendment
  CONCLUSION_FINAL_DECISION: { decision: 'proceed' | 'proceed-with-changes' | 'withdraw' };
  CONCLUSION_AMENDMENT_UNKNOWN: { id: string; suggestion?: string };
  CONCLUSION_DUPLICATE: { id: string; other: string };
  CONCLUSION_BEFORE_DUE: { concluded: IsoDate; due: LocalTime };
  CONCLUSION_BEFORE_RESPONSE: { concluded: IsoDate; received: LocalTime; responseFile: string };
  CONCLUSION_SENT_BEFORE_CONCLUDED: { concluded: IsoDate; sent: IsoDate };
  CONCLUSION_RESPONSES: { id: string; statement: 'received' | 'none-received'; count: number };
  CONCLUSION_QUESTION_UNKNOWN: { question: string; id: string; suggestion?: string };
  CONCLUSION_QUESTION_MISSING: { question: string; id: string };
  CONCLUSION_QUESTION_REPEATED: { question: string };
  CONCLUSION_FINAL_CHANGES: { cohort: string; id: string; problem: 'missing' | 'unknown' | 'repeated' };
  /** A final date outside the window consulted on: a change's end date (with its cohort), else the modification. */
  CONCLUSION_OUTSIDE_WINDOW: { date: IsoDate; consulted: DatedWindow; cohort?: string };
  /** Final dates out of order: the conclusion, then the modification, then each end date. */
  CONCLUSION_FINAL_ORDER: {
    earlier: { what: 'concluded' | 'modification'; date: IsoDate };
    later: { what: 'modification' | 'end-date'; date: IsoDate; cohort?: string };
  };
  CONCLUSION_DATE_MISMATCH: { id: string; concluded: IsoDate; recorded: IsoDate };
  CONCLUSION_STATUS_MISMATCH: { id: string; decision: 'proceed' | 'proceed-with-changes' | 'withdraw'; status: string };
  /** A final value of the conclusion that its amendment sets otherwise (the annex; null: not set). */
  CONCLUSION_AMENDMENT_DISAGREES: {
    id: string;
    status: string;
    value: FinalValue;
    amendment: string | null;
    conclusion: string;
    amendmentFile: string;
  };
  /** A conclusion that proceeds as proposed with a final value other than the one proposed. */
  CONCLUSION_NOT_AS_PROPOSED: { id: string; value: FinalValue; proposed: string | null; conclusion: string };
  /**
   * DCC's own text in a conclusion names a respondent who asked for full confidentiality, or quotes confidential text.
   */
  CONCLUSION_CONFIDENTIAL: {
    found: 'respondent' | 'passage' | 'answer';
    text: string;
    responseFile: string;
    question?: string;
    /** The short form DCC's text names the respondent by, when not `text` itself. */
    as?: string;
  };
  /**
   * An amendment that needs its conclusion has none: for its status (check, and so --write), or its final direction.
   */
  CONCLUSION_MISSING: { id: string; file: string; need: 'status' | 'final-direction'; status: string };
  MADE_BEFORE_MODIFICATION: { id: string; date: IsoDate; today: IsoDate };
}

/** One final value of a conclusion: the modification's date or annex, or a closure's end date (with its cohort). */
export type FinalValue = { what: 'modification-date' } | { what: 'annex' } | { what: 'end-date'; cohort: string };

/**
 * What says an amendment is made: its status, the lock of made amendments (named as shown), or the
 * lock while the amendment's file has gone.
 */
export type MadeRecord = { by: 'status' } | { by: 'lock'; lockFile: string } | { by: 'lock-file-gone' };

/** A document mtad makes from an amendment's data. */
export type PackDocument = 'consultation' | 'response-template' | 'new-amendment' | 'conclusion-report';

/** What a value given on the command line should have been; the words are made in render/. */
export type ExpectedValue =
  /** A kebab-case amendment id, as the amendment schema requires (it names the file <id>.yaml). */
  | { kind: 'amendment-id' }
  /** The id (or, with `byFile`, the file) of one of the amendments beside the table. */
  | { kind: 'amendment-beside'; ids: readonly string[]; byFile?: true }
  /** A point in the table's history: a date, or the id of one of `ids` (`nearest` the one it resembles). */
  | { kind: 'history-point'; ids: readonly string[]; nearest?: string }
  /**
   * A date around which a draft's timeline stays within the dates mtad supports: an end date (the
   * timeline issued up to `days` before it), or an issue date (its modification up to `days` after).
   */
  | { kind: 'timeline-end' | 'timeline-issue'; days: number }
  | { kind: 'calendar-date' }
  /** SOURCE_DATE_EPOCH: whole seconds since 1970-01-01T00:00:00Z. */
  | { kind: 'epoch-seconds' }
  /** A date of a Word revision: a date, or a UTC time. */
  | { kind: 'revision-date' }
  /** A date from which a re-start estimate stays within the dates mtad supports. */
  | { kind: 'restart-decided' }
  /** The date a correction is recorded, no later than `today`. */
  | { kind: 'recorded-by'; today: IsoDate }
  /** A date and a time of day, UK local time; `skipped`: one the clocks skipped when they went forward. */
  | { kind: 'uk-local-time'; skipped: boolean }
  /** Text on one line, without control or invisible characters or spaces at either end. */
  | { kind: 'one-line-text' }
  /** The conclusion of the amendment `id`, not of `concludes`. */
  | { kind: 'conclusion-of'; id: string; concludes: string }
  /** FIELD=HEADING with FIELD one of `fields` (mtad import --column). */
  | { kind: 'column-heading'; fields: readonly string[] }
  /** The number in a table's caption. */
  | { kind: 'caption-number' }
  /** FORMAT=PATH with FORMAT one of `formats` (mtad check --output). */
  | { kind: 'output-format'; formats: readonly string[] }
  | { kind: 'whole-number' }
  /** The paths of one check: one table file and its amendments, not `tables` table files. */
  | { kind: 'one-table'; tables: number }
  /** A commit of the git repository that holds the working folder, and why git listed no files since it. */
  | { kind: 'git-commit'; git: GitProblem }
  /** A folder of response files, where `found` is what is there instead. */
  | { kind: 'responses-folder'; found: 'file' | 'nothing' }
  /** A path that is not empty, by what it names (the option rules). */
  | { kind: 'path'; of: PathValue }
  /** A path that is not empty: a new folder for the pack or the report, or the cache's location. */
  | { kind: 'new-folder'; of: 'pack' | 'report' }
  | { kind: 'cache-location' };

/** Why an option means something only with another (OPTION_NEEDS); the words are made in render/. */
export type OptionNeed =
  /** show --include: it counts proposals on the date of --as-at. */
  | 'include-as-at'
  /** check --stdin-filename: it names the file --stdin stands for. */
  | 'stdin-filename'
  /** amend --force, --author, --pdf, --into: what they say is of the pack --out writes. */
  | 'pack-force'
  | 'pack-author'
  | 'pack-pdf'
  | 'pack-into';

/** Why, of two options given together, one would be ignored (OPTIONS_CONFLICT). */
export type OptionConflict =
  /** new, revert --force with --stdout; conclude --force with --stdout; import --force with --dry-run. */
  | 'stdout-draft'
  | 'stdout-conclusion'
  | 'dry-run-import'
  /** amend --format, --redline-only with --out: the pack holds every format and document. */
  | 'pack-format'
  | 'pack-redline-only'
  /** check --update-lock with --stdin, --cache-location with --no-cache, --list-rules with paths. */
  | 'update-lock-stdin'
  | 'no-cache-location'
  | 'list-rules';

/** A path option or argument given empty (an unset shell variable gives one), by what it names. */
export type PathValue =
  | 'table'
  | 'config'
  | 'pack-folder'
  | 'into-document'
  | 'consultation-folder'
  | 'against-document'
  | 'cache'
  | 'stdin-filename'
  | 'responses-folder'
  | 'response-file'
  | 'amendment'
  | 'document'
  | 'response-template'
  | 'init-folder'
  | 'cohort'
  | 'correction-value'
  | 'file-or-folder';

/** Why git gave no answer: it is not installed, or what it said (its first line, in git's words). */
export type GitRefusal = { kind: 'not-installed' } | { kind: 'said'; said: string };

/** Why the files changed since a commit could not be listed. */
export type GitProblem =
  /** The folder is in no git repository. */
  | { problem: 'no-repository'; folder: string; git: GitRefusal }
  /** git knows no commit of that name. */
  | { problem: 'no-commit'; ref: string }
  | { problem: 'git-failed'; git: GitRefusal };

/** Why an argument that was not given is needed, and what nothing could stand in for. */
export type MissingArgument =
  /** `mtad new close` without --on: a closure's end date. */
  | { kind: 'closure-end-date' }
  /** `mtad new` without --id, for a cohort whose name has no letter or digit to make the id from. */
  | { kind: 'cohort-without-id'; cohort: string }
  /** `mtad import` without --as-at, and no readable table at `table` to take the date from. */
  | { kind: 'import-date'; table: string }
  /** `mtad conclude`: these pending amendments all have a conclusion. */
  | { kind: 'conclusions-several'; ids: readonly string[] }
  /** `mtad conclude`: no pending amendment (of `pending`, maybe none) has a conclusion. */
  | { kind: 'conclusion-none'; pending: readonly string[] }
  /** `mtad responses`: no amendment (of `ids`) has a consultation that asks questions. */
  | { kind: 'questions-none'; ids: readonly string[] }
  /** `mtad consultation`: no pending amendment has a narrative; `last` the latest amendment, as an example. */
  | { kind: 'narrative-none'; last?: string }
  /** `mtad consultation`: these pending amendments all have a narrative. */
  | { kind: 'narratives-several'; ids: readonly string[] };

/** Who gave a response, as far as its file records them. */
export interface RespondentOf {
  name?: string;
  organisation?: string;
  email?: string;
  telephone?: string;
}

/** An amendment and the id of its consultation, when it is recorded. */
export interface ConsultationOf {
  amendment: string;
  consultation?: string;
}

/** Why a filled-in response template cannot be read into a response; the words are made in render/. */
export type ResponseFormProblem =
  // The template's structure (src/word/response-form.ts)
  /** No checkbox lines for the confidentiality choice, or not the 3 mtad generates. */
  | { problem: 'boxes'; count: number }
  | { problem: 'boxes-ticked'; ticked: readonly ('none' | 'all' | 'part')[] }
  /** The questions of the consultation the template does not name. */
  | { problem: 'questions-unnamed'; questions: readonly string[] }
  | { problem: 'no-answer-box'; question: string }
  // The consultation it answers (src/app/responses-import.ts)
  /** --amendment names no amendment beside the table. */
  | { problem: 'amendment-unknown'; id: string }
  /** The template names the consultations of `others`, not that of --amendment. */
  | { problem: 'other-consultation'; others: readonly ConsultationOf[]; chosen: ConsultationOf }
  /** The consultation of --amendment asks no questions. */
  | { problem: 'no-questions'; id: string }
  /** The template names the consultation of no amendment, or of several (`ids`), that asks questions. */
  | { problem: 'consultation-unknown' }
  | { problem: 'consultations-several'; ids: readonly string[] }
  // What it holds
  | { problem: 'no-box-ticked' }
  /** The answer to `question` opens a [confidential] mark it does not close, or closes one it did not open. */
  | { problem: 'mark-unbalanced'; question: string }
  /** "part" is ticked and no passage is marked. */
  | { problem: 'part-unmarked' }
  | { problem: 'marked-not-part'; choice: 'none' | 'all' }
  /** Text a response file cannot record: the codes of what reading it back found. */
  | { problem: 'text-unrecordable'; codes: readonly string[] };

/** A date and a time of day, UK local time. */
export interface LocalTime {
  date: IsoDate;
  time: string;
}

/** An amendment by its id and sequence number, with the date its consultation was issued. */
export interface AmendmentIssue {
  id: string;
  sequence: number;
  issued: IsoDate;
}

/** A field of a made amendment that differs from the lock file, and how. */
export interface ChangedField {
  path: string;
  how: 'added' | 'removed' | 'changed';
}

/** A stage of an amendment's timeline; `end-date` is a cohort's new end date. */
export type MilestoneKind =
  'issued' | 'responses-due' | 'concluded' | 'expected-conclusion' | 'modification' | 'end-date';

/** A dated stage of an amendment's timeline, with its window when it has one. */
export interface Milestone extends DatedWindow {
  milestone: MilestoneKind;
  /** The cohort whose end date it is (`end-date` only). */
  cohort?: string;
}

/**
 * What a date is counted forward by: the end of a "within N month(s) thereafter" window, or a
 * re-start estimate (an amendment of `months` months, then a purchase of `weeks` weeks).
 */
export type DateSpan = { kind: 'window'; months: number } | { kind: 'restart'; months: number; weeks: number };

/** The commands that write a pack folder with a .mtad-pack. */
export type PackCommand = 'amend' | 'consultation' | 'conclude';

/**
 * How an output path meets what a command reads or where it runs: it is the working folder or holds
 * it, it is the data folder (the folder of the table) or lies in it, it is an input or holds one,
 * or it lies in a folder of inputs (the amendments, the templates); or another output has its path.
 */
export type OutputRelation =
  | 'is-working-folder'
  | 'holds-working-folder'
  | 'is-data-folder'
  | 'in-data-folder'
  | 'is-input'
  | 'holds-input'
  | 'in-input-folder'
  | 'is-other-output';

/** The cells a correction (mtad correct) may set. */
export type CorrectedField = 'endDate' | 'groupId';

/** A stable finding code such as `COHORT_UNKNOWN`. */
export type DiagnosticCode = keyof DiagnosticArgs;

export type Severity = 'error' | 'warning';

/**
 * `io` findings are about reaching the input (exit status 2); `data` findings are about what the
 * input says (exit status 1).
 */
type DiagnosticCategory = 'io' | 'data';

/** A finding: its code, severity, the arguments of its message, and where it points. */
export type Diagnostic<C extends DiagnosticCode = DiagnosticCode> = {
  [K in C]: Location & { code: K; severity: Severity; args: DiagnosticArgs[K] };
}[C];

interface RuleInfo {
  severity: Severity;
  category: DiagnosticCategory;
  /** One line saying what the rule wants. */
  doc: string;
}

/** Every code with its default severity, its category and a one-line doc. */
export const RULES: { readonly [C in DiagnosticCode]: RuleInfo } = {
  FILE_UNREADABLE: { severity: 'error', category: 'io', doc: 'The file can be read.' },
  FILE_NOT_FOUND: { severity: 'error', category: 'io', doc: 'The file exists.' },
  FILE_NOT_TEXT: { severity: 'error', category: 'data', doc: 'The file is UTF-8 text.' },
  YAML_SYNTAX: { severity: 'error', category: 'data', doc: 'The file is well-formed YAML.' },
  YAML_DUPLICATE_KEY: { severity: 'error', category: 'data', doc: 'No key appears twice in one mapping.' },
  YAML_ALIAS_LIMIT: { severity: 'error', category: 'data', doc: 'YAML aliases do not expand beyond a safe limit.' },
  SCHEMA_UNKNOWN_KEY: { severity: 'error', category: 'data', doc: 'Every key is one the schema knows.' },
  SCHEMA_MISSING_FIELD: { severity: 'error', category: 'data', doc: 'Every required field is present.' },
  SCHEMA_WRONG_TYPE: { severity: 'error', category: 'data', doc: 'Every value has the type the schema expects.' },
  SCHEMA_INVALID_VALUE: {
    severity: 'error',
    category: 'data',
    doc: 'Every value is one of the values its field allows.',
  },
  DATE_INVALID: { severity: 'error', category: 'data', doc: 'Every date is a real calendar date written YYYY-MM-DD.' },
  TIME_INVALID: { severity: 'error', category: 'data', doc: 'Every time of day is written HH:MM (UK local time).' },
  CELL_VALUE_OR_UNKNOWN: {
    severity: 'error',
    category: 'data',
    doc: 'A table cell gives exactly one of `value` and `unknown`.',
  },
  VALUE_INVALID: { severity: 'error', category: 'data', doc: 'A change gives a value its column can hold.' },
  COHORT_UNKNOWN: { severity: 'error', category: 'data', doc: 'A change targets a cohort that exists in the table.' },
  GROUPID_MISMATCH: { severity: 'error', category: 'data', doc: 'A GroupID stated by a change matches the table.' },
  PRECONDITION_FAILED: {
    severity: 'error',
    category: 'data',
    doc: 'The value a change expects to replace is the value the table holds.',
  },
  AMENDMENT_ALREADY_APPLIED: {
    severity: 'error',
    category: 'data',
    doc: 'An amendment is applied to a table that does not yet reflect it.',
  },
  PACK_NOT_LATEST: {
    severity: 'error',
    category: 'data',
    doc: 'The pack of an amendment already written is made again only while no later amendment is written after it.',
  },
  DIRECTION_FIELD_MISSING: { severity: 'error', category: 'data', doc: 'A final direction has every value it needs.' },
  DIRECTION_NOT_CONCLUDED: {
    severity: 'error',
    category: 'data',
    doc: 'A final direction is made only for an amendment that is concluded or made.',
  },
  TEMPLATE_UNKNOWN_NAME: {
    severity: 'error',
    category: 'data',
    doc: 'A template uses only the placeholders mtad fills.',
  },
  // The consultation pack (mtad amend --out)
  PACK_FIELD_MISSING: {
    severity: 'error',
    category: 'data',
    doc: 'An amendment records every value its consultation pack needs.',
  },
  OUT_EXISTS: {
    severity: 'error',
    category: 'io',
    doc: 'The output folder does not exist yet, unless --force replaces it.',
  },
  OUT_UNWRITABLE: { severity: 'error', category: 'io', doc: 'The output folder can be written.' },
  OUT_PROTECTED: {
    severity: 'error',
    category: 'io',
    doc: 'No output is the working folder or holds it, is an input or holds one, or lies in the data folder.',
  },
  OUT_NOT_MTAD: {
    severity: 'error',
    category: 'io',
    doc:
      'An existing output is replaced only when mtad wrote it: a pack folder holding .mtad-pack, a cache file ' +
      'with its header, a report of mtad check.',
  },
  OUT_HOLDS_FOREIGN: {
    severity: 'error',
    category: 'io',
    doc:
      '--force replaces a pack folder only while it holds nothing but the files its .mtad-pack lists, as mtad ' +
      'wrote them.',
  },
  OUT_OTHER_PACK: {
    severity: 'error',
    category: 'io',
    doc:
      '--force replaces a pack folder only with a pack of the same kind: `mtad consultation` never replaces ' +
      'what `mtad amend --out` wrote, nor the other way round.',
  },
  OUT_OTHER_AUDIENCE: {
    severity: 'error',
    category: 'io',
    doc:
      '--force replaces a conclusion pack only with one for the same readers: a public report never replaces ' +
      "the department's copy, nor the other way round.",
  },
  PDF_CONVERTER_MISSING: {
    severity: 'error',
    category: 'io',
    doc: 'With --pdf, LibreOffice (soffice) is installed to convert the Word files.',
  },
  PDF_CONVERSION_FAILED: {
    severity: 'error',
    category: 'io',
    doc: 'With --pdf, LibreOffice converts every Word file of the pack.',
  },
  // The table over time (history, --write, new, revert)
  FIELD_TO_DECIDE: {
    severity: 'error',
    category: 'data',
    doc: 'No value is still tagged !todo: every proposal in a new amendment has been decided.',
  },
  AMENDMENT_NOT_MADE: {
    severity: 'error',
    category: 'data',
    doc: '`amend --write` writes into the table only amendments that are made.',
  },
  AMENDMENT_WRITE_OUT_OF_ORDER: {
    severity: 'error',
    category: 'data',
    doc:
      '`amend --write` records amendments in their order of application: none before an earlier one that is ' +
      'not withdrawn.',
  },
  FILE_CHANGED_ON_DISK: {
    severity: 'error',
    category: 'io',
    doc: 'A file is not overwritten when it changed on disk after mtad read it.',
  },
  FILE_EXISTS: { severity: 'error', category: 'io', doc: 'A file is not replaced unless --force says so.' },
  INIT_TARGET_EXISTS: {
    severity: 'error',
    category: 'io',
    doc: 'mtad init writes only files that do not exist yet: it never replaces one.',
  },
  INIT_NOT_A_FOLDER: { severity: 'error', category: 'io', doc: 'mtad init scaffolds into a folder, not a file.' },
  NEW_NOT_APPLICABLE: {
    severity: 'error',
    category: 'data',
    doc: 'A new closure targets a cohort without an end date; a re-opening one with an end date.',
  },
  DRAFT_ISSUED_BEFORE_EARLIER: {
    severity: 'error',
    category: 'io',
    doc: '`new` and `revert` propose a consultation issued no earlier than every amendment numbered before it.',
  },
  HISTORY_AMENDMENT_MISSING: {
    severity: 'error',
    category: 'data',
    doc: 'Every amendment the table lists under `applied` has its file, so its history can be computed.',
  },
  ARGUMENT_INVALID: { severity: 'error', category: 'io', doc: 'A command-line value is one the option takes.' },
  ARGUMENT_MISSING: {
    severity: 'error',
    category: 'io',
    doc: 'An argument or option that nothing else can stand in for is given.',
  },
  ARGUMENTS_EXCESS: {
    severity: 'error',
    category: 'io',
    doc: 'A command is given no more arguments than it takes.',
  },
  COMMAND_UNKNOWN: { severity: 'error', category: 'io', doc: 'The command named is one of mtad.' },
  OPTION_UNKNOWN: { severity: 'error', category: 'io', doc: 'Every option given is one the command takes.' },
  OPTION_NEEDS: {
    severity: 'error',
    category: 'io',
    doc: 'An option that says how something is done comes with the option that asks for it (--pdf with --out).',
  },
  OPTIONS_CONFLICT: {
    severity: 'error',
    category: 'io',
    doc: 'No two options are given together when one would be ignored (--format with --out).',
  },
  CONFIG_RULE_UNKNOWN: {
    severity: 'error',
    category: 'data',
    doc: 'Every rule the configuration file names is a rule of mtad check.',
  },
  CONFIG_RULE_LOCKED: {
    severity: 'error',
    category: 'data',
    doc:
      'The configuration file relaxes only warnings: an error stays an error, since the other commands refuse ' +
      'it too.',
  },
  FILE_UNWRITABLE: { severity: 'error', category: 'io', doc: 'The file can be written.' },
  STDOUT_UNWRITABLE: {
    severity: 'error',
    category: 'io',
    doc: 'Standard output takes what mtad prints (a reader that stops early is no error).',
  },
  BUILD_MISSING: { severity: 'error', category: 'io', doc: 'mtad is built: its dist/ folder exists.' },
  WORKING_FOLDER_MISSING: { severity: 'error', category: 'io', doc: 'mtad runs in a folder that exists.' },
  // Concurrent writers
  FILE_LOCKED: { severity: 'error', category: 'io', doc: 'Only one mtad writes a table at a time.' },
  FILE_READ_ONLY: {
    severity: 'error',
    category: 'io',
    doc: 'A file without write permission is left as it is, never replaced.',
  },
  WRITE_INCOMPLETE: {
    severity: 'error',
    category: 'io',
    doc: 'Files written together change together: a failure puts back those already replaced.',
  },
  // mtad check: the rules on the data folder
  FILE_EMPTY: {
    severity: 'error',
    category: 'data',
    doc: 'The file holds a YAML document, not nothing or only comments.',
  },
  FILE_TOO_LARGE: {
    severity: 'error',
    category: 'data',
    doc: 'The file is small enough to be a table or an amendment (at most 1 MiB).',
  },
  YAML_FORBIDDEN_KEY: {
    severity: 'error',
    category: 'data',
    doc: 'No key is "__proto__", which JavaScript readers may treat as the object\'s prototype.',
  },
  COHORT_DUPLICATE: { severity: 'error', category: 'data', doc: 'Each cohort appears once in the table.' },
  GROUPID_DUPLICATE: { severity: 'error', category: 'data', doc: 'Each known GroupID belongs to one cohort.' },
  VALUE_UNKNOWN: {
    severity: 'warning',
    category: 'data',
    doc: 'A value of the table is not known: the warning names the source to check.',
  },
  AMENDMENT_ID_DUPLICATE: { severity: 'error', category: 'data', doc: 'Amendment ids are unique.' },
  AMENDMENT_ID_FILENAME: {
    severity: 'warning',
    category: 'data',
    doc: 'An amendment file is named after its id (ID.yaml), so that commands find it by id.',
  },
  SEQUENCE_DUPLICATE: {
    severity: 'error',
    category: 'data',
    doc: 'No two amendments share a sequence number: the order of application is explicit and stable.',
  },
  SEQUENCE_DATE_ORDER: {
    severity: 'error',
    category: 'data',
    doc: 'Amendments are numbered in the order their consultations were issued: none before one with a lower number.',
  },
  APPLIED_UNKNOWN: {
    severity: 'error',
    category: 'data',
    doc: 'Every amendment the table lists under "applied" has an amendment file.',
  },
  APPLIED_OUT_OF_ORDER: {
    severity: 'error',
    category: 'data',
    doc: 'The table reflects amendments in their order of application, with none skipped.',
  },
  APPLIED_NOT_REFLECTED: {
    severity: 'error',
    category: 'data',
    doc: 'The table holds the values its applied amendments set.',
  },
  CHANGE_ACTION_MISMATCH: {
    severity: 'error',
    category: 'data',
    doc: 'A close sets an end date; an end date is removed only by a change that says reopen.',
  },
  CHANGE_TARGET_REPEATED: {
    severity: 'error',
    category: 'data',
    doc:
      "An amendment changes each cohort's end date once: a closure and a re-opening of one cohort are two " +
      'amendments.',
  },
  TIMELINE_ORDER: {
    severity: 'error',
    category: 'data',
    doc: 'Issued < responses due < conclusion <= modification date <= end date.',
  },
  TIMELINE_WINDOW: {
    severity: 'warning',
    category: 'data',
    doc: 'The modification\'s "within N month(s) thereafter" window does not run past the end date\'s.',
  },
  NON_WORKING_DAY: {
    severity: 'warning',
    category: 'data',
    doc: 'Respond-by, conclusion and modification dates are working days in England and Wales.',
  },
  WEEKDAY_MISMATCH: {
    severity: 'error',
    category: 'data',
    doc: 'A weekday written in prose ("Tuesday 31 January 2023") is the true weekday of its date.',
  },
  PROSE_DATE_INVALID: {
    severity: 'error',
    category: 'data',
    doc: 'A date written in prose ("31 January 2023") is a real calendar date.',
  },
  PROSE_DATE_MISMATCH: {
    severity: 'error',
    category: 'data',
    doc:
      "A date in a question's wording or in a consultation's narrative restates one of the amendment's dates " +
      "and agrees with it; in DCC's text in a conclusion, one of the consultation's dates or the conclusion's " +
      '(its final values, not the proposed ones).',
  },
  NARRATIVE_TODO: {
    severity: 'error',
    category: 'data',
    doc: "A consultation's narrative has nothing left marked !todo (what mtad new left for a person to write).",
  },
  NARRATIVE_PLACEHOLDER: {
    severity: 'error',
    category: 'data',
    doc:
      "A consultation's narrative keeps nothing of its scaffold's placeholders: no `<version>` and no " +
      'instruction of templates/narrative.md once its !todo is removed.',
  },
  NARRATIVE_COHORT: {
    severity: 'error',
    category: 'data',
    doc:
      "A consultation's narrative names no cohort but the amendment's; the others (earlier closures, the " +
      'cohorts still open) come from the data through placeholders.',
  },
  NARRATIVE_GROUP_ID: {
    severity: 'error',
    category: 'data',
    doc: "A GroupID written in a consultation's narrative is that of the amendment's cohort.",
  },
  LOCK_MISSING: {
    severity: 'error',
    category: 'data',
    doc:
      'Every made amendment (mtad check --update-lock) and every correction (mtad correct) is recorded in the ' +
      'lock file.',
  },
  LOCK_MISMATCH: {
    severity: 'error',
    category: 'data',
    doc: 'A made amendment or a correction is immutable: its content matches the checksum in the lock file.',
  },
  LOCK_STALE: {
    severity: 'error',
    category: 'data',
    doc: 'Every made amendment or correction recorded in the lock file still has its file.',
  },
  LOCK_UPDATE_REFUSED: {
    severity: 'error',
    category: 'data',
    doc: '`check --update-lock` records made amendments only when every file reads and passes its schema.',
  },
  CORRECTION_FROM_MISMATCH: {
    severity: 'error',
    category: 'data',
    doc: 'The value a correction expects to replace (--from) is the value the table holds.',
  },
  CORRECTION_UNCHANGED: {
    severity: 'error',
    category: 'data',
    doc: 'A correction gives a value other than the one the table holds.',
  },
  CORRECTION_SET_BY_AMENDMENT: {
    severity: 'error',
    category: 'data',
    doc: 'A value a made amendment set is changed by an amendment, not a correction (unless it set it unknown).',
  },
  CORRECTION_NOT_UNKNOWN: {
    severity: 'error',
    category: 'data',
    doc:
      'A correction states a value the table holds as unknown (or one a correction stated); a known end date ' +
      'is changed by an amendment.',
  },
  CORRECTION_OUT_OF_BOUNDS: {
    severity: 'error',
    category: 'data',
    doc: 'A corrected end date is within the bound the table records for the unknown it replaces.',
  },
  CORRECTION_BEFORE_AMENDMENT: {
    severity: 'error',
    category: 'data',
    doc:
      'A corrected end date is not before the amendment that set it unknown was concluded (or its consultation ' +
      'issued).',
  },
  CORRECTION_RECORDED_BEFORE: {
    severity: 'error',
    category: 'data',
    doc: 'A correction is recorded (on) no earlier than the amendment whose end date it states was concluded.',
  },
  CORRECTION_TARGET: {
    severity: 'error',
    category: 'data',
    doc: 'A correction names (corrects) an amendment the table reflects, which set that value unknown.',
  },
  CORRECTION_NOT_REFLECTED: {
    severity: 'error',
    category: 'data',
    doc: 'The table holds the value its latest correction of that cell records.',
  },
  // Hostile input
  YAML_SIZE_LIMIT: {
    severity: 'error',
    category: 'data',
    doc: 'No list or mapping holds more items than a table, an amendment or a response can have (20,000).',
  },
  TEXT_HIDDEN_CHARACTER: {
    severity: 'error',
    category: 'data',
    doc:
      'No text holds a bidirectional control or a zero-width character, which change how it reads without ' +
      'being seen.',
  },
  TEXT_SPACE_AROUND: {
    severity: 'error',
    category: 'data',
    doc: 'No text begins or ends with a space, which makes two names that print the same differ.',
  },
  COHORT_CONFUSABLE: {
    severity: 'error',
    category: 'data',
    doc:
      "No cohort name is a look-alike of a cohort of the table (another script's letters, hidden characters, " +
      'spaces).',
  },
  // Drafts never replace a made amendment
  AMENDMENT_MADE_PROTECTED: {
    severity: 'error',
    category: 'io',
    doc: '`new` and `revert` never replace a made amendment, not even with --force.',
  },
  // The Word engine (src/word)
  WORD_PACKAGE_UNREADABLE: {
    severity: 'error',
    category: 'io',
    doc: 'A Word document is a readable .docx package with well-formed XML.',
  },
  WORD_TABLE_NOT_FOUND: {
    severity: 'error',
    category: 'data',
    doc: 'The Word document has a paragraph whose text starts with the table\'s caption ("Table 17.6").',
  },
  WORD_CAPTION_NOT_ADJACENT: {
    severity: 'error',
    category: 'data',
    doc: 'The caption of the table sits directly before or after the table it captions.',
  },
  WORD_TABLE_AMBIGUOUS: {
    severity: 'error',
    category: 'data',
    doc: 'Only one table in the Word document carries the caption.',
  },
  WORD_TABLE_MOVED: {
    severity: 'error',
    category: 'data',
    doc: 'The table to redline is still the one its caption names.',
  },
  WORD_CELL_MERGED: {
    severity: 'warning',
    category: 'data',
    doc: 'A cell of the Word table is not merged with another; a merged cell is read as written and never redlined.',
  },
  WORD_COLUMN_UNMAPPED: {
    severity: 'error',
    category: 'data',
    doc: 'The Word table has a column for cohort, GroupID and end date, found by heading or named by --column.',
  },
  WORD_COLUMN_AMBIGUOUS: {
    severity: 'error',
    category: 'data',
    doc: 'Only one heading of the Word table matches each of cohort, GroupID and end date.',
  },
  WORD_ROW_NOT_FOUND: {
    severity: 'error',
    category: 'data',
    doc: 'Exactly one row of the Word table names the cohort a change targets.',
  },
  WORD_PRECONDITION_FAILED: {
    severity: 'error',
    category: 'data',
    doc: "The Word table's cell holds the value a change expects to replace.",
  },
  WORD_CELL_UNSUPPORTED: {
    severity: 'error',
    category: 'data',
    doc:
      'A cell or row to redline holds plain runs (a changed cell, in one paragraph): no tracked change, field, ' +
      'hyperlink, merge or object.',
  },
  WORD_ROW_EXISTS: {
    severity: 'error',
    category: 'data',
    doc: 'A row inserted into the Word table names a cohort no row names yet.',
  },
  // Importing Table 17.6 from a Word document, and checking the table against it
  WORD_VALUE_KEPT: {
    severity: 'warning',
    category: 'data',
    doc:
      'A cell of the imported table holds a value mtad reads (a GroupID, an end date in UK long form, or ' +
      'nothing for no end date); any other text is kept as written, as unknown.',
  },
  WORD_COHORT_MISSING: {
    severity: 'error',
    category: 'data',
    doc: 'Every row of the Word table names its cohort.',
  },
  WORD_HEADING_UNUSABLE: {
    severity: 'error',
    category: 'data',
    doc: 'Every other column of the Word table has a heading of its own, by which its texts are kept.',
  },
  WORD_CELL_DIFFERS: {
    severity: 'error',
    category: 'data',
    doc: "With --against, each cell of the table holds what the Word document's table holds.",
  },
  WORD_ROW_MISSING: {
    severity: 'error',
    category: 'data',
    doc: "With --against, the table and the Word document's table have the same cohorts.",
  },
  IMPORT_TABLE_EXISTS: {
    severity: 'error',
    category: 'io',
    doc: '`import` replaces an existing table only with --force, after showing the redline between the two.',
  },
  // Every valid input gives a finding or a result
  DATE_OUT_OF_RANGE: {
    severity: 'error',
    category: 'data',
    doc: "A date computed from a date (a window's end, a re-start) lies in 0001-01-01 to 9999-12-31.",
  },
  YAML_SHARED_VALUE: {
    severity: 'error',
    category: 'data',
    doc: 'The table writes each value out: no YAML anchor, alias or merge key shares one.',
  },
  RESPONSE_AMENDMENT_UNKNOWN: {
    severity: 'error',
    category: 'data',
    doc: 'A response names an amendment that exists beside the table.',
  },
  RESPONSE_QUESTION_UNKNOWN: {
    severity: 'error',
    category: 'data',
    doc: 'A response answers only questions its consultation asks.',
  },
  RESPONSE_QUESTION_REPEATED: { severity: 'error', category: 'data', doc: 'A response answers each question once.' },
  RESPONSE_LATE: {
    severity: 'warning',
    category: 'data',
    doc: 'A response is received by the respond-by time; a later one is shown as late.',
  },
  RESPONSE_PASSAGE_NOT_FOUND: {
    severity: 'error',
    category: 'data',
    doc: 'Every confidential passage stands, word for word, in the answer it marks (or it could be published).',
  },
  RESPONSE_MARK_WITHOUT_PART: {
    severity: 'error',
    category: 'data',
    doc: 'Answers and passages are marked confidential only in a response whose confidentiality is "part".',
  },
  RESPONSE_FORM_UNREADABLE: {
    severity: 'error',
    category: 'data',
    doc:
      'A filled-in response template keeps the structure mtad generated: its tables, answer boxes and checkbox ' +
      'lines.',
  },
  RESPONSE_ANSWER_MISSING: {
    severity: 'error',
    category: 'data',
    doc: 'A filled-in response template answers every question (or --allow-missing records the gap).',
  },
  RESPONSE_NO_RESPONDENT: {
    severity: 'error',
    category: 'data',
    doc:
      'A response says who responded: at least one respondent detail (name, organisation, email, telephone) is ' +
      'given.',
  },
  RESPONSE_EXISTS: {
    severity: 'error',
    category: 'io',
    doc: "A response is not imported over the same respondent's earlier one unless --force says so.",
  },
  RESPONSE_NOT_FOR_AMENDMENT: {
    severity: 'error',
    category: 'data',
    doc: 'The folder of the responses to a consultation holds only responses to it (or they would be counted for it).',
  },
  CONCLUSION_FINAL_DECISION: {
    severity: 'error',
    category: 'data',
    doc: 'A conclusion gives its final values unless its decision is withdraw, and none when it is.',
  },
  CONCLUSION_AMENDMENT_UNKNOWN: {
    severity: 'error',
    category: 'data',
    doc: 'A conclusion names an amendment that exists beside the table.',
  },
  CONCLUSION_DUPLICATE: { severity: 'error', category: 'data', doc: 'An amendment has one conclusion file.' },
  CONCLUSION_BEFORE_DUE: {
    severity: 'error',
    category: 'data',
    doc: 'A consultation is concluded on or after its respond-by date, never before.',
  },
  CONCLUSION_BEFORE_RESPONSE: {
    severity: 'error',
    category: 'data',
    doc: 'A conclusion is dated on or after the day each response it counts was received, a late one too.',
  },
  CONCLUSION_SENT_BEFORE_CONCLUDED: {
    severity: 'error',
    category: 'data',
    doc: 'The conclusion report goes to the department on or after the day the consultation is concluded.',
  },
  CONCLUSION_RESPONSES: {
    severity: 'error',
    category: 'data',
    doc:
      'A conclusion says responses were received only when response files exist, and none-received only when ' +
      'none does.',
  },
  CONCLUSION_QUESTION_UNKNOWN: {
    severity: 'error',
    category: 'data',
    doc: 'A conclusion responds only to questions its consultation asks.',
  },
  CONCLUSION_QUESTION_MISSING: {
    severity: 'error',
    category: 'data',
    doc: 'A conclusion responds to every question its consultation asks.',
  },
  CONCLUSION_QUESTION_REPEATED: {
    severity: 'error',
    category: 'data',
    doc: 'A conclusion responds to each question once.',
  },
  CONCLUSION_FINAL_CHANGES: {
    severity: 'error',
    category: 'data',
    doc: 'A conclusion gives one final end date for each closure of its amendment, and for no other cohort.',
  },
  CONCLUSION_OUTSIDE_WINDOW: {
    severity: 'error',
    category: 'data',
    doc:
      'A final end date or modification date lies within the window consulted on; beyond it needs a new ' +
      'consultation.',
  },
  CONCLUSION_FINAL_ORDER: {
    severity: 'error',
    category: 'data',
    doc: 'The final values follow the conclusion: concluded, then the modification takes effect, then each end date.',
  },
  CONCLUSION_DATE_MISMATCH: {
    severity: 'error',
    category: 'data',
    doc: "A conclusion's date is the amendment's consultation.concluded, when both are set.",
  },
  CONCLUSION_STATUS_MISMATCH: {
    severity: 'error',
    category: 'data',
    doc: 'An amendment concluded with withdraw has status withdrawn, and one concluded otherwise does not.',
  },
  CONCLUSION_AMENDMENT_DISAGREES: {
    severity: 'error',
    category: 'data',
    doc: "An annex an amendment sets is its conclusion's final annex.",
  },
  CONCLUSION_NOT_AS_PROPOSED: {
    severity: 'error',
    category: 'data',
    doc:
      'A conclusion with decision proceed gives the values proposed; changed values are decision ' +
      'proceed-with-changes.',
  },
  CONCLUSION_CONFIDENTIAL: {
    severity: 'error',
    category: 'data',
    doc:
      "DCC's text in a conclusion (responses, summary, note) names no respondent who asked for full " +
      'confidentiality, nor quotes confidential text of six words or more (eight in a row are a quotation).',
  },
  CONCLUSION_MISSING: {
    severity: 'error',
    category: 'data',
    doc:
      'An amendment concluded or made after a consultation that asked questions has its conclusion ' +
      '(conclusions/<id>.yaml).',
  },
  MADE_BEFORE_MODIFICATION: {
    severity: 'error',
    category: 'data',
    doc: 'An amendment is made only once its modification date has come.',
  },
};

/** Builds a finding with the code's default severity. */
export function diagnose<C extends DiagnosticCode>(
  code: C,
  args: DiagnosticArgs[C],
  where: Location = {},
): Diagnostic<C> {
  return { code, severity: RULES[code].severity, args, ...where } as Diagnostic<C>;
}

/** True when any finding is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The exit status the findings call for: 2 for IO problems, 1 for data errors, else 0. */
export function exitStatusOf(diagnostics: readonly Diagnostic[]): 0 | 1 | 2 {
  if (diagnostics.some((d) => d.severity === 'error' && RULES[d.code].category === 'io')) return 2;
  return hasErrors(diagnostics) ? 1 : 0;
}

/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known word nearest to `word`, when it is near enough to be a likely typo. */
export function suggestNearest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
