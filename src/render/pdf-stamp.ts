import { createHash } from 'node:crypto';

/*
 * LibreOffice (7.4, Debian 12's) stamps each PDF with the time of the conversion (/CreationDate in
 * the document information), an /ID in the trailer and a /DocChecksum made from it; it does not
 * read SOURCE_DATE_EPOCH (the versions that do came later). So that a pack is the same bytes on
 * every run and every machine, the three are rewritten in place, each to a text of the same length
 * (the cross-reference table counts bytes): the creation date becomes the instant the Word files
 * are dated by, and the /ID and /DocChecksum a hash of the rest of the file.
 */

const CREATION_DATE = /\/CreationDate\(D:(\d{14})(Z'?|[+-]\d{2}'\d{2}'?)\)/;
const ID = /\/ID \[\s*<([0-9A-F]{32})>\s*<([0-9A-F]{32})>\s*\]/;
const DOC_CHECKSUM = /\/DocChecksum \/([0-9A-F]{32})/;

/** "2022-12-05T00:00:00Z" as a PDF date's digits, "20221205000000". */
const pdfDigits = (instant: string): string =>
  instant
    .replace(/[^0-9]/g, '')
    .slice(0, 14)
    .padEnd(14, '0');

/** The PDF with its creation date set to `created` (UTC) and its /ID and /DocChecksum made from its content. */
export function stampPdf(pdf: Uint8Array, created: string): Uint8Array {
  // latin1 maps each byte to one character and back, so the edits below keep every offset.
  let text = Buffer.from(pdf).toString('latin1');
  text = text.replace(CREATION_DATE, (whole, digits: string) => whole.replace(digits, pdfDigits(created)));
  const blank = (match: string, group: string) => match.replaceAll(group, '0'.repeat(group.length));
  const unstamped = text
    .replace(ID, (whole, first: string, second: string) => blank(blank(whole, first), second))
    .replace(DOC_CHECKSUM, (whole, sum: string) => blank(whole, sum));
  const hash = createHash('sha256').update(unstamped, 'latin1').digest('hex').toUpperCase();
  text = unstamped
    .replace(ID, (whole) => whole.replaceAll('0'.repeat(32), hash.slice(0, 32)))
    .replace(DOC_CHECKSUM, (whole) => whole.replace('0'.repeat(32), hash.slice(32, 64)));
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
