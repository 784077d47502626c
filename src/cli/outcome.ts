import { exitStatusOf, type Diagnostic } from '../domain/model/diagnostics.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { Styler } from '../render/style.js';

/** What a command returns: what to print, and the exit status. Only main.ts prints. */
export interface Outcome {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** The options every command takes. */
export interface CommonOptions {
  cwd: string;
  styler: Styler;
}

/** A failed outcome that prints the findings, with the exit status they call for. */
export function failWith(diagnostics: readonly Diagnostic[], styler: Styler, stdout = ''): Outcome {
  const status = exitStatusOf(diagnostics);
  return { exitCode: status === 0 ? 1 : status, stdout, stderr: renderDiagnostics(diagnostics, styler) };
}

/** A successful outcome, with any warnings on standard error. */
export function succeed(stdout: string, styler: Styler, warnings: readonly Diagnostic[] = []): Outcome {
  return { exitCode: 0, stdout, stderr: renderDiagnostics(warnings, styler) };
}
