import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DraftHistory, DraftInputs, DraftPlan } from '../app/draft.js';
import type { IsoDate } from '../domain/model/dates.js';
import { parseLock } from '../domain/history/amendment-lock.js';
import type { Table } from '../domain/model/table.js';
import { displayPath, readTemplate, readText } from '../io/read.js';
import { writeFilesTogether } from '../io/write-files.js';
import { readDepartments } from './departments.js';
import { loadHistory } from './history-inputs.js';
import { amendmentsDirOf, lockPathOf, narrativePathOf, resolveTablePath } from './inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from './outcome.js';
import { findingsOf, succeed as succeedWith, type Result } from '../domain/model/result.js';

/** How a drafted amendment file is written. */
export interface DraftWriteOptions extends CommonOptions {
  table?: string;
  /** Today (Europe/London), to flag proposed dates already past. */
  today: IsoDate;
  force: boolean;
  stdout: boolean;
}

/**
 * What `mtad new` and `mtad revert` both gather: the history, the wording, the lock, where a draft
 * goes; with `narrative`, the scaffold of the consultation's narrative (a closure's) and where it goes.
 */
export async function gatherDraftInputs(
  options: DraftWriteOptions,
  narrative = false,
): Promise<DraftInputs & { history: Result<DraftHistory & { table: Table }> }> {
  const { cwd } = options;
  const tablePath = resolveTablePath(cwd, options.table);
  const folder = amendmentsDirOf(tablePath);
  const [history, wording, departments, lock, scaffold] = await Promise.all([
    loadHistory(cwd, options.table),
    readTemplate('new-amendment.txt', cwd),
    readDepartments(cwd, dirname(tablePath)),
    recordedIds(tablePath, cwd),
    narrative ? readTemplate('narrative.md', cwd) : undefined,
  ]);
  return {
    today: options.today,
    force: options.force,
    stdout: options.stdout,
    history: history.ok
      ? succeedWith({
          table: history.value.input.table,
          amendments: history.value.amendments,
          drafts: history.value.drafts,
        })
      : history,
    wording,
    departments,
    lock,
    place: (id) => {
      const path = join(folder, `${id}.yaml`);
      return { path, shown: displayPath(path, cwd) };
    },
    ...(scaffold && {
      narrative: {
        scaffold,
        place: (id: string) => {
          const path = narrativePathOf(tablePath, id);
          return { path, shown: displayPath(path, cwd), exists: existsSync(path) };
        },
      },
    }),
  };
}

/** The ids that data/amendments.lock records as made (none when there is no lock), and how it is named. */
async function recordedIds(
  tablePath: string,
  cwd: string,
): Promise<Result<{ ids: ReadonlySet<string>; shown: string }>> {
  const path = lockPathOf(tablePath);
  const shown = displayPath(path, cwd);
  if (!existsSync(path)) return succeedWith({ ids: new Set(), shown });
  const text = await readText(path, shown);
  if (!text.ok) return text;
  const parsed = parseLock(text.value, shown);
  if (!parsed.ok) return parsed;
  return succeedWith({ ids: new Set(parsed.value.lock.amendments.map((entry) => entry.id)), shown });
}

/** Does what a draft plan says: writes the file (atomically, as the plan expects it to stand), then prints. */
export async function performDraft(plan: DraftPlan, options: CommonOptions): Promise<Outcome> {
  if (plan.kind === 'refused') {
    const failed = failWith(plan.diagnostics, options.styler);
    return plan.exitCode === undefined ? failed : { ...failed, exitCode: plan.exitCode };
  }
  // The amendment and the narrative of its consultation are written together, both or neither.
  for (const write of plan.writes) await mkdir(dirname(write.path), { recursive: true });
  const written = await writeFilesTogether(plan.writes);
  if (!written.ok) return failWith(findingsOf(written), options.styler);
  return succeed(plan.report, options.styler);
}
