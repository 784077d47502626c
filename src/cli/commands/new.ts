import { applyAmendments, missingCohort } from '../../domain/history/apply.js';
import { diagnose } from '../../domain/model/diagnostics.js';
import {
  checkProposedTimeline,
  cohortSlug,
  timelineEndingOn,
  timelineFrom,
} from '../../domain/documents/draft-amendment.js';
import { AMENDMENT_ID_PATTERN } from '../../domain/parse/schema.js';
import { findCohort, type Table } from '../../domain/model/table.js';
import { type CellValue } from '../../domain/model/cell-value.js';
import { writeDraft, type DraftWriteOptions } from '../draft-writer.js';
import { loadHistory, type History } from '../history-inputs.js';
import { failWith, type Outcome } from '../outcome.js';
import { readDateOption } from '../clock.js';
import { withWriteLock } from '../write-lock.js';
import { readTemplate } from '../../io/read.js';
import { dirname, join } from 'node:path';

export interface NewOptions extends DraftWriteOptions {
  action: 'close' | 'reopen';
  cohort: string;
  /** close: the proposed end date (the last day of Migration DUST). */
  on?: string;
  /** reopen: the proposed issue date of the consultation; default today. */
  issued?: string;
  id?: string;
}

/** The table as it will stand once the amendments not yet reflected (and not withdrawn) apply. */
function tableAfterPending(history: History): Table {
  const { table } = history.input;
  const pending = history.amendments.filter((a) => !table.applied.includes(a.id) && a.status !== 'withdrawn');
  return applyAmendments(table, pending).value?.after ?? table;
}

const ID_EXPECTED =
  'a kebab-case amendment id (lowercase letters and digits in words joined by single hyphens, e.g. mdust-close-foc-bg), as the amendment schema requires; it names the file <id>.yaml';

/**
 * `mtad new close COHORT --on DATE` and `mtad new reopen COHORT`: a new amendment file from the
 * table. Written under the write lock, so that two at once cannot take the same sequence number.
 */
export function runNew(options: NewOptions): Promise<Outcome> {
  return options.stdout ? draftNew(options) : withWriteLock(options, () => draftNew(options));
}

async function draftNew(options: NewOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const dateOf = (option: string, value: string | undefined) =>
    value === undefined ? { date: undefined, diagnostics: [] } : readDateOption(option, value);
  const on = dateOf('--on', options.on);
  const issued = dateOf('--issued', options.issued);
  if (on.diagnostics.length || issued.diagnostics.length)
    return failWith([...on.diagnostics, ...issued.diagnostics], styler);
  if (options.action === 'close' && !on.date)
    return failWith(
      [
        diagnose('ARGUMENT_INVALID', {
          option: '--on',
          value: '',
          expected: 'the proposed end date of a closure, YYYY-MM-DD (the last day of Migration DUST)',
        }),
      ],
      styler,
    );

  const proposed = on.date
    ? checkProposedTimeline('--on', 'ending', on.date)
    : checkProposedTimeline('--issued', 'from', issued.date ?? options.today);
  if (proposed.length > 0) return failWith(proposed, styler);

  if (options.id !== undefined && !AMENDMENT_ID_PATTERN.test(options.id))
    return failWith(
      [diagnose('ARGUMENT_INVALID', { option: '--id', value: options.id, expected: ID_EXPECTED })],
      styler,
    );

  const history = await loadHistory(cwd, options.table);
  if (!history.value) return failWith(history.diagnostics, styler);
  const table = tableAfterPending(history.value);
  const row = findCohort(table, options.cohort);
  if (!row) return failWith([missingCohort(table, options.cohort)], styler);
  const from = row.endDate;
  if ((options.action === 'close') !== (from.kind === 'none')) {
    return failWith(
      [
        diagnose('NEW_NOT_APPLICABLE', {
          cohort: row.cohort,
          action: options.action === 'close' ? 'close' : 'reopen',
          value: from,
        }),
      ],
      styler,
    );
  }
  const to: CellValue = on.date ? { kind: 'date', date: on.date } : { kind: 'none' };
  const timeline = on.date ? timelineEndingOn(on.date) : timelineFrom(issued.date ?? options.today);
  const id = options.id ?? `mdust-${options.action}-${cohortSlug(row.cohort)}`;
  // A cohort named without letters or digits gives no id of its own.
  if (!AMENDMENT_ID_PATTERN.test(id))
    return failWith(
      [
        diagnose('ARGUMENT_INVALID', {
          option: '--id',
          value: '',
          expected: `${ID_EXPECTED}; the cohort ${JSON.stringify(row.cohort)} gives none, so pass one`,
        }),
      ],
      styler,
    );
  const scaffold = options.action === 'close' ? await readTemplate('narrative.md', cwd) : undefined;
  if (scaffold && scaffold.value === undefined) return failWith(scaffold.diagnostics, styler);
  return writeDraft(
    history.value,
    options,
    { id, changes: [{ action: options.action, cohort: row.cohort, groupId: row.groupId, from, to }], timeline },
    scaffold?.value === undefined
      ? undefined
      : { path: join(dirname(history.value.folder), 'consultations', `${id}.md`), text: scaffold.value },
  );
}
