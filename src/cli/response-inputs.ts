import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkResponseAgainst, checkResponseFile } from '../domain/check/response-rules.js';
import type { ResponseEntry } from '../domain/documents/response-summary.js';
import type { Amendment } from '../domain/model/amendment.js';
import type { Diagnostic } from '../domain/model/diagnostics.js';
import { listYamlFiles } from '../io/list-files.js';
import { displayPath, readText } from '../io/read.js';

/** The folder of an amendment's responses: `--responses`, else responses/<id>/ beside the table. */
export function responsesFolderOf(cwd: string, tablePath: string, amendment: Amendment, option?: string): string {
  return option !== undefined ? resolve(cwd, option) : join(dirname(tablePath), 'responses', amendment.id);
}

/**
 * The responses to `amendment`'s consultation, each checked as `mtad check` checks a response file
 * (and against the amendment: a file of another amendment in the folder is a finding). A default
 * folder that does not exist holds no response; a folder named by --responses must exist.
 */
export async function readResponseEntries(
  cwd: string,
  folder: string,
  amendment: Amendment,
  named: boolean,
): Promise<{ entries: ResponseEntry[]; diagnostics: Diagnostic[] }> {
  const entries: ResponseEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!named && !existsSync(folder)) return { entries, diagnostics };
  const listed = await listYamlFiles([folder], cwd);
  if (listed.diagnostics.length > 0) return { entries, diagnostics: listed.diagnostics };
  for (const path of listed.files) {
    const shown = displayPath(path, cwd);
    const text = await readText(path, shown);
    if (text.value === undefined) {
      diagnostics.push(...text.diagnostics);
      continue;
    }
    const checked = checkResponseFile({ file: shown, text: text.value });
    diagnostics.push(...checked.diagnostics);
    if (!checked.value) continue;
    diagnostics.push(...checkResponseAgainst(checked.value, [amendment]));
    entries.push({ response: checked.value, file: shown });
  }
  return { entries, diagnostics };
}
