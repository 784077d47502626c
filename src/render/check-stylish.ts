import { formatDiagnostic } from './diagnostic-messages.js';
import { countFindings, summariseFindings, type CheckReport } from './check-report.js';
import { sortDiagnostics } from './diagnostics.js';
import { alignColumns, type Styler } from './style.js';

/** The findings grouped by file, one a line with line:column, severity, code and message. */
export function renderCheckStylish(report: CheckReport, styler: Styler): string {
  const byFile = new Map<string, typeof report.diagnostics>();
  for (const d of sortDiagnostics(report.diagnostics)) {
    const file = d.file ?? '<input>';
    byFile.set(file, [...(byFile.get(file) ?? []), d]);
  }
  const blocks = [...byFile].map(([file, findings]) => {
    const rows = findings.map((d) => [
      // A finding about the whole file (not UTF-8, too large) has no line to point at.
      d.line === undefined ? '  -' : `  ${d.line}:${d.column ?? 1}`,
      d.severity === 'error' ? styler.error('error') : styler.warning('warning'),
      styler.dim(d.code),
      formatDiagnostic(d),
    ]);
    return `${styler.heading(file)}\n${alignColumns(rows).join('\n')}\n`;
  });
  const { errors } = countFindings(report.diagnostics);
  const summary = summariseFindings(report);
  const styled =
    report.diagnostics.length === 0 ? summary : errors > 0 ? styler.error(summary) : styler.warning(summary);
  return [...blocks, `${styled}\n`].join('\n');
}
