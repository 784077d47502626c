import { describe, expect, it } from 'vitest';
import { planDiff, type DiffInputs } from '../../src/app/diff.js';
import { plainStyler } from '../../src/render/style.js';
import { amendment, shippedTable } from '../helpers/data.js';

function inputs(over: Partial<DiffInputs> = {}): DiffInputs {
  return {
    table: shippedTable(),
    amendments: ['mdust-close-ioc-moc-mds', 'mdust-close-foc-np', 'mdust-close-moc-secure'].map((id) => amendment(id)),
    from: 'mdust-close-foc-np',
    to: 'mdust-close-moc-secure',
    include: 'made',
    format: 'json',
    redlineOnly: false,
    styler: plainStyler,
    ...over,
  };
}

describe('planDiff: the redline between two points, decided from gathered inputs alone', () => {
  it('redlines from just after one amendment to just after the next, naming the amendments involved', () => {
    const plan = planDiff(inputs());
    expect(plan.kind).toBe('report');
    if (plan.kind !== 'report') return;
    const report = JSON.parse(plan.report) as { changes: { amendment: string; cohort: string }[] };
    expect(report.changes.map((c) => [c.amendment, c.cohort])).toEqual([['mdust-close-moc-secure', 'MOC (Secure)']]);
  });

  it('refuses a point that is neither a date nor an amendment id, naming the ids there are', () => {
    const plan = planDiff(inputs({ from: 'yesterday', to: 'nope' }));
    expect(plan.kind === 'refused' && plan.diagnostics.map((d) => [d.code, d.args])).toEqual([
      [
        'ARGUMENT_INVALID',
        {
          option: '--from',
          value: 'yesterday',
          expected: {
            kind: 'history-point',
            ids: ['mdust-close-ioc-moc-mds', 'mdust-close-foc-np', 'mdust-close-moc-secure'],
          },
        },
      ],
      [
        'ARGUMENT_INVALID',
        {
          option: '--to',
          value: 'nope',
          expected: {
            kind: 'history-point',
            ids: ['mdust-close-ioc-moc-mds', 'mdust-close-foc-np', 'mdust-close-moc-secure'],
          },
        },
      ],
    ]);
  });
});
