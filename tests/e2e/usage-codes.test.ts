import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiesOfData, copyWithMocSecureMade, ROOT, snapshotTree } from '../helpers/cli.js';
import { codesIn, runMain } from '../helpers/main.js';

/*
 * Every usage error ends in a stable code, commander's as mtad's own, and the messages a user meets
 * when a file or a time is wrong say what is wrong, where, and how to mend it.
 */

const fresh = copiesOfData();

describe('usage errors found by commander carry an mtad code, keeping commander’s words', () => {
  const CASES: [string, string[], string, string][] = [
    [
      'a missing required option',
      ['diff', '--from', '2022-01-01'],
      'ARGUMENT_MISSING',
      "required option '--to <point>' not specified",
    ],
    [
      'an option without its value',
      ['show', '--table'],
      'ARGUMENT_MISSING',
      "option '-t, --table <file>' argument missing",
    ],
    ['a missing argument', ['revert'], 'ARGUMENT_MISSING', "missing required argument 'amendment'"],
    [
      'a value outside the choices',
      ['amend', '--format', 'bogus'],
      'ARGUMENT_INVALID',
      "option '-f, --format <format>' argument 'bogus' is invalid. Allowed choices are terminal, unified, markdown, json.",
    ],
    [
      'options commander knows to conflict',
      ['conclude', '--stdout', '--out', 'x'],
      'OPTIONS_CONFLICT',
      "option '--stdout' cannot be used with option '-o, --out <dir>'",
    ],
    ['an unknown option', ['check', '--bogus'], 'OPTION_UNKNOWN', "unknown option '--bogus'"],
    [
      'an unknown option with a suggestion',
      ['show', '--as-a', 'x'],
      'OPTION_UNKNOWN',
      "unknown option '--as-a' (Did you mean --as-at?)",
    ],
    [
      'too many arguments',
      ['show', 'a', 'b'],
      'ARGUMENTS_EXCESS',
      "too many arguments for 'show'. Expected 0 arguments but got 2.",
    ],
    ['an unknown command', ['amnd'], 'COMMAND_UNKNOWN', "unknown command 'amnd' (Did you mean amend?)"],
    [
      'an unknown command before --help',
      ['amnd', '--help'],
      'COMMAND_UNKNOWN',
      "unknown command 'amnd' (Did you mean amend?)",
    ],
    [
      'a mistyped subcommand of responses',
      ['responses', 'imprt'],
      'COMMAND_UNKNOWN',
      "unknown command 'imprt' for 'responses' (Did you mean mtad responses import?)",
    ],
  ];
  it.each(CASES)('%s', async (_name, args, code, words) => {
    const run = await runMain(args, fresh());
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(codesIn(run.stderr)).toEqual([code]);
    expect(run.stderr.split('\n')[0]).toBe(`mtad: error: ${words} [${code}]`);
  });

  it("check's own usage errors carry codes too, and reach no report: standard output stays empty", async () => {
    const cwd = fresh();
    const CHECK: [string[], string][] = [
      [['--output', 'bogus=x.txt'], 'ARGUMENT_INVALID'],
      [['--max-warnings', 'some'], 'ARGUMENT_INVALID'],
      [['--stdin-filename', 'a.yaml'], 'OPTION_NEEDS'],
      [['--stdin', '--update-lock'], 'OPTIONS_CONFLICT'],
      [['--bogus'], 'OPTION_UNKNOWN'],
      [['--config', ''], 'ARGUMENT_INVALID'],
      [['data/table-17.6.yaml', join(ROOT, 'data/table-17.6.yaml')], 'ARGUMENT_INVALID'],
    ];
    for (const format of ['stylish', 'json', 'sarif', 'github'])
      for (const [args, code] of CHECK) {
        const run = await runMain(['check', '--format', format, ...args], cwd);
        expect(run.status, args.join(' ')).toBe(2);
        expect(codesIn(run.stderr), args.join(' ')).toEqual([code]);
        expect(run.stderr).toMatch(/^mtad: error: /);
        expect(run.stdout).toBe('');
      }
  });

  it('show --include without --as-at is OPTION_NEEDS, as amend --force without --out is', async () => {
    const run = await runMain(['show', '--include', 'proposed'], fresh());
    expect(run.status).toBe(2);
    expect(codesIn(run.stderr)).toEqual(['OPTION_NEEDS']);
    expect(run.stderr).toContain('--include goes with --as-at DATE');
  });
});

