import { existsSync } from 'node:fs';
import type { Amendment } from '../domain/model/amendment.js';
import { diagnose, type Location } from '../domain/model/diagnostics.js';
import { parseLock } from '../domain/history/amendment-lock.js';
import type { Result } from '../domain/parse/schema-validation.js';
import { displayPath, readText } from '../io/read.js';
import type { History } from './history-inputs.js';
import { lockPathOf } from './inputs.js';

/** What a draft may do to the file it is written to. */
export interface DraftTarget {
  /** The text the file held when read, when it exists: replaced only if it still holds it. */
  replaces?: string;
}

/** The ids that data/amendments.lock records as made (none when there is no lock), and how it is named. */
async function recordedIds(
  tablePath: string,
  cwd: string,
): Promise<Result<{ ids: ReadonlySet<string>; shown: string }>> {
  const path = lockPathOf(tablePath);
  const shown = displayPath(path, cwd);
  if (!existsSync(path)) return { ok: true, value: { ids: new Set(), shown }, diagnostics: [] };
  const text = await readText(path, shown);
  if (text.value === undefined) return { ok: false, diagnostics: text.diagnostics };
  const parsed = parseLock(text.value, shown);
  if (!parsed.value) return { ok: false, diagnostics: parsed.diagnostics };
  return {
    ok: true,
    value: { ids: new Set(parsed.value.lock.amendments.map((entry) => entry.id)), shown },
    diagnostics: [],
  };
}

/**
 * Whether a draft with `id` may be written to `path` (shown as `shown`). Refused: an id another
 * amendment file already has (AMENDMENT_ID_DUPLICATE); replacing a file that holds a made amendment,
 * or one the lock records, even with --force (AMENDMENT_MADE_PROTECTED), since a made amendment is
 * immutable. With --stdout nothing is replaced, but the id of a made amendment is still refused:
 * the printed file is meant to be saved.
 */
export async function checkDraftTarget(
  history: History,
  id: string,
  shown: string,
  options: { cwd: string },
): Promise<Result<DraftTarget>> {
  const all: Amendment[] = [...history.amendments, ...history.drafts.map((d) => d.amendment)];
  const inFile = all.find((a) => a.origin.file === shown);
  const elsewhere = all.find((a) => a.id === id && a.origin.file !== shown);
  if (elsewhere)
    return {
      ok: false,
      diagnostics: [
        diagnose('AMENDMENT_ID_DUPLICATE', { id, other: elsewhere.origin.file }, elsewhere.origin.locate(['id'])),
      ],
    };

  const lock = await recordedIds(history.tablePath, options.cwd);
  if (!lock.value) return { ok: false, diagnostics: lock.diagnostics };
  const { ids, shown: lockShown } = lock.value;
  const refuse = (made: { id: string; file: string; why: string }, at: Location): Result<DraftTarget> => ({
    ok: false,
    diagnostics: [diagnose('AMENDMENT_MADE_PROTECTED', made, at)],
  });
  if (inFile?.status === 'made')
    return refuse({ id: inFile.id, file: shown, why: 'status: made' }, inFile.origin.locate(['status']));
  if (inFile && ids.has(inFile.id))
    return refuse({ id: inFile.id, file: shown, why: `recorded in ${lockShown}` }, inFile.origin.locate(['id']));
  // A made amendment whose file has gone (LOCK_STALE) keeps its id: a new file must not take it.
  if (ids.has(id)) return refuse({ id, file: lockShown, why: 'its file has gone' }, { file: lockShown });
  return { ok: true, value: inFile ? { replaces: inFile.origin.text } : {}, diagnostics: [] };
}
