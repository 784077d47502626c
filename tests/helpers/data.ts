import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAmendment, type Amendment } from '../../src/domain/model/amendment.js';
import { parseTable, type Table } from '../../src/domain/model/table.js';
import { parseDepartments, type Department } from '../../src/domain/parse/departments.js';
import { ROOT } from './cli.js';
import { findingsOf } from '../../src/domain/model/result.js';

/** Reads a file of the repository as text. */
export function readRepoFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** The shipped table, parsed; fails the test when it does not parse. */
export function shippedTable(): Table {
  const result = parseTable(readRepoFile('data/table-17.6.yaml'), 'data/table-17.6.yaml');
  if (!result.ok) throw new Error(JSON.stringify(findingsOf(result)));
  return result.value.table;
}

/** A shipped amendment by id, or one given as YAML text. */
export function amendment(idOrText: string, file = 'amendment.yaml'): Amendment {
  const text = idOrText.includes('\n') ? idOrText : readRepoFile(`data/amendments/${idOrText}.yaml`);
  const result = parseAmendment(text, idOrText.includes('\n') ? file : `data/amendments/${idOrText}.yaml`);
  if (!result.ok) throw new Error(JSON.stringify(findingsOf(result)));
  return result.value;
}

/** The MOC (Secure) amendment's text with `find` replaced by `replace` (which must be present). */
export function editedMocSecure(find: string | RegExp, replace: string): string {
  const text = readRepoFile('data/amendments/mdust-close-moc-secure.yaml');
  const edited = text.replace(find, replace);
  if (edited === text) throw new Error(`the fixture edit found nothing to replace: ${String(find)}`);
  return edited;
}

/** The departments of the shipped data/departments.yaml. */
export function shippedDepartments(): Department[] {
  const read = parseDepartments(readRepoFile('data/departments.yaml'), 'data/departments.yaml');
  if (!read.ok) throw new Error(JSON.stringify(findingsOf(read)));
  return read.value;
}
