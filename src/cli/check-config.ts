import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { applyConfig, DEFAULT_CONFIG, parseConfig, type CheckConfig } from '../domain/check/check-config.js';
import { CONFIG_FILE_NAME } from '../io/project-root.js';
import { displayPath, readTextSync } from '../io/read.js';
import { failWith, type Outcome } from './outcome.js';
import type { Styler } from '../render/style.js';
import type { HiddenFindings } from '../render/check-report.js';
import { findingsOf } from '../domain/model/result.js';

/**
 * The configuration of `mtad check`, and of the check every document passes first: the file named
 * by --config, else mtad.config.yaml at the project's root (the working folder unless a project
 * was found above it), else the defaults. A --config file that is not there, or a configuration
 * that cannot be read, stops the command (exit status 2); one that says something mtad does not
 * know stops it too (exit status 1, at its file:line:column), as a linter's broken configuration
 * does: checking with half of it would report what the user turned off.
 */
function loadCheckConfig(source: ConfigSource, styler: Styler): CheckConfig | Outcome {
  const { cwd, root, file } = source;
  if (file !== undefined && !existsSync(resolve(cwd, file))) {
    const shown = displayPath(resolve(cwd, file), cwd);
    return failWith(
      [
        diagnose(
          'FILE_NOT_FOUND',
          { what: `the configuration file ${shown} named by --config`, hint: 'name an mtad.config.yaml' },
          { file: shown },
        ),
      ],
      styler,
    );
  }
  const path = file !== undefined ? resolve(cwd, file) : join(root ?? cwd, CONFIG_FILE_NAME);
  if (!existsSync(path)) return DEFAULT_CONFIG;
  const shown = displayPath(path, cwd);
  const text = readTextSync(path, shown);
  if (!text.ok) return failWith(findingsOf(text), styler);
  const parsed = parseConfig(text.value, shown);
  return parsed.ok ? parsed.value : failWith(findingsOf(parsed), styler);
}

/** Where the configuration is: --config as given, or else the project's root or the working folder. */
interface ConfigSource {
  cwd: string;
  root?: string | undefined;
  /** --config, as given. */
  file?: string | undefined;
}

/** What narrows the findings a check reports: the configuration, --changed-since and --quiet. */
export interface FindingScope {
  config?: CheckConfig;
  /** --changed-since: the files changed (absolute paths); warnings elsewhere are not reported. */
  changed?: ReadonlySet<string>;
  /** --changed-since: the commit given, as the summary names it. */
  since?: string;
  /** --quiet: errors only. */
  quiet?: boolean;
}

/**
 * The findings as the configuration sets them, split into those that count (for the exit status
 * and --max-warnings) and those printed, with how many warnings each option left unprinted, so that
 * the summary can say so rather than "no problems". An error is never narrowed away: a change can
 * break a file it does not touch (the sequence, the lock), and a check that hid it would pass broken data.
 */
export function scopeFindings(
  diagnostics: readonly Diagnostic[],
  scope: FindingScope,
  cwd: string,
): { counted: Diagnostic[]; printed: Diagnostic[]; hidden: HiddenFindings } {
  const configured = applyConfig(diagnostics, scope.config ?? DEFAULT_CONFIG);
  const { changed } = scope;
  const counted = changed
    ? configured.filter((d) => d.severity === 'error' || d.file === undefined || changed.has(resolve(cwd, d.file)))
    : configured;
  const printed = scope.quiet ? counted.filter((d) => d.severity === 'error') : counted;
  return {
    counted,
    printed,
    hidden: {
      quiet: counted.length - printed.length,
      unchanged: configured.length - counted.length,
      ...(scope.since !== undefined && { since: scope.since }),
    },
  };
}

/**
 * The configuration for a command registered with --config: as `mtad check` loads it, from the
 * file given or the project's root.
 */
export function configOf(
  context: { cwd: string; projectRoot?: string | undefined },
  file: string | undefined,
  styler: Styler,
): CheckConfig | Outcome {
  return loadCheckConfig({ cwd: context.cwd, root: context.projectRoot, file }, styler);
}

export function isOutcome(value: CheckConfig | Outcome): value is Outcome {
  return 'exitCode' in value;
}
