import { FIRST_DATE, formatDateWithWeekday, formatLongDate, LAST_DATE } from '../domain/model/dates.js';
import type {
  CorrectedField,
  ChangedField,
  ConsultationOf,
  DateSpan,
  Diagnostic,
  DiagnosticArgs,
  ExpectedValue,
  FinalValue,
  GitProblem,
  GitRefusal,
  MadeRecord,
  Milestone,
  MissingArgument,
  OptionConflict,
  OptionNeed,
  PackDocument,
  PathValue,
  ResponseFormProblem,
  MilestoneKind,
} from '../domain/model/diagnostics.js';
import { escapeForLine } from '../domain/model/text.js';
import { describeCell } from '../domain/model/cell-value.js';
import { describeDatedWindow, describeMonths } from './dated-window.js';
import { describeRespondent } from './response-import.js';

/**
 * The words of every finding, made from its code and its arguments. The domain gives codes and
 * data (dates, ids, values); this is the one place they become sentences, so a drafter can reword
 * a message without touching a rule.
 */

/** How much of a value a message quotes: a hostile file can hold a value of a megabyte. */
const MAX_QUOTED = 100;
/**
 * A value quoted in a message: cut to MAX_QUOTED characters, and JSON-escaped, C1 controls, line
 * separators and hidden characters too, so that none in a file reaches the terminal that shows it.
 */
const quote = (text: string): string => {
  const shown = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
  return escapeForLine(JSON.stringify(shown));
};
const describeFinalValue = (value: FinalValue): string =>
  value.what === 'modification-date'
    ? 'modification date'
    : value.what === 'annex'
      ? 'annex'
      : `end date for ${quote(value.cohort)}`;
const describeFinal = (value: FinalValue, given: string | null): string =>
  given === null ? 'none set' : value.what === 'annex' ? `Annex ${given}` : formatLongDate(given);
const orSuggest = (suggestion: string | undefined): string => (suggestion ? ` Did you mean ${quote(suggestion)}?` : '');

/** What was found at an output path that mtad may not replace. */
const FOUND: Record<DiagnosticArgs['OUT_NOT_MTAD']['found'], string> = {
  file: 'a file',
  symlink: 'a symbolic link',
  folder: 'a folder',
  other: 'a pipe, a device or a socket',
};

/** How an output path meets the working folder, the data folder or an input, in words. */
function describeRelation(args: DiagnosticArgs['OUT_PROTECTED']): string {
  switch (args.relation) {
    case 'is-working-folder':
      return 'it is the working folder';
    case 'holds-working-folder':
      return `it holds the working folder ${args.other}`;
    case 'is-data-folder':
      return `it is the data folder (the folder of the table ${args.other})`;
    case 'in-data-folder':
      return `it is inside the data folder ${args.other}`;
    case 'is-input':
      return `it is ${args.other === args.path ? 'an input' : `the input ${args.other}`} of this command`;
    case 'holds-input':
      return `it holds ${args.other}, an input of this command`;
    case 'in-input-folder':
      return `it is inside ${args.other}, a folder this command reads`;
    case 'is-other-output':
      return (
        `${args.other === args.path ? 'it is' : `it is ${args.other},`} also another output of this command (a ` +
        `report or the cache)`
      );
  }
}

/** How each stage of an amendment's timeline is named in a sentence. */
const MILESTONES: Record<Exclude<MilestoneKind, 'end-date'>, string> = {
  issued: 'the issue date',
  'responses-due': 'the date responses are due',
  concluded: 'the conclusion',
  'expected-conclusion': 'the expected conclusion',
  modification: 'the modification date',
};

/** "the modification date, 27 January 2023 (or within one month thereafter: by 27 February 2023)" */
function describeMilestone(m: Milestone): string {
  const name = m.milestone === 'end-date' ? `the end date of ${m.cohort ?? ''}` : MILESTONES[m.milestone];
  return `${name}, ${describeDatedWindow(m, 'long')}`;
}

/** What a date is counted forward by, in words. */
function describeSpan(span: DateSpan): string {
  return span.kind === 'window'
    ? `the end of its window (${describeMonths(span.months)} thereafter)`
    : `a re-start estimate (up to ${span.months} months and ${span.weeks} weeks after the day after the end date)`;
}

/** "modification.date", or "the end of the window of modification.date (1 month(s) thereafter)" */
function describeDateField(field: { field: string; windowMonths?: number }): string {
  return field.windowMonths === undefined
    ? field.field
    : `the end of the window of ${field.field} (${field.windowMonths} month(s) thereafter)`;
}

/** "changes[0].to, title (added)", or "its recorded checksum" when only the lock itself was edited. */
function describeChangedFields(fields: readonly ChangedField[]): string {
  if (fields.length === 0) return 'its recorded checksum';
  return fields.map(({ path, how }) => (how === 'changed' ? path : `${path} (${how})`)).join(', ');
}

/** What an amendment id is, as the schema requires it. */
const AMENDMENT_ID =
  'a kebab-case amendment id (lowercase letters and digits in words joined by single hyphens, e.g. ' +
  'mdust-close-foc-bg), as the amendment schema requires; it names the file <id>.yaml';

/** How a refusal names the document it could not write, after "cannot write the". */
const PACK_DOCUMENTS: Record<PackDocument, string> = {
  consultation: 'consultation',
  'response-template': 'response template',
  'new-amendment': 'new amendment',
  'conclusion-report': 'conclusion report',
};

/** The shell's hint for an empty value: an unset variable ("--out $PACK") gives one. */
const UNSET = '(an empty value is what an unset shell variable gives)';

/** What a path option or argument names, as a refusal of an empty one says. */
const PATHS: Record<PathValue, string> = {
  table: 'the path of the table file',
  config: "the path of the configuration of mtad check's rules, such as mtad.config.yaml",
  'pack-folder': 'the path of a new folder for the pack',
  'into-document': "the path of the MTAD's Word document (.docx) to redline",
  'consultation-folder': 'the path of a new folder for the consultation',
  'against-document': "the path of the MTAD's Word document (.docx) to check the table against",
  cache: 'the path of the cache file, or of a folder to hold it',
  'stdin-filename': 'the file name the standard input stands for',
  'responses-folder': 'the path of the folder of response files',
  'response-file': 'the path of the response file to write',
  amendment: 'an amendment file or id',
  document: "the path of the MTAD's Word document, a .docx",
  'response-template': 'the path of the filled-in response template, a .docx',
  'init-folder': 'the path of the folder to scaffold',
  cohort: 'the cohort as the table names it, e.g. "FOC (BG)"',
  'correction-value': 'the value: a date YYYY-MM-DD or none (endDate), or a GroupID',
  'file-or-folder': 'a file or folder',
};

/** Why an option means something only with another. */
const NEEDS: Record<OptionNeed, string> = {
  'include-as-at':
    'it counts proposals in the table as it would stand on that date; without --as-at, mtad show prints the ' +
    'table as the file holds it',
  'stdin-filename': 'it names the file the standard input stands for',
  'pack-force': 'it says how the pack is written (over a pack mtad wrote there)',
  'pack-author': "it says how the pack is written (the author of the redline's tracked changes)",
  'pack-pdf': 'the PDFs go into the pack',
  'pack-into': 'the redlined copy of the document goes into the pack',
};

