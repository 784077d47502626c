import {
  CST,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  parseDocument,
  type Document,
  type ErrorCode,
  type Node,
  type Scalar,
  type ScalarTag,
} from 'yaml';
import { diagnose, type Diagnostic, type Location } from '../model/diagnostics.js';
import { fail, findingsOf, succeed, type Result } from '../model/result.js';
import { codePointOf, LINE_BREAK, positionAt } from '../model/text.js';

/** A YAML path: keys and list indexes from the document root. */
export type YamlPath = readonly (string | number)[];

/** How many nodes aliases may expand to before a file is refused (an "alias bomb"). */
const MAX_ALIAS_COUNT = 1000;

/** How deep lists and mappings may nest: a table or an amendment nests five levels. */
export const MAX_DEPTH = 64;

/** How many items one list or mapping may hold: the largest table benchmarked has 10,000 rows. */
export const MAX_ITEMS = 20_000;

/**
 * How many structural findings of one file are reported. A hostile file can hold thousands; the
 * first ones say what is wrong, and listing every one would take longer than reading the file.
 */
const MAX_FINDINGS = 100;

/**
 * Characters refused in any text: C0 and C1 controls (but tab and line breaks), DEL, lone
 * surrogates and the non-characters U+FFFE and U+FFFF. A terminal obeys the controls (an escape
 * sequence in a cohort name could rewrite the screen) and XML 1.0 forbids them (a Word file
 * holding one does not open).
 */
export const FORBIDDEN_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A key JavaScript readers may take for an object's prototype, refused wherever it appears. */
const FORBIDDEN_KEY = '__proto__';

/** A parsed YAML file: its document (kept for writing back with comments) and its positions. */
export interface YamlSource {
  file: string;
  text: string;
  readonly document: Document;
  /** The file:line:column of the node at `path`, or of its nearest ancestor that exists. */
  locate(path: YamlPath): Location;
  /** The file:line:column of the key `key` of the mapping at `path`. */
  locateKey(path: YamlPath, key: string): Location;
  /**
   * The checksum of the data the file holds (as the lock of made amendments computes it), when a
   * cache recorded it: comparing an amendment with the lock then needs no parse.
   */
  readonly contentChecksum?: string;
}

/** A well-formed YAML file: its source and its plain data. */
export interface ParsedYaml {
  source: YamlSource;
  data: unknown;
}

function nodeAt(document: Document, path: YamlPath): Node | undefined {
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  return isNode(node) ? node : undefined;
}

/**
 * The tag that marks a value a person must still decide (`issued: !todo 2023-03-01`): a proposal
 * written by `mtad new` or `mtad revert`. The value reads as it would untagged, so the rest of the
 * file can still be checked; the tag itself is reported until a person removes it.
 */
export const TODO_TAG = '!todo';

const todoTag: ScalarTag = {
  tag: TODO_TAG,
  resolve: (value: string) => (/^-?\d+$/.test(value) ? Number(value) : value),
};

/** The paths of every value tagged `!todo`, in document order. */
export function todoPaths(document: Document): YamlPath[] {
  const paths: YamlPath[] = [];
  const walk = (node: unknown, path: YamlPath): void => {
    if (isNode(node) && node.tag === TODO_TAG) paths.push(path);
    if (isMap(node))
      for (const pair of node.items)
        walk(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)]);
    else if (isSeq(node)) node.items.forEach((item, index) => walk(item, [...path, index]));
  };
  walk(document.contents, []);
  return paths;
}

/**
 * Calls `visit` with every text value of the document and its path, in document order (keys that
 * are not plain scalars are skipped: checkStructure refuses them).
 */
export function eachTextValue(document: Document, visit: (node: Scalar<string>, path: YamlPath) => void): void {
  const walk = (node: unknown, path: YamlPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    } else if (isScalar(node) && typeof node.value === 'string') visit(node as Scalar<string>, path);
  };
  walk(document.contents, []);
}

/** A value the document shares through YAML: an anchor, an alias of one, or a merge key. */
export interface SharedValue {
  path: YamlPath;
  kind: 'anchor' | 'alias' | 'merge key';
  name: string;
}

