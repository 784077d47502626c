import { declaredId } from '../model/amendment.js';

/**
 * What a data file is, read off its top-level keys without parsing it: a table names its cohorts
 * (or its asAt, or what it has applied); a response names its respondent, a conclusion its decision, the departments
 * file its departments; any other file is taken for an amendment, with the id it declares on its own line when it
 * declares one plainly. Deciding before parsing lets `mtad check`
 * pick the table among the files it is given even when one of them does not parse.
 */
export type FileKind =
  | { kind: 'table' }
  | { kind: 'response' }
  | { kind: 'conclusion' }
  | { kind: 'departments' }
  | { kind: 'correction' }
  | { kind: 'amendment'; id: string | undefined };

export function classifyFile(text: string): FileKind {
  if (/^(?:cohorts|asAt|applied)\s*:/m.test(text)) return { kind: 'table' };
  if (/^respondent\s*:/m.test(text)) return { kind: 'response' };
  // No other file has a top-level decision (an amendment's dates sit under consultation:).
  if (/^decision\s*:/m.test(text)) return { kind: 'conclusion' };
  if (/^departments\s*:/m.test(text)) return { kind: 'departments' };
  if (/^kind\s*:\s*["']?correction["']?\s*$/m.test(text)) return { kind: 'correction' };
  return { kind: 'amendment', id: declaredId(text) };
}
