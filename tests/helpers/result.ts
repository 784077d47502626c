import { findingsOf, type Result } from '../../src/domain/model/result.js';

/** The value of a result the test expects to succeed; fails the test with the codes found otherwise. */
export function valueOf<T>(result: Result<T> | undefined): T {
  if (!result) throw new Error('expected a result, found none');
  if (!result.ok)
    throw new Error(
      `expected a value, found ${findingsOf(result)
        .map((d) => d.code)
        .join(', ')}`,
    );
  return result.value;
}
