import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiesOfData, copyOfDataWith, removedAfterAll, snapshotTree } from '../helpers/cli.js';
import { codesIn, runMain } from '../helpers/main.js';
import { sarifErrors } from '../helpers/sarif.js';
import { readWordFixture } from '../helpers/word.js';

/*
 * mtad check as a CI maintainer runs it in a week: a project's rule configuration (mtad.config.yaml
 * or --config) that holds for `check` and for the check every document passes first, summaries that
 * say what --quiet and --changed-since left out, --output that replaces only a report mtad wrote,
 * the rules listed with the severities the configuration gives them, and suggestions and hints that
 * name only the running command's options. Every case runs main() as the user does.
 */

const copyOfData = copiesOfData();
const keep = removedAfterAll();
/** A copy of the shipped data with a configuration file written beside data/. */
const configured = (text: string, name = 'mtad.config.yaml') => {
  const dir = copyOfData();
  writeFileSync(join(dir, name), text);
  return dir;
};
const STRICT = 'rules:\n  VALUE_UNKNOWN: error\n';
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, stdio: 'pipe' });

/** The commands that make a document only when the check finds no error, as the user types them. */
const GATED: readonly (readonly string[])[] = [
  ['amend'],
  ['amend', '--out', 'pack'],
  ['direction', 'mdust-close-moc-secure'],
  ['consultation', 'mdust-close-moc-secure', '--out', 'consultation-out'],
  ['diff', '--from', '2022-01-01', '--to', '2023-03-01'],
];

describe('the check before documents uses the configuration of mtad check', () => {
  it.each(GATED)('%s … passes the shipped data as mtad check does', async (...args) => {
    const run = await runMain(args, copyOfData());
    expect(run.status, run.stderr).toBe(0);
  });

  it.each(GATED)(
    '%s … is refused when mtad.config.yaml makes a warning an error; nothing is written',
    async (...args) => {
      const cwd = configured(STRICT);
      const before = snapshotTree(cwd);
      const check = await runMain(['check'], cwd);
      expect(check.status).toBe(1);
      const run = await runMain(args, cwd);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^data\/table-17\.6\.yaml:21:14: error: the version of the MTAD is unknown/m);
      expect(new Set(codesIn(run.stderr))).toEqual(new Set(['VALUE_UNKNOWN']));
      expect(snapshotTree(cwd)).toEqual(before);
    },
  );

  it('a configuration mtad check refuses stops the document too, at its line and column', async () => {
    const cwd = configured('rules:\n  VALUE_UNKNWN: off\n');
    for (const args of GATED) {
      const run = await runMain(args, cwd);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toContain('mtad.config.yaml:2:3: error: unknown rule "VALUE_UNKNWN"');
    }
  });
});

describe('--update-lock judges a made amendment as the check reports it, configured', () => {
  it('records nothing while a made amendment holds a warning the configuration makes an error', async () => {
    const cwd = configured('rules:\n  AMENDMENT_ID_FILENAME: error\n');
    rmSync(join(cwd, 'data/amendments.lock'));
    // The id no longer matches the file's name: a warning by default, an error here.
    renameSync(join(cwd, 'data/amendments/mdust-close-foc-np.yaml'), join(cwd, 'data/amendments/foc-np.yaml'));
    const check = await runMain(['check', '--format', 'json'], cwd);
    expect(JSON.parse(check.stdout).diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'AMENDMENT_ID_FILENAME',
        severity: 'error',
        file: 'data/amendments/foc-np.yaml',
      }),
    );
    const update = await runMain(['check', '--update-lock'], cwd);
    expect(update.status).toBe(1);
    expect(update.stderr).toContain(
      'Nothing recorded in data/amendments.lock: mtad check reports an error in the files of mdust-close-foc-np',
    );
    expect(existsSync(join(cwd, 'data/amendments.lock'))).toBe(false);
    // Without the configuration the same files are recorded: the name is only a warning.
    rmSync(join(cwd, 'mtad.config.yaml'));
    const relaxed = await runMain(['check', '--update-lock'], cwd);
    expect(relaxed.stderr).toContain('Recorded in data/amendments.lock: mdust-close-ioc-moc-mds, mdust-close-foc-np.');
  });
});

