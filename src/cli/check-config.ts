import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../domain/model/diagnostics.js';
import { applyConfig, DEFAULT_CONFIG, parseConfig, type CheckConfig } from '../domain/check/check-config.js';
import { CONFIG_FILE_NAME } from '../io/project-root.js';
import { displayPath, readTextSync } from '../io/read.js';
import { failWith, type Outcome } from './outcome.js';
import type { Styler } from '../render/style.js';

/**
 * The configuration of `mtad check`: mtad.config.yaml at the project's root (the working folder
 * unless a project was found above it), or the defaults when there is none. A configuration that
 * cannot be read or says something mtad does not know stops the check (exit status 2), as a
 * linter's broken configuration does: checking with half of it would report what the user turned off.
 */
export function loadCheckConfig(cwd: string, root: string | undefined, styler: Styler): CheckConfig | Outcome {
  const path = join(root ?? cwd, CONFIG_FILE_NAME);
  if (!existsSync(path)) return DEFAULT_CONFIG;
  const shown = displayPath(path, cwd);
  const text = readTextSync(path, shown);
  if (text.value === undefined) return { ...failWith(text.diagnostics, styler), exitCode: 2 };
  const parsed = parseConfig(text.value, shown);
  return parsed.value ?? { ...failWith(parsed.diagnostics, styler), exitCode: 2 };
}

/** What narrows the findings a check reports: the configuration, --changed-since and --quiet. */
export interface FindingScope {
  config?: CheckConfig;
  /** --changed-since: the files changed (absolute paths); warnings elsewhere are not reported. */
  changed?: ReadonlySet<string>;
  /** --quiet: errors only. */
  quiet?: boolean;
}

/**
 * The findings as the configuration sets them, split into those that count (for the exit status
 * and --max-warnings) and those printed. An error is never narrowed away: a change can break a file
 * it does not touch (the sequence, the lock), and a check that hid it would pass broken data.
 */
export function scopeFindings(
  diagnostics: readonly Diagnostic[],
  scope: FindingScope,
  cwd: string,
): { counted: Diagnostic[]; printed: Diagnostic[] } {
  const configured = applyConfig(diagnostics, scope.config ?? DEFAULT_CONFIG);
  const { changed } = scope;
  const counted = changed
    ? configured.filter((d) => d.severity === 'error' || d.file === undefined || changed.has(resolve(cwd, d.file)))
    : configured;
  return { counted, printed: scope.quiet ? counted.filter((d) => d.severity === 'error') : counted };
}

export function isOutcome(value: CheckConfig | Outcome): value is Outcome {
  return 'exitCode' in value;
}
