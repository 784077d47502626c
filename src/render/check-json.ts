import { formatDiagnostic } from './diagnostic-messages.js';
import { countFindings, type CheckReport } from './check-report.js';
import { sortDiagnostics } from './diagnostics.js';

/** The findings as data: each with its code, severity, message, position, YAML path and arguments. */
export function renderCheckJson(report: CheckReport): string {
  const { errors, warnings } = countFindings(report.diagnostics);
  const findings = sortDiagnostics(report.diagnostics).map((d) => ({
    code: d.code,
    severity: d.severity,
    message: formatDiagnostic(d),
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    path: d.path ?? null,
    args: d.args,
  }));
  return (
    JSON.stringify(
      { tool: report.tool, files: report.files, errorCount: errors, warningCount: warnings, diagnostics: findings },
      null,
      2,
    ) + '\n'
  );
}
