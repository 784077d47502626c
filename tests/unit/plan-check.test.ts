import { describe, expect, it } from 'vitest';
import { planCheck, type CheckInputs, type CheckSources } from '../../src/app/check.js';
import { diagnose } from '../../src/domain/model/diagnostics.js';
import { sha256 } from '../../src/io/hash.js';
import { plainStyler } from '../../src/render/style.js';
import { readRepoFile } from '../helpers/data.js';
import { MOC_SECURE_CONCLUSION } from '../helpers/cli.js';

const FILES = [
  'data/table-17.6.yaml',
  'data/amendments/mdust-close-foc-np.yaml',
  'data/amendments/mdust-close-ioc-moc-mds.yaml',
  'data/amendments/mdust-close-moc-secure.yaml',
];

/** The shipped data as gatherCheckInputs reads it in a project at /project, with `edits` to file texts (or new files). */
function sources(edits: Record<string, string> = {}, over: Partial<CheckSources> = {}): CheckSources {
  return {
    entries: new Map(
      [...FILES, ...Object.keys(edits).filter((shown) => !FILES.includes(shown))].map((shown) => [
        `/project/${shown}`,
        { path: `/project/${shown}`, shown, text: edits[shown] ?? readRepoFile(shown) },
      ]),
    ),
    diagnostics: [],
    tablePath: '/project/data/table-17.6.yaml',
    lockPath: '/project/data/amendments.lock',
    lockShown: 'data/amendments.lock',
    lockText: readRepoFile('data/amendments.lock'),
    folders: ['/project/data/amendments'],
    narratives: [],
    ...over,
  };
}

function inputs(over: Partial<CheckInputs> = {}): CheckInputs {
  return {
    sources: sources(),
    hash: sha256,
    version: '0.0.0-test',
    format: 'json',
    styler: plainStyler,
    outputs: [],
    updateLock: false,
    ...over,
  };
}

const madeMocSecure = {
  'data/amendments/mdust-close-moc-secure.yaml': readRepoFile('data/amendments/mdust-close-moc-secure.yaml')
    .replace('status: proposed', 'status: made')
    .replace('  annex: null', '  annex: A')
    .replace('expectedConclusion: 2023-01-20', 'expectedConclusion: 2023-01-20\n  concluded: 2023-01-20'),
  'data/conclusions/mdust-close-moc-secure.yaml': MOC_SECURE_CONCLUSION,
};

describe('planCheck: what check prints and writes, decided from gathered inputs alone', () => {
  it('reports the warnings of the shipped data with exit status 0, and plans each --output in plain text', () => {
    const plan = planCheck(inputs({ outputs: [{ format: 'stylish', path: '/project/out.txt', shown: 'out.txt' }] }));
    expect(plan.kind).toBe('report');
    if (plan.kind !== 'report') return;
    expect(plan.exitCode).toBe(0);
    expect(plan.lock).toBeUndefined();
    const report = JSON.parse(plan.stdout) as { diagnostics: { code: string }[]; files: string[] };
    expect(new Set(report.diagnostics.map((d) => d.code))).toEqual(new Set(['VALUE_UNKNOWN']));
    expect(report.files).toEqual([...FILES].sort());
    expect(plan.outputs).toHaveLength(1);
    expect(plan.outputs[0]).toMatchObject({ path: '/project/out.txt', expectation: 'any', shown: 'out.txt' });
    expect(plan.outputs[0]?.text).toMatch(/problems \(0 errors, \d+ warnings\)/);
  });

  it('fails with more warnings than --max-warnings allows, saying so on standard error', () => {
    const plan = planCheck(inputs({ maxWarnings: 0 }));
    expect(plan.kind === 'report' && [plan.exitCode, plan.stderr]).toEqual([
      1,
      expect.stringMatching(/^mtad check: \d+ warning\(s\), more than --max-warnings 0 allows\.\n$/),
    ]);
  });

  it('with --update-lock, records a made amendment: the new lock is written over the text read, then checked', () => {
    const withoutUpdate = planCheck(inputs({ sources: sources(madeMocSecure) }));
    expect(withoutUpdate.kind === 'report' && withoutUpdate.exitCode).toBe(1);
    const plan = planCheck(inputs({ sources: sources(madeMocSecure), updateLock: true }));
    expect(plan.kind).toBe('report');
    if (plan.kind !== 'report') return;
    expect(plan.lock).toMatchObject({
      path: '/project/data/amendments.lock',
      expectation: { text: readRepoFile('data/amendments.lock') },
      shown: 'data/amendments.lock',
    });
    expect(plan.lock?.text).toContain('mdust-close-moc-secure');
    expect(plan.stderr).toBe('Recorded in data/amendments.lock: mdust-close-moc-secure.\n');
    expect(plan.exitCode).toBe(0);
  });

  it('with --update-lock, writes nothing when the lock records every made amendment', () => {
    const plan = planCheck(inputs({ updateLock: true }));
    expect(plan.kind === 'report' && [plan.lock, plan.stderr]).toEqual([
      undefined,
      'data/amendments.lock already records every made amendment.\n',
    ]);
  });

  it('refuses --update-lock while a file could not be read', () => {
    const unreadable = diagnose('FILE_NOT_TEXT', { reason: 'it contains a NUL byte' }, { file: 'data/x.yaml' });
    const plan = planCheck(inputs({ sources: sources({}, { diagnostics: [unreadable] }), updateLock: true }));
    expect(plan).toEqual({
      kind: 'refused',
      diagnostics: [diagnose('LOCK_UPDATE_REFUSED', { lockFile: 'data/amendments.lock' })],
    });
  });
});
