import { describe, expect, it } from 'vitest';
import { parseAmendment } from '../../src/domain/model/amendment.js';
import { parseTable } from '../../src/domain/model/table.js';
import { editedMocSecure, readRepoFile } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

const codes = (text: string) =>
  findingsOf(parseAmendment(text, 'a.yaml')).map((d) => ({
    code: d.code,
    line: d.line,
    column: d.column,
    args: d.args,
  }));

describe('reading an amendment file', () => {
  it('reads the shipped amendments without a finding', () => {
    for (const id of ['mdust-close-ioc-moc-mds', 'mdust-close-foc-np', 'mdust-close-moc-secure']) {
      const result = parseAmendment(readRepoFile(`data/amendments/${id}.yaml`), id);
      expect(findingsOf(result), id).toEqual([]);
      expect(valueOf(result).id).toBe(id);
    }
  });

  it('names an unknown key and the nearest known one, at its line and column', () => {
    expect(codes(editedMocSecure('\ntitle:', '\ntitel:'))).toEqual([
      expect.objectContaining({ code: 'SCHEMA_MISSING_FIELD', args: expect.objectContaining({ field: 'title' }) }),
      { code: 'SCHEMA_UNKNOWN_KEY', line: 8, column: 1, args: { key: 'titel', suggestion: 'title' } },
    ]);
  });

  it('reports an impossible date where it is written', () => {
    expect(codes(editedMocSecure('to: 2023-01-31', 'to: 2023-02-30'))).toEqual([
      { code: 'DATE_INVALID', line: 49, column: 9, args: { value: '2023-02-30' } },
    ]);
    expect(codes(editedMocSecure('expectedConclusion: 2023-01-20', 'expectedConclusion: 31/01/2023'))).toEqual([
      { code: 'DATE_INVALID', line: 19, column: 23, args: { value: '31/01/2023' } },
    ]);
  });

  it('reports a wrong type, a value not allowed and a bad time', () => {
    expect(codes(editedMocSecure('sequence: 3', 'sequence: three')).map((d) => d.code)).toEqual(['SCHEMA_WRONG_TYPE']);
    expect(codes(editedMocSecure('status: proposed', 'status: maybe')).map((d) => d.code)).toEqual([
      'SCHEMA_INVALID_VALUE',
    ]);
    expect(codes(editedMocSecure('time: "16:00"', 'time: "4pm"')).map((d) => d.code)).toEqual(['TIME_INVALID']);
  });

  it('reports malformed YAML and duplicate keys with their position', () => {
    expect(codes('id: [unclosed\n').map((d) => d.code)).toEqual(['YAML_SYNTAX']);
    expect(codes(editedMocSecure('status: proposed', 'status: proposed\nstatus: made'))).toEqual([
      { code: 'YAML_DUPLICATE_KEY', line: 10, column: 1, args: { key: 'status' } },
    ]);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(codes(bomb).map((d) => d.code)).toEqual(['YAML_ALIAS_LIMIT']);
  });
});

describe('reading the table', () => {
  it('reads the shipped table: five cohorts, what is not public kept unknown', () => {
    const result = parseTable(readRepoFile('data/table-17.6.yaml'), 'data/table-17.6.yaml');
    expect(findingsOf(result)).toEqual([]);
    const rows = valueOf(result).table.cohorts ?? [];
    expect(rows.map((r) => r.cohort)).toEqual(['IOC', 'MOC (MDS)', 'MOC (Secure)', 'FOC (NP)', 'FOC (BG)']);
    expect(rows.map((r) => (r.groupId.kind === 'text' ? r.groupId.text : r.groupId.kind))).toEqual([
      'unknown',
      'unknown',
      'DA',
      'unknown',
      'EA',
    ]);
    expect(rows.map((r) => (r.endDate.kind === 'date' ? r.endDate.date : r.endDate.kind))).toEqual([
      'unknown',
      'unknown',
      'none',
      '2022-09-30',
      'none',
    ]);
  });

  it('refuses a cell with both a value and a reason it is unknown', () => {
    const text = readRepoFile('data/table-17.6.yaml').replace(
      '      value: DA\n',
      '      value: DA\n      unknown: not public\n',
    );
    expect(findingsOf(parseTable(text, 't.yaml')).map((d) => d.code)).toEqual(['CELL_VALUE_OR_UNKNOWN']);
  });
});