/**
 * Every anchor (`&name`), alias (`*name`) and merge key (`<<`) of a document, in document order.
 * Called on documents checkStructure passed, so the recursion is at most MAX_DEPTH deep.
 */
export function sharedValues(document: Document): SharedValue[] {
  const found: SharedValue[] = [];
  const walk = (node: unknown, path: YamlPath): void => {
    if (isAlias(node)) {
      found.push({ path, kind: 'alias', name: node.source });
      return;
    }
    if (isNode(node) && node.anchor) found.push({ path, kind: 'anchor', name: node.anchor });
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (key === '<<') found.push({ path: [...path, key], kind: 'merge key', name: key });
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((item, index) => walk(item, [...path, index]));
  };
  walk(document.contents, []);
  return found;
}

/** The parsed document of `text`, with the line counter that turns its offsets into positions. */
function parseText(text: string): { document: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  // Duplicate keys are found by checkStructure, in linear time (the parser's own check is
  // quadratic); logLevel 'error' keeps the yaml library from printing warnings on standard error.
  const document = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    logLevel: 'error',
    prettyErrors: false,
    keepSourceTokens: false,
    customTags: [todoTag],
  });
  return { document, lineCounter };
}

/** The source of `text` as `parse` gives it, parsed when first needed. */
function sourceOf(
  file: string,
  text: string,
  parse: () => { document: Document; lineCounter: LineCounter },
  contentChecksum?: string,
): YamlSource {
  let parsed: { document: Document; lineCounter: LineCounter } | undefined;
  const get = () => (parsed ??= parse());
  const position = (offset: number | undefined): Location => {
    if (offset === undefined) return { file };
    const { line, col } = get().lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const locate = (path: YamlPath): Location => {
    const { document } = get();
    for (let depth = path.length; depth >= 0; depth--) {
      const node = nodeAt(document, path.slice(0, depth));
      if (node?.range) return { ...position(node.range[0]), path };
    }
    return { file, line: 1, column: 1, path };
  };
  const locateKey = (path: YamlPath, key: string): Location => {
    const map = nodeAt(get().document, path);
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
          return { ...position(pair.key.range[0]), path: [...path, key] };
        }
      }
    }
    return locate([...path, key]);
  };
  return {
    file,
    text,
    get document() {
      return get().document;
    },
    locate,
    locateKey,
    ...(contentChecksum !== undefined && { contentChecksum }),
  };
}

/**
 * The source of a file that parsed cleanly before (its data came from a cache): nothing is parsed
 * until a rule asks for the document or a position.
 */
export function lazyYamlSource(file: string, text: string, contentChecksum?: string): YamlSource {
  return sourceOf(file, text, () => parseText(text), contentChecksum);
}

/**
 * What parsing a text gave, kept to be handed out again: the findings that refused it, or its
 * document, positions and data. Nothing kept is ever handed out: every caller gets copies.
 */
type KeptParse =
  | { ok: false; findings: readonly Diagnostic[] }
  | { ok: true; parsed: { document: Document; lineCounter: LineCounter }; data: unknown };

/**
 * The same files are parsed again and again in one process: every command's check of the files
 * and its reading of them, and a process that runs several commands (the programmatic API, the
 * tests). The result depends on the text and the file's name alone, so it is kept, keyed by both.
 * The latest texts are kept, up to MAX_KEPT_TOTAL characters of them: mtad's files are a few
 * kilobytes (the shipped data, 12 KB in all). What is kept takes far more memory than its text: a
 * parsed document and its data held about 47 times the text's size (four names of one 256 KB text
 * kept 47 MB), so the bound is on the text, small, and a text over MAX_KEPT_TEXT is never kept.
 */
const kept = new Map<string, KeptParse>();
const MAX_KEPT_TEXT = 64 * 1024;
const MAX_KEPT_TOTAL = 256 * 1024;
let keptTotal = 0;

/** The key of `text` read from `file`: the name's length first, so that no two pairs share one. */
const keyOf = (text: string, file: string): string => `${file.length}:${file}${text}`;

