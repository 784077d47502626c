import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_RULES } from '../../src/domain/check/check-sources.js';
import { copyOfData, ROOT, snapshotTree } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { materialiseFixture } from '../helpers/fixtures.js';
import { sarifErrors } from '../helpers/sarif.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const fresh = (dir: string) => (made.push(dir), dir);
const codesIn = (stdout: string) =>
  (JSON.parse(stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
/** A user's mistake prints findings, never a stack trace. */
const expectNoStack = (run: { stdout: string; stderr: string }) =>
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+|internal error/);

describe('mtad check on the shipped data', () => {
  it('exits 0 and lists the values that are not public as warnings naming the source to check', async () => {
    const run = await runMain(['check']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    await expect(run.stdout).toMatchFileSnapshot('golden/check-shipped.stylish.txt');
    const json = await runMain(['check', '--format', 'json']);
    expect(codesIn(json.stdout)).toEqual(Array(7).fill('VALUE_UNKNOWN'));
    for (const d of JSON.parse(json.stdout).diagnostics) expect(d.args.source, d.message).toBeTruthy();
  });

  it('fails on warnings only past --max-warnings', async () => {
    expect((await runMain(['check', '--max-warnings', '7'])).status).toBe(0);
    const over = await runMain(['check', '--max-warnings', '6']);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('mtad check: 7 warning(s), more than --max-warnings 6 allows.\n');
  });

  it('checks a single file in its sequence, and the default folder the same as data/', async () => {
    expect((await runMain(['check', 'data/'])).stdout).toBe((await runMain(['check'])).stdout);
    const one = await runMain(['check', 'data/amendments/mdust-close-moc-secure.yaml', '--format', 'json']);
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout).files).toContain('data/amendments/mdust-close-foc-np.yaml');
  });
});

