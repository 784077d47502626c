import { RULES, type DiagnosticCode } from '../domain/model/diagnostics.js';
import type { RuleSetting } from '../domain/parse/schema.js';
import { alignColumns } from './style.js';

/** The rules the configuration sets otherwise than their default, and how. */
export type ConfiguredRules = ReadonlyMap<DiagnosticCode, RuleSetting>;

/** A rule's severity in this run: as configured, else its default. */
export function effectiveSeverity(code: DiagnosticCode, configured: ConfiguredRules): RuleSetting {
  return configured.get(code) ?? RULES[code].severity;
}

/**
 * The rules as a Markdown table, aligned so that it reads as well in a terminal as in a document.
 * The severity is the one this run applies; one the configuration set says so, with the default.
 */
export function renderRulesTable(codes: readonly DiagnosticCode[], configured: ConfiguredRules = new Map()): string {
  const rows = codes.map((code) => [
    `| \`${code}\``,
    `| ` +
      effectiveSeverity(code, configured) +
      (configured.has(code) ? ` (configured; default ${RULES[code].severity})` : ''),
    `| ${RULES[code].doc}`,
    '|',
  ]);
  const lines = alignColumns([['| code', '| severity', '| rule', '|'], ['| ---', '| ---', '| ---', '|'], ...rows], ' ');
  return `${lines.join('\n')}\n`;
}

/** The rules as data: each with the severity this run applies, its default, and whether it was configured. */
export function renderRulesJson(codes: readonly DiagnosticCode[], configured: ConfiguredRules = new Map()): string {
  return `${JSON.stringify(
    codes.map((code) => ({
      code,
      severity: effectiveSeverity(code, configured),
      defaultSeverity: RULES[code].severity,
      configured: configured.has(code),
      doc: RULES[code].doc,
    })),
    null,
    2,
  )}\n`;
}
