import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseAmendment } from '../domain/model/amendment.js';
import { formatDateWithWeekday, isWeekend, type IsoDate } from '../domain/model/dates.js';
import {
  draftAmendmentText,
  nextSequence,
  type DraftChange,
  type Timeline,
} from '../domain/documents/draft-amendment.js';
import { readTemplateSections } from '../domain/documents/template.js';
import { displayPath, readTemplate } from '../io/read.js';
import { writeFilesTogether } from '../io/write-files.js';
import { formatLocation } from '../render/diagnostics.js';
import { checkDraftTarget } from './draft-guard.js';
import type { History } from './history-inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from './outcome.js';

/** How a drafted amendment file is written. */
export interface DraftWriteOptions extends CommonOptions {
  table?: string;
  /** Today (Europe/London), to flag proposed dates already past. */
  today: IsoDate;
  force: boolean;
  stdout: boolean;
}

function timelineLines(timeline: Timeline, today: IsoDate): string[] {
  const steps: [string, IsoDate | undefined][] = [
    ['issued', timeline.issued],
    ['responses due (16:00)', timeline.responsesDue],
    ['expected conclusion', timeline.expectedConclusion],
    ['modification', timeline.modification],
    ['end date (last day)', timeline.endDate],
  ];
  return steps.flatMap(([name, date]) => {
    if (!date) return [];
    const notes = [isWeekend(date) && 'a weekend day', date < today && 'already past'].filter(Boolean);
    return [
      `  ${name.padEnd(22)} ${formatDateWithWeekday(date)}${notes.length ? `  <- ${notes.join(', ')}: review it` : ''}`,
    ];
  });
}

/**
 * Writes a drafted amendment into the amendments folder (atomically; never over an existing file
 * without --force, never over a made amendment, never with an id another file has), or prints it
 * with --stdout. It takes the next sequence number. Before writing, the draft is read back: it must
 * have no finding but its fields to decide, and its changes must apply to the table.
 */
export async function writeDraft(
  history: History,
  options: DraftWriteOptions,
  proposal: { id: string; changes: DraftChange[]; timeline: Timeline; reverts?: string },
  /** The narrative of the consultation to scaffold beside the amendment; one already there is kept. */
  narrative?: { path: string; text: string },
): Promise<Outcome> {
  const { cwd, styler } = options;
  // One after every amendment and draft in the folder. A caller that writes the file holds the
  // write lock, so that two drafts at once cannot take the same number.
  const draft = {
    ...proposal,
    sequence: nextSequence([...history.amendments, ...history.drafts.map((d) => d.amendment)]),
  };
  const wording = await readTemplate('new-amendment.txt', cwd);
  if (wording.value === undefined) return failWith(wording.diagnostics, styler);
  const text = draftAmendmentText({ ...draft, wording: readTemplateSections(wording.value) });
  if (text.value === undefined) return failWith(text.diagnostics, styler);

  const path = join(history.folder, `${draft.id}.yaml`);
  const shown = displayPath(path, cwd);
  const readBack = parseAmendment(text.value, shown);
  const unexpected = readBack.diagnostics.filter((d) => d.code !== 'FIELD_TO_DECIDE');
  if (!readBack.value || unexpected.length > 0)
    throw new Error(`mtad drafted an amendment it cannot read back: ${JSON.stringify(unexpected)}`);
  const target = await checkDraftTarget(history, draft.id, shown, { cwd });
  if (!target.value) return failWith(target.diagnostics, styler);
  if (options.stdout) return succeed(text.value, styler);

  // With --force, the file is replaced only if it still holds what was read (and checked) above.
  const expectation = !options.force
    ? 'absent'
    : target.value.replaces !== undefined
      ? { text: target.value.replaces }
      : 'any';
  // The narrative goes with the amendment, both or neither; a narrative already written is a
  // person's work and is never replaced.
  const scaffold = narrative && !existsSync(narrative.path) ? narrative : undefined;
  const scaffoldShown = narrative && displayPath(narrative.path, cwd);
  if (scaffold) await mkdir(dirname(scaffold.path), { recursive: true });
  const written = await writeFilesTogether([
    { path, text: text.value, expectation, shown },
    ...(scaffold && scaffoldShown
      ? [{ path: scaffold.path, text: scaffold.text, expectation: 'absent' as const, shown: scaffoldShown }]
      : []),
  ]);
  if (!written.ok) return failWith(written.diagnostics, styler);
  const toDecide = readBack.diagnostics.map(
    (d) => `  ${formatLocation(d)}  ${'field' in d.args ? d.args.field : d.code}`,
  );
  return succeed(
    [
      `Wrote ${shown}: ${readBack.value.title} (sequence ${draft.sequence}, proposed).`,
      ...(scaffoldShown === undefined
        ? []
        : scaffold
          ? [
              `Wrote ${scaffoldShown}: the narrative of its consultation, to write where it says !todo (NARRATIVE_TODO).`,
            ]
          : [`Kept ${scaffoldShown}: a narrative is already there.`]),
      '',
      "Proposed timeline, from the reference consultation's intervals:",
      ...timelineLines(draft.timeline, options.today),
      '',
      `To decide before mtad check and mtad amend accept it (tagged !todo, FIELD_TO_DECIDE): ${toDecide.length}`,
      ...toDecide,
      '',
    ].join('\n'),
    styler,
  );
}
