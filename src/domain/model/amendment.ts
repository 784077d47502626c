import { diagnose, type Diagnostic } from './diagnostics.js';
import { monthsStayInRange, type IsoDate } from './dates.js';
import { compareCodeUnits } from './order.js';
import { amendmentFileSchema, type AmendmentFile } from '../parse/schema.js';
import { parseYaml, todoPaths, type YamlPath, type YamlSource } from '../parse/yaml-source.js';
import { findingsOf, fromFindings, resultOf, type FileReading, type Result } from './result.js';
import { validateWithSchema } from '../parse/schema-validation.js';
import { readEndDate, readGroupId, type CellValue } from './cell-value.js';

/** A date in an amendment's timeline as written: a date, or explicitly unknown. */
export type TimelineDate = IsoDate | { unknown: string; source?: string; notBefore?: IsoDate; notAfter?: IsoDate };

/** The date when it is known. */
export function knownDate(date: TimelineDate | undefined): IsoDate | undefined {
  return typeof date === 'string' ? date : undefined;
}

/** One change to one cell of Table 17.6, read and checked. */
export interface Change {
  /** The position of the change in its amendment's list, for pointing at it. */
  index: number;
  action: 'close' | 'reopen';
  cohort: string;
  groupId?: string;
  field: 'endDate';
  from: CellValue;
  to: CellValue;
  windowMonths?: number;
}

/**
 * Whose an amendment's title is: `dcc`, as DCC gives it; `mtad`, a descriptive title of mtad's own
 * where DCC's is not recorded; `unknown`, no title at all.
 */
type TitleSource = 'dcc' | 'mtad' | 'unknown';

/** An amendment to Table 17.6, read from its file. */
export interface Amendment extends Omit<AmendmentFile, 'changes' | 'title'> {
  /** The title as mtad's views show it: "(title unknown)" when there is none. */
  title: string;
  titleSource: TitleSource;
  changes: Change[];
  /** The parsed file, for positions and checksums. */
  origin: YamlSource;
}

/** Turns a schema-valid amendment file into an amendment, reading each change's values. */
export function normaliseAmendment(file: AmendmentFile, source: YamlSource): Result<Amendment> {
  const { amendment, findings } = buildAmendment(file, source);
  return fromFindings(amendment, findings);
}

/** The amendment a schema-valid file holds, with the findings on its values (a bad value still reads as something). */
function buildAmendment(file: AmendmentFile, source: YamlSource): { amendment: Amendment; findings: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const changes = file.changes.map((change, index): Change => {
    const read = (key: 'from' | 'to'): CellValue => {
      const value = readEndDate(change[key], true);
      if (typeof value !== 'string') return value;
      const where = source.locate(['changes', index, key]);
      diagnostics.push(
        value === 'DATE_INVALID'
          ? diagnose('DATE_INVALID', { value: change[key] }, where)
          : diagnose(
              'VALUE_INVALID',
              { field: key, value: change[key], expected: '"none", "unknown" or a date YYYY-MM-DD' },
              where,
            ),
      );
      return { kind: 'unknown' };
    };
    return {
      index,
      action: change.action,
      cohort: change.cohort,
      ...(change.groupId !== undefined && { groupId: change.groupId }),
      field: change.field,
      from: read('from'),
      to: read('to'),
      ...(change.windowMonths !== undefined && { windowMonths: change.windowMonths }),
    };
  });
  diagnostics.push(...windowsOutOfRange(file, changes, source));
  return { amendment: { ...file, ...readTitle(file.title), changes, origin: source }, findings: diagnostics };
}

/** The title to show, and whose it is. */
function readTitle(title: AmendmentFile['title']): { title: string; titleSource: TitleSource } {
  if (typeof title === 'string') return { title, titleSource: 'dcc' };
  if ('mtad' in title) return { title: title.mtad, titleSource: 'mtad' };
  return { title: '(title unknown)', titleSource: 'unknown' };
}