/** Copies of what was kept, so that no caller can change what the next one is given. */
function handOut(entry: KeptParse, file: string, text: string): Result<ParsedYaml> {
  if (!entry.ok) return fail(structuredClone(entry.findings));
  const { document, lineCounter } = entry.parsed;
  // The document is copied when a caller first asks for it (a rule, a position, a write-back).
  const copy = () => {
    const counter = new LineCounter();
    counter.lineStarts = [...lineCounter.lineStarts];
    return { document: document.clone(), lineCounter: counter };
  };
  return succeed({ source: sourceOf(file, text, copy), data: structuredClone(entry.data) });
}

/** Parses `text` as YAML 1.2 (dates stay strings), reporting every problem with its position. */
export function parseYaml(text: string, file: string): Result<ParsedYaml> {
  if (text.length > MAX_KEPT_TEXT) {
    const entry = parseEntry(text, file);
    return entry.ok
      ? succeed({ source: sourceOf(file, text, () => entry.parsed), data: entry.data })
      : fail(entry.findings);
  }
  const key = keyOf(text, file);
  let entry = kept.get(key);
  if (entry) kept.delete(key);
  else {
    entry = parseEntry(text, file);
    keptTotal += key.length;
    for (const [oldest] of kept) {
      if (keptTotal <= MAX_KEPT_TOTAL) break;
      kept.delete(oldest);
      keptTotal -= oldest.length;
    }
  }
  // The latest used is the last evicted.
  kept.set(key, entry);
  return handOut(entry, file, text);
}

/** What parsing `text` gives: the findings that refuse it, or its document, positions and data. */
function parseEntry(text: string, file: string): KeptParse {
  const result = parseYamlOnce(text, file);
  return result.ok
    ? { ok: true, parsed: result.value.parsed, data: result.value.data }
    : { ok: false, findings: findingsOf(result) };
}

/** Parses `text`: the work parseYaml keeps the result of. */
function parseYamlOnce(
  text: string,
  file: string,
): Result<{ parsed: { document: Document; lineCounter: LineCounter }; data: unknown }> {
  // Deep nesting ([[[[..., - - - -..., or ever deeper indentation) is refused before parsing: the
  // parser takes seconds and hundreds of megabytes over a megabyte of it.
  const deep = deepFlowOffset(text) ?? deepBlockOffset(text);
  if (deep !== undefined)
    return fail([diagnose('YAML_SYNTAX', { reason: TOO_DEEP }, { file, ...positionAt(text, deep) })]);
  // So is a block list of far more than MAX_ITEMS entries (a 150,000-line list takes the parser
  // seconds): checkStructure would refuse it after parsing, at the same place, with the same count.
  const long = longBlockList(text);
  if (long !== undefined) {
    const args = { items: long.items, limit: MAX_ITEMS };
    return fail([diagnose('YAML_SIZE_LIMIT', args, { file, ...positionAt(text, long.offset) })]);
  }

  const parsed = parseText(text);
  const { document, lineCounter } = parsed;
  const position = (offset: number | undefined): Location => {
    if (offset === undefined) return { file };
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  // The first error alone: after it, the parser's findings are mostly echoes of it. A warning (an
  // unknown tag such as !!js/function, read as if untagged) is an error here: mtad reads plain data.
  const [problem] = [...document.errors, ...document.warnings];
  if (problem) {
    const reason = describeYamlError(problem.code, problem.message);
    return fail([diagnose('YAML_SYNTAX', { reason }, position(problem.pos[0]))]);
  }
  if (document.contents === null) return fail([diagnose('FILE_EMPTY', {}, { file, line: 1, column: 1 })]);
  const structural = checkStructure(document.contents, position);
  if (structural.length > 0) return fail(structural);

  try {
    return succeed({ parsed, data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) });
  } catch (error) {
    // The yaml library raises a ReferenceError from resolving an alias, and from nothing else
    // (tests/unit/library-contracts.test.ts pins it); checkStructure has bounded the aliases already.
    if (error instanceof ReferenceError) {
      return fail([diagnose('YAML_ALIAS_LIMIT', { limit: MAX_ALIAS_COUNT }, { file, line: 1, column: 1 })]);
    }
    throw error;
  }
}

