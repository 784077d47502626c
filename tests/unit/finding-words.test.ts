import { describe, expect, it } from 'vitest';
import {
  diagnose,
  type DiagnosticArgs,
  type ExpectedValue,
  type MissingArgument,
  type OptionConflict,
  type OptionNeed,
  type PathValue,
  type ResponseFormProblem,
} from '../../src/domain/model/diagnostics.js';
import { formatDiagnostic } from '../../src/render/diagnostic-messages.js';

/* Findings whose arguments are data: the words a user reads are made in render/diagnostic-messages.ts. */

describe('a draft refused over a made amendment', () => {
  const made = (args: Parameters<typeof diagnose<'AMENDMENT_MADE_PROTECTED'>>[1]) =>
    formatDiagnostic(diagnose('AMENDMENT_MADE_PROTECTED', args));
  it('says what records the amendment as made: its status, the lock, or the lock after its file has gone', () => {
    const tail = 'a made amendment is never replaced, not even with --force: choose another id; nothing was written';
    expect(made({ id: 'a-1', file: 'data/amendments/a-1.yaml', made: { by: 'status' } })).toBe(
      `data/amendments/a-1.yaml holds amendment "a-1", which is made (status: made); ${tail}`,
    );
    expect(
      made({ id: 'a-1', file: 'data/amendments/a-1.yaml', made: { by: 'lock', lockFile: 'data/amendments.lock' } }),
    ).toBe(`data/amendments/a-1.yaml holds amendment "a-1", which is made (recorded in data/amendments.lock); ${tail}`);
    expect(made({ id: 'a-1', file: 'data/amendments.lock', made: { by: 'lock-file-gone' } })).toBe(
      `data/amendments.lock holds amendment "a-1", which is made (its file has gone); ${tail}`,
    );
  });
});

describe('a command-line value that is not one the option takes', () => {
  const invalid = (value: string, expected: ExpectedValue) =>
    formatDiagnostic(diagnose('ARGUMENT_INVALID', { option: '--from', value, expected }));

  it('names the amendment ids a point in the history can be, and the one it resembles', () => {
    expect(invalid('mdust-close-foc', { kind: 'history-point', ids: ['a-1', 'mdust-close-foc-np'] })).toBe(
      '"mdust-close-foc" is not a value for --from: expected a date YYYY-MM-DD or an amendment id ' +
        '(a-1, mdust-close-foc-np)',
    );
    expect(invalid('', { kind: 'history-point', ids: ['a-1'], nearest: 'a-1' })).toBe(
      '--from is empty: expected a date YYYY-MM-DD or an amendment id (a-1); did you mean "a-1"?',
    );
  });

  it('says what an amendment id is', () => {
    expect(invalid('Bad_Id', { kind: 'amendment-id' })).toBe(
      '"Bad_Id" is not a value for --from: expected a kebab-case amendment id (lowercase letters and digits in ' +
        'words joined by single hyphens, e.g. mdust-close-foc-bg), as the amendment schema requires; it names ' +
        'the file <id>.yaml',
    );
  });

  it('says how far the timeline of a draft reaches from an end date or an issue date', () => {
    expect(invalid('9999-12-01', { kind: 'timeline-end', days: 120 })).toBe(
      '"9999-12-01" is not a value for --from: expected an end date from which the proposed timeline (issued ' +
        'up to 120 days before it; a one-month window after it) stays between 0001-01-01 and 9999-12-31',
    );
    expect(invalid('9999-12-01', { kind: 'timeline-issue', days: 60 })).toBe(
      '"9999-12-01" is not a value for --from: expected an issue date from which the proposed timeline ' +
        '(modification up to 60 days after it, then a one-month window) stays between 0001-01-01 and 9999-12-31',
    );
  });
});

describe('an argument that was not given', () => {
  const missing = (argument: string, what: MissingArgument) =>
    formatDiagnostic(diagnose('ARGUMENT_MISSING', { argument, missing: what }));

  it('says why a closure needs --on, and what to give', () => {
    expect(missing('--on', { kind: 'closure-end-date' })).toBe(
      '--on is missing: a closure needs its end date, and none can be proposed in its place; give the proposed ' +
        'end date of the closure (the last day of Migration DUST), e.g. --on 2023-06-30',
    );
  });

  it('says that a cohort without a letter or digit gives no id, and what an id is', () => {
    expect(missing('--id', { kind: 'cohort-without-id', cohort: '+++' })).toBe(
      '--id is missing: the cohort "+++" has no letter or digit to make the amendment\'s id from; give one with ' +
        '--id: a kebab-case amendment id (lowercase letters and digits in words joined by single hyphens, e.g. ' +
        'mdust-close-foc-bg), as the amendment schema requires; it names the file <id>.yaml',
    );
  });
});

