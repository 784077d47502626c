import type { Diagnostic } from '../domain/model/diagnostics.js';
import { formatDiagnostic } from './diagnostic-messages.js';
import { compareCodeUnits } from '../domain/model/order.js';
import type { Styler } from './style.js';

/**
 * "file:line:column" for a finding, as far as it is known. A finding without a file is about the
 * command line (its message names the option or argument): it reads "mtad: error: ...", as every
 * usage error does.
 */
export function formatLocation(d: Diagnostic): string {
  return [d.file ?? 'mtad', d.line, d.column].filter((part) => part !== undefined).join(':');
}

/** One line a finding: `file:line:column: error: message [CODE]`. */
function renderDiagnosticLine(d: Diagnostic, styler: Styler): string {
  const severity = d.severity === 'error' ? styler.error('error') : styler.warning('warning');
  return `${formatLocation(d)}: ${severity}: ${formatDiagnostic(d)} ${styler.dim(`[${d.code}]`)}`;
}

/** The findings in file order: by file, line and column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareCodeUnits(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

/** Every finding, one a line, in file order. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], styler: Styler): string {
  return sortDiagnostics(diagnostics)
    .map((d) => `${renderDiagnosticLine(d, styler)}\n`)
    .join('');
}
