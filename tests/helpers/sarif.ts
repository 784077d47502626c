import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

let validate: ValidateFunction | undefined;

/**
 * What the published SARIF 2.1.0 schema (tests/vendor/) finds wrong in `log`: none when it is
 * valid. The schema is compiled once for the test files a worker runs (a second or so of CPU).
 */
export function sarifErrors(log: unknown): ValidateFunction['errors'] | [] {
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(ROOT, 'tests/vendor/sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    (addFormatsModule as unknown as (ajv: Ajv) => void)(ajv);
    validate = ajv.compile(schema);
  }
  return validate(log) ? [] : validate.errors;
}
