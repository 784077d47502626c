import type { Diagnostic, DiagnosticCode } from '../domain/model/diagnostics.js';
import type { ConfiguredRules } from './check-rules.js';

/** What every check reporter renders: the files checked, the findings, the rules applied. */
export interface CheckReport {
  tool: { name: string; version: string };
  /** The files checked, as named in findings. */
  files: readonly string[];
  diagnostics: readonly Diagnostic[];
  /** The rules the check applies, for reporters that describe them (SARIF). */
  rules: readonly DiagnosticCode[];
  /** The rules the configuration sets otherwise than their default (SARIF shows their severity so). */
  configured?: ConfiguredRules;
  /** The warnings found and not printed (--quiet, --changed-since): the summary says so. */
  hidden?: HiddenFindings;
}

/** How many warnings a check found and did not print, and why. */
export interface HiddenFindings {
  /** Left out by --quiet. */
  quiet: number;
  /** In files not changed since the commit of --changed-since. */
  unchanged: number;
  /** That commit, as given. */
  since?: string;
}

/** How many errors and warnings a report holds. */
export function countFindings(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * "7 problems (0 errors, 7 warnings) in 4 files checked.", or "4 files checked: no problems.";
 * with what --quiet and --changed-since left out named, so that a run that hid warnings never
 * reads as clean: "4 files checked: no errors; 7 warnings not shown (--quiet)."
 */
export function summariseFindings(report: CheckReport): string {
  const { errors, warnings } = countFindings(report.diagnostics);
  const files = plural(report.files.length, 'file');
  const { quiet = 0, unchanged = 0, since } = report.hidden ?? {};
  const notShown = [
    quiet > 0 && `${plural(quiet, 'warning')} not shown (--quiet)`,
    unchanged > 0 &&
      `${plural(unchanged, 'warning')} in files not changed since ${since ?? 'the commit'} not shown (--changed-since)`,
  ].filter((part): part is string => part !== false);
  const hidden = notShown.map((part) => `; ${part}`).join('');
  if (errors + warnings === 0)
    return `${files} checked: ${notShown.length > 0 ? 'no errors' : 'no problems'}${hidden}.`;
  return (
    `${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ` +
    `${files} checked${hidden}.`
  );
}
