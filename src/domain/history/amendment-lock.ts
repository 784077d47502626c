import canonicalize from 'canonicalize';
import * as z from '../parse/zod.js';
import type { Amendment } from '../model/amendment.js';
import { diagnose, type ChangedField, type Diagnostic, type Location } from '../model/diagnostics.js';
import { parseYaml, type YamlPath, type YamlSource } from '../parse/yaml-source.js';
import { succeed, type Result } from '../model/result.js';
import { validateWithSchema } from '../parse/schema-validation.js';
import { lazy } from '../parse/lazy.js';

/*
 * A made (directed) amendment is immutable, as an applied database migration is: mtad records a
 * checksum of its content in a lock file (data/amendments.lock), and `mtad check` reports any later
 * edit, naming the fields that changed. The content is the data the file holds, not its bytes:
 * comments, layout and key order may change; a value may not.
 */

/** A hash of a text as lowercase hex (SHA-256 in mtad). Passed in, so that this module stays pure. */
export type HashText = (text: string) => string;

/** One made amendment as recorded: its checksum, and one per field so that a change can be named. */
export interface LockEntry {
  id: string;
  /** The hash of the whole content, in canonical JSON. */
  checksum: string;
  /** For each field (a path such as `changes[0].to`), a short hash of its value. */
  fields: Record<string, string>;
}

/** The lock file: every made amendment mtad has recorded, in the order recorded. */
export interface AmendmentLock {
  version: 1;
  algorithm: 'sha256';
  amendments: LockEntry[];
  /** The corrections recorded (mtad correct), in the order recorded; absent when there is none. */
  corrections?: LockEntry[];
}

/** What the lock records of a file: its id and its parsed content (an amendment, a correction). */
type Recorded = Pick<Amendment, 'id' | 'origin'>;

/** The lock of made amendments is this file, beside the table. */
export const LOCK_FILE_NAME = 'amendments.lock';

export const EMPTY_LOCK: AmendmentLock = { version: 1, algorithm: 'sha256', amendments: [] };

/** The length of a field's hash: enough to tell an edit, short enough to keep the lock readable. */
const FIELD_HASH_LENGTH = 16;

const lockEntrySchema = (what: string) =>
  z.strictObject({
    id: z.string().check(z.minLength(1), z.describe(`The id of ${what}.`)),
    checksum: z
      .string()
      .check(z.regex(/^[0-9a-f]{64}$/), z.describe("The SHA-256 of the file's content in canonical JSON.")),
    fields: z
      .record(z.string(), z.string().check(z.regex(/^[0-9a-f]+$/)))
      .check(z.describe("A short hash of each field's value, by path.")),
  });

/** The schema of the lock file. */
const lockFileSchema = lazy(() =>
  z
    .strictObject({
      version: z.literal(1).check(z.describe('The version of the lock file format: 1.')),
      algorithm: z.literal('sha256').check(z.describe('The hash function of the checksums.')),
      amendments: z
        .array(lockEntrySchema('a made amendment'))
        .check(z.describe('The made amendments, in the order recorded.')),
      corrections: z.optional(
        z
          .array(lockEntrySchema('a correction (mtad correct)'))
          .check(z.describe('The corrections of values, in the order recorded.')),
      ),
    })
    .check(z.describe('The made amendments of Table 17.6, as mtad recorded them. Maintained by mtad.')),
);

/**
 * The JSON Canonicalization Scheme (RFC 8785): keys sorted, no spaces, numbers as JavaScript
 * writes them. The content it hashes is schema-checked data (text, finite numbers, lists and
 * mappings), so it never meets what the scheme refuses (NaN, a lone surrogate).
 */
function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

/** Every leaf of `value` with its YAML path; an empty list or mapping is a leaf too. */
function leavesOf(value: unknown, path: YamlPath = []): [YamlPath, unknown][] {
  if (Array.isArray(value) && value.length > 0) return value.flatMap((item, index) => leavesOf(item, [...path, index]));
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    return Object.keys(value)
      .sort()
      .flatMap((key) => leavesOf((value as Record<string, unknown>)[key], [...path, key]));
  }
  return [[path, value]];
}

