import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfData, ROOT } from '../helpers/cli.js';
import { codesIn, runMain } from '../helpers/main.js';

/*
 * How mtad is run where people run it: usage errors in one style with the status 2, the project
 * found from a folder inside it, and the rule configuration of a project. Each case runs the
 * program the user runs, in process through main().
 */

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const fresh = () => {
  const dir = copyOfData();
  made.push(dir);
  return dir;
};

/** Every command as typed, subcommands included. */
const COMMANDS = [
  ['amend'],
  ['direction'],
  ['show'],
  ['log'],
  ['diff'],
  ['revert'],
  ['correct'],
  ['new'],
  ['new', 'close'],
  ['new', 'reopen'],
  ['impact'],
  ['check'],
  ['schema'],
  ['import'],
  ['responses'],
  ['responses', 'import'],
  ['consultation'],
  ['conclude'],
  ['init'],
];

describe('usage', () => {
  it('no command: the help on standard error, exit status 2', async () => {
    const run = await runMain([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: mtad /);
  });

  it.each([
    [['conclud', '--help'], "unknown command 'conclud'", 'conclude'],
    [['conclusion', '--help'], "unknown command 'conclusion'", undefined],
    [['chek', '--help'], "unknown command 'chek'", 'check'],
    [['help', 'chek'], "unknown command 'chek'", 'check'],
    [['new', 'clos', '--help'], "unknown command 'clos'", 'close'],
  ])('%j names the unknown command, with the nearest one, and exits 2', async (args, says, nearest) => {
    const run = await runMain(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`mtad: error: ${says}`);
    if (nearest) expect(run.stderr).toContain(`(Did you mean ${nearest}?)`);
    expect(run.stderr).not.toContain('Usage:');
  });

  it('takes what follows the argument of a command that has subcommands too, and the value of an option, as given', async () => {
    const cwd = fresh();
    const folder = join(ROOT, 'examples/responses/mdust-close-moc-secure');
    const run = await runMain(['responses', 'mdust-close-moc-secure', '--responses', folder, '--format', 'json'], cwd);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ amendment: 'mdust-close-moc-secure', responses: 4 });
    const help = await runMain(['responses', 'mdust-close-moc-secure', '--help'], cwd);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: mtad responses /);
  });

  it.each(COMMANDS)('mtad %s --help ends with the exit statuses', async (...command) => {
    const run = await runMain([...command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Exit status: 0 [^\n]+\n2 a usage or IO error[^\n]*\n$/);
  });

  it.each(COMMANDS.filter((c) => c[0] !== 'new' || c.length > 1))(
    'mtad %s --bogus: one usage error, "mtad: error:", exit 2',
    async (...command) => {
      const run = await runMain([...command, '--bogus']);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      // diff and new close check their required options first: a usage error all the same.
      expect(run.stderr).toMatch(
        /^mtad: error: (unknown option '--bogus' \[OPTION_UNKNOWN\]|required option '[^']+' not specified \[ARGUMENT_MISSING\])\n/,
      );
    },
  );

  it.each([
    [['check', '--max-warnings', 'x'], '"x" is not a value for --max-warnings: expected a whole number'],
    [['check', '--output', 'nope'], '"nope" is not a value for --output: expected FORMAT=PATH'],
    [['check', '--stdin-filename', 'x.yaml'], '--stdin-filename goes with --stdin'],
    [['impact', 'mdust-close-moc-secure', '--decided', '2023-02-30'], 'is not a value for --decided'],
    [['show', '--as-at', 'soon'], 'is not a value for --as-at'],
    [['new', 'close', 'FOC (BG)', '--on', 'x', '--stdout'], 'is not a value for --on'],
    [['diff', '--from', 'x', '--to', 'y'], 'is not a value for --from'],
    [['show', '--table', ''], '--table is empty'],
    [['amend', '--force'], '--force goes with --out DIR'],
    [['amend', '--author', 'DCC'], '--author goes with --out DIR'],
  ])('%j: "mtad: error:" naming the option, exit 2', async (args, says) => {
    const run = await runMain(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^mtad: error: /);
    expect(run.stderr).toContain(says);
    expect(run.stderr).not.toContain('<input>');
  });

  it('an unknown cohort on the command line is a usage error (exit 2), with the nearest cohort', async () => {
    const run = await runMain(['new', 'close', 'FOC (XX)', '--on', '2023-06-30', '--stdout']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'mtad: error: no cohort "FOC (XX)" in the table. Did you mean "FOC (NP)"? [COHORT_UNKNOWN]\n',
    );
  });

  it('show --include proposed without --as-at is refused, not ignored', async () => {
    const run = await runMain(['show', '--include', 'proposed']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^mtad: error: --include goes with --as-at DATE: .* \[OPTION_NEEDS\]\n$/);
  });
});

