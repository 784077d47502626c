import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseConclusion, type Conclusion } from '../domain/model/conclusion.js';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import type { Amendment } from '../domain/model/amendment.js';
import { finalAmendment } from '../domain/documents/final-values.js';
import { displayPath, readText } from '../io/read.js';
import { fail, findingsOf, succeed, type Result } from '../domain/model/result.js';

/** The folder of conclusions that goes with a table: conclusions/ beside it. */
export function conclusionsDirOf(tablePath: string): string {
  return join(dirname(tablePath), 'conclusions');
}

/** The conclusion of an amendment's consultation: conclusions/<id>.yaml beside the table. */
export function conclusionPathOf(tablePath: string, id: string): string {
  return join(conclusionsDirOf(tablePath), `${id}.yaml`);
}

/** The conclusion of one amendment as read: the file (as shown), and the conclusion when there is one. */
export interface ConclusionRead {
  /** The file read or looked for, as findings name it. */
  file: string;
  /** The conclusion, when the file exists (none when the default file does not). */
  conclusion?: Conclusion;
}

/**
 * The finding that the file --conclusion names is not there, with how to make one: it is a file to
 * write, not a data folder to check. Undefined when it is there.
 */
export function missingConclusion(cwd: string, tablePath: string, id: string, option: string): Diagnostic | undefined {
  const path = resolve(cwd, option);
  if (existsSync(path)) return undefined;
  const file = displayPath(path, cwd);
  return diagnose(
    'FILE_NOT_FOUND',
    {
      what: `the conclusion file ${file} named by --conclusion`,
      hint:
        `write it first: mtad schema conclusion prints its schema, and examples/conclusions/ holds a fictional ` +
        `example (without --conclusion, mtad reads ${displayPath(conclusionPathOf(tablePath, id), cwd)})`,
    },
    { file },
  );
}

/**
 * Reads the conclusion of amendment `id`: the file `--conclusion` names (it must exist), else
 * conclusions/<id>.yaml beside the table when it exists. A conclusion of another amendment is
 * refused, so that no document is made from the wrong conclusion.
 */
export async function readConclusionOf(
  cwd: string,
  tablePath: string,
  id: string,
  option?: string,
): Promise<Result<ConclusionRead>> {
  const path = option !== undefined ? resolve(cwd, option) : conclusionPathOf(tablePath, id);
  const file = displayPath(path, cwd);
  if (!existsSync(path)) {
    const missing = option === undefined ? undefined : missingConclusion(cwd, tablePath, id, option);
    return missing ? fail([missing]) : succeed({ file });
  }
  const text = await readText(path, file);
  if (!text.ok) return text;
  const read = parseConclusion(text.value, file);
  if (!read.ok) return read;
  if (read.value.amendment !== id)
    return fail([
      diagnose(
        'ARGUMENT_INVALID',
        {
          option: '--conclusion',
          value: file,
          expected: { kind: 'conclusion-of', id, concludes: read.value.amendment },
        },
        read.value.origin.locate(['amendment']),
      ),
    ]);
  return succeed({ file, conclusion: read.value }, read.warnings);
}

/**
 * The amendments as their conclusions made them: each one concluded or made that has a conclusion
 * beside the table takes its final dates and annex from it (what the direction and --write use);
 * the others are as written. A conclusion that does not read is a finding.
 */
export async function withFinalValues(
  amendments: readonly Amendment[],
  cwd: string,
  tablePath: string,
): Promise<{ amendments: Amendment[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const result: Amendment[] = [];
  for (const amendment of amendments) {
    if (amendment.status !== 'concluded' && amendment.status !== 'made') {
      result.push(amendment);
      continue;
    }
    const read = await readConclusionOf(cwd, tablePath, amendment.id);
    diagnostics.push(...findingsOf(read));
    const conclusion = read.ok ? read.value.conclusion : undefined;
    result.push((conclusion && finalAmendment(amendment, conclusion)) ?? amendment);
  }
  return { amendments: result, diagnostics };
}