const TOO_DEEP = `lists and mappings are nested more than ${MAX_DEPTH} levels deep`;

/** The offset of the first flow collection nested deeper than MAX_DEPTH, if any. */
function deepFlowOffset(text: string): number | undefined {
  let brackets = 0;
  for (let i = 0; i < text.length && brackets <= MAX_DEPTH; i++) if (text[i] === '[' || text[i] === '{') brackets++;
  if (brackets <= MAX_DEPTH) return undefined;
  // The lexer tells brackets from text in quotes and comments. Its own markers (a document start,
  // a flow end, a scalar) are not in the source, so they do not move the offset.
  const markers = new Set<string>([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);
  let offset = 0;
  let depth = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > MAX_DEPTH) return offset;
    } else if (token === ']' || token === '}') depth--;
    if (!markers.has(token)) offset += token.length;
  }
  return undefined;
}

/** A block scalar's header at the end of a line (`key: |`, `- >-`, `text: |2 # comment`). */
const BLOCK_SCALAR_HEADER = /(?:^|[ \t])[|>][1-9+-]{0,2}[ \t]*(?:#.*)?$/;
/** A compact block entry at the start of what is left of a line: `- `, `? ` or `: `. */
const BLOCK_INDICATOR = /^[-?:](?:[ \t]+|$)/;

/**
 * The offset of a block list or mapping nested far deeper than MAX_DEPTH, if any, found without
 * parsing: each line stands for a node at its indentation, and each entry whose content is itself
 * an entry (`- - - x`) for one more, each closed by a later line indented as much or less. The
 * content of block scalars is skipped. With one level of slack (a line may hold a plain value),
 * it counts no more levels than the parser finds, but for a plain text continued over ever deeper
 * lines; it may count fewer (a list indented as its key): checkStructure counts exactly after.
 */
function deepBlockOffset(text: string): number | undefined {
  const columns: number[] = [];
  for (const { start, indent, rest } of blockLines(text)) {
    while (columns.length > 0 && columns[columns.length - 1]! >= indent) columns.pop();
    columns.push(indent);
    // Each entry whose content is itself an entry (`- - x`) opens one more collection, at its column.
    let column = indent;
    let left = rest;
    for (
      let found = BLOCK_INDICATOR.exec(left);
      found && found[0].length < left.length;
      found = BLOCK_INDICATOR.exec(left)
    ) {
      column += found[0].length;
      left = left.slice(found[0].length);
      if (BLOCK_INDICATOR.test(left)) columns.push(column);
      // One level of slack: the last column may be a plain value, not a collection.
      if (columns.length > MAX_DEPTH + 1) return start + column;
    }
    if (columns.length > MAX_DEPTH + 1) return start + indent;
  }
  return undefined;
}

/**
 * The lines of `text` that hold YAML nodes, each with its offset, its indentation and what follows
 * it: blank lines, comments and the content of block scalars (`key: |` and the lines indented
 * deeper after it) are skipped.
 */
function* blockLines(text: string): Generator<{ start: number; indent: number; rest: string }> {
  let scalarParent: number | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const indent = line.length - line.trimStart().length;
    const rest = line.slice(indent).trimEnd();
    if (rest === '' || rest.startsWith('#')) continue;
    if (scalarParent !== undefined) {
      if (indent > scalarParent) continue;
      scalarParent = undefined;
    }
    if (BLOCK_SCALAR_HEADER.test(rest)) scalarParent = indent;
    yield { start, indent, rest };
  }
}

/**
 * A block list of more than MAX_ITEMS entries, found without parsing: its offset (its first `- `)
 * and its number of entries, or undefined. Entries are lines that start, at one indentation, with
 * `- ` and follow one another with nothing indented less between them; more deeply indented lines
 * (an entry's content) and block scalars' content are skipped. Text that only looks so (a quoted
 * string of thousands of lines each starting with "- ") is counted too, and refused as a list.
 */
