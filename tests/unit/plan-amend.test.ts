import { describe, expect, it } from 'vitest';
import { planAmend, type AmendInputs } from '../../src/app/amend.js';
import { parseTable } from '../../src/domain/model/table.js';
import { sha256 } from '../../src/io/hash.js';
import { plainStyler } from '../../src/render/style.js';
import { amendment, readRepoFile } from '../helpers/data.js';
import { diagnose } from '../../src/domain/model/diagnostics.js';
import { fail, succeed } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

const unreadable = (name: string) =>
  fail([diagnose('FILE_NOT_FOUND', { what: `the template ${name}` }, { file: `templates/${name}` })]);

const made = amendment(
  readRepoFile('data/amendments/mdust-close-moc-secure.yaml')
    .replace('status: proposed', 'status: made')
    .replace('expectedConclusion: 2023-01-20', 'expectedConclusion: 2023-01-20\n  concluded: 2023-01-20')
    .replace('  annex: null', '  annex: A'),
  'data/amendments/mdust-close-moc-secure.yaml',
);

/** The inputs the CLI gathers for `mtad amend` on the shipped data, with `over` in place. */
function inputs(over: Partial<AmendInputs> = {}): AmendInputs {
  const table = valueOf(parseTable(readRepoFile('data/table-17.6.yaml'), 'data/table-17.6.yaml'));
  if (!table) throw new Error('the shipped table does not parse');
  return {
    named: [],
    write: false,
    pack: false,
    format: 'unified',
    redlineOnly: true,
    styler: plainStyler,
    table,
    tablePath: '/project/data/table-17.6.yaml',
    tableShown: 'data/table-17.6.yaml',
    folderShown: 'data/amendments',
    amendments: [amendment('mdust-close-moc-secure')],
    checkFailed: false,
    templates: {
      direction: succeed(readRepoFile('templates/direction.txt')),
      closureEffect: succeed(readRepoFile('templates/closure-effect.txt')),
    },
    hash: sha256,
    ...over,
  };
}

describe('planAmend: what amend prints and writes, decided from gathered inputs alone', () => {
  it('prints the redline and writes nothing without --write', () => {
    const plan = planAmend(inputs());
    expect(plan.kind).toBe('report');
    if (plan.kind !== 'report') return;
    expect(plan.writes).toEqual([]);
    expect(plan.report).toMatch(/^-.*MOC \(Secure\)/m);
  });

  it('says what the table already reflects when nothing is pending, before anything else is looked at', () => {
    const plan = planAmend(
      inputs({
        amendments: [],
        checkFailed: true,
        // Templates that could not be read: nothing pending, they are never looked at.
        templates: { direction: unreadable('direction.txt'), closureEffect: unreadable('closure-effect.txt') },
      }),
    );
    expect(plan).toEqual({
      kind: 'report',
      report:
        'Nothing to apply: data/table-17.6.yaml already reflects every amendment in data/amendments (mdust-close-ioc-moc-mds, mdust-close-foc-np).\n',
      warnings: [],
      writes: [],
    });
  });

  it('makes nothing when mtad check found an error', () => {
    expect(planAmend(inputs({ checkFailed: true }))).toEqual({ kind: 'check-failed' });
  });

  it('refuses to write an amendment that is not made', () => {
    const plan = planAmend(
      inputs({
        write: true,
        lock: {
          path: '/project/data/amendments.lock',
          shown: 'data/amendments.lock',
          text: succeed(undefined),
        },
      }),
    );
    expect(plan.kind === 'refused' && plan.diagnostics.map((d) => d.code)).toEqual(['AMENDMENT_NOT_MADE']);
  });

  it('with --write, plans the lock and then the table as data, each expecting the text that was read', () => {
    const lockText = readRepoFile('data/amendments.lock');
    const plan = planAmend(
      inputs({
        write: true,
        amendments: [made],
        today: '2023-02-01',
        lock: {
          path: '/project/data/amendments.lock',
          shown: 'data/amendments.lock',
          text: succeed(lockText),
        },
      }),
    );
    expect(plan.kind).toBe('report');
    if (plan.kind !== 'report') return;
    expect(plan.writes.map((w) => [w.path, w.expectation])).toEqual([
      ['/project/data/amendments.lock', { text: lockText }],
      ['/project/data/table-17.6.yaml', { text: readRepoFile('data/table-17.6.yaml') }],
    ]);
    expect(plan.writes[0]?.text).toContain('mdust-close-moc-secure');
    expect(plan.writes[1]?.text).toMatch(/applied:[^]*- mdust-close-moc-secure/);
    expect(plan.written).toMatch(
      /^Wrote data\/table-17\.6\.yaml: it now reflects mdust-close-ioc-moc-mds, mdust-close-foc-np, mdust-close-moc-secure, as at \d{4}-\d\d-\d\d\.\n$/,
    );
  });

  it('with --write and no lock file yet, plans a new one (expected absent)', () => {
    const plan = planAmend(
      inputs({
        write: true,
        amendments: [made],
        today: '2023-02-01',
        lock: {
          path: '/project/data/amendments.lock',
          shown: 'data/amendments.lock',
          text: succeed(undefined),
        },
      }),
    );
    expect(plan.kind === 'report' && plan.writes.map((w) => w.expectation)).toEqual([
      'absent',
      { text: readRepoFile('data/table-17.6.yaml') },
    ]);
  });
});
