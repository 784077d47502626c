import { diagnose, type Diagnostic, type Location } from '../model/diagnostics.js';
import { positionAt } from '../model/text.js';
import { narrativeFrontMatterSchema, type NarrativeFrontMatter } from './schema.js';
import { fail, findingsOf, succeed, type Result } from '../model/result.js';
import { validateWithSchema } from './schema-validation.js';
import { TODO_TAG, parseYaml } from './yaml-source.js';

/*
 * A consultation's narrative (data/consultations/<amendment id>.md): YAML front matter between
 * two `---` lines, then DCC's own prose for the sections before Next Steps, in Markdown with
 * {{placeholders}} for every value the data holds. `!todo` marks, here as in an amendment file,
 * what a person must still write.
 */

/** A narrative, read: its front matter, and its Markdown body with where the body starts. */
export interface Narrative {
  file: string;
  text: string;
  frontMatter: NarrativeFrontMatter;
  body: string;
  /** The offset of the body in the file's text, so that findings in it point into the file. */
  bodyOffset: number;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Shifts a finding made on the front matter alone to where it is in the file (it starts on line 2). */
const shifted = (d: Diagnostic): Diagnostic => (d.line === undefined ? d : { ...d, line: d.line + 1 });

/** Reads a narrative: its front matter is checked against its schema; the body is taken as written. */
export function parseNarrative(text: string, file: string): Result<Narrative> {
  const match = FRONT_MATTER.exec(text);
  if (!match)
    return fail([
      diagnose(
        'SCHEMA_MISSING_FIELD',
        { field: 'front matter', expected: 'a first line "---", the fields (redlineAttachment), then a line "---"' },
        { file, line: 1, column: 1 },
      ),
    ]);
  const parsed = parseYaml(match[1] ?? '', file);
  if (!parsed.ok) return fail(findingsOf(parsed).map(shifted));
  const checked = validateWithSchema(narrativeFrontMatterSchema(), parsed.value.data ?? {}, parsed.value.source);
  if (!checked.ok) return fail(findingsOf(checked).map(shifted));
  return succeed({
    file,
    text,
    frontMatter: checked.value,
    body: text.slice(match[0].length),
    bodyOffset: match[0].length,
  });
}

/** Where each `!todo` of a narrative is, with the rest of its line: what is still to write. */
export function narrativeTodos(text: string, file: string): (Location & { what: string })[] {
  const found: (Location & { what: string })[] = [];
  for (const match of text.matchAll(new RegExp(`${TODO_TAG}\\b[ \\t]*([^\\r\\n]*)`, 'g')))
    found.push({ file, ...positionAt(text, match.index), what: (match[1] ?? '').trim() });
  return found;
}
