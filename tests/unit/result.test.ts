import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/domain/model/diagnostics.js';
import {
  combine,
  fail,
  findingsOf,
  fromFindings,
  resultOf,
  succeed,
  type Result,
} from '../../src/domain/model/result.js';

const error = diagnose('DATE_INVALID', { value: '2023-02-30' }, { file: 'a.yaml', line: 3, column: 7 });
const warning = diagnose('VALUE_UNKNOWN', { field: 'endDate', reason: 'not published' }, { file: 'a.yaml', line: 1 });

describe('Result: a value with its warnings, or the errors that stopped it', () => {
  it('a failure holds its errors apart from its warnings, and findingsOf gives every finding', () => {
    const failed = fail([warning, error]);
    expect(failed).toEqual({ ok: false, errors: [error], warnings: [warning] });
    expect(findingsOf(failed)).toEqual([error, warning]);
    expect(findingsOf(succeed(1, [warning]))).toEqual([warning]);
  });

  it('the compiler proves the value once ok is tested', () => {
    const read: Result<number> = fromFindings(41, [warning]);
    // No cast and no assertion: `value` exists only on the success.
    const next = read.ok ? read.value + 1 : undefined;
    expect(next).toBe(42);
    expect(fromFindings(41, [warning, error]).ok).toBe(false);
  });

  it('refuses, as a bug, a failure without an error and a success holding one', () => {
    expect(() => fail([warning])).toThrow(/no error/);
    expect(() => fail([])).toThrow(/no error/);
    expect(() => succeed(1, [error])).toThrow(/DATE_INVALID/);
  });

  it('combines results: every value in order, or every finding of them all', () => {
    expect(combine([succeed(1), succeed(2, [warning])])).toEqual(succeed([1, 2], [warning]));
    const other = diagnose('FILE_EMPTY', {}, { file: 'b.yaml' });
    expect(combine([fail([error]), succeed(2, [warning]), fail([other])])).toEqual(fail([error, warning, other]));
  });

  it("a check's reading keeps the data with an error; as a result it fails", () => {
    expect(resultOf({ data: 'table', findings: [warning] })).toEqual(succeed('table', [warning]));
    expect(resultOf({ data: 'table', findings: [error] })).toEqual(fail([error]));
    expect(resultOf({ findings: [error] })).toEqual(fail([error]));
  });
});
