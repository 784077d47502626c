import { describe, expect, it } from 'vitest';
import { renderTableFileText } from '../../src/render/as-at.js';
import { renderTableText } from '../../src/render/table.js';
import { plainStyler } from '../../src/render/style.js';
import { readRepoFile, shippedTable } from '../helpers/data.js';

const closureEffect = readRepoFile('templates/closure-effect.txt');
const marked = { ...plainStyler, heading: (text: string) => `<${text}>` };

describe('Table 17.6 as its file holds it', () => {
  it('follows the table with what each closure in it means, under its heading', () => {
    const table = shippedTable();
    const text = renderTableFileText(table, closureEffect, marked);
    const rest = text.slice(renderTableText(table, marked).length);
    expect(rest.split('\n').slice(0, 4)).toEqual([
      '',
      '<What the closures mean>',
      '  FOC (NP):',
      "    After Friday 30 September 2022, the last day of Migration DUST for FOC (NP), DCC's ability to enrol " +
        '(Migrate) new test devices in respect of that cohort for other Testing Services in User Interface ' +
        'Testing (UIT) environments such as Device and User System Testing (DUST) and User Entry Process ' +
        'Testing (UEPT) would cease.',
    ]);
    expect(rest.endsWith('written for MOC (Secure), not for FOC (NP).\n')).toBe(true);
  });

  it('is the table alone when no closure is in force', () => {
    const table = shippedTable();
    const open = { ...table, cohorts: table.cohorts.map((row) => ({ ...row, endDate: { kind: 'none' as const } })) };
    expect(renderTableFileText(open, closureEffect, marked)).toBe(renderTableText(open, marked));
  });
});