describe('a response template that cannot be read', () => {
  const said = (problem: ResponseFormProblem) =>
    formatDiagnostic(diagnose('RESPONSE_FORM_UNREADABLE', problem)).replace(
      /^cannot read the response template: (.*); nothing was written$/,
      '$1',
    );

  it('says what of the structure mtad generates it lacks', () => {
    expect(said({ problem: 'boxes', count: 0 })).toBe('it has no checkbox lines for the confidentiality choice');
    expect(said({ problem: 'boxes', count: 2 })).toBe(
      'its confidentiality choice has 2 checkbox lines, not the 3 mtad generates',
    );
    expect(said({ problem: 'boxes-ticked', ticked: ['none', 'part'] })).toBe(
      '2 confidentiality boxes are ticked (none, part); expected one',
    );
    expect(said({ problem: 'questions-unnamed', questions: ['Q1', 'Q2'] })).toBe(
      'it does not name the question(s) "Q1", "Q2"; is it the template of this consultation?',
    );
    expect(said({ problem: 'no-answer-box', question: 'Q1' })).toBe('no answer box follows question "Q1"');
  });

  it('says which consultation it answers, when it is not the one named or none is', () => {
    expect(said({ problem: 'amendment-unknown', id: 'nope' })).toBe('no amendment beside the table has the id "nope"');
    expect(
      said({
        problem: 'other-consultation',
        others: [{ amendment: 'a-1', consultation: 'C1' }, { amendment: 'b-2' }],
        chosen: { amendment: 'c-3', consultation: 'C3' },
      }),
    ).toBe(
      'it is the response template of the consultation of a-1 (C1), b-2 (its consultation id is not recorded), ' +
        'not of --amendment c-3 (C3); leave --amendment out, or name the amendment whose consultation it answers',
    );
    expect(said({ problem: 'no-questions', id: 'a-1' })).toBe(
      'the consultation of --amendment a-1 asks no questions, so no response template answers it',
    );
    expect(said({ problem: 'consultation-unknown' })).toBe(
      'it names the consultation id of no amendment beside the table; name the amendment with --amendment ID',
    );
    expect(said({ problem: 'consultations-several', ids: ['a-1', 'b-2'] })).toBe(
      'it names the consultations of a-1, b-2; name one with --amendment ID',
    );
  });

  it('says what of the confidentiality choice and its marks cannot be read, and of text a file cannot hold', () => {
    expect(said({ problem: 'no-box-ticked' })).toBe(
      'no confidentiality box is ticked; tick one, or give the choice the respondent stated in writing with ' +
        '--confidentiality none|all|part',
    );
    expect(said({ problem: 'mark-unbalanced', question: 'Q1' })).toBe(
      'the answer to "Q1" opens a [confidential] mark it does not close, or closes one it did not open',
    );
    expect(said({ problem: 'part-unmarked' })).toBe(
      'part of the response is confidential, but no passage is marked [confidential] ... [/confidential]; ' +
        'mark them so, or write the response file by hand',
    );
    expect(said({ problem: 'marked-not-part', choice: 'all' })).toBe(
      'passages are marked [confidential] but the box ticked is "all"; expected "part"',
    );
    expect(said({ problem: 'text-unrecordable', codes: ['TEXT_HIDDEN_CHARACTER'] })).toBe(
      'it holds text a response file cannot record (TEXT_HIDDEN_CHARACTER); remove control characters from the ' +
        'answers',
    );
    expect(formatDiagnostic(diagnose('RESPONSE_FORM_UNREADABLE', { problem: 'part-unmarked' }))).toMatch(
      /^cannot read the response template: part .*; nothing was written$/,
    );
  });
});

describe('an output that cannot be written', () => {
  it('says that every numbered name of a response is taken', () => {
    expect(formatDiagnostic(diagnose('OUT_UNWRITABLE', { path: 'responses/acme-1000.yaml', taken: 1000 }))).toBe(
      'cannot write responses/acme-1000.yaml: 1000 files of that name are taken; name one with --out',
    );
  });
});