describe('formats', () => {
  it('github: one workflow annotation a line, in the exact shape', async () => {
    const cwd = fresh(materialiseFixture('WEEKDAY_MISMATCH', 'fire'));
    const run = await runMain(['check', '--format', 'github'], { cwd });
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      '::error file=data/amendments/mdust-close-moc-secure.yaml,line=25,col=93,title=WEEKDAY_MISMATCH::"Monday 31 January 2023": 31 January 2023 is a Tuesday',
    );
    for (const line of lines)
      expect(line).toMatch(/^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[A-Z_]+::[^\n]+$/);
  });

  it('sarif: valid SARIF 2.1.0 (the published schema), with rules, locations and stable fingerprints', async () => {
    const logs = [
      (await runMain(['check', '--format', 'sarif'])).stdout,
      (await runMain(['check', '--format', 'sarif'], { cwd: fresh(materialiseFixture('FILE_NOT_TEXT', 'fire')) }))
        .stdout,
      (await runMain(['check', '--format', 'sarif'], { cwd: fresh(materialiseFixture('TIMELINE_ORDER', 'fire')) }))
        .stdout,
    ].map((text) => JSON.parse(text));
    for (const log of logs) expect(sarifErrors(log)).toEqual([]);

    const [run] = logs[2].runs;
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([...CHECK_RULES]));
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'TIMELINE_ORDER');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'data/amendments/mdust-close-moc-secure.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 49, startColumn: 9 },
    });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('TIMELINE_ORDER');

    // A fingerprint does not move with the line: add lines above the finding, get the same one.
    const cwd = fresh(materialiseFixture('TIMELINE_ORDER', 'fire'));
    const file = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(file, `# one more line\n# and another\n${readFileSync(file, 'utf8')}`);
    const moved = JSON.parse((await runMain(['check', '--format', 'sarif'], { cwd })).stdout).runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === 'TIMELINE_ORDER',
    );
    expect(moved.locations[0].physicalLocation.region.startLine).toBe(51);
    expect(moved.partialFingerprints).toEqual(result.partialFingerprints);
  });

  it('writes several formats at once with --output FORMAT=PATH, atomically, and still prints --format', async () => {
    const cwd = fresh(copyOfData());
    const run = await runMain(
      ['check', '--format', 'github', '--output', 'sarif=out/../mtad.sarif', '--output', 'json=findings.json'],
      { cwd },
    );
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(
      /^::warning file=data\/table-17.6.yaml,line=\d+,col=\d+,title=VALUE_UNKNOWN::/,
    );
    expect(JSON.parse(readFileSync(join(cwd, 'findings.json'), 'utf8')).warningCount).toBe(7);
    expect(JSON.parse(readFileSync(join(cwd, 'mtad.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(cwd).filter((name) => name.startsWith('.mtad-tmp'))).toEqual([]);
  });

  it('refuses a bad --output, a bad --max-warnings and a missing path with exit status 2 and one line', async () => {
    for (const args of [
      ['--output', 'pdf=x.pdf'],
      ['--output', 'json'],
      ['--max-warnings', 'many'],
      ['no/such/folder'],
      ['--output', 'json=no/such/folder/x.json'],
    ]) {
      const run = await runMain(['check', ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expectNoStack(run);
    }
    expect((await runMain(['check', '--format', 'pdf'])).status).toBe(2);
  });

  it('lists the rules with their codes, severities and docs', async () => {
    const text = (await runMain(['check', '--list-rules'])).stdout;
    for (const code of CHECK_RULES) expect(text).toContain(`\`${code}\``);
    expect(JSON.parse((await runMain(['check', '--list-rules', '--format', 'json'])).stdout)).toHaveLength(
      CHECK_RULES.length,
    );
  });
});

describe('--stdin', () => {
  it('checks standard input in place of the file it names, and writes nothing', async () => {
    const cwd = fresh(copyOfData());
    const before = snapshotTree(cwd);
    const edited = readFileSync(join(cwd, 'data/amendments/mdust-close-moc-secure.yaml'), 'utf8').replace(
      'from Tuesday 31',
      'from Friday 31',
    );
    const run = await runMain(
      ['check', '--stdin', '--stdin-filename', 'data/amendments/mdust-close-moc-secure.yaml', '--format', 'github'],
      { cwd, input: edited },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '::error file=data/amendments/mdust-close-moc-secure.yaml,line=25,col=93,title=WEEKDAY_MISMATCH::"Friday 31 January 2023": 31 January 2023 is a Tuesday\n',
    );
    expect(snapshotTree(cwd)).toEqual(before);
  });
});

describe('the lock of made amendments', () => {
  it('records made amendments with --update-lock, byte for byte as shipped, and names an edit afterwards', async () => {
    const cwd = fresh(copyOfData());
    const lock = join(cwd, 'data/amendments.lock');
    rmSync(lock);
    const missing = await runMain(['check', '--format', 'json'], { cwd });
    expect(missing.status).toBe(1);
    expect(codesIn(missing.stdout).filter((c) => c !== 'VALUE_UNKNOWN')).toEqual(['LOCK_MISSING', 'LOCK_MISSING']);

    const update = await runMain(['check', '--update-lock'], { cwd });
    expect(update.status).toBe(0);
    expect(update.stderr).toBe('Recorded in data/amendments.lock: mdust-close-ioc-moc-mds, mdust-close-foc-np.\n');
    expect(readFileSync(lock, 'utf8')).toBe(readFileSync(join(ROOT, 'data/amendments.lock'), 'utf8'));
    expect(readdirSync(join(cwd, 'data')).filter((name) => name.startsWith('.mtad-tmp'))).toEqual([]);

    const made = join(cwd, 'data/amendments/mdust-close-foc-np.yaml');
    writeFileSync(
      made,
      readFileSync(made, 'utf8')
        .replace('to: 2022-09-30', 'to: 2022-10-31')
        .replace('issued: 2022-08-04', 'issued: 2022-08-05'),
    );
    const edited = await runMain(['check', '--update-lock', '--format', 'json'], { cwd });
    expect(edited.status).toBe(1);
    const finding = JSON.parse(edited.stdout).diagnostics.find((d: { code: string }) => d.code === 'LOCK_MISMATCH');
    expect(finding).toMatchObject({
      file: 'data/amendments/mdust-close-foc-np.yaml',
      args: {
        id: 'mdust-close-foc-np',
        fields: [
          { path: 'changes[0].to', how: 'changed' },
          { path: 'consultation.issued', how: 'changed' },
        ],
      },
    });
    expect(finding.message).toMatch(/differs from .* in: changes\[0\]\.to, consultation\.issued$/);
    expect(readFileSync(lock, 'utf8')).toBe(readFileSync(join(ROOT, 'data/amendments.lock'), 'utf8'));
  });
});

describe('bad input: a clear finding, never a crash or a stack trace', () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
  ].join('\n');
  const cases: [string, string | Buffer, string][] = [
    ['an empty file', '', 'FILE_EMPTY'],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'FILE_NOT_TEXT'],
    ['a YAML alias bomb', bomb, 'YAML_ALIAS_LIMIT'],
    ['a 10 MB file', '# padding\n'.repeat(1_048_576), 'FILE_TOO_LARGE'],
    ['a __proto__ key', 'id: x\n__proto__:\n  polluted: true\n', 'YAML_FORBIDDEN_KEY'],
    ['non-UTF-8 bytes', Buffer.from('title: caf\xe9\n', 'latin1'), 'FILE_NOT_TEXT'],
    ['nesting 100,000 deep', '['.repeat(100_000), 'YAML_SYNTAX'],
  ];
  it.each(cases)('%s', async (_name, content, code) => {
    const cwd = fresh(copyOfData());
    writeFileSync(join(cwd, 'data/amendments/bad.yaml'), content);
    const run = await runMain(['check', '--format', 'json'], { cwd });
    expect(run.status).toBe(1);
    expect(codesIn(run.stdout)).toContain(code);
    expect(run.stderr).toBe('');
    expectNoStack(run);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the same on standard input', async () => {
    for (const [, content, code] of cases) {
      const run = await runMain(
        ['check', '--stdin', '--stdin-filename', 'data/amendments/bad.yaml', '--format', 'json'],
        { input: content as string },
      );
      expect(run.status, code).toBe(1);
      expect(codesIn(run.stdout)).toContain(code);
      expectNoStack(run);
    }
  });

  it('a missing data folder is an IO error: exit status 2', async () => {
    const cwd = fresh(copyOfData());
    rmSync(join(cwd, 'data'), { recursive: true });
    const run = await runMain(['check'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^data: .*\[FILE_NOT_FOUND\]\n$/);
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  });
});

describe('what the command line names', () => {
  const WEEKDAY_FIRE = 'tests/fixtures/check/WEEKDAY_MISMATCH/fire/amendments/mdust-close-moc-secure.yaml';

  it('a missing path is one IO line naming it, exit status 2, and nothing else checked, printed or written', async () => {
    const cwd = fresh(copyOfData());
    const before = snapshotTree(cwd);
    for (const args of [
      ['nope/'],
      ['data/amendments/nope.yaml', 'data/'],
      ['nope/', '--format', 'json', '--output', 'sarif=mtad.sarif'],
      ['data/amendments/', '--table', 'nope.yaml'],
    ]) {
      const run = await runMain(['check', ...args], { cwd });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(
        /^(nope|data\/amendments\/nope\.yaml|nope\.yaml): error: .*\[FILE_NOT_FOUND\]\n$/,
      );
    }
    expect(snapshotTree(cwd)).toEqual(before);
    // A path that exists is checked as before.
    expect((await runMain(['check', 'data/amendments/mdust-close-moc-secure.yaml'], { cwd })).status).toBe(0);
  });

  it('an amendment named from outside the amendments folder stands in for the one of the same id inside it', async () => {
    const run = await runMain(['check', WEEKDAY_FIRE, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(codesIn(run.stdout).filter((c) => c !== 'VALUE_UNKNOWN')).toEqual(['WEEKDAY_MISMATCH']);
    const { files } = JSON.parse(run.stdout) as { files: string[] };
    expect(files).toContain(WEEKDAY_FIRE);
    expect(files).not.toContain('data/amendments/mdust-close-moc-secure.yaml');
    // Both named on purpose, they are duplicates.
    const both = await runMain(['check', 'data/', WEEKDAY_FIRE, '--format', 'json']);
    expect(codesIn(both.stdout)).toContain('AMENDMENT_ID_DUPLICATE');
  });
});