describe('--config FILE', () => {
  it('check and every gated command read the file named, in place of mtad.config.yaml', async () => {
    const cwd = configured('rules:\n  VALUE_UNKNOWN: off\n');
    writeFileSync(join(cwd, 'strict.yaml'), STRICT);
    const relaxed = await runMain(['check'], cwd);
    expect(relaxed.status).toBe(0);
    expect(relaxed.stdout).not.toContain('VALUE_UNKNOWN');
    const strict = await runMain(['check', '--config', 'strict.yaml', '--format', 'json'], cwd);
    expect(strict.status).toBe(1);
    expect((JSON.parse(strict.stdout) as { errorCount: number }).errorCount).toBe(7);
    for (const args of GATED) {
      const run = await runMain([...args, '--config', 'strict.yaml'], cwd);
      expect(run.status, args.join(' ')).toBe(1);
      expect(codesIn(run.stderr)).toContain('VALUE_UNKNOWN');
    }
    // From a folder inside the project, the path is the user's, relative to where they are.
    const inside = await runMain(['check', '--config', '../../strict.yaml'], join(cwd, 'data/amendments'));
    expect(inside.status).toBe(1);
  });

  it.each([['check'], ...GATED])(
    '%s … --config naming no file: exit status 2, one line, nothing done',
    async (...args) => {
      const cwd = copyOfData();
      const before = snapshotTree(cwd);
      const run = await runMain([...args, '--config', 'nope.yaml'], cwd);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        'nope.yaml: error: the configuration file nope.yaml named by --config does not exist; name an mtad.config.yaml [FILE_NOT_FOUND]\n',
      );
      expect(snapshotTree(cwd)).toEqual(before);
    },
  );

  it.each([
    ['rules:\n  VALUE_UNKNWN: off\n', 'ci.yaml:2:3: error: unknown rule "VALUE_UNKNWN"', 'CONFIG_RULE_UNKNOWN'],
    ['rules:\n  VALUE_UNKNOWN: silent\n', 'ci.yaml:2:18: error:', 'SCHEMA_INVALID_VALUE'],
    ['rules:\n  APPLIED_OUT_OF_ORDER: off\n', 'ci.yaml:2:3: error: APPLIED_OUT_OF_ORDER', 'CONFIG_RULE_LOCKED'],
    ['rules: [\n', 'ci.yaml:', 'YAML_SYNTAX'],
  ])('an invalid file %j: exit status 1 at its file:line:column', async (text, says, code) => {
    const cwd = configured(text, 'ci.yaml');
    for (const args of [['check'], ['amend']]) {
      const run = await runMain([...args, '--config', 'ci.yaml'], cwd);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(says);
      expect(codesIn(run.stderr)).toEqual([code]);
    }
  });

  it('an empty --config (an unset shell variable) is a usage error', async () => {
    const run = await runMain(['check', '--config', ''], copyOfData());
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "mtad: error: --config is empty: expected the path of the configuration of mtad check's rules, such as mtad.config.yaml (an empty value is what an unset shell variable gives) [ARGUMENT_INVALID]\n",
    );
  });
});