describe('the project, found from a folder inside it', () => {
  it('mtad check from data/amendments/ checks the project, and says which it found', async () => {
    const dir = fresh();
    const fromRoot = await runMain(['check', '--format', 'json'], dir);
    const inside = await runMain(['check', '--format', 'json'], join(dir, 'data/amendments'));
    expect(inside.status).toBe(0);
    expect(inside.stderr).toBe('mtad: using the project in ../.. (it holds data/table-17.6.yaml)\n');
    const findings = (stdout: string) =>
      (JSON.parse(stdout) as { diagnostics: { code: string; line: number }[] }).diagnostics.map(
        (d) => `${d.code}:${d.line}`,
      );
    expect(findings(inside.stdout)).toEqual(findings(fromRoot.stdout));
    expect(findings(inside.stdout)).toHaveLength(7);
  });

  it('the documents printed from a subfolder are byte for byte those printed at the root', async () => {
    const dir = fresh();
    for (const args of [['show'], ['log'], ['amend'], ['direction', 'mdust-close-moc-secure']]) {
      const fromRoot = await runMain(args, dir);
      const inside = await runMain(args, join(dir, 'data/amendments'));
      expect(inside.stdout, args.join(' ')).toBe(fromRoot.stdout);
      expect(inside.status).toBe(fromRoot.status);
    }
  });

  it("mtad.config.yaml marks the root; a folder with neither marker keeps today's message", async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'work/deeper'), { recursive: true });
    writeFileSync(join(dir, 'mtad.config.yaml'), 'rules: {}\n');
    const inside = await runMain(['log'], join(dir, 'work/deeper'));
    expect(inside.status).toBe(0);
    expect(inside.stderr).toBe('mtad: using the project in ../.. (it holds mtad.config.yaml)\n');
    const outside = fresh();
    rmSync(join(outside, 'data'), { recursive: true });
    mkdirSync(join(outside, 'elsewhere'));
    const none = await runMain(['check'], join(outside, 'elsewhere'));
    expect(none.status).toBe(2);
    expect(codesIn(none.stderr)).toEqual(['FILE_NOT_FOUND']);
  });

  it('stops at the root of a git repository: a project outside it is not taken', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'other/.git'), { recursive: true });
    mkdirSync(join(dir, 'other/sub'));
    const run = await runMain(['check'], join(dir, 'other/sub'));
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('using the project');
  });
});

