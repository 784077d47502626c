import { formatDiagnostic } from './diagnostic-messages.js';
import type { CheckReport } from './check-report.js';
import { sortDiagnostics } from './diagnostics.js';

/* GitHub Actions workflow commands: % and line breaks are escaped in the message; a property value
 * also escapes ":" and ",", which separate properties. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One workflow annotation a finding: `::error file=F,line=L,col=C,title=CODE::message`. */
export function renderCheckGithub(report: CheckReport): string {
  return sortDiagnostics(report.diagnostics)
    .map((d) => {
      const properties = [
        d.file !== undefined && `file=${escapeProperty(d.file)}`,
        d.line !== undefined && `line=${d.line}`,
        d.column !== undefined && `col=${d.column}`,
        `title=${escapeProperty(d.code)}`,
      ].filter(Boolean);
      return `::${d.severity} ${properties.join(',')}::${escapeData(formatDiagnostic(d))}\n`;
    })
    .join('');
}
