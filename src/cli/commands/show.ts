import { hasErrors } from '../../domain/diagnostics.js';
import { renderTableText } from '../../render/table.js';
import { loadTable } from '../inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';

export interface ShowOptions extends CommonOptions {
  table?: string;
}

/** Prints Table 17.6 as the table file holds it. */
export async function runShow(options: ShowOptions): Promise<Outcome> {
  const read = await loadTable(options.cwd, options.table);
  if (!read.value || hasErrors(read.diagnostics)) return failWith(read.diagnostics, options.styler);
  return succeed(renderTableText(read.value.table, options.styler), options.styler, read.diagnostics);
}
