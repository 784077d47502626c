// The names of the redline formats, apart from their renderers (report.ts): `--format` offers them
// as choices at every start, and the renderers load the whole redline, summary and schema code.
// REPORT_FORMATS is typed by these names, so the compiler holds the two equal.

/** The redline formats, in the order `--format` lists them. */
export const REPORT_FORMAT_NAMES = ['terminal', 'unified', 'markdown', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMAT_NAMES)[number];