function longBlockList(text: string): { offset: number; items: number } | undefined {
  // Fewer lines than the limit cannot hold a block list over it: the usual file costs one count.
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && lines <= MAX_ITEMS; at = text.indexOf('\n', at + 1)) lines++;
  if (lines <= MAX_ITEMS) return undefined;
  let run: { indent: number; offset: number; items: number } | undefined;
  for (const { start, indent, rest } of blockLines(text)) {
    if (run && indent > run.indent) continue;
    if (run && indent === run.indent && /^-(?:[ \t]|$)/.test(rest)) {
      run.items++;
      continue;
    }
    if (run && run.items > MAX_ITEMS) return { offset: run.offset, items: run.items };
    run = /^-(?:[ \t]|$)/.test(rest) ? { indent, offset: start + indent, items: 1 } : undefined;
  }
  return run && run.items > MAX_ITEMS ? { offset: run.offset, items: run.items } : undefined;
}

/**
 * What the parser lets through but mtad refuses, found in one walk (no recursion, so no depth
 * can overflow the stack): nesting deeper than MAX_DEPTH, a list or mapping of more than
 * MAX_ITEMS items, more than MAX_ALIAS_COUNT aliases, a key that is not plain text, a key twice
 * in one mapping (as JavaScript reads it: `1` and `"1"` are the same key), a `__proto__` key, and
 * text holding a forbidden character.
 */
function checkStructure(root: unknown, position: (offset: number | undefined) => Location): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const at = (node: { range?: [number, number, number] | null } | null | undefined): Location =>
    position(node?.range?.[0] ?? 0);
  let aliases = 0;
  const stack: { node: unknown; path: YamlPath }[] = [{ node: root, path: [] }];
  while (stack.length > 0 && findings.length < MAX_FINDINGS) {
    const { node, path } = stack.pop()!;
    if (isAlias(node)) {
      if (++aliases > MAX_ALIAS_COUNT) return [diagnose('YAML_ALIAS_LIMIT', { limit: MAX_ALIAS_COUNT }, at(node))];
      continue;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'string') {
        // Every text field of a table or an amendment is one line: a line break printed in a log
        // starts a new line that a CI runner may read as a command, or a Markdown file as a heading.
        const found = FORBIDDEN_CHARACTER.exec(node.value) ?? LINE_BREAK.exec(node.value);
        if (found) {
          const expected =
            `text on one line, without control characters (found ${codePointOf(found[0])} at character ` +
            `${found.index + 1})`;
          findings.push(
            diagnose(
              'VALUE_INVALID',
              { field: path.map(String).join('.') || 'document', value: node.value, expected },
              at(node),
            ),
          );
        }
      }
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (path.length >= MAX_DEPTH) return [diagnose('YAML_SYNTAX', { reason: TOO_DEEP }, at(node))];
    if (node.items.length > MAX_ITEMS) {
      findings.push(diagnose('YAML_SIZE_LIMIT', { items: node.items.length, limit: MAX_ITEMS }, at(node)));
      continue;
    }
    const children: { node: unknown; path: YamlPath }[] = [];
    if (isSeq(node)) node.items.forEach((item, index) => children.push({ node: item, path: [...path, index] }));
    else {
      const keys = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (key !== null && !isScalar(key)) {
          // A list, mapping or alias as a key: JavaScript would read it as text such as "[ a, b ]".
          findings.push(
            diagnose(
              'YAML_SYNTAX',
              { reason: 'a key must be plain text, not a list, a mapping or an alias' },
              at(key as Node),
            ),
          );
          continue;
        }
        // An empty key (`: x`) reads as "".
        const name = key === null || key.value === null ? '' : String(key.value);
        if (name === FORBIDDEN_KEY)
          findings.push(diagnose('YAML_FORBIDDEN_KEY', { key: FORBIDDEN_KEY }, at(key ?? (pair.value as Node))));
        else if (keys.has(name))
          findings.push(diagnose('YAML_DUPLICATE_KEY', { key: name }, at(key ?? (pair.value as Node))));
        keys.add(name);
        children.push({ node: key, path: [...path, name] }, { node: pair.value, path: [...path, name] });
      }
    }
    // Pushed in reverse, so that findings come in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return findings.slice(0, MAX_FINDINGS);
}

