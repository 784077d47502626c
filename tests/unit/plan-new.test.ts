import { describe, expect, it } from 'vitest';
import type { DraftInputs } from '../../src/app/draft.js';
import { planNew, type NewInputs } from '../../src/app/new.js';
import { planRevert } from '../../src/app/revert.js';
import { diagnose } from '../../src/domain/model/diagnostics.js';
import { amendment, readRepoFile, shippedDepartments, shippedTable } from '../helpers/data.js';
import { fail, findingsOf, succeed } from '../../src/domain/model/result.js';

const history = succeed({
  table: shippedTable(),
  amendments: ['mdust-close-ioc-moc-mds', 'mdust-close-foc-np', 'mdust-close-moc-secure'].map((id) => amendment(id)),
  drafts: [],
});

/** What the CLI gathers for a draft on the shipped data, in a project at /project. */
function draftInputs(over: Partial<DraftInputs> = {}): DraftInputs {
  return {
    today: '2023-01-02',
    force: false,
    stdout: false,
    wording: succeed(readRepoFile('templates/new-amendment.txt')),
    departments: succeed(shippedDepartments()),
    lock: succeed({ ids: new Set(['mdust-close-ioc-moc-mds']), shown: 'data/amendments.lock' }),
    place: (id) => ({ path: `/project/data/amendments/${id}.yaml`, shown: `data/amendments/${id}.yaml` }),
    ...over,
  };
}

function newInputs(over: Partial<NewInputs> = {}): NewInputs {
  return { ...draftInputs(), action: 'close', cohort: 'FOC (BG)', on: '2023-06-30', history, ...over };
}

describe('planNew: a new amendment, decided from gathered inputs alone', () => {
  it('drafts the closure of an open cohort as a new file, with the next sequence number', () => {
    const plan = planNew(newInputs());
    expect(plan.kind).toBe('report');
    if (plan.kind !== 'report') return;
    expect(plan.writes.map((w) => [w.path, w.expectation])).toEqual([
      ['/project/data/amendments/mdust-close-foc-bg.yaml', 'absent'],
    ]);
    expect(plan.writes[0]?.text).toMatch(/^sequence: 4$/m);
    expect(plan.report).toMatch(/^Wrote data\/amendments\/mdust-close-foc-bg\.yaml: .*\(sequence 4, proposed\)\./);
  });

  it('prints the draft with --stdout and writes nothing', () => {
    const plan = planNew(newInputs({ stdout: true }));
    expect(plan.kind === 'report' && plan.writes).toEqual([]);
    expect(plan.kind === 'report' && plan.report).toMatch(/^id: mdust-close-foc-bg$/m);
  });

  it('judges the options before the history: a closure without --on is refused even when nothing could be read', () => {
    const unreadable = fail([diagnose('FILE_NOT_FOUND', { what: 'the table' })]);
    const withoutOn = newInputs({ history: unreadable });
    delete withoutOn.on;
    const refused = planNew(withoutOn);
    expect(
      refused.kind === 'refused' && refused.diagnostics.map((d) => [d.code, 'argument' in d.args && d.args.argument]),
    ).toEqual([['ARGUMENT_MISSING', '--on']]);
    expect(planNew(newInputs({ history: unreadable }))).toEqual({
      kind: 'refused',
      diagnostics: findingsOf(unreadable),
    });
  });

  it('refuses to re-open a cohort that is open, and to close one that is closed', () => {
    const reopen = newInputs({ action: 'reopen' });
    delete reopen.on;
    const codes = (plan: ReturnType<typeof planNew>) =>
      plan.kind === 'refused' ? plan.diagnostics.map((d) => d.code) : [];
    expect(codes(planNew(reopen))).toEqual(['NEW_NOT_APPLICABLE']);
    expect(codes(planNew(newInputs({ cohort: 'IOC' })))).toEqual(['NEW_NOT_APPLICABLE']);
  });

  it('never drafts over a made amendment, even with --force', () => {
    const plan = planNew(newInputs({ id: 'mdust-close-ioc-moc-mds', force: true }));
    expect(plan.kind === 'refused' && plan.diagnostics.map((d) => d.code)).toEqual(['AMENDMENT_MADE_PROTECTED']);
  });

  it('refuses the draft when the wording cannot be read, before looking at the file it would replace', () => {
    const wording = fail([diagnose('FILE_NOT_FOUND', { what: 'templates/new-amendment.txt' })]);
    expect(planNew(newInputs({ wording, id: 'mdust-close-ioc-moc-mds' }))).toEqual({
      kind: 'refused',
      diagnostics: findingsOf(wording),
    });
  });
});

describe('planRevert: the reversing amendment, decided from gathered inputs alone', () => {
  it('drafts the re-opening that reverses a closure', () => {
    const plan = planRevert({
      ...draftInputs(),
      issued: '2023-02-01',
      history,
      amendment: succeed(amendment('mdust-close-foc-np')),
    });
    expect(plan.kind).toBe('report');
    if (plan.kind !== 'report') return;
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]?.text).toMatch(/^reverts: mdust-close-foc-np$/m);
    expect(plan.writes[0]?.text).toMatch(/action: reopen/);
  });

  it('refuses when the amendment to reverse cannot be read', () => {
    const missing = fail([diagnose('FILE_NOT_FOUND', { what: 'the file x.yaml' })]);
    expect(planRevert({ ...draftInputs(), issued: '2023-02-01', history, amendment: missing })).toEqual({
      kind: 'refused',
      diagnostics: findingsOf(missing),
    });
  });
});
