import { hasErrors } from '../../domain/model/diagnostics.js';
import { tableAsAt, type Include } from '../../domain/history/table-history.js';
import { readTemplate } from '../../io/read.js';
import { closureEffectLines, renderAsAtText } from '../../render/as-at.js';
import { renderTableText } from '../../render/table.js';
import { loadHistory } from '../history-inputs.js';
import { loadTable } from '../inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { readDateOption } from '../clock.js';

export interface ShowOptions extends CommonOptions {
  table?: string;
  /** Show the table as it stood on this date (YYYY-MM-DD) instead of as the file holds it. */
  asAt?: string;
  include?: Include;
}

/** Prints Table 17.6 as the table file holds it, or as it stood on a date, with what each closure means. */
export async function runShow(options: ShowOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const template = await readTemplate('closure-effect.txt', cwd);
  if (template.value === undefined) return failWith(template.diagnostics, styler);
  if (options.asAt === undefined) {
    const read = await loadTable(cwd, options.table);
    if (!read.value || hasErrors(read.diagnostics)) return failWith(read.diagnostics, styler);
    const { table } = read.value;
    const effects = closureEffectLines(table, undefined, template.value);
    const text =
      renderTableText(table, styler) +
      (effects.length
        ? `\n${styler.heading('What the closures mean')}\n${effects.map((line) => `  ${line}`).join('\n')}\n`
        : '');
    return succeed(text, styler, read.diagnostics);
  }
  const date = readDateOption('--as-at', options.asAt);
  if (!date.date) return failWith(date.diagnostics, styler);
  const history = await loadHistory(cwd, options.table);
  if (!history.value) return failWith(history.diagnostics, styler);
  const include = options.include ?? 'made';
  const view = tableAsAt(history.value.input.table, history.value.amendments, date.date, { include });
  if (!view.value) return failWith(view.diagnostics, styler);
  return succeed(renderAsAtText(view.value, date.date, include, template.value, styler), styler);
}