/**
 * Every "within N month(s) thereafter" window ends on a date mtad can write: each command computes
 * it (check, the summary, the pack), so a window past 9999-12-31 is refused where the file is read.
 */
function windowsOutOfRange(file: AmendmentFile, changes: readonly Change[], source: YamlSource): Diagnostic[] {
  const found: Diagnostic[] = [];
  const check = (date: IsoDate | undefined, months: number | undefined, path: YamlPath) => {
    if (date !== undefined && months !== undefined && !monthsStayInRange(date, months))
      found.push(diagnose('DATE_OUT_OF_RANGE', { date, span: { kind: 'window', months } }, source.locate(path)));
  };
  check(knownDate(file.modification.date), file.modification.windowMonths, ['modification', 'date']);
  for (const change of changes)
    check(change.to.kind === 'date' ? change.to.date : undefined, change.windowMonths, ['changes', change.index, 'to']);
  return found;
}

const startsWith = (path: YamlPath | undefined, prefix: YamlPath): boolean =>
  path !== undefined && prefix.every((step, i) => path[i] === step);

/**
 * Reads an amendment from YAML text: parse, check against the schema, normalise. A value tagged
 * `!todo` (a proposal `mtad new` wrote) is one finding, FIELD_TO_DECIDE, and not also a schema
 * finding: the person filling the file in sees one clear line per decision.
 */
export function parseAmendment(text: string, file: string): Result<Amendment> {
  return resultOf(readAmendment(text, file));
}

/** An amendment as `mtad check` reads it: every finding, and the amendment once it passed its schema. */
export function readAmendment(text: string, file: string): FileReading<Amendment> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return { findings: findingsOf(parsed) };
  const { source } = parsed.value;
  const todos = todoPaths(source.document);
  const toDecide = todos.map((path) =>
    diagnose('FIELD_TO_DECIDE', { field: path.map(String).join('.') }, source.locate(path)),
  );
  const checked = validateWithSchema(amendmentFileSchema(), parsed.value.data, source);
  if (!checked.ok) {
    const schemaFindings = findingsOf(checked).filter((d) => !todos.some((todo) => startsWith(d.path, todo)));
    return { findings: [...toDecide, ...schemaFindings] };
  }
  const { amendment, findings } = buildAmendment(checked.value, source);
  return { data: amendment, findings: [...toDecide, ...findings] };
}

/** True when every finding is a decision still to take (the file is otherwise sound). */
export function onlyToDecide(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.length > 0 && diagnostics.every((d) => d.code === 'FIELD_TO_DECIDE');
}

/** The GroupID a change states, as a cell value, when it states one. */
export function statedGroupId(change: Change): CellValue | undefined {
  return change.groupId === undefined ? undefined : readGroupId(change.groupId);
}

/**
 * Sorts amendments (or items that each hold one) into their explicit order of application: by
 * sequence, then by id, the same on every machine. The one place that order is defined.
 */
export function inSequence(amendments: readonly Amendment[]): Amendment[];
export function inSequence<T>(items: readonly T[], amendmentOf: (item: T) => Amendment): T[];
export function inSequence<T>(
  items: readonly T[],
  amendmentOf: (item: T) => Amendment = (item) => item as Amendment,
): T[] {
  return [...items].sort((x, y) => {
    const a = amendmentOf(x);
    const b = amendmentOf(y);
    return a.sequence - b.sequence || compareCodeUnits(a.id, b.id);
  });
}

/**
 * The id an amendment file declares on its own top-level line (`id: mdust-close-moc-secure`), read
 * without parsing the file; undefined when it is written any other way (then parse it).
 */
export function declaredId(text: string): string | undefined {
  return /^id:[ \t]*([a-z0-9]+(?:-[a-z0-9]+)*)[ \t]*(?:#.*)?\r?$/m.exec(text)?.[1];
}
