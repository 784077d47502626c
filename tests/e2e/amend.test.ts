import { describe, expect, it } from 'vitest';
import {
  copyOfData,
  copyOfDataWith,
  copyWithMocSecureMade,
  snapshotTree,
  runCli,
  writeMocSecureConclusion,
} from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { referenceDirection } from '../helpers/reference.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT } from '../helpers/cli.js';

describe('mtad amend on the shipped data', () => {
  it('prints the redline, the draft direction and the summary', async () => {
    const run = await runMain(['amend']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('~  MOC (Secure)  DA       {+31 January 2023+}');
    expect(run.stdout).toContain(referenceDirection());
    expect(run.stdout).toContain(
      'Tuesday 31 January 2023 (or within one month thereafter: by Tuesday 28 February 2023)',
    );
    await expect(run.stdout).toMatchFileSnapshot('../golden/amend/terminal.txt');
  });

  it('marks deletions red and struck through, insertions green and underlined, in colour', async () => {
    const run = await runMain(['amend', '--redline-only'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(run.stdout).toContain('\u001b[32m\u001b[4m31 January 2023\u001b[24m\u001b[39m');
    expect(run.stdout).not.toContain('{+');
    await expect(run.stdout).toMatchFileSnapshot('../golden/amend/terminal-color.ans');
  });

  it('renders every format of the registry', async () => {
    for (const format of ['unified', 'markdown', 'json']) {
      const run = await runMain(['amend', '--format', format]);
      expect(run.status, format).toBe(0);
      await expect(run.stdout).toMatchFileSnapshot(
        `../golden/amend/${format}.${format === 'json' ? 'json' : format === 'markdown' ? 'md' : 'txt'}`,
      );
    }
  });

  it('gives a unified diff of the table as text, one row a line', async () => {
    const patch = (await runMain(['amend', '--format', 'unified', '--redline-only'])).stdout;
    expect(patch).toMatch(/^--- a\/table-17\.6\.txt\n\+\+\+ b\/table-17\.6\.txt\n@@ /m);
    expect(patch).toContain('\n-MOC (Secure) | DA      |');
    expect(patch).toContain('\n+MOC (Secure) | DA      | 31 January 2023');
  });

  it('gives the change list as data in json', async () => {
    const data = JSON.parse((await runMain(['amend', '--format', 'json'])).stdout);
    expect(data.changes).toEqual([
      {
        amendment: 'mdust-close-moc-secure',
        action: 'close',
        cohort: 'MOC (Secure)',
        groupId: 'DA',
        field: 'endDate',
        from: 'none',
        to: '2023-01-31',
        windowMonths: 1,
      },
    ]);
    expect(data.amendments[0].modification).toEqual({ date: '2023-01-27', window: { months: 1, until: '2023-02-27' } });
    // Every date is an ISO date and every value as an amendment file writes it: the words are the renderers'.
    expect(data.amendments[0]).toMatchObject({
      issued: '2022-12-05',
      responsesDue: { date: '2023-01-13', time: '16:00' },
      expectedConclusion: '2023-01-20',
    });
    expect(data.amendments[0].changes[0]).toMatchObject({
      groupId: 'DA',
      from: 'none',
      to: '2023-01-31',
      endDate: { date: '2023-01-31', window: { months: 1, until: '2023-02-28' } },
    });
  });

  it('gives the redline alone as data with --redline-only', async () => {
    const data = JSON.parse((await runMain(['amend', '--format', 'json', '--redline-only'])).stdout);
    expect(Object.keys(data)).toEqual(['table', 'redline']);
    expect(data.redline.rows[2]).toEqual({
      status: 'changed',
      cohort: 'MOC (Secure)',
      cells: [
        { before: 'MOC (Secure)', after: 'MOC (Secure)' },
        { before: 'DA', after: 'DA' },
        { before: 'none', after: '2023-01-31' },
      ],
    });
    expect(data.redline).toMatchObject({ title: 'unknown', version: 'unknown' });
  });

  // The time zone is the process's own: these runs are spawned.
  it('prints the same whatever the machine time zone', () => {
    const outputs = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/London'].map(
      (TZ) => runCli(['amend', '--format', 'json'], { env: { TZ } }).stdout,
    );
    for (const output of outputs) expect(output).toBe(outputs[0]);
  });

  it('applies an amendment named by id or by path, and says when there is nothing to apply', async () => {
    expect((await runMain(['amend', 'mdust-close-moc-secure'])).stdout).toContain('{+31 January 2023+}');
    expect((await runMain(['amend', 'data/amendments/mdust-close-moc-secure.yaml'])).status).toBe(0);
    const dir = copyOfData();
    const table = `${dir}/data/table-17.6.yaml`;
    execFileSync('sed', [
      '-i',
      's/^  - mdust-close-foc-np$/  - mdust-close-foc-np\\n  - mdust-close-moc-secure/',
      table,
    ]);
    const run = await runMain(['amend'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Nothing to apply: data\/table-17\.6\.yaml already reflects every amendment in data\/amendments/,
    );
  });

  it('prints the same with the cache it shares with mtad check, cold and warm, as without one', async () => {
    const withoutCache = copyOfData();
    const withCache = copyOfData();
    mkdirSync(join(withCache, 'node_modules'));
    const expected = await runMain(['amend'], { cwd: withoutCache });
    const cold = await runMain(['amend'], { cwd: withCache });
    expect(existsSync(join(withCache, 'node_modules/.cache/mtad/check-cache.json'))).toBe(true);
    const warm = await runMain(['amend'], { cwd: withCache });
    expect(cold).toEqual(expected);
    expect(warm).toEqual(expected);
    // And mtad check, reading the records amend left, says what it says without them.
    expect(await runMain(['check', '--format', 'json'], { cwd: withCache })).toEqual(
      await runMain(['check', '--format', 'json', '--no-cache'], { cwd: withoutCache }),
    );
  });

  it("refuses an amendment that mtad check calls wrong (a weekday that is not the date's)", async () => {
    const dir = copyOfData();
    const file = join(dir, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('from Tuesday 31 January 2023', 'from Monday 31 January 2023'),
    );
    const run = await runMain(['amend'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^data\/amendments\/mdust-close-moc-secure\.yaml:\d+:\d+: error: "Monday 31 January 2023": 31 January 2023 is a Tuesday \[WEEKDAY_MISMATCH\]\n$/,
    );
  });

  it('--write refuses a made amendment that does not record when its consultation concluded, writing nothing', async () => {
    const dir = copyOfDataWith({
      'amendments/mdust-close-moc-secure.yaml': (text) =>
        text.replace('status: proposed', 'status: made').replace('  annex: null', '  annex: A'),
    });
    const before = snapshotTree(dir);
    const run = await runMain(['amend', '--write'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^data\/amendments\/mdust-close-moc-secure\.yaml:\d+:\d+: error: missing field "consultation\.concluded": .* \[SCHEMA_MISSING_FIELD\]\n$/,
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('summarises a made amendment with the date its consultation concluded, never as expected', async () => {
    const run = await runMain(['amend', '--write'], { cwd: copyWithMocSecureMade() });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('; concluded Friday 20 January 2023\n');
    expect(run.stdout).not.toContain('conclusion expected');
  });

  it('--write refuses a made amendment whose consultation asked questions without its conclusion, naming the file, writing nothing', async () => {
    const dir = copyOfData();
    const file = join(dir, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('status: proposed', 'status: made')
        .replace('expectedConclusion: 2023-01-20', 'expectedConclusion: 2023-01-20\n  concluded: 2023-01-20'),
    );
    const before = snapshotTree(dir);
    const run = await runMain(['amend', '--write'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /but it has no conclusion: expected data\/conclusions\/mdust-close-moc-secure\.yaml .*\[CONCLUSION_MISSING\]\n$/,
    );
    expect(snapshotTree(dir)).toEqual(before);
    // With its conclusion, the annex and the dates are the conclusion's: the write goes through.
    writeMocSecureConclusion(dir);
    const written = await runMain(['amend', '--write'], { cwd: dir });
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
  });

  it('changes no file', async () => {
    const dir = copyOfData();
    const before = snapshotTree(dir);
    expect((await runMain(['amend'], { cwd: dir })).status).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('mtad direction', () => {
  it('prints the draft, Attachment 1 word for word', async () => {
    const run = await runMain(['direction', 'mdust-close-moc-secure']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(referenceDirection());
  });

  it('refuses the final form without the conclusion, naming the file it expects, exit 1', async () => {
    const dir = copyOfData();
    execFileSync('sed', [
      '-i',
      's/^status: proposed/status: concluded/',
      `${dir}/data/amendments/mdust-close-moc-secure.yaml`,
    ]);
    const run = await runMain(['direction', 'mdust-close-moc-secure', '--final'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^data\/amendments\/mdust-close-moc-secure\.yaml:\d+:\d+: error: amendment "mdust-close-moc-secure" is concluded after a consultation that asked questions, but it has no conclusion: expected data\/conclusions\/mdust-close-moc-secure\.yaml .*\[CONCLUSION_MISSING\]\n$/,
    );
  });

  it('refuses the draft of an amendment that records no legal basis, without speaking of a final direction', async () => {
    const run = await runMain(['direction', 'mdust-close-foc-np']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^data\/amendments\/mdust-close-foc-np\.yaml:\d+:\d+: error: cannot render the direction of "mdust-close-foc-np": legalBasis is not set \[DIRECTION_FIELD_MISSING\]\n$/,
    );
  });

  it('prints the final form once the amendment is concluded and the annex is set', async () => {
    const dir = copyOfData();
    execFileSync('sed', [
      '-i',
      '-e',
      's/^  annex: null/  annex: A/',
      '-e',
      's/^status: proposed/status: concluded/',
      `${dir}/data/amendments/mdust-close-moc-secure.yaml`,
    ]);
    writeMocSecureConclusion(dir);
    const run = await runMain(['direction', 'mdust-close-moc-secure', '--final'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'with effect from 27 January 2023, the Migration Test Approach Document is hereby modified in the form set out in Annex A of this direction.',
    );
  });

  it('takes its wording from templates/direction.txt in the working folder when there is one', async () => {
    const dir = copyOfData();
    execFileSync('mkdir', ['-p', `${dir}/templates`]);
    execFileSync('sh', [
      '-c',
      `sed 's/also being notified/also notified/' "${ROOT}/templates/direction.txt" > "${dir}/templates/direction.txt"`,
    ]);
    expect((await runMain(['direction', 'mdust-close-moc-secure'], { cwd: dir })).stdout).toContain(
      'This direction is also notified to the SEC Administrator.',
    );
  });
});

describe('mtad show', () => {
  it('prints the table with what is not public', async () => {
    const run = await runMain(['show']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Migration DUST provided on 5 December 2022: MOC (Secure), FOC (BG).');
    await expect(run.stdout).toMatchFileSnapshot('../golden/show.txt');
  });
});

describe('help and version', () => {
  it('explains every command with an example', async () => {
    for (const command of [
      'amend',
      'direction',
      'show',
      'log',
      'diff',
      'revert',
      'new',
      'new close',
      'new reopen',
      'impact',
      'check',
      'schema',
      'responses',
      'responses import',
    ]) {
      const run = await runMain([...command.split(' '), '--help']);
      expect(run.status, command).toBe(0);
      expect(run.stdout, command).toMatch(/Usage: mtad /);
      expect(run.stdout, command).toMatch(/Examples?:\n  mtad /);
    }
    expect((await runMain(['--help'])).stdout).toMatch(/Exit status: 0 success; 1 a problem in the data/);
  });

  it('stops quietly when the reader closes the pipe early', async () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" direction --help | head -n 1`], {
      encoding: 'utf8',
    });
    expect(result.stdout).toBe('Usage: mtad direction [options] <amendment>\n');
    expect(result.stderr).toBe('');
  });

  // The version is the build's: the built bin.
  it('prints the version', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