describe('rule configuration (mtad.config.yaml)', () => {
  const configured = (config: string) => {
    const dir = fresh();
    writeFileSync(join(dir, 'mtad.config.yaml'), config);
    return dir;
  };

  it('turns a warning off, or makes it an error; from a subfolder too', async () => {
    const off = configured('rules:\n  VALUE_UNKNOWN: off\n');
    const quiet = await runMain(['check'], off);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toContain('VALUE_UNKNOWN');
    const fromInside = await runMain(['check'], join(off, 'data/amendments'));
    expect(fromInside.stdout).not.toContain('VALUE_UNKNOWN');
    const strict = configured('rules:\n  VALUE_UNKNOWN: error\n');
    const failing = await runMain(['check', '--format', 'json'], strict);
    expect(failing.status).toBe(1);
    const levels = (JSON.parse(failing.stdout) as { diagnostics: { severity: string }[] }).diagnostics.map(
      (d) => d.severity,
    );
    expect(levels).toEqual(Array(7).fill('error'));
  });

  it.each([
    [
      'rules:\n  VALUE_UNKNWN: off\n',
      'mtad.config.yaml:2:3: error: unknown rule "VALUE_UNKNWN"',
      'CONFIG_RULE_UNKNOWN',
    ],
    [
      'rules:\n  APPLIED_OUT_OF_ORDER: off\n',
      'mtad.config.yaml:2:3: error: APPLIED_OUT_OF_ORDER',
      'CONFIG_RULE_LOCKED',
    ],
    ['rules:\n  VALUE_UNKNOWN: silent\n', 'mtad.config.yaml:2:18: error:', 'SCHEMA_INVALID_VALUE'],
    [
      'rule:\n  VALUE_UNKNOWN: off\n',
      'mtad.config.yaml:1:1: error: unknown key "rule". Did you mean "rules"?',
      'SCHEMA_UNKNOWN_KEY',
    ],
    ['rules: [\n', 'mtad.config.yaml:', 'YAML_SYNTAX'],
    ['rules:\n  __proto__: off\n', 'mtad.config.yaml:2:3', 'YAML_FORBIDDEN_KEY'],
  ])('refuses %j at its line and column, with exit status 1, before checking', async (config, says, code) => {
    const run = await runMain(['check'], configured(config));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(says);
    expect(codesIn(run.stderr)).toEqual([code]);
  });

  it('names the nearest rule for a misspelt one', async () => {
    const run = await runMain(['check'], configured('rules:\n  VALUE_UNKNWN: off\n'));
    expect(run.stderr).toContain('Did you mean "VALUE_UNKNOWN"?');
  });

  it('mtad schema config prints the committed schema/config.schema.json', async () => {
    const run = await runMain(['schema', 'config']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(ROOT, 'schema/config.schema.json'), 'utf8'));
  });
});

describe('--quiet and --changed-since', () => {
  it('--quiet prints errors only; --max-warnings still counts the warnings', async () => {
    const dir = fresh();
    const run = await runMain(['check', '--quiet'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/^ +\d+:\d+ +warning/m);
    expect(run.stdout).toContain('7 warnings not shown (--quiet)');
    const counted = await runMain(['check', '--quiet', '--max-warnings', '0'], dir);
    expect(counted.status).toBe(1);
  });

  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, stdio: 'pipe' });

  it('reports the warnings of the files changed since a commit only, and errors wherever they are', async () => {
    const dir = fresh();
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'data');
    const unchanged = await runMain(['check', '--changed-since', 'HEAD', '--format', 'json'], dir);
    expect(unchanged.status).toBe(0);
    expect(JSON.parse(unchanged.stdout).diagnostics).toEqual([]);
    // The table changed: its warnings are reported again.
    const table = join(dir, 'data/table-17.6.yaml');
    writeFileSync(table, `${readFileSync(table, 'utf8')}\n`);
    const changed = await runMain(['check', '--changed-since', 'HEAD'], dir);
    expect(codesIn(changed.stdout.replace(/^ +\d+:\d+ +\w+ +([A-Z_]+) .*$/gm, '[$1]'))).toHaveLength(7);
    git(dir, 'checkout', '-q', '--', 'data/table-17.6.yaml');
    // An error in a file the change did not touch is still reported: a new file breaks the sequence.
    const amendment = join(dir, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(
      join(dir, 'data/amendments/copy.yaml'),
      readFileSync(amendment, 'utf8').replace('id: mdust-close-moc-secure', 'id: copy'),
    );
    const broken = await runMain(['check', '--changed-since', 'HEAD', '--format', 'json'], dir);
    expect(broken.status).toBe(1);
    const errors = (JSON.parse(broken.stdout) as { diagnostics: { severity: string }[] }).diagnostics;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((d) => d.severity === 'error')).toBe(true);
  });

  it('a folder outside git, an unknown ref, and a ref that looks like an option: exit 2, one line', async () => {
    const dir = fresh();
    const outside = await runMain(['check', '--changed-since', 'HEAD'], dir);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/^mtad: error: "HEAD" is not a value for --changed-since: .*needs a git repository/);
    expect(codesIn(outside.stderr)).toEqual(['ARGUMENT_INVALID']);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'data');
    for (const ref of ['no-such-branch', '--output=leak.txt']) {
      const run = await runMain(['check', `--changed-since=${ref}`], dir);
      expect(run.status, ref).toBe(2);
      expect(run.stderr).toMatch(/^mtad: error: .* is not a value for --changed-since: .*git knows no commit/);
      expect(codesIn(run.stderr)).toEqual(['ARGUMENT_INVALID']);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'leak.txt'))).toBe(false);
  });
});