describe('--config ""', () => {
  it('is ARGUMENT_INVALID, as every other empty path is', async () => {
    for (const command of [
      'check',
      'amend',
      'direction mdust-close-moc-secure',
      'diff --from 2022-01-01 --to 2023-03-01',
    ]) {
      const run = await runMain([...command.split(' '), '--config', ''], fresh());
      expect(run.status, command).toBe(2);
      expect(codesIn(run.stderr), command).toEqual(['ARGUMENT_INVALID']);
      expect(run.stderr).toContain('mtad: error: --config is empty: expected the path of the configuration');
    }
  });
});

describe('a configuration with a list left open', () => {
  it('is reported as the unclosed [ it is, where yaml found it, not as indentation', async () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'mtad.config.yaml'), 'rules: [\n');
    const run = await runMain(['check'], cwd);
    expect(run.status).toBe(1);
    expect(codesIn(run.stderr)).toEqual(['YAML_SYNTAX']);
    expect(run.stderr).toContain('mtad.config.yaml:2:1: error: not valid YAML: a list opened with "[" is not closed');
    expect(run.stderr).not.toContain('indentation does not line up');
    writeFileSync(join(cwd, 'mtad.config.yaml'), 'rules: { VALUE_UNKNOWN: off\n');
    expect((await runMain(['check'], cwd)).stderr).toContain('a mapping opened with "{" is not closed');
  });
});

