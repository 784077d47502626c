import { CHECK_RULES } from './check-sources.js';
import { diagnose, RULES, suggestNearest, type Diagnostic, type DiagnosticCode } from '../model/diagnostics.js';
import { parseYaml } from '../parse/yaml-source.js';
import { configFileSchema, type RuleSetting } from '../parse/schema.js';
import { fromFindings, succeed, type Result } from '../model/result.js';
import { validateWithSchema } from '../parse/schema-validation.js';

/** The configuration of `mtad check`: the rules set otherwise than their default. */
export interface CheckConfig {
  rules: ReadonlyMap<DiagnosticCode, RuleSetting>;
}

export const DEFAULT_CONFIG: CheckConfig = { rules: new Map() };

/**
 * Reads mtad.config.yaml. It is input like any data file: well-formed YAML of the schema, each
 * rule a rule of mtad check (an unknown one is named at its line and column, with the nearest
 * code), and only warnings relaxed: an error that amend and the other commands refuse cannot be
 * hidden from the check that guards them.
 */
export function parseConfig(text: string, file: string): Result<CheckConfig> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok && parsed.errors.some((d) => d.code === 'FILE_EMPTY')) return succeed(DEFAULT_CONFIG);
  if (!parsed.ok) return parsed;
  const valid = validateWithSchema(configFileSchema(), parsed.value.data, parsed.value.source);
  if (!valid.ok) return valid;
  const { source } = parsed.value;
  const rules = new Map<DiagnosticCode, RuleSetting>();
  const diagnostics: Diagnostic[] = [];
  for (const [rule, setting] of Object.entries(valid.value.rules ?? {})) {
    const where = source.locateKey(['rules'], rule);
    if (!isCheckRule(rule))
      diagnostics.push(diagnose('CONFIG_RULE_UNKNOWN', { rule, suggestion: suggestNearest(rule, CHECK_RULES) }, where));
    else if (RULES[rule].severity === 'error' && setting !== 'error')
      diagnostics.push(diagnose('CONFIG_RULE_LOCKED', { rule, severity: setting }, where));
    else rules.set(rule, setting);
  }
  return fromFindings({ rules }, diagnostics);
}

function isCheckRule(rule: string): rule is DiagnosticCode {
  return (CHECK_RULES as readonly string[]).includes(rule);
}

/** The findings as the configuration sets them: a rule turned off is dropped, another given its severity. */
export function applyConfig(diagnostics: readonly Diagnostic[], config: CheckConfig): Diagnostic[] {
  if (config.rules.size === 0) return [...diagnostics];
  return diagnostics.flatMap((d) => {
    const setting = config.rules.get(d.code);
    if (setting === undefined) return [d];
    return setting === 'off' ? [] : [{ ...d, severity: setting }];
  });
}
