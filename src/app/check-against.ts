import { columnsOf, compareWithDocument } from '../word/compare-table.js';
import { importWordTable } from '../word/import-table.js';
import { findingsOf } from '../domain/model/result.js';
import type { CompareAgainst } from './check.js';

/**
 * `--against DOCX`: where the table and the Word document's table disagree, cell by cell. Nothing
 * when the table could not be read (its findings say why); the document's unreadability otherwise.
 */
export const compareAgainst: CompareAgainst = (against, table) => {
  if (!against.read.ok) return findingsOf(against.read);
  const { bytes, sha256 } = against.read.value;
  if (!table) return [];
  const columns = columnsOf(table);
  const imported = importWordTable(bytes, {
    origin: { fileName: against.fileName, sha256 },
    tableNumber: table.table.number,
    numberFrom: 'table',
    ...(columns && { columns }),
    asAt: table.table.asAt,
  });
  // Only what stops the comparison: a cell kept as written is compared as written.
  if (!imported.ok) return imported.errors.map((d) => ({ ...d, file: d.file ?? against.shown }));
  return compareWithDocument(table, imported.value);
};
