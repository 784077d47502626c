import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULES, type Diagnostic, type DiagnosticCode } from '../domain/model/diagnostics.js';
import { formatDiagnostic } from './diagnostic-messages.js';
import type { CheckReport } from './check-report.js';
import { sortDiagnostics } from './diagnostics.js';
import { effectiveSeverity, type ConfiguredRules } from './check-rules.js';

/**
 * A fingerprint that stays the same while a finding stays the same: its code, file, YAML path and
 * arguments, not its line (which moves when lines are added above): the SHA-256, as hex, of them
 * in canonical JSON, so that the order in which a rule wrote its arguments does not matter.
 */
export function fingerprintFinding(d: Diagnostic): string {
  const identity = canonicalize([d.code, d.file ?? '', d.path ?? [], d.args]) ?? '';
  return createHash('sha256').update(identity, 'utf8').digest('hex');
}

/**
 * The key of the fingerprint in partialFingerprints. Its version changes whenever the way the
 * fingerprint is computed changes, so that a code-scanning tool does not compare unlike values.
 */
const FINGERPRINT_KEY = 'mtadFinding/v2';

/** A file path as a SARIF URI reference: forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  return path.split('/').map(encodeURIComponent).join('/');
}

const LEVEL = { error: 'error', warning: 'warning' } as const;

/**
 * A rule as SARIF describes it. Its default configuration is the severity this run applies: a rule
 * the configuration turned off is disabled, one it set otherwise is marked so, with mtad's default.
 */
function ruleDescriptor(code: DiagnosticCode, configured: ConfiguredRules): ReportingDescriptor {
  const { doc, severity, category } = RULES[code];
  const setting = effectiveSeverity(code, configured);
  const set = configured.has(code);
  const shown = set ? `${setting} (configured; default ${severity})` : severity;
  return {
    id: code,
    name: code,
    shortDescription: { text: doc },
    fullDescription: { text: doc },
    help: {
      text: `${doc} Severity: ${shown}. Run \`mtad check --list-rules\` for every rule.`,
      markdown:
        `${doc}\n\nSeverity: **${setting}**${set ? ` (configured; default ${severity})` : ''} ` +
        `(${category === 'io' ? 'a file could not be read or written' : 'a problem in the data'}). Run \`mtad ` +
        `check --list-rules\` for every rule.`,
    },
    defaultConfiguration: setting === 'off' ? { level: 'none', enabled: false } : { level: LEVEL[setting] },
    ...(set && { properties: { configured: true, defaultSeverity: severity } }),
  };
}

/**
 * SARIF 2.1.0, as code-scanning tools read it: the rules with their ids and help, and each finding
 * with its physical location (line and column, counted in Unicode code points) and a stable
 * fingerprint, so that the same finding is recognised from one run to the next.
 */
export function renderCheckSarif(report: CheckReport): string {
  const codes = [...new Set([...report.rules, ...report.diagnostics.map((d) => d.code)])];
  const results = sortDiagnostics(report.diagnostics).map((d): Result => ({
    ruleId: d.code,
    ruleIndex: codes.indexOf(d.code),
    level: LEVEL[d.severity],
    message: { text: formatDiagnostic(d) },
    ...(d.file !== undefined && {
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(d.file), ...(!d.file.startsWith('/') && { uriBaseId: '%SRCROOT%' }) },
            ...(d.line !== undefined && {
              region: { startLine: d.line, ...(d.column !== undefined && { startColumn: d.column }) },
            }),
          },
        },
      ],
    }),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintFinding(d) },
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: codes.map((code) => ruleDescriptor(code, report.configured ?? new Map())),
          },
        },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