describe('--quiet and --changed-since say what they left out', () => {
  it('--quiet: "no errors; 7 warnings not shown", in the stylish report printed and written', async () => {
    const cwd = copyOfData();
    const run = await runMain(['check', '--quiet', '--output', 'stylish=report.txt'], cwd);
    expect(run.status).toBe(0);
    const summary = '5 files checked: no errors; 7 warnings not shown (--quiet).\n';
    expect(run.stdout).toBe(summary);
    expect(readFileSync(join(cwd, 'report.txt'), 'utf8')).toBe(summary);
  });

  it('--quiet with errors counts the warnings it left out', async () => {
    const cwd = keep(
      copyOfDataWith({
        'amendments/mdust-close-moc-secure.yaml': (text) =>
          text.replace('Tuesday 31 January 2023', 'Monday 31 January 2023'),
      }),
    );
    const run = await runMain(['check', '--quiet'], cwd);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /\n1 problem \(1 error, 0 warnings\) in 5 files checked; 7 warnings not shown \(--quiet\)\.\n$/,
    );
  });

  it('--changed-since: the warnings of unchanged files are counted and named, with the commit', async () => {
    const cwd = copyOfData();
    git(cwd, 'init', '-q');
    git(cwd, 'add', '-A');
    git(cwd, 'commit', '-qm', 'data');
    const run = await runMain(['check', '--changed-since', 'HEAD'], cwd);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      '5 files checked: no errors; 7 warnings in files not changed since HEAD not shown (--changed-since).\n',
    );
    // Both at once: the table changed, so its warnings are reported, and --quiet leaves them out.
    const table = join(cwd, 'data/table-17.6.yaml');
    writeFileSync(table, `${readFileSync(table, 'utf8')}\n`);
    const both = await runMain(['check', '--changed-since', 'HEAD', '--quiet'], cwd);
    expect(both.stdout).toBe('5 files checked: no errors; 7 warnings not shown (--quiet).\n');
  });

  it('JSON and SARIF keep their shape: the keys are those of a run that hides nothing', async () => {
    const cwd = copyOfData();
    const keys = (text: string) => Object.keys(JSON.parse(text) as object);
    const all = await runMain(['check', '--format', 'json'], cwd);
    const quiet = await runMain(['check', '--format', 'json', '--quiet'], cwd);
    expect(keys(quiet.stdout)).toEqual(keys(all.stdout));
    expect(JSON.parse(quiet.stdout).warningCount).toBe(0);
    const sarif = await runMain(['check', '--format', 'sarif', '--quiet'], cwd);
    expect(keys(sarif.stdout)).toEqual(keys((await runMain(['check', '--format', 'sarif'], cwd)).stdout));
  });
});

describe('--output replaces only a report mtad check wrote', () => {
  it('refuses a file that is not a report: exit status 2, the file kept, nothing written', async () => {
    const cwd = copyOfData();
    writeFileSync(join(cwd, 'NOTES.md'), '# my notes\n');
    const before = snapshotTree(cwd);
    for (const format of ['json', 'sarif', 'github', 'stylish']) {
      const run = await runMain(['check', '--output', `${format}=NOTES.md`, '--output', 'sarif=new.sarif'], cwd);
      expect(run.status, format).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        'NOTES.md: error: refusing to write the report over NOTES.md: it is a file, not a report mtad check wrote (SARIF, JSON, GitHub annotations or stylish text), and --output replaces only such a report. Nothing was written; choose another path, or remove it yourself [OUT_NOT_MTAD]\n',
      );
      expect(snapshotTree(cwd)).toEqual(before);
    }
  });

  it('refuses a folder and a symbolic link', async () => {
    const cwd = copyOfData();
    mkdirSync(join(cwd, 'reports'));
    writeFileSync(join(cwd, 'NOTES.md'), '# my notes\n');
    symlinkSync('NOTES.md', join(cwd, 'link.sarif'));
    for (const [path, found] of [
      ['reports', 'a folder'],
      ['link.sarif', 'a symbolic link'],
    ] as const) {
      const run = await runMain(['check', '--output', `sarif=${path}`], cwd);
      expect(run.status, path).toBe(2);
      expect(run.stderr).toContain(`refusing to write the report over ${path}: it is ${found}, not a report`);
    }
    expect(readFileSync(join(cwd, 'NOTES.md'), 'utf8')).toBe('# my notes\n');
  });

  it('writes over a report of any format, clean or not, quiet or not, and over an empty file', async () => {
    const cwd = keep(
      copyOfDataWith({
        'amendments/mdust-close-moc-secure.yaml': (text) =>
          text.replace('Tuesday 31 January 2023', 'Monday 31 January 2023'),
      }),
    );
    writeFileSync(join(cwd, 'report'), '');
    const formats = ['json', 'sarif', 'github', 'stylish'];
    for (const from of formats)
      for (const to of formats)
        for (const quiet of [[], ['--quiet']]) {
          const first = await runMain(['check', ...quiet, '--output', `${from}=report`], cwd);
          expect(first.status, `${from} over the last report`).toBe(1);
          const again = await runMain(['check', '--output', `${to}=report`], cwd);
          expect(again.status, `${to} over ${from} ${quiet.join('')}`).toBe(1);
          expect(again.stderr).toBe('');
        }
  });
});

