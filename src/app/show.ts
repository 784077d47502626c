import type { Amendment } from '../domain/model/amendment.js';
import type { IsoDate } from '../domain/model/dates.js';
import type { Diagnostic } from '../domain/model/diagnostics.js';
import type { Table } from '../domain/model/table.js';
import { tableAsAt, type Include } from '../domain/history/table-history.js';
import { renderAsAtText, renderTableFileText } from '../render/as-at.js';
import type { Styler } from '../render/style.js';
import { findingsOf } from '../domain/model/result.js';

/** What `mtad show` works from, gathered by the CLI: the table as its file holds it, or its history. */
export interface ShowInputs {
  styler: Styler;
  /** templates/closure-effect.txt. */
  closureEffect: string;
  view:
    | { kind: 'file'; table: Table; warnings: readonly Diagnostic[] }
    | { kind: 'as-at'; date: IsoDate; include: Include; table: Table; amendments: readonly Amendment[] };
}

/** What `mtad show` prints, with any warnings on standard error, or why it cannot. */
export type ShowPlan =
  { kind: 'refused'; diagnostics: Diagnostic[] } | { kind: 'report'; report: string; warnings: readonly Diagnostic[] };

/** Table 17.6 as the table file holds it, or as it stood on a date, with what each closure means. */
export function planShow(inputs: ShowInputs): ShowPlan {
  const { styler, closureEffect, view } = inputs;
  if (view.kind === 'file') {
    const report = renderTableFileText(view.table, closureEffect, styler);
    return { kind: 'report', report, warnings: view.warnings };
  }
  const at = tableAsAt(view.table, view.amendments, view.date, { include: view.include });
  if (!at.ok) return { kind: 'refused', diagnostics: findingsOf(at) };
  return {
    kind: 'report',
    report: renderAsAtText(at.value, view.date, view.include, closureEffect, styler),
    warnings: [],
  };
}
