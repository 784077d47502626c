import { parseAmendment, type Amendment } from '../model/amendment.js';
import { checkAmendmentRules } from './amendment-rules.js';
import { checkTableRules } from './table-rules.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { Result } from '../parse/schema-validation.js';
import { contentChecksum, type HashText } from '../history/amendment-lock.js';
import { lazyYamlSource } from '../parse/yaml-source.js';
import { parseTable, type Table, type TableInput } from '../model/table.js';

/*
 * The first stage of `mtad check` looks at one file at a time: parse, schema, normalise, and the
 * rules on the file alone. What it finds depends only on the file's name and text (and on mtad's
 * code), so it can be recorded as plain data and recalled on a later run without parsing: the
 * whole-sequence rules then run over the recalled data as over fresh data.
 */

/** A file's text and how it is named in findings. */
export interface SourceText {
  file: string;
  text: string;
}

/** Whether a file is read as the table or as an amendment. */
export type FileKind = 'table' | 'amendment';

/** An amendment as plain data: what it holds, without its parsed file. */
type AmendmentData = Omit<Amendment, 'origin'>;

/**
 * What the first stage found in one file, as plain data (JSON): the normalised table or amendment
 * when the file passed its schema, and every finding of the file alone, with its position.
 */
export interface FileRecord {
  table?: Table;
  amendment?: AmendmentData;
  /** The checksum of a made amendment's content, to compare it with the lock without parsing. */
  checksum?: string;
  diagnostics: Diagnostic[];
  /** How many of `diagnostics`, from the first, reading the file found; the rest are the rules'. */
  read?: number;
}

/**
 * What earlier runs recorded of files (a cache), and where this run records what it finds. The
 * memo decides what makes a record valid for a file: its name and text, and mtad's code.
 */
export interface FileMemo {
  recall(kind: FileKind, source: SourceText): FileRecord | undefined;
  remember(kind: FileKind, source: SourceText, record: FileRecord): void;
}

/** The first stage for the table: the table when it passed its schema, and the findings. */
export function checkTableFile(source: SourceText, memo?: FileMemo): { value?: TableInput; diagnostics: Diagnostic[] } {
  const known = memo?.recall('table', source);
  if (known)
    return {
      ...(known.table && { value: { table: known.table, source: lazyYamlSource(source.file, source.text) } }),
      diagnostics: known.diagnostics,
    };
  const read = parseTable(source.text, source.file);
  // The rules look at a file that read cleanly: on a broken one they would only echo its error.
  const diagnostics = read.value && read.ok ? [...read.diagnostics, ...checkTableRules(read.value)] : read.diagnostics;
  memo?.remember('table', source, {
    ...(read.value && { table: read.value.table }),
    diagnostics,
    read: read.diagnostics.length,
  });
  return { ...(read.value && { value: read.value }), diagnostics };
}

/**
 * The table as parseTable reads it, with its findings and not the rules': recalled from the memo
 * when it holds the file, so that a command that only reads the table (`mtad show`) need not parse
 * it. Recalling never records: the memo is `mtad check`'s.
 */
export function readTableRecalled(source: SourceText, memo?: FileMemo): Result<TableInput> {
  const known = memo?.recall('table', source);
  if (known?.read === undefined) return parseTable(source.text, source.file);
  const diagnostics = known.diagnostics.slice(0, known.read);
  return {
    ok: diagnostics.length === 0,
    ...(known.table && { value: { table: known.table, source: lazyYamlSource(source.file, source.text) } }),
    diagnostics,
  };
}

/** The first stage for an amendment: the amendment when it passed its schema, and the findings. */
export function checkAmendmentFile(
  source: SourceText,
  hash: HashText,
  memo?: FileMemo,
): { value?: Amendment; diagnostics: Diagnostic[] } {
  const known = memo?.recall('amendment', source);
  if (known) {
    if (!known.amendment) return { diagnostics: known.diagnostics };
    return {
      value: { ...known.amendment, origin: lazyYamlSource(source.file, source.text, known.checksum) },
      diagnostics: known.diagnostics,
    };
  }
  const read = parseAmendment(source.text, source.file);
  const diagnostics =
    read.value && read.ok ? [...read.diagnostics, ...checkAmendmentRules(read.value)] : read.diagnostics;
  if (memo) {
    const { origin, ...data } = read.value ?? {};
    // Only a made amendment is compared with the lock as a rule; any other is compared only when
    // the lock holds it by mistake, and then its file is parsed.
    const checksum = read.value?.status === 'made' ? contentChecksum(read.value, hash) : undefined;
    memo.remember('amendment', source, {
      ...(origin && { amendment: data as AmendmentData }),
      ...(checksum !== undefined && { checksum }),
      diagnostics,
    });
  }
  return { ...(read.value && { value: read.value }), diagnostics };
}
