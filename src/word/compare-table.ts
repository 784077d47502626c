/**
 * Checking the table file against the MTAD's Word document: each cell of the table must hold what
 * the document's cell holds, read as an import reads it (so "Tuesday 31 January 2023" in the
 * document agrees with 2023-01-31 in the table), so that CI can prove data and document never drift.
 */
import { displayCell, type CellValue } from '../domain/model/cell-value.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import type { TableInput } from '../domain/model/table.js';
import type { WordCell } from './find-table.js';
import { readEndDateText, readGroupIdText, type ImportedTable } from './import-table.js';
import { normaliseSpace } from './xml.js';

/** The headings named for the fields when the table's headings are the MTAD's own. */
export function columnsOf(input: TableInput): { cohort: string; groupId: string; endDate: string } | undefined {
  return input.table.headingsBy === 'dcc' ? input.table.columns : undefined;
}

/** A cell's value as an import reads the document's text. */
function documentValue(field: 'groupId' | 'endDate', cell: WordCell): CellValue {
  return cell.merge
    ? { kind: 'unknown', written: cell.text }
    : (field === 'endDate' ? readEndDateText : readGroupIdText)(cell.text);
}

/**
 * A finding for each cell where the table and the document's table disagree, and for each cohort
 * that has a row on one side only. Findings point at the table file's cell.
 */
export function compareWithDocument(input: TableInput, imported: ImportedTable): Diagnostic[] {
  const { table, source } = input;
  const { word, columns } = imported;
  const findings: Diagnostic[] = [];
  const documentRows = word.rows.slice(1);
  const rowOf = (cohort: string) =>
    documentRows.find((cells) => normaliseSpace(cells[columns.fields.cohort]?.text ?? '') === cohort);
  const differs = (
    cohort: string,
    cell: WordCell | undefined,
    column: number,
    shown: string,
    path: (string | number)[],
  ) => {
    const heading = word.headers[column] ?? '';
    const row = documentRows.indexOf(rowOf(cohort) ?? []) + 1;
    findings.push(
      diagnose(
        'WORD_CELL_DIFFERS',
        { cohort, heading, row, column, table: shown, document: cell?.text ?? '' },
        source.locate(path),
      ),
    );
  };
  table.cohorts.forEach((row, index) => {
    const cells = rowOf(row.cohort);
    if (!cells) {
      findings.push(
        diagnose(
          'WORD_ROW_MISSING',
          { cohort: row.cohort, missingFrom: 'document' },
          source.locate(['cohorts', index, 'cohort']),
        ),
      );
      return;
    }
    for (const field of ['groupId', 'endDate'] as const) {
      const column = columns.fields[field];
      const cell = cells[column];
      const shown = displayCell(row[field]);
      const document = cell ? displayCell(documentValue(field, cell)) : '';
      if (normaliseSpace(shown) !== normaliseSpace(document))
        differs(row.cohort, cell, column, shown, ['cohorts', index, field]);
    }
    for (const extra of columns.extras) {
      const cell = cells[extra.column];
      const shown = row.extra?.[extra.heading] ?? '';
      if (normaliseSpace(shown) !== normaliseSpace(cell?.text ?? ''))
        differs(row.cohort, cell, extra.column, shown, row.extra ? ['cohorts', index, 'extra'] : ['cohorts', index]);
    }
  });
  const cohorts = new Set(table.cohorts.map((row) => row.cohort));
  for (const cells of documentRows) {
    const cohort = normaliseSpace(cells[columns.fields.cohort]?.text ?? '');
    if (cohort !== '' && !cohorts.has(cohort))
      findings.push(diagnose('WORD_ROW_MISSING', { cohort, missingFrom: 'table' }, source.locate(['cohorts'])));
  }
  return findings;
}
