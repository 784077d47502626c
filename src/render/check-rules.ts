import { RULES, type DiagnosticCode } from '../domain/model/diagnostics.js';
import { alignColumns } from './style.js';

/** The rules as a Markdown table, aligned so that it reads as well in a terminal as in a document. */
export function renderRulesTable(codes: readonly DiagnosticCode[]): string {
  const rows = codes.map((code) => [`| \`${code}\``, `| ${RULES[code].severity}`, `| ${RULES[code].doc}`, '|']);
  const lines = alignColumns([['| code', '| severity', '| rule', '|'], ['| ---', '| ---', '| ---', '|'], ...rows], ' ');
  return `${lines.join('\n')}\n`;
}

/** The rules as data. */
export function renderRulesJson(codes: readonly DiagnosticCode[]): string {
  return `${JSON.stringify(
    codes.map((code) => ({ code, severity: RULES[code].severity, doc: RULES[code].doc })),
    null,
    2,
  )}\n`;
}
