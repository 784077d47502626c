import type { Amendment } from '../model/amendment.js';
import { diagnose, type Diagnostic } from '../model/diagnostics.js';
import type { Table } from '../model/table.js';
import { positionAt } from '../model/text.js';
import { narrativeTodos, parseNarrative } from '../parse/narrative-source.js';
import type { SourceText } from './file-rules.js';
import { checkNarrativeDates } from './prose-rules.js';

/** The amendment id a narrative is for: its file's name without `.md`. */
const idOf = (file: string): string => (file.split(/[\\/]/).at(-1) ?? '').replace(/\.md$/, '');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The rules on the narratives of consultations: nothing left `!todo`, and every value the data holds
 * either a placeholder or the data's own: a cohort other than the amendment's named in the prose,
 * a GroupID that is not its cohort's, or a date that restates none of its dates, is a finding where
 * it is written.
 */
export function checkNarratives(
  narratives: readonly SourceText[],
  amendments: readonly Amendment[],
  table: Table,
): Diagnostic[] {
  return narratives.flatMap((source) => {
    const todos = narrativeTodos(source.text, source.file).map(({ what, ...where }) =>
      diagnose('NARRATIVE_TODO', { what }, where),
    );
    const parsed = parseNarrative(source.text, source.file);
    const amendment = amendments.find((a) => a.id === idOf(source.file));
    if (!parsed.value || !amendment) return [...todos, ...parsed.diagnostics];
    const { body, bodyOffset } = parsed.value;
    const at = (offset: number) => ({ file: source.file, ...positionAt(source.text, bodyOffset + offset) });
    const own = new Set(amendment.changes.map((c) => c.cohort));
    const cohortFindings = table.cohorts
      // A plain search first: a table may have thousands of rows, a narrative names few of them.
      .filter(
        (row) => body.includes(row.cohort) && !own.has(row.cohort) && ![...own].some((c) => c.includes(row.cohort)),
      )
      .flatMap((row) =>
        [...body.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(row.cohort)}(?![\\p{L}\\p{N}])`, 'gu'))].map(
          (match) =>
            diagnose(
              'NARRATIVE_COHORT',
              { cohort: row.cohort, id: amendment.id, cohorts: [...own].join(', ') },
              at(match.index),
            ),
        ),
      );
    const [change] = amendment.changes;
    const groupId = table.cohorts.find((r) => r.cohort === change?.cohort)?.groupId;
    const groupFindings =
      change && groupId?.kind === 'text'
        ? [...body.matchAll(/GroupID\s*=\s*"([^"{}]*)"/g)].flatMap((match) =>
            match[1] === groupId.text
              ? []
              : [
                  diagnose(
                    'NARRATIVE_GROUP_ID',
                    { written: match[1] ?? '', groupId: groupId.text, cohort: change.cohort },
                    at(match.index + match[0].indexOf('"') + 1),
                  ),
                ],
          )
        : [];
    const dates = checkNarrativeDates(amendment, {
      file: source.file,
      whole: source.text,
      text: body,
      offset: bodyOffset,
    });
    return [...todos, ...cohortFindings, ...groupFindings, ...dates];
  });
}
