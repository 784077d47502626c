import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { diffTables } from '../../domain/documents/redline.js';
import { diagnose, type Diagnostic } from '../../domain/model/diagnostics.js';
import { parseTable, type Table } from '../../domain/model/table.js';
import { sha256Bytes } from '../../io/hash.js';
import { displayPath, readBytes, readText } from '../../io/read.js';
import { writeFileAtomically } from '../../io/write.js';
import { classifyFile } from '../../domain/parse/classify-file.js';
import { renderTerminalRedline } from '../../render/redline-text.js';
import { importWordTable } from '../../word/import-table.js';
import { WORD_FIELDS, type ColumnOverrides, type WordField } from '../../word/map-columns.js';
import { readDateOption } from '../clock.js';
import { resolveTablePath } from '../inputs.js';
import { failWith, succeed, type CommonOptions, type Outcome } from '../outcome.js';
import { findingsOf } from '../../domain/model/result.js';
import { readTextOption } from '../text-option.js';
import { withWriteLock } from '../write-lock.js';
import { renderImportWritten } from '../../render/written-notes.js';

export interface ImportOptions extends CommonOptions {
  /** The Word document, as given. */
  docx: string;
  table?: string;
  tableNumber: string;
  /** Headings named for fields, as given with --column (field=heading). */
  columns: Record<string, string>;
  dryRun: boolean;
  force: boolean;
  /** The document's version, instead of the one its properties state. */
  version?: string;
  asAt?: string;
}

/** The --column, --version and --as-at options, checked: usage errors (exit status 2) when wrong. */
function readOptions(options: ImportOptions): { columns: ColumnOverrides; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const columns: ColumnOverrides = {};
  for (const [field, heading] of Object.entries(options.columns)) {
    if (!(WORD_FIELDS as readonly string[]).includes(field) || heading.trim() === '')
      diagnostics.push(
        diagnose('ARGUMENT_INVALID', {
          option: '--column',
          value: `${field}=${heading}`,
          expected: { kind: 'column-heading', fields: WORD_FIELDS },
        }),
      );
    else columns[field as WordField] = heading;
  }
  if (options.version !== undefined) diagnostics.push(...readTextOption('--version', options.version));
  if (options.asAt !== undefined) diagnostics.push(...findingsOf(readDateOption('--as-at', options.asAt)));
  if (options.tableNumber.trim() === '' || options.tableNumber !== options.tableNumber.trim())
    diagnostics.push(
      diagnose('ARGUMENT_INVALID', {
        option: '--table-number',
        value: options.tableNumber,
        expected: { kind: 'caption-number' },
      }),
    );
  return { columns, diagnostics };
}

/**
 * Reads Table 17.6 from a Word document into the table file: printed with --dry-run, else written
 * (atomically, under the write lock), replacing an existing table only with --force. Without it,
 * prints the redline between the existing table and the import, and writes nothing (exit status 2).
 */
export async function runImport(options: ImportOptions): Promise<Outcome> {
  const { styler } = options;
  const checked = readOptions(options);
  if (checked.diagnostics.length > 0) return failWith(checked.diagnostics, styler);
  return options.dryRun
    ? importTable(options, checked.columns)
    : withWriteLock(options, () => importTable(options, checked.columns));
}

async function importTable(options: ImportOptions, columns: ColumnOverrides): Promise<Outcome> {
  const { cwd, styler } = options;
  const docxPath = resolve(cwd, options.docx);
  const bytes = await readBytes(docxPath, displayPath(docxPath, cwd));
  if (!bytes.ok) return failWith(findingsOf(bytes), styler);

  const tablePath = resolveTablePath(cwd, options.table);
  const tableShown = displayPath(tablePath, cwd);
  const existing = existsSync(tablePath) ? await readText(tablePath, tableShown) : undefined;
  if (existing && !existing.ok) return failWith(findingsOf(existing), styler);
  // --table names the file to replace: a table, never an amendment or any other file of the project.
  if (existing?.ok && existing.value.trim() !== '' && classifyFile(existing.value).kind !== 'table')
    return failWith(
      [diagnose('OUT_NOT_MTAD', { path: tableShown, found: 'file', kind: 'table' }, { file: tableShown })],
      styler,
    );
  const baseRead = existing?.ok ? parseTable(existing.value, tableShown) : undefined;
  // A table that does not read is replaced whole (with --force); its values are not carried over.
  const base: Table | undefined = baseRead?.ok ? baseRead.value.table : undefined;

  const asAt = options.asAt ?? base?.asAt;
  if (asAt === undefined)
    return failWith(
      [diagnose('ARGUMENT_MISSING', { argument: '--as-at', missing: { kind: 'import-date', table: tableShown } })],
      styler,
    );
  const imported = importWordTable(bytes.value, {
    origin: { fileName: basename(docxPath), sha256: sha256Bytes(bytes.value) },
    tableNumber: options.tableNumber,
    columns,
    ...(options.version !== undefined && { version: options.version }),
    asAt,
    ...(base && { base }),
  });
  // The engine's findings name rows and columns of the document: they point at its file.
  const docxShown = displayPath(docxPath, cwd);
  const pointed = (d: Diagnostic): Diagnostic => (d.file === undefined ? { ...d, file: docxShown } : d);
  if (!imported.ok) return failWith(findingsOf(imported).map(pointed), styler);
  const warnings = imported.warnings.map(pointed);
  const { text } = imported.value;
  // What is written must read back as a table: the same reader every command uses.
  const reread = parseTable(text, tableShown);
  if (!reread.ok) return failWith([...warnings, ...findingsOf(reread)], styler);
  if (options.dryRun) return succeed(text, styler, warnings);

  if (existing?.ok) {
    if (existing.value === text)
      return succeed(renderImportWritten({ table: tableShown, unchanged: true }), styler, warnings);
    if (!options.force) {
      const redline = base ? renderTerminalRedline(diffTables(base, reread.value.table), styler) : '';
      return failWith(
        [...warnings, diagnose('IMPORT_TABLE_EXISTS', { what: tableShown }, { file: tableShown })],
        styler,
        redline,
      );
    }
  }
  const written = await writeFileAtomically(
    tablePath,
    text,
    existing?.ok ? { text: existing.value } : 'absent',
    tableShown,
  );
  if (!written.ok) return failWith(findingsOf(written), styler);
  const { table } = reread.value;
  return succeed(
    renderImportWritten({ table: tableShown, number: table.number, document: docxShown, rows: table.cohorts.length }),
    styler,
    warnings,
  );
}
