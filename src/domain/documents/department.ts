import { compareDates, type IsoDate } from '../model/dates.js';
import { diagnose, type PackDocument } from '../model/diagnostics.js';
import { DEPARTMENTS_FILE, type Department } from '../parse/departments.js';
import { fail, succeed, type Result } from '../model/result.js';
import type { TemplateValues } from './template.js';

export type { Department } from '../parse/departments.js';

/* A document takes the department of its consultation's date, never a name typed into a template. */

/** The department responsible on `date`, or undefined when the file names none for that day. */
export function departmentOn(departments: readonly Department[], date: IsoDate): Department | undefined {
  return departments.find((d) => compareDates(d.from, date) <= 0 && (d.to === null || compareDates(date, d.to) <= 0));
}

/**
 * The template values `department` and `departmentAbbreviation` for a document dated `date`: the
 * consultation's issue date. A date no department covers is named, never filled with a guess.
 */
export function departmentValues(
  departments: readonly Department[],
  date: IsoDate,
  what: { id: string; document: PackDocument },
): Result<TemplateValues> {
  const department = departmentOn(departments, date);
  if (!department)
    return fail([
      diagnose('PACK_FIELD_MISSING', {
        department: date,
        departmentsFile: DEPARTMENTS_FILE,
        id: what.id,
        document: what.document,
      }),
    ]);
  return succeed({ department: department.name, departmentAbbreviation: department.abbreviation });
}