/**
 * What the yaml library found, in mtad's words: what is wrong, and what was expected. The
 * library's own messages speak of its API ("use YAML.parseAllDocuments()") and its internals;
 * they are never shown. Its error code decides the sentence; the message only names a tag.
 */
function describeYamlError(code: ErrorCode, message: string): string {
  switch (code) {
    case 'MULTIPLE_DOCS':
      return (
        'the file holds more than one YAML document (a "---" or "..." line after the first); expected one ' +
        'document, a table or an amendment per file'
      );
    case 'TAG_RESOLVE_FAILED': {
      const tag = /Unresolved tag: (\S+)/.exec(message)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!');
      return tag
        ? `the tag ${JSON.stringify(tag)} is not one mtad reads; expected the value without a tag`
        : 'a value its tag does not fit (such as !!int on text); expected the value without a tag';
    }
    case 'TAB_AS_INDENT':
      return 'a tab is used as indentation; expected spaces';
    case 'BAD_INDENT':
      // yaml reports a [ or { left open as indentation (the lines after it "must be sufficiently
      // indented and end with a ]"): what is wrong is the bracket not closed by the point it names.
      if (/^Flow sequence/.test(message))
        return (
          'a list opened with "[" is not closed; expected "]" at its end (its lines, when it runs over ' +
          'several, indented further than its key)'
        );
      if (/^Flow map/.test(message))
        return (
          'a mapping opened with "{" is not closed; expected "}" at its end (its lines, when it runs over ' +
          'several, indented further than its key)'
        );
      return (
        'the indentation does not line up; expected the items of one list or mapping to start in the same ' +
        'column, their content indented further'
      );
    case 'MISSING_CHAR':
      if (/closing .?quote/i.test(message))
        return 'a quoted value has no closing quote; expected it to end with the quote it starts with';
      if (/followed by map values/.test(message))
        return 'a line holds text where a key is expected; expected "key: value"';
      if (/separated from other tokens/.test(message))
        return 'a "#" comment or a tag touches the text before or after it; expected a space between them';
      return 'a character is missing here (a comma between items, a space after ":", or a closing quote or bracket)';
    case 'MULTILINE_IMPLICIT_KEY':
      return (
        'a key runs over more than one line (often a ":" missing on the line before, or a quote left open); ' +
        'expected each "key:" on one line'
      );
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'NON_STRING_KEY':
      return 'a list or mapping stands where a key is expected; expected a key of plain text';
    case 'BLOCK_IN_FLOW':
      return 'an indented list or mapping inside [ ] or { }; expected its items separated by commas';
    case 'BAD_DQ_ESCAPE':
      return (
        'an unknown escape sequence in double quotes; expected one such as \\n, \\" or \\\\, or the text in ' +
        'single quotes'
      );
    case 'BAD_SCALAR_START':
      return 'a value starts with a character YAML reserves (such as @, ` or %); expected the value in quotes';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return 'an anchor (&) or alias (*) without a name, or with a tag; expected values written out in full';
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
    case 'BAD_COLLECTION_TYPE':
      return 'a value carries tags or anchors YAML does not allow there; expected the value without them';
    case 'BAD_DIRECTIVE':
      return 'a "%" directive line; expected none: the file starts with its first key';
    case 'KEY_OVER_1024_CHARS':
      return 'a key longer than 1,024 characters; expected a short key';
    case 'DUPLICATE_KEY':
      return 'a key appears twice in one mapping; expected each key once';
    case 'RESOURCE_EXHAUSTION':
      // Raised only where composing a list or mapping overflowed the stack: nesting too deep.
      return TOO_DEEP;
    case 'UNEXPECTED_TOKEN':
    case 'IMPOSSIBLE':
      return (
        'text YAML cannot read here (often a stray bracket, comma, quote or "-"); expected "key: value" lines ' +
        'and list items written "- item"'
      );
  }
}
