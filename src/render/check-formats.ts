import { renderCheckGithub } from './check-github.js';
import { renderCheckJson } from './check-json.js';
import type { CheckFormat } from './check-format-names.js';
import type { CheckReport } from './check-report.js';
import { renderCheckSarif } from './check-sarif.js';
import { renderCheckStylish } from './check-stylish.js';
import type { Styler } from './style.js';

/** How a check reporter is called: the report, and the styler (colour is for stylish alone). */
export type CheckReporter = (report: CheckReport, styler: Styler) => string;

/** The reporters of `mtad check`, by the name --format and --output take. */
export const CHECK_FORMATS = {
  stylish: renderCheckStylish,
  json: renderCheckJson,
  sarif: renderCheckSarif,
  github: renderCheckGithub,
} satisfies Record<CheckFormat, CheckReporter>;
