import { compareDates, type IsoDate } from '../model/dates.js';
import { diagnose, type Diagnostic } from '../model/diagnostics.js';
import { parseYaml } from './yaml-source.js';
import { departmentsFileSchema } from './schema.js';
import { fail, succeed, type Result } from '../model/result.js';
import { validateWithSchema } from './schema-validation.js';

/*
 * The government department a consultation names (it receives DCC's summary of responses, and the
 * responses may be sent to it) is data, data/departments.yaml, with the days it held the
 * responsibility: BEIS until 6 February 2023, DESNZ from 7 February 2023.
 */

export interface Department {
  name: string;
  abbreviation: string;
  from: IsoDate;
  /** The last day; null while it still holds the responsibility. */
  to: IsoDate | null;
  source: string;
}

/** The departments file where mtad reads it, beside the table's folder. */
export const DEPARTMENTS_FILE = 'data/departments.yaml';

/**
 * Reads data/departments.yaml: its schema, then the days in order (each department's `from` on
 * or before its `to`, and each one starting the day after the one before it ends, so that a date
 * has one department at most).
 */
export function parseDepartments(text: string, file: string): Result<Department[]> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const source = parsed.value.source;
  const checked = validateWithSchema(departmentsFileSchema(), parsed.value.data, source);
  if (!checked.ok) return checked;
  const departments = checked.value.departments;
  const diagnostics: Diagnostic[] = [];
  departments.forEach((department, index) => {
    if (department.to !== null && compareDates(department.from, department.to) > 0)
      diagnostics.push(
        diagnose(
          'VALUE_INVALID',
          { field: 'to', value: department.to, expected: `a date on or after its from, ${department.from}` },
          source.locate(['departments', index, 'to']),
        ),
      );
    const before = departments[index - 1];
    if (before && (before.to === null || compareDates(department.from, before.to) <= 0))
      diagnostics.push(
        diagnose(
          'VALUE_INVALID',
          {
            field: 'from',
            value: department.from,
            expected:
              `a date after the last day of ${before.abbreviation} ` +
              `(${before.to ?? 'not ended: give it a to'}), so that one department holds each day`,
          },
          source.locate(['departments', index, 'from']),
        ),
      );
  });
  if (diagnostics.length > 0) return fail(diagnostics);
  return succeed(departments);
}
