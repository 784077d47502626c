import { existsSync } from 'node:fs';
import { mkdir, rmdir } from 'node:fs/promises';
import { planCorrect } from '../../app/correct.js';
import { compareDates } from '../../domain/model/dates.js';
import type { CorrectionRequest } from '../../domain/history/corrections.js';
import { diagnose, type CorrectedField, type Diagnostic } from '../../domain/model/diagnostics.js';
import { sha256 } from '../../io/hash.js';
import { displayPath, readText } from '../../io/read.js';
import { writeFilesTogether } from '../../io/write-files.js';
import { readDateOption } from '../clock.js';
import {
  amendmentsDirOf,
  correctionsDirOf,
  loadAmendmentFolder,
  loadTable,
  lockPathOf,
  resolveTablePath,
} from '../inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { findingsOf, succeed as succeedWith } from '../../domain/model/result.js';
import { readCorrections } from '../read-data.js';
import { readTextOption } from '../text-option.js';
import { withWriteLock } from '../write-lock.js';

export interface CorrectOptions extends CommonOptions, Omit<CorrectionRequest, 'on'> {
  table?: string;
  /** --on as given; default `today`. */
  on?: string;
  write: boolean;
  today: string;
}

/**
 * Records a sourced correction of one value of Table 17.6: the correction file, the lock and the
 * table, together. Without --write it prints what it would record and writes nothing.
 */
export function runCorrect(options: CorrectOptions): Promise<Outcome> {
  return options.write ? withWriteLock(options, () => correct(options)) : correct(options);
}

async function correct(options: CorrectOptions): Promise<Outcome> {
  const { cwd, styler } = options;
  const usage: Diagnostic[] = [
    ...readTextOption('--source', options.source),
    ...readTextOption('--by', options.by),
    ...(options.reason === undefined ? [] : readTextOption('--reason', options.reason)),
  ];
  const on = options.on === undefined ? succeedWith(options.today) : readDateOption('--on', options.on);
  usage.push(...findingsOf(on));
  // A correction records when a source was found: a day yet to come is no such day.
  if (on.ok && compareDates(on.value, options.today) > 0)
    usage.push(
      diagnose('ARGUMENT_INVALID', {
        option: '--on',
        value: on.value,
        expected: { kind: 'recorded-by', today: options.today },
      }),
    );
  if (usage.length > 0 || !on.ok) return failWith(usage, styler);

  const table = await loadTable(cwd, options.table);
  if (!table.ok) return failWith(findingsOf(table), styler);
  const tablePath = resolveTablePath(cwd, options.table);
  const folder = correctionsDirOf(tablePath);
  const [amendments, corrections] = await Promise.all([
    existsSync(amendmentsDirOf(tablePath))
      ? loadAmendmentFolder(amendmentsDirOf(tablePath), cwd)
      : Promise.resolve(succeedWith([])),
    readCorrections(folder, cwd),
  ]);
  if (!amendments.ok) return failWith(findingsOf(amendments), styler);
  if (!corrections.ok) return failWith(findingsOf(corrections), styler);
  const lockPath = lockPathOf(tablePath);
  const lockShown = displayPath(lockPath, cwd);
  const lockText = existsSync(lockPath) ? await readText(lockPath, lockShown) : undefined;
  if (lockText && !lockText.ok) return failWith(findingsOf(lockText), styler);

  const plan = planCorrect({
    table: table.value,
    tablePath,
    tableShown: displayPath(tablePath, cwd),
    amendments: amendments.value,
    corrections: corrections.value,
    folder: { path: folder, shown: displayPath(folder, cwd) },
    lock: { path: lockPath, shown: lockShown, ...(lockText?.ok && { text: lockText.value }) },
    request: {
      cohort: options.cohort,
      field: options.field,
      value: options.value,
      ...(options.from !== undefined && { from: options.from }),
      source: options.source,
      by: options.by,
      on: on.value,
      ...(options.reason !== undefined && { reason: options.reason }),
    },
    write: options.write,
    hash: sha256,
    styler,
  });
  if (plan.kind === 'refused') return failWith(plan.diagnostics, styler);
  if (plan.writes.length > 0) {
    const created = !existsSync(folder);
    await mkdir(folder, { recursive: true });
    const written = await writeFilesTogether(plan.writes);
    if (!written.ok) {
      // Nothing was written: not even the folder made for the correction is left behind.
      if (created) await rmdir(folder).catch(() => undefined);
      return failWith(findingsOf(written), styler);
    }
  }
  return succeed(plan.report, styler);
}
