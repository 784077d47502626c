import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { copiesOfData, removedAfterAll, runCli, type CliRun } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

/*
 * The same data gives the same bytes on every machine: whatever its time zone (even one that
 * skipped the day), its locale, or the time of the run. Each run under a time zone or a locale is a
 * process of its own, since TZ, LANG and LC_ALL are read by the process as it starts; the runs
 * that set neither are made in process, through main().
 */

const copyOfData = copiesOfData();
const removed = removedAfterAll();
const tempDir = () => removed(mkdtempSync(join(tmpdir(), 'mtad-machine-')));

describe('the machine time zone', () => {
  // Kiribati's Line Islands skipped 31 December 1994 and Samoa 30 December 2011: a Date made at
  // local noon of either day lands on the next day there.
  it.each([
    ['2011-12-30', 'Friday 30 December 2011'],
    ['1994-12-31', 'Saturday 31 December 1994'],
  ])('dates a draft closing on %s the same under UTC, Pacific/Apia and Pacific/Kiritimati', (on, written) => {
    // A project with no amendment yet: with the shipped ones, a consultation issued in 1994 or 2011
    // would be issued before theirs, and refused (DRAFT_ISSUED_BEFORE_EARLIER).
    const cwd = copyOfData();
    for (const name of readdirSync(join(cwd, 'data/amendments'))) rmSync(join(cwd, 'data/amendments', name));
    rmSync(join(cwd, 'data/amendments.lock'));
    const runs = ['UTC', 'Pacific/Apia', 'Pacific/Kiritimati'].map((TZ) =>
      runCli(['new', 'close', 'FOC (BG)', '--on', on, '--stdout'], { cwd, env: { TZ } }),
    );
    expect(runs[0]!.status).toBe(0);
    expect(runs[0]!.stdout).toContain(`end date             ${written}`);
    for (const run of runs) expect(run.stdout).toBe(runs[0]!.stdout);
  });
});

describe('the machine locale', () => {
  // In Danish "aa" sorts after "z" (it is the letter å): a locale's collation would put
  // aa-close-foc-bg after mdust-close-moc-secure, and code-unit order puts it first.
  const LOCALES = ['C', 'da_DK.UTF-8', 'en_US.UTF-8'];
  const underEach = (args: string[], cwd: string) =>
    LOCALES.map((locale) => runCli(args, { cwd, env: { LC_ALL: locale, LANG: locale } }));

  it('orders two amendments of the same sequence number by id in code-unit order, in every locale', () => {
    const dir = copyOfData();
    const moc = readFileSync(join(dir, 'data/amendments/mdust-close-moc-secure.yaml'), 'utf8');
    const foc = moc
      .replace('id: mdust-close-moc-secure', 'id: aa-close-foc-bg')
      .replaceAll('MOC (Secure)', 'FOC (BG)')
      .replaceAll('groupId: DA', 'groupId: EA')
      .replaceAll('GroupID = "DA"', 'GroupID = "EA"');
    writeFileSync(join(dir, 'data/amendments/aa-close-foc-bg.yaml'), foc);
    let logs: CliRun[] = [];
    for (const args of [
      ['amend', '--format', 'json'],
      ['log', '--format', 'json'],
      ['check', '--format', 'json'],
    ]) {
      const runs = underEach(args, dir);
      if (args[0] === 'log') logs = runs;
      for (const run of runs)
        expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }, `mtad ${args.join(' ')}`).toEqual({
          status: runs[0]!.status,
          stdout: runs[0]!.stdout,
          stderr: runs[0]!.stderr,
        });
    }
    // The Danish run's log (the same, as just asserted, as every locale's).
    const log = JSON.parse(logs[1]!.stdout) as { amendments: { id: string }[] };
    expect(log.amendments.map((entry) => entry.id)).toEqual([
      'mdust-close-ioc-moc-mds',
      'mdust-close-foc-np',
      'aa-close-foc-bg',
      'mdust-close-moc-secure',
    ]);
  });

  it('reports the findings of several files in code-unit order of their names, in every locale', () => {
    const dir = tempDir();
    for (const name of ['b.yaml', 'aa.yaml', 'z.yaml']) writeFileSync(join(dir, name), 'id: [\n');
    const runs = underEach(['check', '.'], dir);
    for (const run of runs) expect(run.stdout + run.stderr).toBe(runs[0]!.stdout + runs[0]!.stderr);
    const files = [...(runs[1]!.stdout + runs[1]!.stderr).matchAll(/^(\w+\.yaml)$/gm)].map((m) => m[1]);
    expect([...new Set(files)]).toEqual(['aa.yaml', 'b.yaml', 'z.yaml']);
  });
});

/** Every file of a pack with its bytes. */
function packBytes(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}

describe('the time of the run', () => {
  it('writes byte-identical packs at different times, dated from the data', async () => {
    const dir = tempDir();
    expect((await runMain(['amend', '--out', join(dir, 'first')])).status).toBe(0);
    // The second run a day and a second later, by the clock mtad reads (Date), rather than waiting:
    // another day, another minute and another of a zip's two-second steps.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 86_401_000 });
    try {
      expect((await runMain(['amend', '--out', join(dir, 'second')])).status).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    expect(packBytes(join(dir, 'second'))).toEqual(packBytes(join(dir, 'first')));
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'first/redline.docx')));
    // The consultation's issue date, 5 December 2022, at midnight UK time.
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2022-12-05T00:00:00Z</dcterms:created>',
    );
  });

  it('dates the Word files, inside and in the zip, by SOURCE_DATE_EPOCH when it is set', async () => {
    const dir = tempDir();
    expect(
      runCli(['amend', '--out', join(dir, 'pack')], { env: { SOURCE_DATE_EPOCH: '1700000000', TZ: 'Pacific/Apia' } })
        .status,
    ).toBe(0);
    for (const name of ['redline.docx', 'direction.docx', 'response-template.docx']) {
      const zip = await JSZip.loadAsync(readFileSync(join(dir, 'pack', name)));
      const core = await zip.file('docProps/core.xml')!.async('string');
      expect(core, name).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:created>');
      expect(core, name).toContain(
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:modified>',
      );
      // JSZip reads a DOS time as local time; its fields, read back in UTC, are the instant's.
      for (const entry of Object.values(zip.files)) {
        const date = entry.date;
        const local = [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes()];
        const utc = [
          date.getUTCFullYear(),
          date.getUTCMonth() + 1,
          date.getUTCDate(),
          date.getUTCHours(),
          date.getUTCMinutes(),
        ];
        expect([local, utc], `${name} ${entry.name}`).toContainEqual([2023, 11, 14, 22, 13]);
      }
    }
  });

  it('takes "today" from SOURCE_DATE_EPOCH, in the UK calendar, for the commands that default to it', () => {
    // 23:30 UTC on 30 June 2023 is already 1 July in the UK (British Summer Time).
    const run = runCli(['new', 'reopen', 'FOC (NP)', '--stdout'], {
      env: { SOURCE_DATE_EPOCH: '1688167800', TZ: 'Pacific/Kiritimati' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('issued: !todo 2023-07-01');
  });

  it('refuses a SOURCE_DATE_EPOCH that is not whole seconds, and writes nothing', async () => {
    const dir = tempDir();
    const run = await runMain(['amend', '--out', join(dir, 'pack')], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('[ARGUMENT_INVALID]');
    expect(readdirSync(dir)).toEqual([]);
  });
});
