import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Department } from '../domain/parse/departments.js';
import { readDepartmentsRecalled, type FileMemo } from '../domain/check/file-rules.js';
import type { Result } from '../domain/model/result.js';
import { displayPath, packageRoot, readText } from '../io/read.js';

/** The departments file's name, beside the table. */
const DEPARTMENTS_NAME = 'departments.yaml';

/**
 * The departments over time: departments.yaml in the data folder (the table's) when there is one,
 * else the copy shipped with mtad (as the templates are), so that a data folder of its own needs
 * no copy. Recalled from `memo`, the cache of `mtad check`, when it holds the file as it is.
 */
export async function readDepartments(cwd: string, dataFolder: string, memo?: FileMemo): Promise<Result<Department[]>> {
  const local = join(dataFolder, DEPARTMENTS_NAME);
  const path = existsSync(local) ? local : join(packageRoot(), 'data', DEPARTMENTS_NAME);
  const shown = displayPath(path, cwd);
  const text = await readText(path, shown);
  if (!text.ok) return text;
  return readDepartmentsRecalled({ file: shown, text: text.value }, memo);
}
