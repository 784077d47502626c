import { describe, expect, it } from 'vitest';
import { departmentOn } from '../../src/domain/documents/department.js';
import { parseDepartments } from '../../src/domain/parse/departments.js';
import { readRepoFile, shippedDepartments } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';

describe('the department responsible on a date', () => {
  const departments = shippedDepartments();
  const on = (date: string) => departmentOn(departments, date)?.abbreviation;

  it('is BEIS to 6 February 2023 and DESNZ from 7 February 2023', () => {
    expect(on('2022-12-05')).toBe('BEIS');
    expect(on('2023-02-06')).toBe('BEIS');
    expect(on('2023-02-07')).toBe('DESNZ');
    expect(on('2030-01-01')).toBe('DESNZ');
  });

  it('is none before BEIS was formed, never a guess', () => {
    expect(on('2016-07-13')).toBeUndefined();
    expect(on('2016-07-14')).toBe('BEIS');
  });

  it('each department of the shipped file names its public source', () => {
    for (const department of departments) expect(department.source).toMatch(/^https:\/\//);
  });
});

describe('parseDepartments', () => {
  const shipped = readRepoFile('data/departments.yaml');
  const codes = (text: string) => findingsOf(parseDepartments(text, 'departments.yaml')).map((d) => [d.code, d.line]);

  it('refuses days that overlap, a department that ends before it starts, and an unknown key', () => {
    expect(codes(shipped.replace('from: 2023-02-07', 'from: 2023-02-06'))).toEqual([['VALUE_INVALID', 18]]);
    expect(codes(shipped.replace('to: 2023-02-06', 'to: 2016-07-13'))).toEqual([['VALUE_INVALID', 12]]);
    expect(codes(shipped.replace('    to: null\n', '    to: null\n    until: 2030-01-01\n'))).toEqual([
      ['SCHEMA_UNKNOWN_KEY', 20],
    ]);
  });
});
