import { readFileSync } from 'node:fs';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { lstatOrUndefined } from './output-guard.js';

/**
 * The largest file `mtad check --output` replaces: a report of every finding of the largest data
 * mtad reads is far smaller. A larger file is not one mtad wrote, and is not read to find out.
 */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/**
 * The refusal (OUT_NOT_MTAD) of a report at `path` that would replace something mtad check did
 * not write; undefined when nothing is there, or an empty file, or a report of mtad check in any of
 * its formats (recognised by its content, as each reporter writes it). So `--output json=notes.md`
 * cannot destroy a file that is not a report, while a CI job can write its report again.
 */
export function refuseReportFile(path: string, shown: string): Diagnostic | undefined {
  const found = lstatOrUndefined(path);
  if (found === undefined) return undefined;
  const refuse = (kind: 'file' | 'symlink' | 'folder' | 'other') =>
    diagnose('OUT_NOT_MTAD', { path: shown, found: kind, kind: 'report' }, { file: shown });
  if (found.isSymbolicLink()) return refuse('symlink');
  if (found.isDirectory()) return refuse('folder');
  if (!found.isFile()) return refuse('other');
  if (found.size === 0) return undefined;
  if (found.size > MAX_REPORT_BYTES) return refuse('file');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return refuse('file');
  }
  return isCheckReport(text) ? undefined : refuse('file');
}

/** The summary line that ends a stylish report (render/check-report.ts summariseFindings). */
const STYLISH_SUMMARY =
  /^(\d+ files? checked: no (problems|errors)|\d+ problems? \(\d+ errors?, \d+ warnings?\) in \d+ files? checked)(; .*)?\.$/;

/** One GitHub workflow annotation a line (render/check-github.ts). */
const GITHUB_LINE = /^::(error|warning)( [^:]*)?::/;

/** True when `text` is a report of `mtad check`: SARIF, JSON, GitHub annotations or stylish text. */
function isCheckReport(text: string): boolean {
  const lines = text.split('\n').filter((line) => line !== '');
  if (lines.length > 0 && lines.every((line) => GITHUB_LINE.test(line))) return true;
  if (STYLISH_SUMMARY.test(lines.at(-1) ?? '')) return true;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof data !== 'object' || data === null) return false;
  const report = data as {
    tool?: { name?: unknown };
    diagnostics?: unknown;
    errorCount?: unknown;
    runs?: { tool?: { driver?: { name?: unknown } } }[];
  };
  const isJson =
    report.tool?.name === 'mtad' && Array.isArray(report.diagnostics) && typeof report.errorCount === 'number';
  const isSarif = Array.isArray(report.runs) && report.runs.length > 0 && report.runs[0]?.tool?.driver?.name === 'mtad';
  return isJson || isSarif;
}
