import { hasErrors, type Diagnostic } from './diagnostics.js';

/**
 * What a stage that can fail returns: its value and the warnings found on the way, or the errors
 * that stopped it, with the warnings found before it stopped. Every finding is kept on one side or
 * the other, so printing a result never drops one (`findingsOf`).
 *
 * - `ok: true`: `value` is there (the compiler proves it once `ok` is tested) and no finding in
 *   `warnings` is an error.
 * - `ok: false`: no value; `errors` holds at least one finding and every one of them is an error,
 *   `warnings` the rest.
 *
 * A failure carries no value, so it is a `Result` of any type: a caller passes one up as it is
 * (`if (!read.ok) return read;`). A finding's severity is its own: a rule configured down to a
 * warning is a warning here too. A report that must show every finding together with what was
 * made in spite of them (a check report, a Word import's table) is not a result: it has a type
 * of its own.
 */
export type Result<T> = Success<T> | Failure;

/** A stage that gave its value; `warnings` are findings that did not stop it. */
export interface Success<T> {
  readonly ok: true;
  readonly value: T;
  readonly warnings: readonly Diagnostic[];
}

/** A stage that stopped: `errors` (never empty) say why, `warnings` are the rest of its findings. */
export interface Failure {
  readonly ok: false;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

/** The value, with the findings that did not stop the stage (none may be an error). */
export function succeed<T>(value: T, warnings: readonly Diagnostic[] = []): Success<T> {
  // A success that holds an error would print it and still carry on: a bug in its producer.
  if (hasErrors(warnings)) throw new Error(`a success holds an error: ${warnings.find(isError)?.code}`);
  return { ok: true, value, warnings };
}

/** The failure the findings make: their errors, and the rest as warnings. At least one is an error. */
export function fail(findings: readonly Diagnostic[]): Failure {
  const errors = findings.filter(isError);
  // A failure without an error would stop without saying why, and exit 0: a bug in its producer.
  if (errors.length === 0) throw new Error('a failure holds no error');
  return { ok: false, errors, warnings: findings.filter((d) => !isError(d)) };
}

/** The value with its findings when none is an error, else the failure they make. */
export function fromFindings<T>(value: T, findings: readonly Diagnostic[]): Result<T> {
  return hasErrors(findings) ? fail(findings) : succeed(value, findings);
}

/** Every finding of a result, to print or to count: the errors first, then the warnings. */
export function findingsOf(result: Result<unknown>): Diagnostic[] {
  return result.ok ? [...result.warnings] : [...result.errors, ...result.warnings];
}

/**
 * The results together: every value, in order, when none failed, else the failure of all their
 * findings (so the errors of every result are reported at once).
 */
export function combine<T>(results: readonly Result<T>[]): Result<T[]> {
  const findings = results.flatMap(findingsOf);
  const values = results.flatMap((r) => (r.ok ? [r.value] : []));
  return values.length === results.length ? succeed(values, findings) : fail(findings);
}

function isError(finding: Diagnostic): boolean {
  return finding.severity === 'error';
}

/**
 * A data file as `mtad check` reads it: every finding of the file alone, and its data once it
 * passed its schema, even when a later rule found an error in it (a date that is no date), so
 * that the rules across files still see it and report what they find. A pipeline that must stop
 * at the first error takes its `Result` (`resultOf`).
 */
export interface FileReading<T> {
  readonly findings: readonly Diagnostic[];
  /** The file's data, once it passed its schema. */
  readonly data?: T;
}

/** The reading as a result: its data when it passed its schema and nothing in it is an error. */
export function resultOf<T>(reading: FileReading<T>): Result<T> {
  const { data, findings } = reading;
  return data !== undefined && !hasErrors(findings) ? succeed(data, findings) : fail(findings);
}
