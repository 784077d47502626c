import { diagnose, type Diagnostic, type Location } from '../model/diagnostics.js';
import { checkProseDates } from './prose-rules.js';
import { checkText } from './text-rules.js';
import type { YamlPath } from '../parse/yaml-source.js';
import type { TableInput } from '../model/table.js';
import { REDLINE_MARK, skeletonOf } from '../model/text.js';
import type { CellValue } from '../model/cell-value.js';

/** A GroupID is a code: letters and digits, as "DA" and "EA" are. */
export const GROUP_ID = /^[A-Za-z0-9]+$/;

/**
 * The rules on the table itself: one row per cohort, no cohort a look-alike of another, one cohort
 * per GroupID, GroupIDs written as codes, no redline mark in a cell or a heading, and a warning for
 * each value that is not known, naming the source to check.
 */
export function checkTableRules({ table, source }: TableInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const cohorts = new Set<string>();
  const skeletons = new Map<string, string>();
  const groupIds = new Map<string, string>();
  const marked = (text: string, field: string, at: Location) => {
    if (REDLINE_MARK.test(text))
      diagnostics.push(
        diagnose(
          'VALUE_INVALID',
          {
            field,
            value: text,
            expected: 'text without the redline\'s marks of deleted and inserted text ("[-", "-]", "{+", "+}")',
          },
          at,
        ),
      );
  };
  for (const key of ['cohort', 'groupId', 'endDate'] as const)
    marked(table.columns[key], `the heading of the ${key} column`, source.locate(['table', 'columns', key]));
  table.cohorts.forEach((row, index) => {
    const at = (...path: YamlPath) => source.locate(['cohorts', index, ...path]);
    if (cohorts.has(row.cohort)) diagnostics.push(diagnose('COHORT_DUPLICATE', { cohort: row.cohort }, at('cohort')));
    cohorts.add(row.cohort);
    const resembles = skeletons.get(skeletonOf(row.cohort));
    if (resembles !== undefined && resembles !== row.cohort)
      diagnostics.push(diagnose('COHORT_CONFUSABLE', { cohort: row.cohort, resembles }, at('cohort')));
    else skeletons.set(skeletonOf(row.cohort), row.cohort);
    marked(row.cohort, 'a cohort name', at('cohort'));
    if (row.groupId.kind === 'text') {
      const groupId = row.groupId.text;
      if (!GROUP_ID.test(groupId)) {
        diagnostics.push(
          diagnose(
            'VALUE_INVALID',
            { field: `the GroupID of ${row.cohort}`, value: groupId, expected: 'letters and digits only, e.g. "DA"' },
            at('groupId', 'value'),
          ),
        );
      }
      const other = groupIds.get(groupId);
      if (other !== undefined)
        diagnostics.push(diagnose('GROUPID_DUPLICATE', { groupId, cohort: row.cohort, other }, at('groupId', 'value')));
      else groupIds.set(groupId, row.cohort);
    }
  });

  const unknown = (value: CellValue, field: string, path: YamlPath) => {
    if (value.kind !== 'unknown') return;
    const stated = source.document.getIn([...path, 'source']);
    const sourceText = typeof stated === 'string' ? stated : undefined;
    diagnostics.push(
      diagnose(
        'VALUE_UNKNOWN',
        { field, reason: value.note ?? 'not known', ...(sourceText && { source: sourceText }) },
        source.locate([...path, 'unknown']),
      ),
    );
  };
  unknown(table.version, `the version of the ${table.documentAbbreviation}`, ['document', 'version']);
  unknown(table.title, `the title of Table ${table.number}`, ['table', 'title']);
  table.cohorts.forEach((row, index) => {
    unknown(row.groupId, `the GroupID of ${row.cohort}`, ['cohorts', index, 'groupId']);
    unknown(row.endDate, `the Migration DUST end date of ${row.cohort}`, ['cohorts', index, 'endDate']);
  });
  return [...diagnostics, ...checkProseDates(source), ...checkText(source)];
}
