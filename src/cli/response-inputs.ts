import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkResponseAgainst, checkResponseFile } from '../domain/check/response-rules.js';
import type { ResponseEntry } from '../domain/documents/response-summary.js';
import type { Amendment } from '../domain/model/amendment.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { classifyFile } from '../domain/parse/classify-file.js';
import { listYamlFiles } from '../io/list-files.js';
import { displayPath, readText } from '../io/read.js';
import { findingsOf } from '../domain/model/result.js';

/** The folder of an amendment's responses: `--responses`, else responses/<id>/ beside the table. */
export function responsesFolderOf(cwd: string, tablePath: string, amendment: Amendment, option?: string): string {
  return option !== undefined ? resolve(cwd, option) : join(dirname(tablePath), 'responses', amendment.id);
}

/**
 * The responses to `amendment`'s consultation, each checked as `mtad check` checks a response file
 * and against the amendment. A file in the folder that is no response (the table, when --responses
 * names data/) or answers another of `amendments` is one finding, never counted. A default folder
 * that does not exist holds no response; a folder named by --responses must exist.
 */
export async function readResponseEntries(
  cwd: string,
  folder: string,
  amendment: Amendment,
  options: { named: boolean; amendments: readonly Amendment[] },
): Promise<{ entries: ResponseEntry[]; diagnostics: Diagnostic[] }> {
  const entries: ResponseEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!options.named && !existsSync(folder)) return { entries, diagnostics };
  const listed = await listYamlFiles([folder], cwd);
  if (listed.diagnostics.length > 0) return { entries, diagnostics: listed.diagnostics };
  for (const path of listed.files) {
    const shown = displayPath(path, cwd);
    const text = await readText(path, shown);
    if (!text.ok) {
      diagnostics.push(...findingsOf(text));
      continue;
    }
    // A file that is no response is one finding, not a finding per field a response would have.
    const kind = classifyFile(text.value).kind;
    if (kind !== 'response') {
      const found = kind === 'table' || kind === 'departments' ? kind : 'other';
      diagnostics.push(diagnose('RESPONSE_NOT_FOR_AMENDMENT', { found, amendment: amendment.id }, { file: shown }));
      continue;
    }
    const checked = checkResponseFile({ file: shown, text: text.value });
    diagnostics.push(...checked.findings);
    const response = checked.data;
    if (!response) continue;
    const answered = response.amendment;
    if (answered !== amendment.id && options.amendments.some((a) => a.id === answered)) {
      diagnostics.push(
        diagnose(
          'RESPONSE_NOT_FOR_AMENDMENT',
          { found: 'response', id: answered, amendment: amendment.id },
          response.origin.locate(['amendment']),
        ),
      );
      continue;
    }
    // A response to an amendment that does not exist is a finding, not silently left out.
    diagnostics.push(...checkResponseAgainst(response, [amendment]));
    entries.push({ response, file: shown });
  }
  return { entries, diagnostics };
}