/** Why, of two options given together, one would be ignored. */
const CONFLICTS: Record<OptionConflict, string> = {
  'stdout-draft': '--stdout prints the file and writes none, so there is no file for --force to replace',
  'stdout-conclusion':
    "--stdout prints the report's Markdown and writes no folder, so there is none for --force to replace",
  'dry-run-import': '--dry-run prints the table file and writes none, so there is no table for --force to replace',
  'pack-format':
    'the pack holds the redline in every format (Word, HTML, Markdown, changes.json) and prints only the list ' +
    'of its files; --format chooses how a printed redline is rendered',
  'pack-redline-only':
    'the pack holds every document and prints only the list of its files; --redline-only chooses what is printed',
  'update-lock-stdin':
    '--update-lock records the files on disk, and the standard input is text that is not on disk; save the file ' +
    'and run mtad check --update-lock',
  'no-cache-location': '--no-cache neither reads nor writes a cache, so it has no location',
  'list-rules': '--list-rules prints the rules and checks no file',
};

/** What git said, or that it is not there. */
const describeGitRefusal = (git: GitRefusal): string =>
  git.kind === 'not-installed' ? 'git is not installed (or not on PATH)' : git.said;

/** Why the files changed since a commit could not be listed, in words. */
function describeGitProblem(git: GitProblem): string {
  switch (git.problem) {
    case 'no-repository':
      return `needs a git repository, and ${git.folder} is not in one (${describeGitRefusal(git.git)})`;
    case 'no-commit':
      return (
        `git knows no commit ${JSON.stringify(git.ref)} (fetch it first: a shallow clone has only the last ` + `commit)`
      );
    case 'git-failed':
      return describeGitRefusal(git.git);
  }
}

/** What a command-line value should have been, in words. */
function describeExpected(expected: ExpectedValue): string {
  switch (expected.kind) {
    case 'amendment-id':
      return AMENDMENT_ID;
    case 'history-point':
      return (
        `a date YYYY-MM-DD or an amendment id (${expected.ids.join(', ')})` +
        (expected.nearest === undefined ? '' : `; did you mean ${JSON.stringify(expected.nearest)}?`)
      );
    case 'timeline-end':
      return (
        `an end date from which the proposed timeline (issued up to ${expected.days} days before it; a ` +
        `one-month window after it) stays between ${FIRST_DATE} and ${LAST_DATE}`
      );
    case 'timeline-issue':
      return (
        `an issue date from which the proposed timeline (modification up to ${expected.days} days after it, ` +
        `then a one-month window) stays between ${FIRST_DATE} and ${LAST_DATE}`
      );
    case 'amendment-beside':
      return `the id${expected.byFile ? ' or file' : ''} of an amendment beside the table: ${expected.ids.join(', ')}`;
    case 'calendar-date':
      return 'a calendar date YYYY-MM-DD, e.g. 2022-12-05';
    case 'epoch-seconds':
      return 'whole seconds since 1970-01-01T00:00:00Z, e.g. 1670198400';
    case 'revision-date':
      return 'a date YYYY-MM-DD or a UTC time YYYY-MM-DDTHH:MM:SSZ';
    case 'restart-decided':
      return (
        `a calendar date YYYY-MM-DD from which a re-start estimate (up to 3 months and 6 weeks later) falls by ` +
        `${LAST_DATE}`
      );
    case 'recorded-by':
      return `the date the correction is recorded, no later than today (${expected.today})`;
    case 'uk-local-time':
      return expected.skipped
        ? 'a time the UK clock shows: that day the clocks went forward from 01:00 to 02:00, so no time from ' +
            '01:00 to 01:59 exists in UK local time (give the time as the UK clock showed it, e.g. 02:30 for ' +
            '01:30 GMT)'
        : 'a date and a time of day, UK local time, e.g. "2023-01-12 15:20"';
    case 'one-line-text':
      return (
        'text on one line, without control or invisible characters or spaces at either end, e.g. ' +
        '"consultations@smartdcc.co.uk"'
      );
    case 'conclusion-of':
      return `the conclusion of ${expected.id} (this file concludes ${expected.concludes})`;
    case 'column-heading':
      return `FIELD=HEADING with FIELD one of ${expected.fields.join(', ')}, e.g. --column endDate="Closure date"`;
    case 'caption-number':
      return 'the number in the caption, e.g. 17.6';
    case 'output-format':
      return `FORMAT=PATH with FORMAT one of ${expected.formats.join(', ')}, e.g. --output sarif=mtad.sarif`;
    case 'whole-number':
      return 'a whole number, 0 or more';
    case 'git-commit':
      return `a commit of the git repository that holds the working folder (${describeGitProblem(expected.git)})`;
    case 'responses-folder':
      return `a folder of response files (${expected.found === 'file' ? 'it is a file' : 'it does not exist'})`;
    case 'one-table':
      return `one table file and its amendments at a time (these are ${expected.tables} table files)`;
    case 'path':
      return `${PATHS[expected.of]} ${UNSET}`;
    case 'new-folder':
      return `the path of a new folder for the ${expected.of} ${UNSET}`;
    case 'cache-location':
      return `${PATHS.cache} ${UNSET}`;
  }
}

/** Why an argument not given is needed, and what to give. */
function describeMissing(missing: MissingArgument): string {
  switch (missing.kind) {
    case 'closure-end-date':
      return (
        'a closure needs its end date, and none can be proposed in its place; give the proposed end date of ' +
        'the closure (the last day of Migration DUST), e.g. --on 2023-06-30'
      );
    case 'cohort-without-id':
      return (
        `the cohort ${JSON.stringify(missing.cohort)} has no letter or digit to make the amendment's id from; ` +
        `give one with --id: ${AMENDMENT_ID}`
      );
    case 'import-date':
      return (
        `there is no readable table at ${missing.table} to take the date from; give the date the document's ` +
        `table reflects, e.g. --as-at 2022-12-05`
      );
    case 'conclusions-several':
      return (
        `more than one pending amendment has a conclusion (${missing.ids.join(', ')}); give the id of the one to ` +
        `report on`
      );
    case 'conclusion-none':
      return missing.pending.length === 0
        ? 'no amendment is pending (the table reflects every one), so none has a conclusion to report on; give ' +
            'the id of an amendment with its conclusion named by --conclusion FILE'
        : `no pending amendment has a conclusion in conclusions/ (pending: ${missing.pending.join(', ')}); give ` +
            'the id of one of them, once its conclusion is written (mtad schema conclusion gives its shape), or ' +
            'named by --conclusion FILE';
    case 'questions-none':
      return (
        'no amendment beside the table has a consultation that asks questions, to take in its place; give the ' +
        `id of an amendment beside the table: ${missing.ids.join(', ') || 'there is none'}`
      );
    case 'narrative-none':
      return (
        'no amendment that the table does not reflect yet has a narrative (consultations/<id>.md beside the ' +
        'table) to take in its place; give the id of the amendment, e.g. mtad consultation ' +
        `${missing.last ?? 'mdust-close-moc-secure'}, after writing its narrative (mtad new close scaffolds one)`
      );
    case 'narratives-several':
      return (
        `${missing.ids.length} amendments that the table does not reflect yet have a narrative, so none is ` +
        `taken in its place; give one of ${missing.ids.join(', ')}`
      );
  }
}

/** How a refusal names an amendment's consultation: its id, or that none is recorded. */
const describeConsultation = ({ amendment, consultation }: ConsultationOf): string =>
  consultation === undefined ? `${amendment} (its consultation id is not recorded)` : `${amendment} (${consultation})`;