describe('the rules as configured: --list-rules and the SARIF rules', () => {
  const CONFIG = 'rules:\n  VALUE_UNKNOWN: error\n  TIMELINE_WINDOW: off\n';

  it('--list-rules shows the severity in force and marks what was configured', async () => {
    const cwd = configured(CONFIG);
    const table = await runMain(['check', '--list-rules'], cwd);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^\| `VALUE_UNKNOWN` +\| error \(configured; default warning\) +\|/m);
    expect(table.stdout).toMatch(/^\| `TIMELINE_WINDOW` +\| off \(configured; default warning\) +\|/m);
    expect(table.stdout).toMatch(/^\| `NON_WORKING_DAY` +\| warning +\|/m);
    const data = JSON.parse((await runMain(['check', '--list-rules', '--format', 'json'], cwd)).stdout) as {
      code: string;
      severity: string;
      defaultSeverity: string;
      configured: boolean;
    }[];
    const rule = (code: string) => data.find((r) => r.code === code);
    expect(rule('VALUE_UNKNOWN')).toMatchObject({ severity: 'error', defaultSeverity: 'warning', configured: true });
    expect(rule('TIMELINE_WINDOW')).toMatchObject({ severity: 'off', configured: true });
    expect(rule('NON_WORKING_DAY')).toMatchObject({ severity: 'warning', configured: false });
    // --config names the configuration listed.
    writeFileSync(join(cwd, 'none.yaml'), 'rules: {}\n');
    const plain = await runMain(['check', '--list-rules', '--config', 'none.yaml'], cwd);
    expect(plain.stdout).toMatch(/^\| `VALUE_UNKNOWN` +\| warning +\|/m);
    expect(plain.stdout).not.toContain('configured');
  });

  it('SARIF: each rule at the level in force (an off rule disabled), valid SARIF 2.1.0', async () => {
    const cwd = configured(CONFIG);
    const run = await runMain(['check', '--format', 'sarif'], cwd);
    const log = JSON.parse(run.stdout);
    expect(sarifErrors(log)).toEqual([]);
    const rules = log.runs[0].tool.driver.rules as {
      id: string;
      defaultConfiguration: object;
      properties?: object;
      help: { text: string };
    }[];
    const rule = (id: string) => rules.find((r) => r.id === id)!;
    expect(rule('VALUE_UNKNOWN').defaultConfiguration).toEqual({ level: 'error' });
    expect(rule('VALUE_UNKNOWN').properties).toEqual({ configured: true, defaultSeverity: 'warning' });
    expect(rule('VALUE_UNKNOWN').help.text).toContain('Severity: error (configured; default warning).');
    expect(rule('TIMELINE_WINDOW').defaultConfiguration).toEqual({ level: 'none', enabled: false });
    expect(rule('NON_WORKING_DAY').defaultConfiguration).toEqual({ level: 'warning' });
    expect(rule('NON_WORKING_DAY').properties).toBeUndefined();
  });
});

describe('a command names only its own options', () => {
  it.each([['amend'], ['check'], ['direction', 'x'], ['consultation'], ['diff', '--from', 'a', '--to', 'b']])(
    '%s … --table-num suggests no option of another command',
    async (...args) => {
      const run = await runMain([...args, '--table-num', '17.6'], copyOfData());
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^mtad: error: unknown option '--table-num' \[OPTION_UNKNOWN\]\n/);
      expect(run.stderr).not.toContain('--table-number');
    },
  );

  it('a document without the caption: check --against and amend --into point at the table file, import at --table-number', async () => {
    const cwd = keep(copyOfDataWith({ 'table-17.6.yaml': (text) => text.replace('number: "17.6"', 'number: "17.9"') }));
    writeFileSync(join(cwd, 'MTAD.docx'), readWordFixture('pandoc'));
    const check = await runMain(['check', '--against', 'MTAD.docx'], cwd);
    const amend = await runMain(['amend', '--out', 'pack', '--into', 'MTAD.docx'], cwd);
    for (const [run, text] of [
      [check, check.stdout],
      [amend, amend.stderr],
    ] as const) {
      expect(run.status).toBe(1);
      expect(text).toContain(
        `no paragraph of the Word document starts with "Table 17.9"; the table file's table.number says which caption to look for: is this the MTAD's document?`,
      );
      expect(text).not.toContain('--table-number');
    }
    expect(existsSync(join(cwd, 'pack'))).toBe(false);
    const imported = await runMain(['import', 'MTAD.docx', '--dry-run', '--table-number', '17.9'], cwd);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain(`starts with "Table 17.9"; give the caption's number with --table-number`);
  });
});