describe('a document that cannot be written for a value its data lacks', () => {
  it('names the document and the value, or the date no department covers', () => {
    const missing = (args: DiagnosticArgs['PACK_FIELD_MISSING']) =>
      formatDiagnostic(diagnose('PACK_FIELD_MISSING', args));
    expect(missing({ field: 'consultation.issued', id: 'a-1', document: 'consultation' })).toBe(
      'cannot write the consultation of "a-1": consultation.issued is not set',
    );
    expect(missing({ field: "title (DCC's own)", id: 'a-1', document: 'response-template' })).toBe(
      'cannot write the response template of "a-1": title (DCC\'s own) is not set',
    );
    expect(
      missing({
        department: '2022-12-05',
        departmentsFile: 'data/departments.yaml',
        id: 'a-1',
        document: 'new-amendment',
      }),
    ).toBe(
      'cannot write the new amendment of "a-1": the department responsible on 5 December 2022 ' +
        '(data/departments.yaml) is not set',
    );
    expect(
      missing({
        department: '2022-12-05',
        departmentsFile: 'data/departments.yaml',
        id: 'a-1',
        document: 'conclusion-report',
      }),
    ).toBe(
      'cannot write the conclusion report of "a-1": the department responsible on 5 December 2022 ' +
        '(data/departments.yaml) is not set',
    );
  });
});

describe('a response already there', () => {
  it('names whom it is from, or that the file does not read as a response', () => {
    const tail =
      'nothing was written. Pass --force to replace it with this one (a revised response), or --out FILE to keep both';
    expect(
      formatDiagnostic(
        diagnose('RESPONSE_EXISTS', { path: 'r/acme.yaml', respondent: { name: 'Jo', organisation: 'Acme' } }),
      ),
    ).toBe(`r/acme.yaml already holds a response from Jo, Acme; ${tail}`);
    expect(formatDiagnostic(diagnose('RESPONSE_EXISTS', { path: 'r/acme.yaml', respondent: null }))).toBe(
      `r/acme.yaml already holds a response from a respondent (the file does not read as a response); ${tail}`,
    );
  });
});

describe('what a command-line value should have been, in words', () => {
  const expected = (value: ExpectedValue) =>
    formatDiagnostic(diagnose('ARGUMENT_INVALID', { option: '--x', value: 'v', expected: value })).replace(
      /^"v" is not a value for --x: expected /,
      '',
    );

  it.each<[ExpectedValue, string]>([
    [{ kind: 'amendment-beside', ids: ['a-1', 'b-2'] }, 'the id of an amendment beside the table: a-1, b-2'],
    [{ kind: 'amendment-beside', ids: ['a-1'], byFile: true }, 'the id or file of an amendment beside the table: a-1'],
    [{ kind: 'calendar-date' }, 'a calendar date YYYY-MM-DD, e.g. 2022-12-05'],
    [{ kind: 'epoch-seconds' }, 'whole seconds since 1970-01-01T00:00:00Z, e.g. 1670198400'],
    [{ kind: 'revision-date' }, 'a date YYYY-MM-DD or a UTC time YYYY-MM-DDTHH:MM:SSZ'],
    [
      { kind: 'restart-decided' },
      'a calendar date YYYY-MM-DD from which a re-start estimate (up to 3 months and 6 weeks later) falls by 9999-12-31',
    ],
    [
      { kind: 'recorded-by', today: '2023-01-02' },
      'the date the correction is recorded, no later than today (2023-01-02)',
    ],
    [{ kind: 'uk-local-time', skipped: false }, 'a date and a time of day, UK local time, e.g. "2023-01-12 15:20"'],
    [
      { kind: 'uk-local-time', skipped: true },
      'a time the UK clock shows: that day the clocks went forward from 01:00 to 02:00, so no time from 01:00 to ' +
        '01:59 exists in UK local time (give the time as the UK clock showed it, e.g. 02:30 for 01:30 GMT)',
    ],
    [
      { kind: 'one-line-text' },
      'text on one line, without control or invisible characters or spaces at either end, e.g. ' +
        '"consultations@smartdcc.co.uk"',
    ],
    [{ kind: 'conclusion-of', id: 'a-1', concludes: 'b-2' }, 'the conclusion of a-1 (this file concludes b-2)'],
    [
      { kind: 'column-heading', fields: ['groupId', 'endDate'] },
      'FIELD=HEADING with FIELD one of groupId, endDate, e.g. --column endDate="Closure date"',
    ],
    [{ kind: 'caption-number' }, 'the number in the caption, e.g. 17.6'],
    [
      { kind: 'output-format', formats: ['sarif', 'json'] },
      'FORMAT=PATH with FORMAT one of sarif, json, e.g. --output sarif=mtad.sarif',
    ],
    [{ kind: 'whole-number' }, 'a whole number, 0 or more'],
    [
      { kind: 'git-commit', git: { problem: 'no-commit', ref: 'x' } },
      'a commit of the git repository that holds the working folder (git knows no commit "x" (fetch it first: a ' +
        'shallow clone has only the last commit))',
    ],
    [
      { kind: 'git-commit', git: { problem: 'no-repository', folder: '/w', git: { kind: 'not-installed' } } },
      'a commit of the git repository that holds the working folder (needs a git repository, and /w is not in ' +
        'one (git is not installed (or not on PATH)))',
    ],
    [
      { kind: 'git-commit', git: { problem: 'git-failed', git: { kind: 'said', said: 'fatal: bad object' } } },
      'a commit of the git repository that holds the working folder (fatal: bad object)',
    ],
    [{ kind: 'responses-folder', found: 'file' }, 'a folder of response files (it is a file)'],
    [{ kind: 'responses-folder', found: 'nothing' }, 'a folder of response files (it does not exist)'],
    [
      { kind: 'new-folder', of: 'pack' },
      'the path of a new folder for the pack (an empty value is what an unset shell variable gives)',
    ],
    [
      { kind: 'new-folder', of: 'report' },
      'the path of a new folder for the report (an empty value is what an unset shell variable gives)',
    ],
    [
      { kind: 'cache-location' },
      'the path of the cache file, or of a folder to hold it (an empty value is what an unset shell variable gives)',
    ],
  ])('%o', (value, words) => {
    expect(expected(value)).toBe(words);
  });
});

