import { describe, expect, it } from 'vitest';
import { planImpact } from '../../src/app/impact.js';
import { plainStyler } from '../../src/render/style.js';
import { amendment, editedMocSecure, readRepoFile } from '../helpers/data.js';

const templates = {
  closureEffect: readRepoFile('templates/closure-effect.txt'),
  impact: readRepoFile('templates/impact.txt'),
};

describe('planImpact: the re-start estimate, decided from gathered inputs alone', () => {
  it('estimates the re-start of the cohort the amendment closes, counted from the day after its end date', () => {
    const plan = planImpact({
      amendment: amendment('mdust-close-moc-secure'),
      decided: '2023-01-10',
      templates,
      styler: plainStyler,
    });
    expect(plan.kind).toBe('report');
    if (plan.kind !== 'report') return;
    expect(plan.report).toContain('MOC (Secure)');
    expect(plan.report).toContain('mdust-close-moc-secure');
  });

  it('refuses an end date whose re-start estimate falls past the last date mtad handles', () => {
    const late = amendment(
      editedMocSecure(/to: 2023-01-31/, 'to: 9999-10-01'),
      'data/amendments/mdust-close-moc-secure.yaml',
    );
    const plan = planImpact({ amendment: late, decided: '2023-01-10', templates, styler: plainStyler });
    expect(plan.kind === 'refused' && plan.diagnostics.map((d) => d.code)).toEqual(['DATE_OUT_OF_RANGE']);
  });

  it('refuses when the impact wording lacks a section it needs', () => {
    const plan = planImpact({
      amendment: amendment('mdust-close-moc-secure'),
      decided: '2023-01-10',
      templates: { ...templates, impact: '' },
      styler: plainStyler,
    });
    expect(plan.kind).toBe('refused');
  });
});
