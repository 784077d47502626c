import type { Diagnostic, DiagnosticCode } from '../domain/model/diagnostics.js';

/** What every check reporter renders: the files checked, the findings, the rules applied. */
export interface CheckReport {
  tool: { name: string; version: string };
  /** The files checked, as named in findings. */
  files: readonly string[];
  diagnostics: readonly Diagnostic[];
  /** The rules the check applies, for reporters that describe them (SARIF). */
  rules: readonly DiagnosticCode[];
}

/** How many errors and warnings a report holds. */
export function countFindings(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "7 problems (0 errors, 7 warnings) in 4 files", or "4 files checked: no problems." */
export function summariseFindings(report: CheckReport): string {
  const { errors, warnings } = countFindings(report.diagnostics);
  const files = plural(report.files.length, 'file');
  if (errors + warnings === 0) return `${files} checked: no problems.`;
  return `${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${files} checked.`;
}