describe('why an argument not given is needed, in words', () => {
  const missing = (what: MissingArgument) =>
    formatDiagnostic(diagnose('ARGUMENT_MISSING', { argument: 'AMENDMENT', missing: what })).replace(
      /^AMENDMENT is missing: /,
      '',
    );

  it.each<[MissingArgument, string]>([
    [
      { kind: 'import-date', table: 'data/t.yaml' },
      "there is no readable table at data/t.yaml to take the date from; give the date the document's table " +
        'reflects, e.g. --as-at 2022-12-05',
    ],
    [
      { kind: 'conclusions-several', ids: ['a-1', 'b-2'] },
      'more than one pending amendment has a conclusion (a-1, b-2); give the id of the one to report on',
    ],
    [
      { kind: 'conclusion-none', pending: [] },
      'no amendment is pending (the table reflects every one), so none has a conclusion to report on; give the ' +
        'id of an amendment with its conclusion named by --conclusion FILE',
    ],
    [
      { kind: 'conclusion-none', pending: ['a-1'] },
      'no pending amendment has a conclusion in conclusions/ (pending: a-1); give the id of one of them, once ' +
        'its conclusion is written (mtad schema conclusion gives its shape), or named by --conclusion FILE',
    ],
    [
      { kind: 'questions-none', ids: ['a-1'] },
      'no amendment beside the table has a consultation that asks questions, to take in its place; give the id ' +
        'of an amendment beside the table: a-1',
    ],
    [
      { kind: 'questions-none', ids: [] },
      'no amendment beside the table has a consultation that asks questions, to take in its place; give the id ' +
        'of an amendment beside the table: there is none',
    ],
    [
      { kind: 'narrative-none', last: 'a-1' },
      'no amendment that the table does not reflect yet has a narrative (consultations/<id>.md beside the table) ' +
        'to take in its place; give the id of the amendment, e.g. mtad consultation a-1, after writing its ' +
        'narrative (mtad new close scaffolds one)',
    ],
    [
      { kind: 'narrative-none' },
      'no amendment that the table does not reflect yet has a narrative (consultations/<id>.md beside the table) ' +
        'to take in its place; give the id of the amendment, e.g. mtad consultation mdust-close-moc-secure, after ' +
        'writing its narrative (mtad new close scaffolds one)',
    ],
    [
      { kind: 'narratives-several', ids: ['a-1', 'b-2'] },
      '2 amendments that the table does not reflect yet have a narrative, so none is taken in its place; give ' +
        'one of a-1, b-2',
    ],
  ])('%o', (what, words) => {
    expect(missing(what)).toBe(words);
  });
});

