import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import {
  CONCLUDED_DATA_ENTRIES,
  copiesOfData,
  copyWithMocSecureMade as copyWithMocSecureMadeIn,
  ROOT,
  snapshotTree,
  runCli,
} from '../helpers/cli.js';
import { writtenNarrative } from '../helpers/narrative.js';
import { runMain } from '../helpers/main.js';

const TABLE = 'data/table-17.6.yaml';
const MOC = 'data/amendments/mdust-close-moc-secure.yaml';

const copyOfData = copiesOfData();
const copyWithMocSecureMade = () => copyWithMocSecureMadeIn(copyOfData());

const codes = (stderr: string) => [...stderr.matchAll(/\[([A-Z_]+)\]$/gm)].map((m) => m[1]);

describe('mtad amend --write', () => {
  it('writes a made amendment into the table, keeping every untouched line, then says it is already reflected', async () => {
    const dir = copyWithMocSecureMade();
    const before = readFileSync(join(dir, TABLE), 'utf8');
    const first = await runMain(['amend', 'mdust-close-moc-secure', '--write'], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      'Wrote data/table-17.6.yaml: it now reflects mdust-close-ioc-moc-mds, mdust-close-foc-np, mdust-close-moc-secure, as at 2023-01-27.',
    );
    const after = readFileSync(join(dir, TABLE), 'utf8');
    const parts = diffLines(before, after);
    const lines = (which: 'added' | 'removed') =>
      parts.filter((p) => p[which]).flatMap((p) => p.value.trimEnd().split('\n'));
    const [removed, added] = [lines('removed'), lines('added')];
    expect(removed).toEqual([
      'asAt: 2022-12-05',
      '      value: none',
      '      source: The reference, section 1 ("At present Migration DUST is only provided for the MOC (Secure) and FOC (BG) cohorts").',
    ]);
    expect(added).toEqual([
      'asAt: 2023-01-27',
      '  - mdust-close-moc-secure',
      '      value: 2023-01-31',
      '      source: amendment mdust-close-moc-secure',
    ]);
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(CONCLUDED_DATA_ENTRIES);
    // The lock of made amendments now records it, so that mtad check holds it immutable.
    expect(readFileSync(join(dir, 'data/amendments.lock'), 'utf8')).toContain('  - id: "mdust-close-moc-secure"');
    expect((await runMain(['check'], { cwd: dir })).status).toBe(0);

    const snapshot = snapshotTree(dir);
    const second = await runMain(['amend', 'mdust-close-moc-secure', '--write'], { cwd: dir });
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(
      'Nothing to write: data/table-17.6.yaml already reflects amendment mdust-close-moc-secure.\n',
    );
    expect(snapshotTree(dir)).toEqual(snapshot);
    expect((await runMain(['amend', '--write'], { cwd: dir })).stdout).toMatch(
      /^Nothing to write: .* already reflects every amendment/,
    );

    const shown = await runMain(['show'], { cwd: dir });
    expect(shown.stdout).toContain('Migration DUST provided on 27 January 2023: MOC (Secure), FOC (BG).');
    expect((await runMain(['show', '--as-at', '2023-02-01'], { cwd: dir })).stdout).toContain(
      'Migration DUST provided on 1 February 2023: FOC (BG).',
    );
    expect((await runMain(['show', '--as-at', '2022-12-05'], { cwd: dir })).stdout).toContain(
      'Migration DUST provided on 5 December 2022: MOC (Secure), FOC (BG).',
    );
  });

  it('refuses a proposed amendment and writes nothing', async () => {
    const dir = copyOfData();
    const snapshot = snapshotTree(dir);
    const run = await runMain(['amend', '--write'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(codes(run.stderr)).toEqual(['AMENDMENT_NOT_MADE']);
    expect(snapshotTree(dir)).toEqual(snapshot);
  });

  it('refuses when a check fails and writes nothing', async () => {
    const dir = copyWithMocSecureMade();
    writeFileSync(join(dir, MOC), readFileSync(join(dir, MOC), 'utf8').replace('from: none', 'from: 2023-01-01'));
    const snapshot = snapshotTree(dir);
    const run = await runMain(['amend', '--write'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(codes(run.stderr)).toEqual(['PRECONDITION_FAILED']);
    expect(snapshotTree(dir)).toEqual(snapshot);
  });

  // Another process, preloaded into a spawned mtad, changes the table just before the rename.
  it('does not overwrite a table another process changed between read and write (exit 2)', () => {
    const dir = copyWithMocSecureMade();
    const table = join(dir, TABLE);
    const original = readFileSync(table, 'utf8');
    const lock = readFileSync(join(dir, 'data/amendments.lock'), 'utf8');
    const preload = pathToFileURL(join(ROOT, 'tests/helpers/change-table-before-rename.mjs')).href;
    const run = runCli(['amend', '--write'], {
      cwd: dir,
      env: { NODE_OPTIONS: `--import ${preload}`, MTAD_TEST_CHANGE_FILE: table },
    });
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['FILE_CHANGED_ON_DISK']);
    expect(readFileSync(table, 'utf8')).toBe(`${original}# edited by another process\n`);
    // "Nothing was written": the lock of made amendments neither.
    expect(readFileSync(join(dir, 'data/amendments.lock'), 'utf8')).toBe(lock);
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(CONCLUDED_DATA_ENTRIES);
  });
});

describe('mtad log', () => {
  it('lists the amendments in sequence, with status, cohorts and dates, as text and JSON', async () => {
    const text = await runMain(['log']);
    expect(text.status).toBe(0);
    expect(
      text.stdout
        .split('\n')
        .slice(1, 4)
        .map((line) => line.split(/\s{2,}/).slice(0, 3)),
    ).toEqual([
      ['1', 'mdust-close-ioc-moc-mds', 'made'],
      ['2', 'mdust-close-foc-np', 'made'],
      ['3', 'mdust-close-moc-secure', 'proposed'],
    ]);
    const json = JSON.parse((await runMain(['log', '--format', 'json'])).stdout);
    expect(json.amendments[1]).toMatchObject({
      id: 'mdust-close-foc-np',
      status: 'made',
      inTable: true,
      cohorts: ['FOC (NP)'],
      issued: '2022-08-04',
      concluded: '2022-09-15',
      modification: 'unknown',
    });
    expect(json.amendments[2]).toMatchObject({
      id: 'mdust-close-moc-secure',
      inTable: false,
      modification: '2023-01-27',
      responsesDue: '2023-01-13 16:00',
    });
  });
});

describe('mtad show --as-at', () => {
  it('on 5 December 2022 lists MOC (Secure) and FOC (BG) alone as having Migration DUST', async () => {
    const run = await runMain(['show', '--as-at', '2022-12-05']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Migration DUST provided on 5 December 2022: MOC (Secure), FOC (BG).\n');
    expect(run.stdout).toContain(
      "DCC's ability to enrol (Migrate) new test devices in respect of that cohort for other Testing Services in User Interface Testing (UIT) environments",
    );
  });

  it('says unknown where the history cannot tell, and counts proposals only when asked', async () => {
    expect((await runMain(['show', '--as-at', '2022-06-01'])).stdout).toContain(
      'Migration DUST provided on 1 June 2022: MOC (Secure), FOC (NP), FOC (BG). Not known for: IOC, MOC (MDS).',
    );
    expect((await runMain(['show', '--as-at', '2023-02-01'])).stdout).toContain(
      'provided on 1 February 2023: MOC (Secure), FOC (BG).',
    );
    expect((await runMain(['show', '--as-at', '2023-01-31', '--include', 'proposed'])).stdout).toContain(
      'provided on 31 January 2023: MOC (Secure), FOC (BG).',
    );
    expect((await runMain(['show', '--as-at', '2023-02-01', '--include', 'proposed'])).stdout).toContain(
      'provided on 1 February 2023: FOC (BG).',
    );
  });

  it('refuses a date that is not one (exit 2)', async () => {
    const run = await runMain(['show', '--as-at', '2023-02-30']);
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['ARGUMENT_INVALID']);
  });
});

describe('mtad diff', () => {
  it('redlines two amendment points in every format amend has', async () => {
    const args = ['diff', '--from', 'mdust-close-foc-np', '--to', 'mdust-close-moc-secure'];
    expect((await runMain(args)).stdout).toContain('~  MOC (Secure)  DA       {+31 January 2023+}');
    expect((await runMain([...args, '--format', 'markdown', '--redline-only'])).stdout).toContain(
      '| MOC (Secure) | DA | <ins>31 January 2023</ins> |',
    );
    expect((await runMain([...args, '--format', 'unified', '--redline-only'])).stdout).toContain(
      '+MOC (Secure) | DA      | 31 January 2023',
    );
    expect(JSON.parse((await runMain([...args, '--format', 'json'])).stdout).changes).toEqual([
      {
        amendment: 'mdust-close-moc-secure',
        action: 'close',
        cohort: 'MOC (Secure)',
        groupId: 'DA',
        field: 'endDate',
        from: 'none',
        to: '2023-01-31',
      },
    ]);
  });

  it('redlines two dates, backwards too', async () => {
    const run = await runMain(['diff', '--from', '2022-12-05', '--to', '2022-09-01']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('~  FOC (NP)      unknown  [-30 September 2022-]');
  });

  it('refuses a point that is neither a date nor an amendment id (exit 2)', async () => {
    const run = await runMain(['diff', '--from', 'yesterday', '--to', '2022-12-05']);
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['ARGUMENT_INVALID']);
  });
});

describe('mtad revert', () => {
  it('writes the re-opening that reverses a closure, refuses to overwrite it, and --stdout prints it', async () => {
    const dir = copyOfData();
    const run = await runMain(['revert', 'mdust-close-moc-secure', '--issued', '2023-03-01'], { cwd: dir });
    expect(run.status).toBe(0);
    const path = join(dir, 'data/amendments/mdust-close-moc-secure-revert.yaml');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('reverts: mdust-close-moc-secure');
    expect(text).toMatch(
      /- action: reopen\n {4}cohort: MOC \(Secure\)\n {4}groupId: DA\n {4}field: endDate\n {4}from: 2023-01-31\n {4}to: none\n/,
    );

    const snapshot = snapshotTree(dir);
    const again = await runMain(['revert', 'mdust-close-moc-secure', '--issued', '2023-03-01'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(codes(again.stderr)).toEqual(['FILE_EXISTS']);
    expect(snapshotTree(dir)).toEqual(snapshot);
    const fresh = copyOfData();
    const freshSnapshot = snapshotTree(fresh);
    expect(
      (await runMain(['revert', 'mdust-close-moc-secure', '--issued', '2023-03-01', '--stdout'], { cwd: fresh }))
        .stdout,
    ).toBe(text);
    expect(snapshotTree(fresh)).toEqual(freshSnapshot);

    const amend = await runMain(['amend'], { cwd: dir });
    expect(amend.status).toBe(1);
    expect(new Set(codes(amend.stderr))).toEqual(new Set(['FIELD_TO_DECIDE']));
  });
});

describe('mtad new', () => {
  it('writes a closure filled from the table; amend refuses it until every !todo is decided, then applies it', async () => {
    const dir = copyOfData();
    const run = await runMain(['new', 'close', 'FOC (BG)', '--on', '2023-06-30'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'Wrote data/amendments/mdust-close-foc-bg.yaml: Migration DUST Closure for FOC (BG) (sequence 4, proposed).',
    );
    expect(run.stdout).toContain('end date (last day)    Friday 30 June 2023');
    const path = join(dir, 'data/amendments/mdust-close-foc-bg.yaml');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('from Friday 30 June 2023 (or within one month thereafter)');

    const refused = await runMain(['amend'], { cwd: dir });
    expect(refused.status).toBe(1);
    // Every finding mtad check prints of these files: the amendment's fields and its narrative's.
    expect(codes(refused.stderr)).toEqual([...Array(9).fill('FIELD_TO_DECIDE'), ...Array(4).fill('NARRATIVE_TODO')]);
    expect((await runMain(['log'], { cwd: dir })).stdout).toContain('proposed, draft: 9 to decide');

    writeFileSync(path, text.replaceAll('!todo ', ''));
    // The narrative of its consultation, written too: until then, check (and so amend) refuses it.
    const narrative = join(dir, 'data/consultations/mdust-close-foc-bg.md');
    expect(codes((await runMain(['amend'], { cwd: dir })).stderr)).toEqual(Array(4).fill('NARRATIVE_TODO'));
    writeFileSync(narrative, writtenNarrative(readFileSync(narrative, 'utf8')));
    const applied = await runMain(['amend'], { cwd: dir });
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toContain('~  FOC (BG)      EA       {+30 June 2023+}');
  });

  it('refuses a cohort already closed, an unknown cohort, and a missing --on', async () => {
    const dir = copyOfData();
    const snapshot = snapshotTree(dir);
    expect(codes((await runMain(['new', 'close', 'FOC (NP)', '--on', '2023-06-30'], { cwd: dir })).stderr)).toEqual([
      'NEW_NOT_APPLICABLE',
    ]);
    expect(codes((await runMain(['new', 'close', 'MOC (Secure)', '--on', '2023-06-30'], { cwd: dir })).stderr)).toEqual(
      ['NEW_NOT_APPLICABLE'],
    );
    expect(codes((await runMain(['new', 'close', 'FOC BG', '--on', '2023-06-30'], { cwd: dir })).stderr)).toEqual([
      'COHORT_UNKNOWN',
    ]);
    expect((await runMain(['new', 'close', 'FOC (BG)'], { cwd: dir })).status).toBe(2);
    expect(snapshotTree(dir)).toEqual(snapshot);
  });

  it('refuses a date that would draft an amendment issued before an earlier one, naming it (exit 2)', async () => {
    const dir = copyOfData();
    const snapshot = snapshotTree(dir);
    for (const args of [
      ['new', 'close', 'FOC (BG)', '--on', '2011-12-30'],
      ['new', 'close', 'FOC (BG)', '--on', '2011-12-30', '--stdout'],
      ['new', 'reopen', 'FOC (NP)', '--issued', '2022-12-04'],
      ['revert', 'mdust-close-foc-np', '--issued', '2022-08-03'],
    ]) {
      const run = await runMain(args, { cwd: dir });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(codes(run.stderr)).toEqual(['DRAFT_ISSUED_BEFORE_EARLIER']);
    }
    const run = await runMain(['new', 'close', 'FOC (BG)', '--on', '2011-12-30'], { cwd: dir });
    expect(run.stderr).toContain(
      'error: --on 2011-12-30 proposes a consultation issued on 31 October 2011, before "mdust-close-moc-secure" (sequence 3) was issued on 5 December 2022: the new amendment takes sequence 4, and amendments are numbered in the order their consultations are issued. Choose a later date; nothing was written [DRAFT_ISSUED_BEFORE_EARLIER]\n',
    );
    expect(snapshotTree(dir)).toEqual(snapshot);
    // Issued the day the latest was is not before it.
    expect(
      (await runMain(['new', 'reopen', 'FOC (NP)', '--issued', '2022-12-05', '--stdout'], { cwd: dir })).status,
    ).toBe(0);
  });

  it('check finds a completed draft whose consultation was issued before an earlier amendment', async () => {
    const dir = copyOfData();
    expect((await runMain(['new', 'close', 'FOC (BG)', '--on', '2023-06-30'], { cwd: dir })).status).toBe(0);
    const path = join(dir, 'data/amendments/mdust-close-foc-bg.yaml');
    const completed = readFileSync(path, 'utf8').replaceAll('!todo ', '');
    writeFileSync(path, completed);
    const narrative = join(dir, 'data/consultations/mdust-close-foc-bg.md');
    writeFileSync(narrative, writtenNarrative(readFileSync(narrative, 'utf8')));
    expect((await runMain(['check'], { cwd: dir })).status).toBe(0);
    writeFileSync(path, completed.replace(/^ {2}issued: \d{4}-\d{2}-\d{2}$/m, '  issued: 2011-11-03'));
    const run = await runMain(['check', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    const errors = (
      JSON.parse(run.stdout) as { diagnostics: { code: string; severity: string; args: object }[] }
    ).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'SEQUENCE_DATE_ORDER',
        args: {
          id: 'mdust-close-foc-bg',
          sequence: 4,
          issued: '2011-11-03',
          earlier: { id: 'mdust-close-moc-secure', sequence: 3, issued: '2022-12-05' },
        },
      }),
    ]);
  });

  it('writes a re-opening with the end date as its expected old value', async () => {
    const dir = copyOfData();
    const run = await runMain(['new', 'reopen', 'FOC (NP)', '--issued', '2023-03-06'], { cwd: dir });
    expect(run.status).toBe(0);
    const text = readFileSync(join(dir, 'data/amendments/mdust-reopen-foc-np.yaml'), 'utf8');
    expect(text).toMatch(
      /- action: reopen\n {4}cohort: FOC \(NP\)\n {4}groupId: !todo unknown\n {4}field: endDate\n {4}from: 2022-09-30\n {4}to: none\n/,
    );
    expect(text).toContain('issued: !todo 2023-03-06');
    expect(existsSync(join(dir, 'data/amendments/mdust-close-foc-np.yaml'))).toBe(true);
  });
});

describe('mtad impact', () => {
  it("gives the lower bound (the purchase's six weeks) and the date expected by under both readings", async () => {
    const run = await runMain(['impact', 'mdust-close-moc-secure', '--decided', '2023-02-01']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "re-start no earlier than:       Wednesday 15 March 2023 (the purchase's minimum lead time, 6 weeks)",
    );
    expect(run.stdout).toContain(
      'expected by:                    Monday 1 May 2023 if the amendment (up to 3 months) and the purchase run side by side,',
    );
    expect(run.stdout).toContain('or Monday 12 June 2023 one after the other');
    // The labels are a column: every date starts under the first, "or" just before it.
    const lines = run.stdout.split('\n');
    const column = (prefix: string) => {
      const line = lines.find((l) => l.trimStart().startsWith(prefix)) ?? '';
      return line.indexOf(':') + 1 + (/^ */.exec(line.slice(line.indexOf(':') + 1))?.[0].length ?? 0);
    };
    const first = column('end date (last day of service)');
    for (const label of ['decision to re-start', 're-start no earlier than', 'expected by'])
      expect(column(label), label).toBe(first);
    expect(lines.find((l) => /^ +or Monday 12 June/.test(l))?.indexOf('Monday')).toBe(first);
    // Three months is the amendment's maximum: never an "earliest" date.
    expect(run.stdout).not.toMatch(/earliest/i);
  });
});

describe('help', () => {
  it('every new command has --help with an example', async () => {
    for (const command of [
      ['log'],
      ['diff'],
      ['revert'],
      ['new', 'close'],
      ['new', 'reopen'],
      ['impact'],
      ['show'],
      ['amend'],
    ]) {
      const run = await runMain([...command, '--help']);
      expect(run.status, command.join(' ')).toBe(0);
      expect(run.stdout, command.join(' ')).toMatch(/Examples?:\n {2}mtad /);
    }
  });
});
