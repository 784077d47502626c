import { isMap, isScalar, isSeq, Scalar, type Document, type YAMLMap } from 'yaml';
import type { Application } from './apply.js';
import type { YamlSource } from './source.js';
import { writeCell, type CellValue } from './values.js';

/**
 * The table file's text with an application's changes written in: each changed cell gets its new
 * value and source, and `applied:` lists the amendments applied. Everything else (comments, key
 * order, quoting, the rows no change touches) stays as the file had it. Pure: the parsed
 * document in `source` is cloned, not modified.
 */
export function writeTableChanges(source: YamlSource, application: Application): string {
  const document = source.document.clone();
  for (const change of application.changes) {
    const index = application.after.cohorts.findIndex((row) => row.cohort === change.cohort);
    const row = application.after.cohorts[index];
    if (!row) throw new Error(`bug: the application changes ${change.cohort}, which its table does not hold`);
    const cell = document.getIn(['cohorts', index, change.field], true);
    if (!isMap(cell)) throw new Error(`bug: cohorts[${index}].${change.field} of ${source.file} is not a mapping`);
    writeCellValue(document, cell, row[change.field], row.sources[change.field]);
  }
  writeApplied(document, application.after.applied);
  // lineWidth 0: long lines stay as written, not folded, so the diff shows only what changed.
  return document.toString({ lineWidth: 0 });
}

/** Sets `{ value }` or `{ unknown }` (the other key removed), keeping the value first. */
function writeCellValue(document: Document, cell: YAMLMap, value: CellValue, source: string | undefined): void {
  const [key, text] = value.kind === 'unknown' ? ['unknown', value.note ?? 'Not public.'] : ['value', writeCell(value)];
  cell.delete(key === 'value' ? 'unknown' : 'value');
  const node = cell.get(key, true);
  if (isScalar(node)) node.value = text;
  else cell.items.unshift(document.createPair(key, text));
  if (source !== undefined) {
    const sourceNode = cell.get('source', true);
    if (isScalar(sourceNode)) sourceNode.value = source;
    else cell.set('source', source);
  }
}

/** Appends to `applied:` the ids it does not yet list, keeping the items (and comments) it has. */
function writeApplied(document: Document, applied: readonly string[]): void {
  const list = document.get('applied', true);
  if (!isSeq(list)) {
    document.set('applied', [...applied]);
    return;
  }
  const listed = new Set(list.items.map((item) => (isScalar(item) ? String(item.value) : '')));
  for (const id of applied) if (!listed.has(id)) list.items.push(new Scalar(id));
}
