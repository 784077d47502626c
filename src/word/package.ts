/**
 * Opening a .docx: the zip, the main document part (named by the package relationships) and its
 * parsed XML. Every failure is a WORD_PACKAGE_UNREADABLE finding.
 */
import type { Document } from '@xmldom/xmldom';
import { diagnose } from '../domain/model/diagnostics.js';
import { fail, succeed, type Failure, type Result } from '../domain/model/result.js';
import { readEntry, readZip, type ZipArchive } from './zip.js';
import { childElements, isStrict, parseXml } from './xml.js';

/** An opened .docx: its zip, the main part's name and its parsed XML. */
export interface OpenedDocx {
  zip: ZipArchive;
  partName: string;
  doc: Document;
}

const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

const unreadable = (reason: string): Failure => fail([diagnose('WORD_PACKAGE_UNREADABLE', { reason })]);

/** Reads a part of the zip as UTF-8 XML. */
function readPart(zip: ZipArchive, name: string): { ok: true; doc: Document } | { ok: false; reason: string } {
  const entry = readEntry(zip, name);
  if (!entry.ok) return entry;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(entry.bytes);
  } catch {
    return { ok: false, reason: `${name} is not UTF-8` };
  }
  const parsed = parseXml(text);
  return parsed.ok ? parsed : { ok: false, reason: `${name} is not well-formed XML: ${parsed.reason}` };
}

/** Opens a .docx's main document part. */
export function openDocx(bytes: Uint8Array): Result<OpenedDocx> {
  const zip = readZip(bytes);
  if (!zip.ok) return unreadable(zip.reason);
  const rels = readPart(zip.zip, '_rels/.rels');
  if (!rels.ok) return unreadable(rels.reason);
  const relation = childElements(rels.doc.documentElement!).find((r) => r.getAttribute('Type') === OFFICE_DOCUMENT);
  const target = relation?.getAttribute('Target');
  if (!target) return unreadable('the package names no main document part');
  const partName = target.replace(/^\//, '');
  const part = readPart(zip.zip, partName);
  if (!part.ok) return unreadable(part.reason);
  if (isStrict(part.doc))
    return unreadable('the document is saved as Strict Open XML; save it as a Word Document (.docx)');
  return succeed({ zip: zip.zip, partName, doc: part.doc });
}
