import type { Amendment } from '../model/amendment.js';
import { diagnose, type Diagnostic } from '../model/diagnostics.js';
import type { Table } from '../model/table.js';
import { positionAt } from '../model/text.js';
import { findingsOf } from '../model/result.js';
import { narrativeTodos } from '../parse/narrative-source.js';
import { TODO_TAG } from '../parse/yaml-source.js';
import { readNarrativeRecalled, type FileMemo, type SourceText } from './file-rules.js';
import { checkNarrativeDates } from './prose-rules.js';

/** The amendment id a narrative is for: its file's name without `.md`. */
const idOf = (file: string): string => (file.split(/[\\/]/).at(-1) ?? '').replace(/\.md$/, '');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the scaffold of a narrative (templates/narrative.md, which `mtad new close` copies) holds for
 * a person to replace: the opening words of each instruction a !todo marks. Left in once its !todo
 * is removed, an instruction would be published as DCC's words. A test holds this list to the
 * scaffold's text.
 */
const SCAFFOLD_INSTRUCTIONS: readonly string[] = [
  'The earlier closures, each with its month and a footnote to its conclusion',
  'Why DCC proposes the closure:',
  'What re-starting the service would take',
];

/**
 * A placeholder of a value in the scaffold's front matter, "MTAD <version> Draft Redlined": words
 * in angle brackets, which no value of the front matter holds.
 */
const VALUE_PLACEHOLDER = /<[a-z][a-z -]*[a-z]>/g;

const FRONT_MATTER_KEY = /^([A-Za-z][\w-]*):/;

/**
 * Where a narrative still holds a placeholder of its scaffold once the !todo that marked it is
 * removed (a line that still has its !todo is NARRATIVE_TODO's): a <placeholder> in a value of the
 * front matter, or the opening words of an instruction.
 */
function scaffoldPlaceholders(text: string, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const frontMatterEnd = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)?.[0].length ?? 0;
  const lineAt = (offset: number) => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const end = text.indexOf('\n', offset);
    return text.slice(start, end === -1 ? text.length : end);
  };
  const report = (offset: number, written: string, field?: string) => {
    const line = lineAt(offset);
    if (line.includes(TODO_TAG)) return;
    found.push(
      diagnose(
        'NARRATIVE_PLACEHOLDER',
        { written, ...(field !== undefined && { field }) },
        { file, ...positionAt(text, offset) },
      ),
    );
  };
  for (const match of text.slice(0, frontMatterEnd).matchAll(VALUE_PLACEHOLDER)) {
    const line = lineAt(match.index);
    if (line.trimStart().startsWith('#')) continue;
    report(match.index, match[0], FRONT_MATTER_KEY.exec(line)?.[1]);
  }
  for (const words of SCAFFOLD_INSTRUCTIONS)
    for (const match of text.slice(frontMatterEnd).matchAll(new RegExp(escapeRegExp(words), 'g')))
      report(frontMatterEnd + match.index, words);
  return found;
}

/**
 * The rules on the narratives of consultations: nothing left `!todo` nor of the scaffold, and every value the data
 * holds either a placeholder or the data's own: a cohort other than the amendment's named in the prose,
 * a GroupID that is not its cohort's, or a date that restates none of its dates, is a finding where
 * it is written.
 */
export function checkNarratives(
  narratives: readonly SourceText[],
  amendments: readonly Amendment[],
  table: Table,
  memo?: FileMemo,
): Diagnostic[] {
  return narratives.flatMap((source) => {
    const todos: Diagnostic[] = [
      ...narrativeTodos(source.text, source.file).map(({ what, ...where }) =>
        diagnose('NARRATIVE_TODO', { what }, where),
      ),
      ...scaffoldPlaceholders(source.text, source.file),
    ];
    // Recalled from check's cache when the file has not changed: the rules below run anew each time.
    const parsed = readNarrativeRecalled(source, memo);
    const amendment = amendments.find((a) => a.id === idOf(source.file));
    if (!parsed.ok || !amendment) return [...todos, ...findingsOf(parsed)];
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