describe('responses import --received in UK local time', () => {
  it('refuses a time the UK clock never showed (the clocks went forward at 01:00 on 26 March 2023)', async () => {
    const cwd = fresh();
    const before = snapshotTree(cwd);
    for (const when of ['2023-03-26T01:30', '2023-03-26 01:00', '2023-03-26 01:59']) {
      const run = await runMain(['responses', 'import', 'response.docx', '--received', when], cwd);
      expect(run.status, when).toBe(2);
      expect(codesIn(run.stderr)).toEqual(['ARGUMENT_INVALID']);
      expect(run.stderr).toContain(`"${when}" is not a value for --received: expected a time the UK clock shows`);
    }
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('takes the hours either side of it, and the autumn hour that the clock shows twice, as written', async () => {
    const cwd = fresh();
    for (const when of ['2023-03-26 00:59', '2023-03-26 02:00', '2022-10-30 01:30', '2023-01-12 15:20']) {
      const run = await runMain(['responses', 'import', 'missing.docx', '--received', when], cwd);
      // The time is taken: what stops the command is the template, which is not there.
      expect(codesIn(run.stderr), when).toEqual(['FILE_NOT_FOUND']);
    }
  });
});

describe('mtad correct: one date format per message', () => {
  it('a date after the bound the sources give names both dates as dates are written in prose', async () => {
    const by = ['--source', 'https://example.org/fictional', '--by', 'A Drafter', '--on', '2026-12-02'];
    const after = await runMain(['correct', 'IOC', 'endDate', '2022-12-05', ...by], fresh());
    expect(codesIn(after.stderr)).toEqual(['CORRECTION_OUT_OF_BOUNDS']);
    expect(after.stderr).toContain('5 December 2022 is after 4 December 2022, the latest date');
    const before = await runMain(['correct', 'MOC (MDS)', 'endDate', '2021-01-01', ...by], fresh());
    expect(codesIn(before.stderr)).toEqual(['CORRECTION_BEFORE_AMENDMENT']);
    expect(before.stderr).toContain('1 January 2021 is before 1 May 2022, the earliest date');
    for (const run of [after, before]) expect(run.stderr).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('mtad conclude --conclusion naming a file that is not there', () => {
  it('says the file is missing and how to make one, not to check data/', async () => {
    const run = await runMain(['conclude', 'mdust-close-moc-secure', '--conclusion', 'missing.yaml'], fresh());
    expect(run.status).toBe(2);
    expect(codesIn(run.stderr)).toEqual(['FILE_NOT_FOUND']);
    expect(run.stderr).toContain(
      'missing.yaml: error: the conclusion file missing.yaml named by --conclusion does not exist',
    );
    expect(run.stderr).toContain('mtad schema conclusion');
    expect(run.stderr).toContain('examples/conclusions/');
    expect(run.stderr).not.toContain('mtad check');
  });
});

describe('amend --out DIR --force where DIR holds a conclusion report', () => {
  it('names the report that is there, never "a folder without .mtad-pack"', async () => {
    const cwd = fresh();
    cpSync(
      join(ROOT, 'examples/responses/mdust-close-moc-secure'),
      join(cwd, 'data/responses/mdust-close-moc-secure'),
      {
        recursive: true,
      },
    );
    mkdirSync(join(cwd, 'data/conclusions'));
    cpSync(
      join(ROOT, 'examples/conclusions/mdust-close-moc-secure.yaml'),
      join(cwd, 'data/conclusions/mdust-close-moc-secure.yaml'),
    );
    const amendment = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(amendment, readFileSync(amendment, 'utf8').replace('status: proposed', 'status: concluded'));
    expect((await runMain(['conclude', 'mdust-close-moc-secure', '--out', 'report'], cwd)).status).toBe(0);
    const before = snapshotTree(cwd);
    for (const command of ['amend', 'consultation']) {
      const run = await runMain([command, 'mdust-close-moc-secure', '--out', 'report', '--force'], cwd);
      expect(run.status, command).toBe(2);
      expect(codesIn(run.stderr), command).toEqual(['OUT_OTHER_PACK']);
      expect(run.stderr).toContain('refusing to replace report: it is a pack that mtad conclude --out wrote (');
      expect(run.stderr).not.toContain('without .mtad-pack');
    }
    expect(snapshotTree(cwd)).toEqual(before);
  });
});

describe("check's writes, the lock of --update-lock and the --output reports, fail with a code", () => {
  const madeCopy = copiesOfData(copyWithMocSecureMade);

  it('a lock that cannot be written is one line with the code of why, exit status 2, and no report is written', async () => {
    const cwd = madeCopy();
    chmodSync(join(cwd, 'data/amendments.lock'), 0o444);
    const before = snapshotTree(cwd);
    const run = await runMain(['check', '--update-lock', '--output', 'json=report.json'], cwd);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(codesIn(run.stderr)).toEqual(['FILE_READ_ONLY']);
    expect(run.stderr).toMatch(/^data\/amendments\.lock: error: data\/amendments\.lock is read-only .*\n$/);
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('a file that does not pass its schema refuses --update-lock: one coded line, exit status 1, no lock written', async () => {
    const cwd = madeCopy();
    const amendment = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(amendment, readFileSync(amendment, 'utf8').replace('sequence: 3', 'sequence: three'));
    const before = snapshotTree(cwd);
    const run = await runMain(['check', '--update-lock', '--output', 'json=report.json'], cwd);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'mtad: error: cannot update data/amendments.lock: every file must be readable and pass its schema first; ' +
        'run mtad check without --update-lock to see why not [LOCK_UPDATE_REFUSED]\n',
    );
    // The made amendment is not recorded, and no report is written in its stead.
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('a report that cannot be written is one line with the code of why, and the lock is not written without it', async () => {
    const cwd = madeCopy();
    const before = snapshotTree(cwd);
    const run = await runMain(['check', '--update-lock', '--output', 'json=missing/report.json'], cwd);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(codesIn(run.stderr)).toEqual(['FILE_UNWRITABLE']);
    expect(run.stderr).toBe(
      'missing/report.json: error: cannot write the file: its folder does not exist; nothing was written ' +
        '[FILE_UNWRITABLE]\n',
    );
    expect(snapshotTree(cwd)).toEqual(before);
  });
});
