import { readAmendment, type Amendment } from '../model/amendment.js';
import { checkAmendmentRules } from './amendment-rules.js';
import { checkTableRules } from './table-rules.js';
import { hasErrors, type Diagnostic } from '../model/diagnostics.js';
import {
  contentChecksum,
  parseLock,
  type AmendmentLock,
  type HashText,
  type LockInput,
} from '../history/amendment-lock.js';
import { lazyYamlSource } from '../parse/yaml-source.js';
import { parseTable, readTable, type Table, type TableInput } from '../model/table.js';
import { fail, findingsOf, fromFindings, type FileReading, type Result } from '../model/result.js';
import { parseNarrative, type Narrative } from '../parse/narrative-source.js';
import { parseDepartments, type Department } from '../parse/departments.js';

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

/**
 * What each file read whole and as it is (no rule of its own runs on it) gives, as plain data: the
 * rest of its reading (its text, the parsed file to point at) is made again from the file's text.
 */
interface ReadAsItIs {
  lock: AmendmentLock;
  narrative: Pick<Narrative, 'frontMatter' | 'bodyOffset'>;
  departments: Department[];
}

/** How a file is read: as the table, an amendment, or one of the files read as they are. */
export type FileKind = 'table' | 'amendment' | keyof ReadAsItIs;

/** An amendment as plain data: what it holds, without its parsed file. */
type AmendmentData = Omit<Amendment, 'origin'>;

/**
 * What the first stage found in one file, as plain data (JSON): the normalised table or amendment
 * when the file passed its schema (or, for a file read as it is, what it gave under its kind), and
 * every finding of the file alone, with its position.
 */
export interface FileRecord extends Partial<ReadAsItIs> {
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
export function checkTableFile(source: SourceText, memo?: FileMemo): FileReading<TableInput> {
  const known = memo?.recall('table', source);
  if (known)
    return {
      ...(known.table && { data: { table: known.table, source: lazyYamlSource(source.file, source.text) } }),
      findings: known.diagnostics,
    };
  const read = readTable(source.text, source.file);
  // The rules look at a file that read cleanly: on a broken one they would only echo its error.
  const diagnostics =
    read.data && !hasErrors(read.findings) ? [...read.findings, ...checkTableRules(read.data)] : [...read.findings];
  memo?.remember('table', source, {
    ...(read.data && { table: read.data.table }),
    diagnostics,
    read: read.findings.length,
  });
  return { ...(read.data && { data: read.data }), findings: diagnostics };
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
  return known.table
    ? fromFindings({ table: known.table, source: lazyYamlSource(source.file, source.text) }, diagnostics)
    : fail(diagnostics);
}

/** The first stage for an amendment: the amendment when it passed its schema, and the findings. */
export function checkAmendmentFile(source: SourceText, hash: HashText, memo?: FileMemo): FileReading<Amendment> {
  const known = memo?.recall('amendment', source);
  if (known) {
    if (!known.amendment) return { findings: known.diagnostics };
    return {
      data: { ...known.amendment, origin: lazyYamlSource(source.file, source.text, known.checksum) },
      findings: known.diagnostics,
    };
  }
  const read = readAmendment(source.text, source.file);
  const diagnostics =
    read.data && !hasErrors(read.findings) ? [...read.findings, ...checkAmendmentRules(read.data)] : [...read.findings];
  if (memo) {
    const { origin, ...data } = read.data ?? {};
    // Only a made amendment is compared with the lock as a rule; any other is compared only when
    // the lock holds it by mistake, and then its file is parsed.
    const checksum = read.data?.status === 'made' ? contentChecksum(read.data, hash) : undefined;
    memo.remember('amendment', source, {
      ...(origin && { amendment: data as AmendmentData }),
      ...(checksum !== undefined && { checksum }),
      diagnostics,
    });
  }
  return { ...(read.data && { data: read.data }), findings: diagnostics };
}

/**
 * A file read as it is, recalled from the memo when it holds the file: the same result as reading
 * it, its findings (errors and warnings, in their order) and its value, rebuilt from what the
 * record holds by `restore`. Read and recorded otherwise.
 */
function readAsItIs<K extends keyof ReadAsItIs, T>(
  kind: K,
  source: SourceText,
  memo: FileMemo | undefined,
  how: { read: () => Result<T>; keep: (value: T) => ReadAsItIs[K]; restore: (kept: ReadAsItIs[K]) => T },
): Result<T> {
  const known = memo?.recall(kind, source);
  // Seen as what it may hold of each kind, the record gives this kind's value typed as such.
  const values: Partial<ReadAsItIs> | undefined = known;
  const value = values?.[kind];
  // A record without a value holds the errors that stopped the reading; one with neither is not one
  // this code wrote, and the file is read.
  if (known && value !== undefined) return fromFindings(how.restore(value), known.diagnostics);
  if (known && hasErrors(known.diagnostics)) return fail(known.diagnostics);
  const read = how.read();
  const kept: Partial<ReadAsItIs> = {};
  if (read.ok) kept[kind] = how.keep(read.value);
  memo?.remember(kind, source, { ...kept, diagnostics: findingsOf(read) });
  return read;
}

/** The lock of made amendments as parseLock reads it, recalled from the memo when it holds the file. */
export function readLockRecalled(source: SourceText, memo?: FileMemo): Result<LockInput> {
  return readAsItIs('lock', source, memo, {
    read: () => parseLock(source.text, source.file),
    keep: (input) => input.lock,
    restore: (lock) => ({ lock, source: lazyYamlSource(source.file, source.text) }),
  });
}

/** A consultation's narrative as parseNarrative reads it, recalled from the memo when it holds the file. */
export function readNarrativeRecalled(source: SourceText, memo?: FileMemo): Result<Narrative> {
  return readAsItIs('narrative', source, memo, {
    read: () => parseNarrative(source.text, source.file),
    keep: ({ frontMatter, bodyOffset }) => ({ frontMatter, bodyOffset }),
    restore: ({ frontMatter, bodyOffset }) => ({
      file: source.file,
      text: source.text,
      frontMatter,
      body: source.text.slice(bodyOffset),
      bodyOffset,
    }),
  });
}

/** The departments file as parseDepartments reads it, recalled from the memo when it holds the file. */
export function readDepartmentsRecalled(source: SourceText, memo?: FileMemo): Result<Department[]> {
  return readAsItIs('departments', source, memo, {
    read: () => parseDepartments(source.text, source.file),
    keep: (departments) => departments,
    restore: (departments) => departments,
  });
}
