import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type ScalarTag } from 'yaml';
import { diagnose, type Diagnostic, type Location } from './diagnostics.js';

/** A YAML path: keys and list indexes from the document root. */
export type YamlPath = readonly (string | number)[];

/** How many nodes aliases may expand to before a file is refused (an "alias bomb"). */
export const MAX_ALIAS_COUNT = 1000;

/** How many syntax errors of one file are reported: after the first few, the rest are echoes. */
const MAX_SYNTAX_ERRORS = 10;

/** A key JavaScript readers may take for an object's prototype, refused wherever it appears. */
const FORBIDDEN_KEY = '__proto__';

/**
 * A parsed YAML file: its document (kept for writing back with comments) and its positions. A
 * source made by `lazyYamlSource` parses its text only when the document or a position is first
 * asked for: data read from a cache is checked without parsing, and a finding still gets its
 * file:line:column.
 */
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

export interface ParsedYaml {
  source?: YamlSource;
  /** The plain data, when the text is well-formed YAML. */
  data?: unknown;
  diagnostics: Diagnostic[];
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
    if (isMap(node)) for (const pair of node.items) walk(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)]);
    else if (isSeq(node)) node.items.forEach((item, index) => walk(item, [...path, index]));
  };
  walk(document.contents, []);
  return paths;
}

/** The parsed document of `text`, with the line counter that turns its offsets into positions. */
function parseText(text: string): { document: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, customTags: [todoTag] });
  return { document, lineCounter };
}

/** The source of `text` as `parse` gives it, parsed when first needed. */
function sourceOf(file: string, text: string, parse: () => { document: Document; lineCounter: LineCounter }, contentChecksum?: string): YamlSource {
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

/** Parses `text` as YAML 1.2 (dates stay strings), reporting every problem with its position. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const parsed = parseText(text);
  const { document, lineCounter } = parsed;
  const source = sourceOf(file, text, () => parsed);
  const position = (offset: number | undefined): Location => {
    if (offset === undefined) return { file };
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  const diagnostics: Diagnostic[] = document.errors.slice(0, MAX_SYNTAX_ERRORS).map((error) => {
    const where = { ...position(error.pos[0]) };
    if (error.code === 'DUPLICATE_KEY') {
      return diagnose('YAML_DUPLICATE_KEY', { key: duplicateKeyAt(text, error.pos[0]) ?? '' }, where);
    }
    return diagnose('YAML_SYNTAX', { reason: firstLine(error.message) }, where);
  });
  if (diagnostics.length > 0) return { source, diagnostics };
  if (document.contents === null) return { source, diagnostics: [diagnose('FILE_EMPTY', {}, { file, line: 1, column: 1 })] };
  // A key reads "__proto__" only where the text says so, or through an escape in a double-quoted
  // key: the tree is walked only then.
  const mayHaveForbiddenKey = text.includes(FORBIDDEN_KEY) || text.includes('\\');
  const forbidden = (mayHaveForbiddenKey ? forbiddenKeys(document.contents) : []).map((offset) => diagnose('YAML_FORBIDDEN_KEY', { key: FORBIDDEN_KEY }, position(offset)));
  if (forbidden.length > 0) return { source, diagnostics: forbidden };

  try {
    return { source, data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return { source, diagnostics: [diagnose('YAML_ALIAS_LIMIT', { limit: MAX_ALIAS_COUNT }, { file, line: 1, column: 1 })] };
    }
    throw error;
  }
}

/** The offsets of every `__proto__` key in the tree under `node`. */
function forbiddenKeys(node: unknown): number[] {
  if (isMap(node)) {
    return node.items.flatMap((pair) => {
      const here = isScalar(pair.key) && pair.key.value === FORBIDDEN_KEY ? [pair.key.range?.[0] ?? 0] : [];
      return [...here, ...forbiddenKeys(pair.value)];
    });
  }
  if (isSeq(node)) return node.items.flatMap(forbiddenKeys);
  return [];
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** The key written at `offset`, to name it in a duplicate-key message. */
function duplicateKeyAt(text: string, offset: number): string | undefined {
  const rest = text.slice(offset, offset + 200);
  return /^\s*(?:"([^"]*)"|'([^']*)'|([^:\n]+?))\s*:/.exec(rest)?.slice(1).find((k) => k !== undefined);
}