/** `changes[0].to` for the path ['changes', 0, 'to']. */
export function formatFieldPath(path: YamlPath): string {
  return (
    path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('') ||
    '(the whole file)'
  );
}

/** The content of an amendment as mtad checksums it: the data its file holds. */
function contentOf(amendment: Recorded): unknown {
  return amendment.origin.document.toJS();
}

/** The checksum of an amendment's content as it is now (recorded in a cache, or computed). */
export function contentChecksum(amendment: Recorded, hash: HashText): string {
  return amendment.origin.contentChecksum ?? hash(canonicalJson(contentOf(amendment)));
}

/** The lock entry of an amendment as it is now. */
export function fingerprintAmendment(amendment: Recorded, hash: HashText): LockEntry {
  const content = contentOf(amendment);
  const fields: Record<string, string> = {};
  for (const [path, value] of leavesOf(content))
    fields[formatFieldPath(path)] = hash(canonicalJson(value)).slice(0, FIELD_HASH_LENGTH);
  return { id: amendment.id, checksum: hash(canonicalJson(content)), fields };
}

/**
 * The lock with every made amendment that it does not yet record added, in the order given.
 * A recorded entry is never rewritten: that would bless an edit to a made amendment. (A value it
 * recorded as unknown is stated by a correction, `mtad correct`, which the lock records apart.)
 */
export function recordMadeAmendments(
  lock: AmendmentLock,
  amendments: readonly Amendment[],
  hash: HashText,
): AmendmentLock {
  const recorded = new Set(lock.amendments.map((entry) => entry.id));
  const added = amendments
    .filter((a) => a.status === 'made' && !recorded.has(a.id))
    .map((a) => fingerprintAmendment(a, hash));
  const unique = added.filter((entry, i) => added.findIndex((other) => other.id === entry.id) === i);
  return { ...lock, amendments: [...lock.amendments, ...unique] };
}

/** Where the lock is, to point findings at it. */
export interface LockOrigin {
  /** How the lock file is named in messages. */
  file: string;
  /** The file:line:column of an entry, when the lock was read from a file. */
  locateEntry?: (id: string) => Location;
}

/**
 * The findings of comparing the amendments with the lock: a recorded amendment whose content
 * changed (naming the fields), a made amendment not recorded, a recorded one that has gone.
 */
export function checkLock(
  lock: AmendmentLock,
  amendments: readonly Amendment[],
  hash: HashText,
  origin: LockOrigin,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(lock.amendments.map((entry) => [entry.id, entry]));
  for (const amendment of amendments) {
    const entry = byId.get(amendment.id);
    if (!entry) {
      if (amendment.status === 'made')
        diagnostics.push(
          diagnose('LOCK_MISSING', { id: amendment.id, lockFile: origin.file }, amendment.origin.locate(['status'])),
        );
      continue;
    }
    if (contentChecksum(amendment, hash) === entry.checksum) continue;
    const now = fingerprintAmendment(amendment, hash);
    const changed = changedFields(entry.fields, now.fields);
    const first = leavesOf(contentOf(amendment)).find(([path]) => changed.paths.includes(formatFieldPath(path)));
    diagnostics.push(
      diagnose(
        'LOCK_MISMATCH',
        { id: amendment.id, fields: changed.fields, lockFile: origin.file },
        amendment.origin.locate(first?.[0] ?? ['id']),
      ),
    );
  }
  const present = new Set(amendments.map((a) => a.id));
  for (const entry of lock.amendments) {
    if (!present.has(entry.id))
      diagnostics.push(
        diagnose('LOCK_STALE', { id: entry.id }, origin.locateEntry?.(entry.id) ?? { file: origin.file }),
      );
  }
  return diagnostics;
}

/** The lock with a correction recorded after the others. */
export function recordCorrection(lock: AmendmentLock, correction: Recorded, hash: HashText): AmendmentLock {
  return { ...lock, corrections: [...(lock.corrections ?? []), fingerprintAmendment(correction, hash)] };
}

/**
 * The findings of comparing the corrections with the lock, as checkLock does for made amendments:
 * a correction is recorded when it is written, so one the lock does not record was written by hand.
 */
