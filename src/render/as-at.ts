import { describeClosureEffect } from '../domain/documents/closure-effect.js';
import { formatLongDate, type IsoDate } from '../domain/model/dates.js';
import type { Effect, Include, Provision, Standing, TableAtPoint } from '../domain/history/table-history.js';
import type { Table } from '../domain/model/table.js';
import type { Styler } from './style.js';
import { renderTableText } from './table.js';

function effectText(effect: Effect): string {
  switch (effect.kind) {
    case 'modification':
      return `with effect from ${formatLongDate(effect.from)}`;
    case 'conclusion':
      return `counted from its conclusion, ${formatLongDate(effect.from)} (its modification date is not recorded)`;
    case 'unknown': {
      const from = effect.notBefore ? `not before ${formatLongDate(effect.notBefore)}` : 'no earliest date recorded';
      const by = effect.notAfter ? `in effect by ${formatLongDate(effect.notAfter)}` : 'no latest date recorded';
      return `its date is not recorded: ${from}; ${by}`;
    }
    case 'never':
      return 'withdrawn';
  }
}

/** How one amendment counts at the point, in words. */
function standingText(standing: Standing, include: Include): string {
  const { amendment, counted, effect } = standing;
  const head = `${amendment.id} [${amendment.status}]`;
  if (amendment.status !== 'made' && amendment.status !== 'withdrawn' && include === 'made')
    return `${head}: not counted, not made (--include proposed counts it: ${effectText(effect)})`;
  const verdict = counted === 'yes' ? 'counted' : counted === 'no' ? 'not counted' : 'not known';
  return `${head}: ${verdict}; ${effectText(effect)}`;
}

/** What each closure in force means, one paragraph per closed cohort. */
function closureEffectLines(table: Table, provision: readonly Provision[] | undefined, template: string): string[] {
  return table.cohorts.flatMap((row) => {
    const closed =
      row.endDate.kind === 'date' ||
      (row.endDate.kind === 'unknown' && provision?.find((p) => p.cohort === row.cohort)?.provided === 'no');
    const text = closed ? describeClosureEffect(template, row.cohort, row.endDate) : undefined;
    return text ? [`${row.cohort}:`, ...text.split('\n').map((line) => `  ${line}`)] : [];
  });
}

/** The lines under "What the closures mean", heading first; none when no closure is in force. */
function closuresSection(effects: readonly string[], styler: Styler): string[] {
  return effects.length ? ['', styler.heading('What the closures mean'), ...effects.map((line) => `  ${line}`)] : [];
}

/** Table 17.6 as its file holds it, with what each closure in it means. */
export function renderTableFileText(table: Table, closureTemplate: string, styler: Styler): string {
  const section = closuresSection(closureEffectLines(table, undefined, closureTemplate), styler);
  return renderTableText(table, styler) + (section.length ? `${section.join('\n')}\n` : '');
}

/** Table 17.6 as at a date: the table, who had Migration DUST, how each amendment counts, what the closures mean. */
export function renderAsAtText(
  view: TableAtPoint,
  date: IsoDate,
  include: Include,
  closureTemplate: string,
  styler: Styler,
): string {
  const effects = closureEffectLines(view.table, view.provision, closureTemplate);
  return [
    renderTableText(view.table, styler, view.provision).trimEnd(),
    '',
    styler.heading(
      `Amendments on ${formatLongDate(date)} ` +
        `(${include === 'made' ? 'made amendments only' : 'made, concluded and proposed'})`,
    ),
    ...view.standings.map((s) => `  ${standingText(s, include)}`),
    ...closuresSection(effects, styler),
    '',
  ].join('\n');
}
