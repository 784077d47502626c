/**
 * A Word document's properties, for sourcing values read from it: the core properties
 * (docProps/core.xml: title, version, revision, modified...) and the custom ones
 * (docProps/custom.xml), as the document states them.
 */
import { diagnose } from '../domain/model/diagnostics.js';
import { fail, succeed, type Failure, type Result } from '../domain/model/result.js';
import { readEntry, readZip, type ZipArchive } from './zip.js';
import { childElements, parseXml } from './xml.js';

/** The properties a .docx states; a part the package lacks gives an empty record. */
export interface DocumentProperties {
  /** Core properties by local name: `title`, `version`, `revision`, `modified`, `lastModifiedBy`... */
  core: Record<string, string>;
  /** Custom properties by name, each value as written. */
  custom: Record<string, string>;
}

/** The elements of a part's root, or undefined when the package has no such part. */
function rootChildren(
  zip: ZipArchive,
  name: string,
): { ok: true; children: ReturnType<typeof childElements> } | { ok: false; reason: string } {
  if (!zip.entries.some((e) => e.name === name)) return { ok: true, children: [] };
  const entry = readEntry(zip, name);
  if (!entry.ok) return entry;
  const parsed = parseXml(new TextDecoder().decode(entry.bytes));
  if (!parsed.ok) return { ok: false, reason: `${name} is not well-formed XML: ${parsed.reason}` };
  return { ok: true, children: childElements(parsed.doc.documentElement!) };
}

/** Reads a .docx's core and custom properties (never throws). */
export function readDocumentProperties(docxBytes: Uint8Array): Result<DocumentProperties> {
  const unreadable = (reason: string): Failure => fail([diagnose('WORD_PACKAGE_UNREADABLE', { reason })]);
  const zip = readZip(docxBytes);
  if (!zip.ok) return unreadable(zip.reason);
  const core = rootChildren(zip.zip, 'docProps/core.xml');
  if (!core.ok) return unreadable(core.reason);
  const custom = rootChildren(zip.zip, 'docProps/custom.xml');
  if (!custom.ok) return unreadable(custom.reason);
  const properties: DocumentProperties = { core: {}, custom: {} };
  for (const element of core.children) properties.core[element.localName ?? ''] = (element.textContent ?? '').trim();
  for (const element of custom.children) {
    const name = element.getAttribute('name');
    if (name) properties.custom[name] = (element.textContent ?? '').trim();
  }
  return succeed(properties);
}

/**
 * The document's version as it states it: the core `version` property, else a custom property
 * named "Version" (any case), else undefined (the user then gives it).
 */
export function documentVersion(properties: DocumentProperties): string | undefined {
  const core = properties.core['version'];
  if (core) return core;
  const custom = Object.entries(properties.custom).find(([name]) => name.trim().toLowerCase() === 'version');
  return custom?.[1] || undefined;
}