/** Why a filled-in response template cannot be read, in words. */
function describeFormProblem(args: ResponseFormProblem): string {
  switch (args.problem) {
    case 'boxes':
      return args.count === 0
        ? 'it has no checkbox lines for the confidentiality choice'
        : `its confidentiality choice has ${args.count} checkbox lines, not the 3 mtad generates`;
    case 'boxes-ticked':
      return `${args.ticked.length} confidentiality boxes are ticked (${args.ticked.join(', ')}); expected one`;
    case 'questions-unnamed':
      return (
        `it does not name the question(s) ${args.questions.map((id) => `"${id}"`).join(', ')}; is it the ` +
        `template of this consultation?`
      );
    case 'no-answer-box':
      return `no answer box follows question "${args.question}"`;
    case 'amendment-unknown':
      return `no amendment beside the table has the id "${args.id}"`;
    case 'other-consultation':
      return (
        `it is the response template of the consultation of ${args.others.map(describeConsultation).join(', ')}, ` +
        `not of --amendment ${describeConsultation(args.chosen)}; leave --amendment out, or name the amendment ` +
        `whose consultation it answers`
      );
    case 'no-questions':
      return `the consultation of --amendment ${args.id} asks no questions, so no response template answers it`;
    case 'consultation-unknown':
      return 'it names the consultation id of no amendment beside the table; name the amendment with --amendment ID';
    case 'consultations-several':
      return `it names the consultations of ${args.ids.join(', ')}; name one with --amendment ID`;
    case 'no-box-ticked':
      return (
        'no confidentiality box is ticked; tick one, or give the choice the respondent stated in writing ' +
        'with --confidentiality none|all|part'
      );
    case 'mark-unbalanced':
      return (
        `the answer to "${args.question}" opens a [confidential] mark it does not close, or closes one it did ` +
        `not open`
      );
    case 'part-unmarked':
      return (
        'part of the response is confidential, but no passage is marked [confidential] ... [/confidential]; ' +
        'mark them so, or write the response file by hand'
      );
    case 'marked-not-part':
      return `passages are marked [confidential] but the box ticked is "${args.choice}"; expected "part"`;
    case 'text-unrecordable':
      return (
        `it holds text a response file cannot record (${args.codes.join(', ')}); remove control characters from ` +
        `the answers`
      );
  }
}

/** What says an amendment is made, in words. */
function describeMadeRecord(made: MadeRecord): string {
  switch (made.by) {
    case 'status':
      return 'status: made';
    case 'lock':
      return `recorded in ${made.lockFile}`;
    case 'lock-file-gone':
      return 'its file has gone';
  }
}

/** How a column is named where a finding speaks of a cell. */
const FIELDS: Record<DiagnosticArgs['PRECONDITION_FAILED']['field'], string> = { endDate: 'Migration DUST end date' };

/** How a cell a correction sets is named. */
/** Whom a conclusion pack is for, as a refusal names it. */
const READERS: Record<'public' | 'department', string> = {
  public: 'the public conclusion report',
  department: "the department's copy of the conclusion report (with confidential text)",
};

const CORRECTED: Record<CorrectedField, string> = { endDate: 'Migration DUST end date', groupId: 'GroupID' };