export function checkCorrectionLock(
  lock: AmendmentLock,
  corrections: readonly Recorded[],
  hash: HashText,
  origin: LockOrigin,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const entries = lock.corrections ?? [];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const correction of corrections) {
    const entry = byId.get(correction.id);
    if (!entry) {
      diagnostics.push(
        diagnose(
          'LOCK_MISSING',
          { id: correction.id, lockFile: origin.file, record: 'correction' },
          correction.origin.locate(['id']),
        ),
      );
      continue;
    }
    if (contentChecksum(correction, hash) === entry.checksum) continue;
    const changed = changedFields(entry.fields, fingerprintAmendment(correction, hash).fields);
    const first = leavesOf(contentOf(correction)).find(([path]) => changed.paths.includes(formatFieldPath(path)));
    diagnostics.push(
      diagnose(
        'LOCK_MISMATCH',
        { id: correction.id, fields: changed.fields, lockFile: origin.file, record: 'correction' },
        correction.origin.locate(first?.[0] ?? ['id']),
      ),
    );
  }
  const present = new Set(corrections.map((c) => c.id));
  for (const entry of entries)
    if (!present.has(entry.id))
      diagnostics.push(diagnose('LOCK_STALE', { id: entry.id, record: 'correction' }, { file: origin.file }));
  return diagnostics;
}

function changedFields(
  recorded: Record<string, string>,
  now: Record<string, string>,
): { paths: string[]; fields: ChangedField[] } {
  const paths = [...new Set([...Object.keys(recorded), ...Object.keys(now)])].filter(
    (path) => recorded[path] !== now[path],
  );
  const how = (path: string): ChangedField['how'] =>
    !(path in recorded) ? 'added' : !(path in now) ? 'removed' : 'changed';
  // No field differs but the checksum does only if the lock itself was edited: the list is then empty.
  return { paths, fields: paths.map((path) => ({ path, how: how(path) })) };
}

/** A lock read from its file, with the parsed file to point at its entries. */
export interface LockInput {
  lock: AmendmentLock;
  source: YamlSource;
}

/** Reads the lock file: parse, check against its schema. */
export function parseLock(text: string, file: string): Result<LockInput> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const checked = validateWithSchema(lockFileSchema(), parsed.value.data, parsed.value.source);
  if (!checked.ok) return checked;
  return succeed({ lock: checked.value as AmendmentLock, source: parsed.value.source });
}

/** Where an entry of a parsed lock is written. */
export function locateLockEntry(input: LockInput): (id: string) => Location {
  return (id) => {
    const index = input.lock.amendments.findIndex((entry) => entry.id === id);
    return input.source.locate(['amendments', Math.max(index, 0), 'id']);
  };
}

/**
 * The lock file's text: YAML, with a header that says what it is. Hashes are quoted: YAML would read "1e5..." as a
 * number.
 */
export function serialiseLock(lock: AmendmentLock): string {
  const lines = [
    '# The made (directed) amendments of Table 17.6, as mtad recorded them. A made amendment must not',
    '# change: `mtad check` compares each with its checksum here and names the fields that changed.',
    '# Maintained by mtad: `mtad check --update-lock` records amendments newly made. Do not edit by hand.',
    `version: ${lock.version}`,
    `algorithm: ${lock.algorithm}`,
    lock.amendments.length === 0 ? 'amendments: []' : 'amendments:',
  ];
  const entries = (list: readonly LockEntry[]) => {
    for (const entry of list) {
      lines.push(`  - id: ${JSON.stringify(entry.id)}`, `    checksum: "${entry.checksum}"`, '    fields:');
      for (const [path, hash] of Object.entries(entry.fields)) lines.push(`      ${JSON.stringify(path)}: "${hash}"`);
    }
  };
  entries(lock.amendments);
  // Written only when there is one, so that a lock without corrections keeps its text.
  if (lock.corrections !== undefined && lock.corrections.length > 0) {
    lines.push('corrections:');
    entries(lock.corrections);
  }
  return `${lines.join('\n')}\n`;
}
