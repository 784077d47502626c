import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planConclude, type ConcludeInputs } from '../../src/app/conclude.js';
import { finalAmendment } from '../../src/domain/documents/final-values.js';
import { parseConclusion, type Conclusion } from '../../src/domain/model/conclusion.js';
import { parseResponse } from '../../src/domain/model/response.js';
import { ROOT } from '../helpers/cli.js';
import { amendment, readRepoFile, shippedDepartments, shippedTable } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';

// The fictional example: the responses under examples/ and a conclusion that proceeds as proposed.
// Recorded as concluded, as the final direction requires.
const MOC = { ...amendment('mdust-close-moc-secure'), status: 'concluded' as const };
const EXAMPLES = 'examples/responses/mdust-close-moc-secure';
const ENTRIES = readdirSync(join(ROOT, EXAMPLES)).map((name) => {
  const file = `${EXAMPLES}/${name}`;
  const read = parseResponse(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!read.ok) throw new Error(JSON.stringify(findingsOf(read)));
  return { response: read.value, file };
});

// The fictional example conclusion: it proceeds as proposed (Annex A, 27 January 2023).
const CONCLUSION_FILE = 'examples/conclusions/mdust-close-moc-secure.yaml';
const read = parseConclusion(readRepoFile(CONCLUSION_FILE), CONCLUSION_FILE);
if (!read.ok) throw new Error(JSON.stringify(findingsOf(read)));
const EXAMPLE: Conclusion = read.value;

function inputs(overrides: Partial<ConcludeInputs> = {}): ConcludeInputs {
  return {
    amendment: MOC,
    conclusion: EXAMPLE,
    finalAmendment: finalAmendment(MOC, EXAMPLE)!,
    table: shippedTable(),
    entries: ENTRIES,
    audience: 'public',
    templates: {
      conclusion: readRepoFile('templates/conclusion.md'),
      direction: readRepoFile('templates/direction.txt'),
    },
    departments: shippedDepartments(),
    ...overrides,
  };
}

describe('planConclude', () => {
  it('the public report: no confidential passage, answer or fully confidential respondent', () => {
    const plan = planConclude(inputs());
    if (plan.kind !== 'report') throw new Error(JSON.stringify(plan));
    for (const secret of [
      '37 SMETS1',
      'preferred a date in February',
      'Harbour Power',
      'Jo Placeholder',
      'product change',
    ])
      expect(plan.markdown).not.toContain(secret);
    expect(plan.markdown).toContain('We still have \\[…\\] to migrate.');
    expect(plan.markdown).toContain('with effect from 27 January 2023');
    expect(plan.markdown).not.toMatch(/\[DD MM YYYY\]|\[TBC\]/);
  });

  it('the department report holds every response in full, confidential text marked', () => {
    const plan = planConclude(inputs({ audience: 'department' }));
    if (plan.kind !== 'report') throw new Error(JSON.stringify(plan));
    for (const secret of [
      '37 SMETS1',
      'preferred a date in February',
      'Harbour Power',
      'Jo Placeholder',
      'product change',
    ])
      expect(plan.markdown).toContain(secret);
    expect(plan.markdown).toContain('NOT TO BE PUBLISHED');
  });

  it('the public and department reports of the example, reviewed as documents', async () => {
    for (const audience of ['public', 'department'] as const) {
      const plan = planConclude(inputs({ audience }));
      if (plan.kind !== 'report') throw new Error(JSON.stringify(plan));
      const name = audience === 'public' ? 'conclusion.md' : 'conclusion-for-department.md';
      await expect(plan.markdown).toMatchFileSnapshot(join(ROOT, 'tests/golden/conclusion', name));
    }
  });

  it('proceed with changes: the final dates within the windows, in the decision, the direction and the tables', () => {
    const changed: Conclusion = {
      ...EXAMPLE,
      decision: 'proceed-with-changes',
      final: {
        changes: [{ cohort: 'MOC (Secure)', to: '2023-02-14' }],
        modification: { date: '2023-02-10', annex: 'B' },
      },
    };
    const plan = planConclude(inputs({ conclusion: changed, finalAmendment: finalAmendment(MOC, changed)! }));
    if (plan.kind !== 'report') throw new Error(JSON.stringify(plan));
    expect(plan.markdown).toContain('with the changes set out below');
    expect(plan.markdown).toContain(
      'MOC (Secure) (GroupID DA): the end date of Migration DUST is Tuesday 14 February 2023.',
    );
    expect(plan.markdown).toContain('with effect from 10 February 2023, the Migration Test Approach Document');
    expect(plan.markdown).toContain('in the form set out in Annex B of this direction');
    expect(plan.markdown).toContain('| MOC (Secure) | DA | 14 February 2023 |');
    expect(plan.markdown).toContain('| MOC (Secure) | DA | <ins>14 February 2023</ins> |');
    expect(plan.markdown).not.toContain('31 January 2023 |');
  });

  it('refuses while the amendment is recorded as proposed: a final direction follows a concluded amendment only', () => {
    const proposed = { ...MOC, status: 'proposed' as const };
    const plan = planConclude(inputs({ amendment: proposed, finalAmendment: finalAmendment(proposed, EXAMPLE)! }));
    expect(plan.kind === 'refused' && plan.diagnostics.map((d) => d.code)).toEqual(['DIRECTION_NOT_CONCLUDED']);
  });

  it('no response received: the report says so, and counts nothing', () => {
    const plan = planConclude(inputs({ conclusion: { ...EXAMPLE, responses: 'none-received' }, entries: [] }));
    if (plan.kind !== 'report') throw new Error(JSON.stringify(plan));
    expect(plan.markdown).toContain('DCC received no response to the consultation.');
    expect(plan.markdown).not.toContain('| Question | Agree');
    expect(plan.markdown).toContain('No response was received, so there is no view on this question.');
    expect(plan.markdown).not.toContain('can be published');
  });

  it('withdraw: no final direction and no modified table', () => {
    const plan = planConclude(inputs({ conclusion: { ...EXAMPLE, decision: 'withdraw' } }));
    if (plan.kind !== 'report') throw new Error(JSON.stringify(plan));
    expect(plan.markdown).toContain('DCC has decided to withdraw its proposal');
    expect(plan.markdown).not.toContain('Attachment 1');
    expect(plan.markdown).not.toContain('Modification Text');
    expect(plan.report.final).toBeUndefined();
  });
});