describe('an option without the one that gives it a meaning, and two options of which one would be ignored', () => {
  it.each<[OptionNeed, string, string]>([
    [
      'include-as-at',
      '--include',
      'it counts proposals in the table as it would stand on that date; without --as-at, mtad show prints the ' +
        'table as the file holds it',
    ],
    ['stdin-filename', '--stdin-filename', 'it names the file the standard input stands for'],
    ['pack-force', '--force', 'it says how the pack is written (over a pack mtad wrote there)'],
    ['pack-author', '--author', "it says how the pack is written (the author of the redline's tracked changes)"],
    ['pack-pdf', '--pdf', 'the PDFs go into the pack'],
    ['pack-into', '--into', 'the redlined copy of the document goes into the pack'],
  ])('%s', (because, option, why) => {
    expect(formatDiagnostic(diagnose('OPTION_NEEDS', { option, needs: '--x', because }))).toBe(
      `${option} goes with --x: ${why}; give --x too, or leave ${option} out`,
    );
  });

  it.each<[OptionConflict, string]>([
    ['stdout-draft', '--stdout prints the file and writes none, so there is no file for --force to replace'],
    [
      'stdout-conclusion',
      "--stdout prints the report's Markdown and writes no folder, so there is none for --force to replace",
    ],
    ['dry-run-import', '--dry-run prints the table file and writes none, so there is no table for --force to replace'],
    [
      'pack-format',
      'the pack holds the redline in every format (Word, HTML, Markdown, changes.json) and prints only the list of ' +
        'its files; --format chooses how a printed redline is rendered',
    ],
    [
      'pack-redline-only',
      'the pack holds every document and prints only the list of its files; --redline-only chooses what is printed',
    ],
    [
      'update-lock-stdin',
      '--update-lock records the files on disk, and the standard input is text that is not on disk; save the file ' +
        'and run mtad check --update-lock',
    ],
    ['no-cache-location', '--no-cache neither reads nor writes a cache, so it has no location'],
    ['list-rules', '--list-rules prints the rules and checks no file'],
  ])('%s', (because, why) => {
    expect(formatDiagnostic(diagnose('OPTIONS_CONFLICT', { option: '--a', other: '--b', because }))).toBe(
      `--a cannot go with --b: ${why}; leave one of them out`,
    );
  });
});

describe('an empty path, by what it names', () => {
  const empty = (of: PathValue) =>
    formatDiagnostic(diagnose('ARGUMENT_INVALID', { option: '--x', value: '', expected: { kind: 'path', of } }));

  it.each<[PathValue, string]>([
    ['table', 'the path of the table file'],
    ['config', "the path of the configuration of mtad check's rules, such as mtad.config.yaml"],
    ['pack-folder', 'the path of a new folder for the pack'],
    ['into-document', "the path of the MTAD's Word document (.docx) to redline"],
    ['consultation-folder', 'the path of a new folder for the consultation'],
    ['against-document', "the path of the MTAD's Word document (.docx) to check the table against"],
    ['cache', 'the path of the cache file, or of a folder to hold it'],
    ['stdin-filename', 'the file name the standard input stands for'],
    ['responses-folder', 'the path of the folder of response files'],
    ['response-file', 'the path of the response file to write'],
    ['amendment', 'an amendment file or id'],
    ['document', "the path of the MTAD's Word document, a .docx"],
    ['response-template', 'the path of the filled-in response template, a .docx'],
    ['correction-value', 'the value: a date YYYY-MM-DD or none (endDate), or a GroupID'],
    ['init-folder', 'the path of the folder to scaffold'],
    ['cohort', 'the cohort as the table names it, e.g. "FOC (BG)"'],
    ['file-or-folder', 'a file or folder'],
  ])('%s', (of, names) => {
    expect(empty(of)).toBe(`--x is empty: expected ${names} (an empty value is what an unset shell variable gives)`);
  });

  it('says that the paths of one check hold one table file', () => {
    expect(
      formatDiagnostic(
        diagnose('ARGUMENT_INVALID', {
          option: 'the paths',
          value: 'a, b',
          expected: { kind: 'one-table', tables: 2 },
        }),
      ),
    ).toBe(
      '"a, b" is not a value for the paths: expected one table file and its amendments at a time (these are 2 ' +
        'table files)',
    );
  });
});
