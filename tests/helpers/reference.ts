import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** The reference consultation, as published by DCC (a verbatim copy kept in the repository). */
export const REFERENCE_TEXT = readFileSync(
  join(ROOT, 'tests/reference/SMETS1_Consultation_MDUST_Close_MOC_Secure.txt'),
  'utf8',
);

/**
 * Attachment 1's direction, word for word: from its heading "MTAD Draft Modification Text" to the
 * end of the document.
 */
export function referenceDirection(): string {
  const start = REFERENCE_TEXT.indexOf('MTAD Draft Modification Text');
  if (start < 0) throw new Error('the reference has no Attachment 1 heading');
  return REFERENCE_TEXT.slice(start).trim();
}
