import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFile } from '../../src/domain/parse/classify-file.js';
import { ROOT } from '../helpers/cli.js';

describe('classifyFile: which files form a check, decided before parsing', () => {
  it('takes the shipped table for a table and each shipped amendment for an amendment with its id', () => {
    expect(classifyFile(readFileSync(join(ROOT, 'data/table-17.6.yaml'), 'utf8'))).toEqual({ kind: 'table' });
    for (const id of ['mdust-close-foc-np', 'mdust-close-ioc-moc-mds', 'mdust-close-moc-secure']) {
      expect(classifyFile(readFileSync(join(ROOT, `data/amendments/${id}.yaml`), 'utf8'))).toEqual({
        kind: 'amendment',
        id,
      });
    }
  });

  it('knows a table by any of its top-level keys, even when the rest does not parse', () => {
    for (const key of ['cohorts', 'asAt', 'applied'])
      expect(classifyFile(`# a table\n${key}:\n  - [unclosed\n`), key).toEqual({ kind: 'table' });
    expect(classifyFile('applied : []\n')).toEqual({ kind: 'table' });
  });

  it('does not take a nested key or a key that merely starts alike for a table', () => {
    expect(classifyFile('id: x\nchanges:\n  cohorts: 1\n')).toEqual({ kind: 'amendment', id: 'x' });
    expect(classifyFile('cohortsX: 1\n')).toEqual({ kind: 'amendment', id: undefined });
  });

  it('reads an amendment id only when written plainly on its own top-level line', () => {
    expect(classifyFile('id: mdust-close-a  # a comment\r\n')).toEqual({ kind: 'amendment', id: 'mdust-close-a' });
    expect(classifyFile('id: "mdust-close-a"\n')).toEqual({ kind: 'amendment', id: undefined });
    expect(classifyFile('  id: mdust-close-a\n')).toEqual({ kind: 'amendment', id: undefined });
    expect(classifyFile('')).toEqual({ kind: 'amendment', id: undefined });
  });
});