/** The sentence for a finding, made from its code and arguments. */
export function formatDiagnostic(d: Diagnostic): string {
  switch (d.code) {
    case 'FILE_UNREADABLE':
      return `cannot read the file: ${d.args.reason}`;
    case 'FILE_NOT_FOUND':
      return `${d.args.what} does not exist${d.args.hint ? `; ${d.args.hint}` : ''}`;
    case 'FILE_NOT_TEXT':
      return `not a text file: ${d.args.reason}; expected YAML in UTF-8`;
    case 'YAML_SYNTAX':
      return `not valid YAML: ${d.args.reason}`;
    case 'YAML_DUPLICATE_KEY':
      return `the key ${quote(d.args.key)} appears twice in this mapping; keep one`;
    case 'YAML_ALIAS_LIMIT':
      return `YAML aliases expand to more than ${d.args.limit} nodes; write the values out instead`;
    case 'SCHEMA_UNKNOWN_KEY':
      return `unknown key ${quote(d.args.key)}.${orSuggest(d.args.suggestion)}`;
    case 'SCHEMA_MISSING_FIELD':
      return `missing field ${quote(d.args.field)}: expected ${d.args.expected}`;
    case 'SCHEMA_WRONG_TYPE':
      return `expected ${d.args.expected}, found ${d.args.received}`;
    case 'SCHEMA_INVALID_VALUE':
      return `expected one of ${d.args.allowed}, found ${d.args.received}`;
    case 'DATE_INVALID':
      return `${quote(d.args.value)} is not a calendar date: expected YYYY-MM-DD, e.g. 2023-01-31`;
    case 'TIME_INVALID':
      return `${quote(d.args.value)} is not a time of day: expected HH:MM in UK local time, e.g. "16:00"`;
    case 'CELL_VALUE_OR_UNKNOWN':
      return (
        `${d.args.field} must give exactly one of "value" and "unknown" (say why it is unknown), e.g. { value: ` +
        `DA, source: ... }`
      );
    case 'VALUE_INVALID':
      return `${quote(d.args.value)} is not a value for ${d.args.field}: expected ${d.args.expected}`;
    case 'COHORT_UNKNOWN':
      return `no cohort ${quote(d.args.cohort)} in the table.${orSuggest(d.args.suggestion)}`;
    case 'GROUPID_MISMATCH':
      return (
        `the change says ${d.args.cohort} has GroupID ${quote(d.args.stated)}, but the table has ` +
        `${quote(d.args.table)}`
      );
    case 'PRECONDITION_FAILED':
      return (
        `the change expects ${d.args.cohort} ${FIELDS[d.args.field]} to be ${describeCell(d.args.expected)}, ` +
        `but the table holds ` +
        `${describeCell(d.args.actual)}${d.args.setBy === undefined ? '' : `, as amendment "${d.args.setBy}" set it`}`
      );
    case 'PACK_NOT_LATEST':
      return (
        `cannot make the pack of ${quote(d.args.id)} again: the table has since been written with ` +
        `${d.args.later.map(quote).join(', ')}, which replaced the sources and the asAt the pack's table file ` +
        `held, so it would not be the pack that was made. Name the latest written amendments, or take the pack ` +
        `from version control`
      );
    case 'AMENDMENT_ALREADY_APPLIED':
      return `the table already reflects amendment ${quote(d.args.id)} (it is listed under "applied")`;
    case 'DIRECTION_FIELD_MISSING':
      return `cannot render the direction of ${quote(d.args.id)}: ${d.args.field} is not set`;
    case 'DIRECTION_NOT_CONCLUDED':
      return (
        `cannot render the final direction of ${quote(d.args.id)}: its status is ${d.args.status}; a final ` +
        `direction needs status concluded or made (the draft needs neither)`
      );
    case 'TEMPLATE_UNKNOWN_NAME':
      return `the template uses placeholders that mtad does not fill: ${d.args.names}`;
    // The consultation pack (mtad amend --out)
    case 'PACK_FIELD_MISSING': {
      const field =
        'field' in d.args
          ? d.args.field
          : `the department responsible on ${formatLongDate(d.args.department)} (${d.args.departmentsFile})`;
      return `cannot write the ${PACK_DOCUMENTS[d.args.document]} of ${quote(d.args.id)}: ${field} is not set`;
    }
    case 'OUT_EXISTS':
      return `the output folder ${d.args.path} already exists; choose another folder, or pass --force to replace it`;
    case 'OUT_UNWRITABLE':
      return 'taken' in d.args
        ? `cannot write ${d.args.path}: ${d.args.taken} files of that name are taken; name one with --out`
        : `cannot write ${d.args.path}: ${d.args.reason}`;
    case 'OUT_PROTECTED':
      return `refusing to write ${d.args.path}: ${describeRelation(d.args)}. Nothing was written; choose another path`;
    case 'OUT_NOT_MTAD':
      return d.args.kind === 'pack'
        ? `refusing to replace ${d.args.path}: it is ` +
            `${d.args.found === 'folder' ? 'a folder without .mtad-pack' : FOUND[d.args.found]}, not a ` +
            `consultation pack mtad wrote (a folder holding .mtad-pack), and --force replaces only such a ` +
            `folder. Nothing was written; choose another folder, or remove it yourself`
        : d.args.kind === 'table'
          ? `refusing to write the imported table over ${d.args.path}: it is ${FOUND[d.args.found]} that is ` +
            `not a table file (an amendment, a response or another file of the project), and --table names the ` +
            `table to write. Nothing was written; name the table file, or a new one`
          : d.args.kind === 'response'
            ? `refusing to write the response over ${d.args.path}: it is ${FOUND[d.args.found]} that is not a ` +
              `response file, and --force replaces only a response. Nothing was written; choose another --out`
            : d.args.kind === 'report'
              ? `refusing to write the report over ${d.args.path}: it is ${FOUND[d.args.found]}, not a report ` +
                `mtad check wrote (SARIF, JSON, GitHub annotations or stylish text), and --output replaces ` +
                `only such a report. Nothing was written; choose another path, or remove it yourself`
              : `refusing to write the cache over ${d.args.path}: it is ${FOUND[d.args.found]} that mtad did ` +
                `not write as its cache. Nothing was written; choose another --cache-location`;
    case 'OUT_HOLDS_FOREIGN':
      return (
        `refusing to replace ${d.args.path}: it holds ${d.args.path}/${d.args.file}, which ` +
        (d.args.how === 'changed'
          ? 'was changed after mtad wrote it'
          : 'its .mtad-pack does not list as a file mtad wrote') +
        ', ' +
        `and --force never deletes a file mtad did not write. Nothing was written; move that file out of the ` +
        `folder, or choose another folder`
      );
    case 'OUT_OTHER_PACK':
      return (
        `refusing to replace ${d.args.path}: it is a pack that mtad ${d.args.writtenBy} --out wrote ` +
        `(${d.args.files} ${d.args.files === 1 ? 'file' : 'files'}: ` +
        `${d.args.some.join(', ')}${d.args.files > d.args.some.length ? ', ...' : ''}), and mtad ` +
        `${d.args.command} --force replaces only a pack that mtad ${d.args.command} --out wrote. Nothing was ` +
        `written or removed; choose another folder, or delete ${d.args.path} yourself`
      );
    case 'OUT_OTHER_AUDIENCE':
      return (
        `refusing to replace ${d.args.path}: it is ${READERS[d.args.writtenFor]} that mtad ${d.args.command} ` +
        `--for ${d.args.writtenFor} --out wrote (${d.args.files} ${d.args.files === 1 ? 'file' : 'files'}: ` +
        `${d.args.some.join(', ')}${d.args.files > d.args.some.length ? ', ...' : ''}), and mtad ` +
        `${d.args.command} --for ${d.args.audience} --force replaces only ${READERS[d.args.audience]}. Nothing ` +
        `was written or removed; choose another folder, or delete ${d.args.path} yourself`
      );
    case 'PDF_CONVERTER_MISSING':
      return (
        `--pdf needs ${d.args.program} (LibreOffice) to convert the Word files, and it is not on the PATH: ` +
        `install the Debian package ${d.args.debianPackage} (apt-get install --no-install-recommends ` +
        `${d.args.debianPackage}). Nothing was written`
      );
    case 'PDF_CONVERSION_FAILED':
      return `LibreOffice could not convert ${d.args.file} to PDF: ${d.args.reason}. Nothing was written`;
    // The table over time (history, --write, new, revert)
    case 'FIELD_TO_DECIDE':
      return `${d.args.field} is a proposal still to decide: confirm or change the value, then remove its !todo tag`;
    case 'AMENDMENT_NOT_MADE':
      return (
        `amendment ${quote(d.args.id)} is ${d.args.status}, not made: --write records only made amendments in ` +
        `the table. Once the direction is made, set status: made, with consultation.concluded, ` +
        `modification.date (its "with effect from") and modification.annex`
      );
    case 'AMENDMENT_WRITE_OUT_OF_ORDER':
      return (
        `amendment ${quote(d.args.id)} comes after ${quote(d.args.earlier)} (${d.args.status}), which the ` +
        `table does not reflect yet: --write records amendments in their order of application, none skipped. ` +
        `Make and write ${quote(d.args.earlier)} first, or withdraw it (status: withdrawn); nothing was written`
      );
    case 'FILE_CHANGED_ON_DISK':
      return `${d.args.what} changed on disk after mtad read it; nothing was written. Run the command again`;
    case 'INIT_TARGET_EXISTS':
      return `${d.args.path} is already there, and mtad init replaces no file: nothing was written`;
    case 'INIT_NOT_A_FOLDER':
      return (
        `${d.args.path} is not a folder: mtad init scaffolds a project into a folder (new or existing); ` +
        `nothing was written`
      );
    case 'FILE_EXISTS':
      return `${d.args.what} already exists; pass --force to replace it, or --stdout to print instead`;
    case 'DRAFT_ISSUED_BEFORE_EARLIER':
      return (
        `${d.args.option} ${d.args.value} proposes a consultation issued on ${formatLongDate(d.args.issued)}, ` +
        `before ${quote(d.args.earlier.id)} (sequence ${d.args.earlier.sequence}) was issued on ` +
        `${formatLongDate(d.args.earlier.issued)}: the new amendment takes sequence ${d.args.sequence}, and ` +
        `amendments are numbered in the order their consultations are issued. Choose a later date; nothing was ` +
        `written`
      );
    case 'NEW_NOT_APPLICABLE':
      return (
        `cannot ${d.args.action === 'close' ? 'close' : 're-open'} Migration DUST for ${d.args.cohort}: its ` +
        `end date is ${describeCell(d.args.value)}`
      );
    case 'HISTORY_AMENDMENT_MISSING':
      return (
        `the table lists amendment ${quote(d.args.id)} under "applied" but no amendment file has that id, so ` +
        `its history cannot be computed`
      );
    case 'CONFIG_RULE_UNKNOWN':
      return (
        `unknown rule ${quote(d.args.rule)}: mtad check --list-rules lists the ` +
        `rules.${orSuggest(d.args.suggestion)}`
      );
    case 'CONFIG_RULE_LOCKED':
      return (
        `${d.args.rule} is an error that amend and the other commands refuse too: it cannot be set to ` +
        `${quote(d.args.severity)}, only warnings can be relaxed`
      );
    case 'ARGUMENT_INVALID': {
      if ('commander' in d.args) return d.args.commander;
      const expected = describeExpected(d.args.expected);
      // An empty value is most often an unset shell variable: "" would read as nothing at all.
      return d.args.value === ''
        ? `${d.args.option} is empty: expected ${expected}`
        : `${quote(d.args.value)} is not a value for ${d.args.option}: expected ${expected}`;
    }
    case 'ARGUMENT_MISSING':
      if ('commander' in d.args) return d.args.commander;
      return `${d.args.argument} is missing: ${describeMissing(d.args.missing)}`;
    case 'ARGUMENTS_EXCESS':
    case 'COMMAND_UNKNOWN':
    case 'OPTION_UNKNOWN':
      return d.args.commander;
    case 'OPTION_NEEDS':
      return (
        `${d.args.option} goes with ${d.args.needs}: ${NEEDS[d.args.because]}; give ${d.args.needs} too, or leave ` +
        `${d.args.option} out`
      );
    case 'OPTIONS_CONFLICT':
      if ('commander' in d.args) return d.args.commander;
      return `${d.args.option} cannot go with ${d.args.other}: ${CONFLICTS[d.args.because]}; leave one of them out`;
    case 'FILE_UNWRITABLE':
      return `cannot write the file: ${d.args.reason}; nothing was written`;
    case 'STDOUT_UNWRITABLE':
      return `cannot write standard output: ${d.args.reason}; what mtad printed there is incomplete`;
    // bin/mtad.cjs prints these two itself, with no dist/ to load this from: the words are the same.
    case 'BUILD_MISSING':
      return (
        `mtad is not built: ${d.args.file} does not exist; run npm run build in ${d.args.root} (after npm ci in ` +
        `a fresh clone)`
      );
    case 'WORKING_FOLDER_MISSING':
      return (
        'the working folder no longer exists (it was deleted or moved after the shell entered it); change to a ' +
        'folder that exists and run mtad again'
      );
    case 'FILE_LOCKED':
      return (
        `another mtad${d.args.pid ? ` (process ${d.args.pid})` : ''} is writing ${d.args.what}; nothing was ` +
        `written. Run the command again when it has finished (its lock is ${d.args.lock})`
      );
    case 'FILE_READ_ONLY':
      return (
        `${d.args.what} is read-only (no write permission); nothing was written. Make it writable (chmod u+w) ` +
        `if mtad is to change it`
      );
    case 'WRITE_INCOMPLETE':
      return (
        `cannot write ${d.args.what}: ${d.args.reason}; ${d.args.written}, written just before, could not be ` +
        `put back as it was, so it is ahead of ${d.args.what}. Run the command again once the cause is fixed: ` +
        `it completes the write`
      );
    // mtad check: the rules on the data folder
    case 'FILE_EMPTY':
      return 'the file is empty (or holds only comments): expected a YAML mapping, e.g. "id: ..." on the first line';
    case 'FILE_TOO_LARGE':
      return (
        `the file ${d.args.size === undefined ? 'holds more than' : `is ${d.args.size} bytes, more than`} the ` +
        `${d.args.limit} bytes a table or an amendment can be; is it the right file?`
      );
    case 'YAML_FORBIDDEN_KEY':
      return (
        `the key ${quote(d.args.key)} is not allowed: JavaScript readers may take it for the object's ` +
        `prototype; rename or remove it`
      );
    case 'TEXT_HIDDEN_CHARACTER':
      return (
        `${d.args.field} holds the invisible character ${d.args.character} at character ${d.args.index} of ` +
        `${quote(d.args.value)}; remove it: it changes how the text reads without being seen`
      );
    case 'TEXT_SPACE_AROUND':
      return `${d.args.field} begins or ends with a space: ${quote(d.args.value)}; remove it`;
    case 'COHORT_CONFUSABLE':
      return (
        `the cohort ${quote(d.args.cohort)} looks like the cohort ${quote(d.args.resembles)} of the table but ` +
        `is not the same text (another script's letters, hidden characters or spaces); write ` +
        `${quote(d.args.resembles)}`
      );
    case 'COHORT_DUPLICATE':
      return `the cohort ${quote(d.args.cohort)} appears more than once in the table; keep one row per cohort`;
    case 'GROUPID_DUPLICATE':
      return (
        `the GroupID ${quote(d.args.groupId)} of ${d.args.cohort} is also the GroupID of ${d.args.other}; a ` +
        `GroupID names one cohort`
      );
    case 'VALUE_UNKNOWN':
      return (
        `${d.args.field} is unknown (${d.args.reason.replace(/\.$/, '')}); ` +
        (d.args.source
          ? `check: ${d.args.source}`
          : 'no source to check is named: add "source:" saying where the value would be found')
      );
    case 'AMENDMENT_ID_DUPLICATE':
      return `the amendment id ${quote(d.args.id)} is also used by ${d.args.other}; ids must be unique`;
    case 'AMENDMENT_ID_FILENAME':
      return (
        `the amendment id ${quote(d.args.id)} does not match the file name: expected ${d.args.expected}, so ` +
        `that mtad finds it by id`
      );
    case 'SEQUENCE_DATE_ORDER':
      return (
        `amendment ${quote(d.args.id)} (sequence ${d.args.sequence}) was issued on ` +
        `${formatLongDate(d.args.issued)}, before ${quote(d.args.earlier.id)} (sequence ` +
        `${d.args.earlier.sequence}), issued on ${formatLongDate(d.args.earlier.issued)}: amendments are ` +
        `numbered in the order their consultations were issued. Correct the date, or the sequence numbers`
      );
    case 'SEQUENCE_DUPLICATE':
      return (
        `sequence ${d.args.sequence} of ${quote(d.args.id)} is also the sequence of ${quote(d.args.other)}; ` +
        `give each amendment its own place in the order of application`
      );
    case 'APPLIED_UNKNOWN':
      return `the table lists ${quote(d.args.id)} as applied, but no amendment file has that id`;
    case 'APPLIED_OUT_OF_ORDER':
      return (
        `the table lists ${quote(d.args.id)} as applied, but ${quote(d.args.before)}, which comes before it in ` +
        `the order of application, is not applied before it`
      );
    case 'APPLIED_NOT_REFLECTED':
      return (
        `amendment ${quote(d.args.id)}, which the table lists as applied, sets ${d.args.cohort} to ` +
        `${describeCell(d.args.expected)}, but the table holds ${describeCell(d.args.actual)}`
      );
    case 'CHANGE_ACTION_MISMATCH':
      return d.args.action === 'close'
        ? `a close must set an end date, but "to" is ${describeCell(d.args.to)}; to remove an end date, write ` +
            `"action: reopen"`
        : `a reopen removes the end date ("to: none"), but "to" is ${describeCell(d.args.to)}; to set an end ` +
            `date, write "action: close"`;
    case 'CHANGE_TARGET_REPEATED':
      return (
        `change ${d.args.change} changes the ${d.args.field} of ${quote(d.args.cohort)} again, as change ` +
        `${d.args.earlier} does; an amendment changes each cohort once: make each change an amendment of its ` +
        `own`
      );
    case 'TIMELINE_ORDER':
      return (
        `${describeMilestone(d.args.later)}, must be ${d.args.relation} ${describeMilestone(d.args.earlier)} ` +
        `(expected: issued < responses due < conclusion <= modification date <= end date)`
      );
    case 'TIMELINE_WINDOW':
      return (
        `the modification, ${describeDatedWindow(d.args.modification, 'long')}, may take effect after ` +
        `Migration DUST for ${d.args.cohort} has ended: its end date is ` +
        `${describeDatedWindow(d.args.end, 'long')}`
      );
    case 'NON_WORKING_DAY':
      return (
        `${MILESTONES[d.args.milestone]}, ${formatDateWithWeekday(d.args.date)}, is not a working day in ` +
        `England and Wales (${d.args.reason}); DCC's dates fall on working days`
      );
    case 'WEEKDAY_MISMATCH':
      return `${quote(d.args.written)}: ${formatLongDate(d.args.date)} is a ${d.args.weekday}`;
    case 'PROSE_DATE_INVALID':
      return `${quote(d.args.written)} is not a calendar date`;
    case 'PROSE_DATE_MISMATCH':
      return (
        `${quote(d.args.written)} in the wording matches none of ` +
        (d.args.of === 'conclusion'
          ? "the consultation's or the conclusion's dates (the final values, not the proposed ones)"
          : "the amendment's dates") +
        (d.args.nearest
          ? `; the nearest is ${describeDateField(d.args.nearest)}, ${formatLongDate(d.args.nearest.date)}`
          : '')
      );
    case 'NARRATIVE_TODO':
      return (
        `still to write before the consultation is made${d.args.what ? `: ${d.args.what}` : ''} (remove the ` +
        `!todo once written)`
      );
    case 'NARRATIVE_PLACEHOLDER':
      return d.args.field === undefined
        ? `the scaffold's instruction ${quote(d.args.written)} is still here (its !todo was removed, its text ` +
            `was not): write DCC's own words in its place`
        : `${d.args.field} still holds the scaffold's placeholder ${quote(d.args.written)}: write the value in ` +
            `its place`;
    case 'NARRATIVE_COHORT':
      return (
        `the narrative names the cohort ${quote(d.args.cohort)}, but the consultation on ${quote(d.args.id)} ` +
        `is about ${d.args.cohorts}; write {{cohort}} for it, or a placeholder of the data for earlier ` +
        `closures and the cohorts still open ({{closure1.cohorts}}, {{openCohorts}}, {{closedCohorts}}, ` +
        `{{remainingCohorts}}: templates/README.md)`
      );
    case 'NARRATIVE_GROUP_ID':
      return (
        `${quote(d.args.written)} is not the GroupID of ${d.args.cohort}, which the table records as ` +
        `${quote(d.args.groupId)}; write {{groupId}}`
      );
    case 'LOCK_MISSING':
      if (d.args.record === 'correction')
        return (
          `correction ${quote(d.args.id)} is not recorded in ${d.args.lockFile}: a correction is recorded by ` +
          `mtad correct --write, which writes the file, the lock and the table together; a correction file ` +
          `written by hand is not history`
        );
      return (
        `amendment ${quote(d.args.id)} is made but not recorded in ${d.args.lockFile}; record it with: mtad ` +
        `check --update-lock`
      );
    case 'LOCK_MISMATCH':
      if (d.args.record === 'correction')
        return (
          `correction ${quote(d.args.id)} is recorded history and must not change, but it differs from ` +
          `${d.args.lockFile} in: ${describeChangedFields(d.args.fields)}; to correct a value again, run mtad ` +
          `correct again`
        );
      return (
        `amendment ${quote(d.args.id)} is made (directed) and must not change, but it differs from ` +
        `${d.args.lockFile} in: ${describeChangedFields(d.args.fields)}`
      );
    case 'LOCK_STALE':
      if (d.args.record === 'correction')
        return (
          `the lock records correction ${quote(d.args.id)}, but no correction file has that id; a recorded ` +
          `correction cannot be removed`
        );
      return (
        `the lock records made amendment ${quote(d.args.id)}, but no amendment file has that id; a made ` +
        `amendment cannot be removed`
      );
    case 'LOCK_UPDATE_REFUSED':
      return (
        `cannot update ${d.args.lockFile}: every file must be readable and pass its schema first; run mtad ` +
        `check without --update-lock to see why not`
      );
    case 'CORRECTION_FROM_MISMATCH':
      return (
        `the correction expects ${d.args.cohort} ${CORRECTED[d.args.field]} to be ` +
        `${describeCell(d.args.expected)} (--from), but the table holds ${describeCell(d.args.actual)}; ` +
        `nothing was written`
      );
    case 'CORRECTION_UNCHANGED':
      return (
        `the table already holds ${describeCell(d.args.value)} as ${d.args.cohort} ${CORRECTED[d.args.field]}: ` +
        `there is nothing to correct; nothing was written`
      );
    case 'CORRECTION_SET_BY_AMENDMENT':
      return (
        `${d.args.cohort} ${CORRECTED[d.args.field]} is ${describeCell(d.args.value)} as made amendment ` +
        `${quote(d.args.id)} set it: changing what a direction set needs an amendment (mtad new, mtad revert), ` +
        `not a correction; a correction only states a value the record holds as unknown, or one no amendment ` +
        `set. Nothing was written`
      );
    case 'CORRECTION_NOT_UNKNOWN':
      if (d.args.field === 'groupId')
        return (
          `the table holds ${describeCell(d.args.value)} as ${d.args.cohort} ${CORRECTED[d.args.field]}, from ` +
          `its source: a correction states a value the record holds as unknown, not one its source gives; ` +
          `nothing was written`
        );
      return (
        `the table holds ${describeCell(d.args.value)} as ${d.args.cohort} ${CORRECTED[d.args.field]}, from ` +
        `its source: a correction states an end date the record holds as unknown; a known end date is changed ` +
        `by an amendment (mtad new close, mtad new reopen). Nothing was written`
      );
    case 'CORRECTION_OUT_OF_BOUNDS':
      return (
        `${describeCell(d.args.value)} is after ${formatLongDate(d.args.notAfter)}, the latest date the ` +
        `table's sources allow for ${d.args.cohort} ${CORRECTED[d.args.field]} (notAfter): the correction ` +
        `contradicts them; nothing was written`
      );
    case 'CORRECTION_BEFORE_AMENDMENT':
      return (
        `${describeCell(d.args.value)} is before ${formatLongDate(d.args.notBefore)}, the earliest date made ` +
        `amendment ${quote(d.args.id)} can have set ${d.args.cohort} ${CORRECTED[d.args.field]} (its ` +
        `consultation's issue and conclusion dates, or the bounds its sources give): the correction ` +
        `contradicts the history; nothing was written`
      );
    case 'CORRECTION_RECORDED_BEFORE':
      return (
        `--on ${d.args.on} is before ${d.args.notBefore}, the earliest date made amendment ${quote(d.args.id)} ` +
        `can have been made (its consultation's issue and conclusion dates, or the bounds its sources give): a ` +
        `correction of the ${d.args.cohort} end date it set cannot have been learnt before it was made; ` +
        `nothing was written`
      );
    case 'CORRECTION_TARGET':
      return (
        `correction ${quote(d.args.id)} says it states the ${d.args.cohort} ${CORRECTED[d.args.field]} that ` +
        `amendment ${quote(d.args.corrects)} set, but the table does not reflect such an amendment setting ` +
        `that value unknown`
      );
    case 'CORRECTION_NOT_REFLECTED':
      return (
        `correction ${quote(d.args.id)} records ${d.args.cohort} ${CORRECTED[d.args.field]} as ` +
        `${describeCell(d.args.expected)}, but the table holds ${describeCell(d.args.actual)}`
      );
    // Hostile input
    case 'YAML_SIZE_LIMIT':
      return (
        `this list or mapping has ${d.args.items} items, more than the ${d.args.limit} a table, an amendment ` +
        `or a response can have; is it the right file?`
      );
    // Drafts never replace a made amendment
    case 'AMENDMENT_MADE_PROTECTED':
      return (
        `${d.args.file} holds amendment ${quote(d.args.id)}, which is made (${describeMadeRecord(d.args.made)}); ` +
        `a made amendment is never replaced, not even with --force: choose another id; nothing was written`
      );
    case 'WORD_PACKAGE_UNREADABLE':
      return `cannot read the Word document: ${d.args.reason}`;
    case 'WORD_TABLE_NOT_FOUND':
      return (
        `no paragraph of the Word document starts with ${quote(`Table ${d.args.tableNumber}`)}; ` +
        (d.args.numberFrom === 'table'
          ? "the table file's table.number says which caption to look for: is this the MTAD's document?"
          : "give the caption's number with --table-number")
      );
    case 'WORD_CAPTION_NOT_ADJACENT':
      return `the caption ${quote(d.args.caption)} is not directly before or after a table`;
    case 'WORD_TABLE_AMBIGUOUS':
      return (
        `${d.args.count} tables of the Word document are captioned ${quote(`Table ${d.args.tableNumber}`)}; ` +
        `keep one caption`
      );
    case 'WORD_TABLE_MOVED':
      return (
        `the table captioned ${quote(`Table ${d.args.tableNumber}`)} is no longer where it was read; read the ` +
        `document again`
      );
    case 'WORD_CELL_MERGED':
      return (
        `row ${d.args.row + 1}, column ${d.args.column + 1} (${quote(d.args.heading)}) is a merged cell ` +
        `(${d.args.merge}); it is read as written and never redlined`
      );
    case 'WORD_COLUMN_UNMAPPED':
      return d.args.override !== undefined
        ? `no heading of the table is ${quote(d.args.override)}, named for ${d.args.field}; the headings are ` +
            `${d.args.headings}`
        : `no heading of the table names the ${d.args.field} column (headings: ${d.args.headings}); name it ` +
            `with --column ${d.args.field}=HEADING`;
    case 'WORD_COLUMN_AMBIGUOUS':
      return (
        `several headings could be the ${d.args.field} column: ${d.args.headings}; name one with --column ` +
        `${d.args.field}=HEADING`
      );
    case 'WORD_ROW_NOT_FOUND':
      return d.args.count === 0
        ? `no row of the Word table names the cohort ${quote(d.args.cohort)}`
        : `${d.args.count} rows of the Word table name the cohort ${quote(d.args.cohort)}; mtad changes a row ` +
            `only when one names it`;
    case 'WORD_PRECONDITION_FAILED':
      return (
        `${d.args.cohort}, ${d.args.heading} (row ${d.args.row + 1}, column ${d.args.column + 1}): the change ` +
        `expects ${quote(d.args.expected)}, but the Word document holds ` +
        `${d.args.actual === undefined ? '"(no such cell)"' : quote(d.args.actual)}; nothing was written`
      );
    case 'WORD_CELL_UNSUPPORTED':
      return d.args.column < 0
        ? `row ${d.args.row + 1}${d.args.cohort ? ` (${d.args.cohort})` : ''} holds ${d.args.holds}, which ` +
            `mtad does not redline; change that row in Word, nothing was written`
        : `${d.args.cohort}, ${d.args.heading} (row ${d.args.row + 1}, column ${d.args.column + 1}) holds ` +
            `${d.args.holds}, which mtad does not redline; change that cell in Word, nothing was written`;
    case 'WORD_ROW_EXISTS':
      return d.args.cohort === ''
        ? 'an inserted row needs its cohort'
        : `a row of the Word table already names the cohort ${quote(d.args.cohort)}; change that row instead`;
    case 'WORD_VALUE_KEPT':
      return (
        `${d.args.cohort}, ${d.args.heading} (row ${d.args.row + 1}, column ${d.args.column + 1}) reads ` +
        `${quote(d.args.text)}, which is not ` +
        `${d.args.field === 'endDate' ? 'an end date in UK long form ("31 January 2023") or empty' : 'a GroupID'}; ` +
        `kept as written, as unknown`
      );
    case 'WORD_COHORT_MISSING':
      return `row ${d.args.row + 1} of the Word table names no cohort; every row needs one`;
    case 'WORD_HEADING_UNUSABLE':
      return d.args.heading === ''
        ? `column ${d.args.column + 1} of the Word table has no heading; give it one, by which its texts are kept`
        : `two columns of the Word table are headed ${quote(d.args.heading)}; give each its own heading, by ` +
            `which its texts are kept`;
    case 'WORD_CELL_DIFFERS':
      return (
        `${d.args.cohort}, ${d.args.heading} (row ${d.args.row + 1}, column ${d.args.column + 1} of the Word ` +
        `table): the table holds ${quote(d.args.table)}, the Word document ${quote(d.args.document)}`
      );
    case 'WORD_ROW_MISSING':
      return d.args.missingFrom === 'document'
        ? `the cohort ${quote(d.args.cohort)} has a row in the table but none in the Word document`
        : `the cohort ${quote(d.args.cohort)} has a row in the Word document but none in the table`;
    case 'IMPORT_TABLE_EXISTS':
      return (
        `${d.args.what} already exists: the redline above shows how the import would change it; pass --force ` +
        `to replace it, or --dry-run to print the import; nothing was written`
      );
    case 'DATE_OUT_OF_RANGE':
      return (
        `${describeSpan(d.args.span)}, counted from ${d.args.date}, falls outside the dates mtad supports ` +
        `(${FIRST_DATE} to ${LAST_DATE}); expected a date that leaves room for it`
      );
    case 'YAML_SHARED_VALUE':
      return (
        `the table shares a value through the YAML ${d.args.kind} ${quote(d.args.name)}; expected every value ` +
        `written out in full, as an amendment changes one cell and a shared value would change every cell that ` +
        `shares it`
      );
    // Responses to a consultation
    case 'RESPONSE_AMENDMENT_UNKNOWN':
      return (
        `the response is to amendment ${quote(d.args.id)}, which no amendment file beside the table ` +
        `has${d.args.suggestion ? `; did you mean ${quote(d.args.suggestion)}?` : ''}`
      );
    case 'RESPONSE_QUESTION_UNKNOWN':
      return (
        `the consultation of ${quote(d.args.id)} asks no question ` +
        `${quote(d.args.question)}${d.args.suggestion ? `; did you mean ${quote(d.args.suggestion)}?` : ''}`
      );
    case 'RESPONSE_QUESTION_REPEATED':
      return `question ${quote(d.args.question)} is answered more than once; keep one answer`;
    case 'RESPONSE_LATE':
      return (
        `received at ${d.args.received.time} on ${formatLongDate(d.args.received.date)}, after the respond-by ` +
        `time (${d.args.due.time} on ${formatLongDate(d.args.due.date)}): a late response`
      );
    case 'RESPONSE_PASSAGE_NOT_FOUND':
      return (
        `the confidential passage ${quote(d.args.passage)} does not stand word for word in the answer to ` +
        `${quote(d.args.question)}, so it could not be kept out of what is published; copy it exactly`
      );
    case 'RESPONSE_MARK_WITHOUT_PART':
      return (
        `the answer to ${quote(d.args.question)} marks text confidential, but the response's confidentiality ` +
        `is ${quote(d.args.choice)}; expected "part" when only some of it is confidential`
      );
    case 'RESPONSE_FORM_UNREADABLE':
      return `cannot read the response template: ${describeFormProblem(d.args)}; nothing was written`;
    case 'RESPONSE_ANSWER_MISSING':
      return (
        `the response template has no answer to ${quote(d.args.question)}; nothing was written (with ` +
        `--allow-missing the question is recorded as not answered)`
      );
    case 'RESPONSE_NO_RESPONDENT':
      return d.args.source === 'template'
        ? 'the respondent details of the response template are all blank: a response from no one can be ' +
            'neither counted nor attributed, nor its confidentiality honoured; nothing was written. Fill in the ' +
            'name or organisation in the template (from the covering email, say), or write the response file by ' +
            'hand (mtad schema response)'
        : 'the response names no respondent (no name, organisation, email or telephone): a response from no ' +
            'one can be neither counted nor attributed, nor its confidentiality honoured; give at least the name ' +
            'or organisation';
    case 'RESPONSE_NOT_FOR_AMENDMENT':
      return d.args.found === 'response'
        ? `the response is to amendment ${quote(d.args.id ?? '')}, not to ${quote(d.args.amendment)}, whose ` +
            `responses are counted: move it to the folder of the responses to ${quote(d.args.id ?? '')}`
        : `the file is ` +
            (d.args.found === 'table'
              ? 'the table'
              : d.args.found === 'departments'
                ? 'the departments file'
                : 'not a response (it names no respondent)') +
            ', ' +
            `in the folder of the responses to ${quote(d.args.amendment)}: --responses names a folder that holds ` +
            `only the responses to one consultation`;
    case 'RESPONSE_EXISTS': {
      const from =
        d.args.respondent === null
          ? 'a respondent (the file does not read as a response)'
          : describeRespondent(d.args.respondent);
      return (
        `${d.args.path} already holds a response from ${from}; nothing was written. Pass --force ` +
        `to replace it with this one (a revised response), or --out FILE to keep both`
      );
    }
    // The conclusion of a consultation, and the lifecycle of an amendment
    case 'CONCLUSION_FINAL_DECISION':
      return d.args.decision === 'withdraw'
        ? 'the decision is withdraw, so there is no final direction; remove final'
        : `the decision is ${quote(d.args.decision)}, so the conclusion gives the final values: expected ` +
            `final, with the final end date of each change and the modification's date and annex`;
    case 'CONCLUSION_AMENDMENT_UNKNOWN':
      return (
        `the conclusion is of amendment ${quote(d.args.id)}, which no amendment file beside the table ` +
        `has${d.args.suggestion ? `; did you mean ${quote(d.args.suggestion)}?` : ''}`
      );
    case 'CONCLUSION_DUPLICATE':
      return `amendment ${quote(d.args.id)} has another conclusion, ${d.args.other}; keep one`;
    case 'CONCLUSION_BEFORE_DUE':
      return (
        `concluded on ${formatLongDate(d.args.concluded)}, before responses were due (${d.args.due.time} on ` +
        `${formatLongDate(d.args.due.date)}); expected a date on or after the respond-by date`
      );
    case 'CONCLUSION_BEFORE_RESPONSE':
      return (
        `concluded on ${formatLongDate(d.args.concluded)}, before the response in ${d.args.responseFile} was ` +
        `received (${d.args.received.time} on ${formatLongDate(d.args.received.date)}); expected a date on or ` +
        `after the day of each response it counts`
      );
    case 'CONCLUSION_SENT_BEFORE_CONCLUDED':
      return (
        `sent to the department on ${formatLongDate(d.args.sent)}, before the consultation was concluded on ` +
        `${formatLongDate(d.args.concluded)}; expected sentToDepartment on or after concluded`
      );
    case 'CONCLUSION_RESPONSES':
      return d.args.statement === 'received'
        ? `the conclusion says responses were received, but no response file to ${quote(d.args.id)} was ` +
            `checked; give the responses (responses/${d.args.id}/ beside the table, or the folder that holds ` +
            `them), or write none-received`
        : `the conclusion says no response was received, but ${d.args.count} response ` +
            `file${d.args.count === 1 ? '' : 's'} to ${quote(d.args.id)} ${d.args.count === 1 ? 'was' : 'were'} ` +
            `checked; expected received`;
    case 'CONCLUSION_QUESTION_UNKNOWN':
      return (
        `the consultation of ${quote(d.args.id)} asks no question ` +
        `${quote(d.args.question)}${d.args.suggestion ? `; did you mean ${quote(d.args.suggestion)}?` : ''}`
      );
    case 'CONCLUSION_QUESTION_MISSING':
      return (
        `the conclusion gives no response to ${quote(d.args.question)}, which the consultation of ` +
        `${quote(d.args.id)} asks; expected one in questions`
      );
    case 'CONCLUSION_QUESTION_REPEATED':
      return `question ${quote(d.args.question)} has more than one response; keep one`;
    case 'CONCLUSION_FINAL_CHANGES':
      return d.args.problem === 'missing'
        ? `the conclusion gives no final end date for ${quote(d.args.cohort)}, which amendment ` +
            `${quote(d.args.id)} closes; expected one in final.changes`
        : d.args.problem === 'repeated'
          ? `the conclusion gives ${quote(d.args.cohort)} more than one final end date; keep one`
          : `amendment ${quote(d.args.id)} closes no cohort ${quote(d.args.cohort)}; expected only the cohorts ` +
            `it closes in final.changes`;
    case 'CONCLUSION_OUTSIDE_WINDOW':
      return (
        `the final ` +
        `${d.args.cohort !== undefined ? `end date for ${quote(d.args.cohort)}` : 'modification date'}, ` +
        `${formatLongDate(d.args.date)}, is outside the window consulted on ` +
        `(${describeDatedWindow(d.args.consulted, 'long')}): that needs a new consultation`
      );
    case 'CONCLUSION_FINAL_ORDER': {
      const { earlier, later } = d.args;
      const name = (what: string, cohort?: string) =>
        what === 'concluded'
          ? 'the date of the conclusion'
          : what === 'modification'
            ? 'the final modification date'
            : `the final end date for ${quote(cohort ?? '')}`;
      return (
        `${name(later.what, later.cohort)}, ${formatLongDate(later.date)}, is before ${name(earlier.what)}, ` +
        `${formatLongDate(earlier.date)} (expected: concluded <= modification date <= end date)`
      );
    }
    case 'CONCLUSION_DATE_MISMATCH':
      return (
        `concluded on ${formatLongDate(d.args.concluded)}, but amendment ${quote(d.args.id)} records ` +
        `consultation.concluded ${formatLongDate(d.args.recorded)}; expected the same date in both`
      );
    case 'CONCLUSION_STATUS_MISMATCH':
      return d.args.decision === 'withdraw'
        ? `the conclusion withdraws amendment ${quote(d.args.id)}, whose status is ${quote(d.args.status)}; ` +
            `expected status withdrawn`
        : `the conclusion's decision is ${quote(d.args.decision)}, but amendment ${quote(d.args.id)} is ` +
            `withdrawn; expected decision withdraw`;
    case 'CONCLUSION_AMENDMENT_DISAGREES':
      return (
        `the conclusion's final ${describeFinalValue(d.args.value)} is ` +
        `${describeFinal(d.args.value, d.args.conclusion)}, but amendment ${quote(d.args.id)} ` +
        `(${d.args.amendmentFile}, status ${d.args.status}) sets ` +
        `${describeFinal(d.args.value, d.args.amendment)}; expected the same in both (the documents and the ` +
        `history take the conclusion's), or the amendment's unset (null)`
      );
    case 'CONCLUSION_NOT_AS_PROPOSED':
      return (
        `the decision is proceed (as proposed), but the final ${describeFinalValue(d.args.value)}, ` +
        `${describeFinal(d.args.value, d.args.conclusion)}, is not the one amendment ${quote(d.args.id)} ` +
        `proposes, ${describeFinal(d.args.value, d.args.proposed)}; expected the proposed value, or decision ` +
        `proceed-with-changes`
      );
    case 'CONCLUSION_CONFIDENTIAL': {
      const what =
        d.args.found === 'respondent'
          ? `names ${quote(d.args.text)}${d.args.as === undefined ? '' : ` (as ${quote(d.args.as)})`}, a ` +
            `respondent who asked for all of their response to be kept confidential`
          : d.args.found === 'passage'
            ? `quotes ${quote(d.args.text)}, a passage marked confidential`
            : `quotes ${quote(d.args.text)}, confidential answer text`;
      return (
        `DCC's text ${what}${d.args.question !== undefined ? ` (to ${d.args.question})` : ''} in ` +
        `${d.args.responseFile}; the public report would publish it: expected DCC's text to leave it out`
      );
    }
    case 'CONCLUSION_MISSING':
      return `${
        d.args.need === 'status'
          ? `amendment ${quote(d.args.id)} is ${d.args.status} after a consultation that asked questions`
          : `the final direction of ${quote(d.args.id)} is made from its conclusion`
      }, but it has no conclusion: expected ${d.args.file} (mtad schema conclusion gives its shape)`;
    case 'MADE_BEFORE_MODIFICATION':
      return (
        `amendment ${quote(d.args.id)} is made, but its modification date, ${formatLongDate(d.args.date)}, is ` +
        `after ${formatLongDate(d.args.today)}, the date checked for; expected status concluded until then`
      );
  }
}
