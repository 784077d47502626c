import { describe, expect, it } from 'vitest';
import { planShow } from '../../src/app/show.js';
import { diagnose } from '../../src/domain/model/diagnostics.js';
import { plainStyler } from '../../src/render/style.js';
import { amendment, readRepoFile, shippedTable } from '../helpers/data.js';

const closureEffect = readRepoFile('templates/closure-effect.txt');

describe('planShow: the table, decided from gathered inputs alone', () => {
  it('prints the table as its file holds it, with what each closure means and the warnings read', () => {
    const warning = diagnose(
      'VALUE_UNKNOWN',
      { field: 'endDate', reason: 'not recorded' },
      { file: 'data/table-17.6.yaml' },
    );
    const plan = planShow({
      styler: plainStyler,
      closureEffect,
      view: { kind: 'file', table: shippedTable(), warnings: [warning] },
    });
    expect(plan.kind).toBe('report');
    if (plan.kind !== 'report') return;
    expect(plan.report).toContain('MOC (Secure)');
    expect(plan.report).toContain('What the closures mean');
    expect(plan.warnings).toEqual([warning]);
  });

  it('shows the table as at a date from its history, proposed amendments included when asked', () => {
    const amendments = ['mdust-close-ioc-moc-mds', 'mdust-close-foc-np', 'mdust-close-moc-secure'].map((id) =>
      amendment(id),
    );
    const at = (include: 'made' | 'proposed') =>
      planShow({
        styler: plainStyler,
        closureEffect,
        view: { kind: 'as-at', date: '2023-03-01', include, table: shippedTable(), amendments },
      });
    const made = at('made');
    const proposed = at('proposed');
    expect(made.kind === 'report' && proposed.kind === 'report').toBe(true);
    if (made.kind !== 'report' || proposed.kind !== 'report') return;
    expect(made.report).toContain('MOC (Secure)');
    expect(proposed.report).not.toBe(made.report);
  });
});
