import { describe, expect, it } from 'vitest';
import { parseAmendment } from '../../src/domain/model/amendment.js';
import type { Diagnostic } from '../../src/domain/model/diagnostics.js';
import { formatDiagnostic } from '../../src/render/diagnostic-messages.js';
import { parseYaml } from '../../src/domain/parse/yaml-source.js';
import { decodeText } from '../../src/io/read.js';
import { describeSystemError } from '../../src/io/system-error.js';
import { editedMocSecure } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';

/*
 * Every message says, in mtad's words, what was found and what was expected: never "undefined",
 * never the wording of a library (its API, its internals) or of Node.
 */

const sentences = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.code}: ${formatDiagnostic(d)}`);
const LEAKS = /undefined|\[object |YAML\.|parseAllDocuments|tag:yaml\.org|Error:|EACCES|EISDIR|ENOENT|, open '/;

describe('a missing field the schema lists the values of', () => {
  it.each([
    ['status', /^status: proposed\n/m, ''],
    ['action', '  - action: close\n    cohort: MOC (Secure)', '  - cohort: MOC (Secure)'],
    ['field', '    field: endDate\n', ''],
  ])('%s is SCHEMA_MISSING_FIELD naming its values, not "found undefined undefined"', (field, find, replace) => {
    const found = findingsOf(parseAmendment(editedMocSecure(find, replace), 'a.yaml'));
    expect(found).toEqual([
      expect.objectContaining({ code: 'SCHEMA_MISSING_FIELD', args: expect.objectContaining({ field }) }),
    ]);
    expect(sentences(found).join('\n')).not.toMatch(LEAKS);
    expect(formatDiagnostic(found[0]!)).toMatch(/expected (one of )?"/);
  });
});

describe('values of YAML 1.1 tags', () => {
  it('names a !!timestamp as a timestamp, not "a mapping"', () => {
    for (const [find, replace] of [
      ['to: 2023-01-31', 'to: !!timestamp 2023-01-31'],
      [/^status: proposed$/m, 'status: !!timestamp 2023-01-01'],
    ] as const) {
      const found = findingsOf(parseAmendment(editedMocSecure(find, replace), 'a.yaml'));
      expect(found).toHaveLength(1);
      expect(formatDiagnostic(found[0]!)).toContain('a timestamp (a !!timestamp value');
      expect(formatDiagnostic(found[0]!)).not.toContain('a mapping');
    }
  });

  it('names a !!set, and says of a number too large that it is', () => {
    expect(
      sentences(findingsOf(parseAmendment(editedMocSecure('sequence: 3', 'sequence: !!set {a}'), 'a.yaml'))).join(),
    ).toContain('a set (a !!set value)');
    const huge = sentences(
      findingsOf(parseAmendment(editedMocSecure('sequence: 3', 'sequence: 1e400'), 'a.yaml')),
    ).join();
    expect(huge).toContain('Infinity (too large to hold');
  });

  it('says of an empty text that it is empty, and of an id what an id is, not a regular expression', () => {
    expect(sentences(findingsOf(parseAmendment(editedMocSecure(/^title: .*$/m, 'title: ""'), 'a.yaml')))).toEqual([
      'VALUE_INVALID: "" is not a value for title: expected text, not an empty value',
    ]);
    expect(sentences(findingsOf(parseAmendment(editedMocSecure(/^id: .*$/m, 'id: Bad_Id'), 'a.yaml')))).toEqual([
      'VALUE_INVALID: "Bad_Id" is not a value for id: expected a stable kebab-case id, unique among amendments',
    ]);
  });
});

describe('YAML syntax errors', () => {
  it.each([
    ['several documents', 'id: a\n---\nid: b\n', /more than one YAML document .*expected one document/],
    ['a tab as indentation', 'a:\n\tb: 1\n', /a tab is used as indentation; expected spaces/],
    [
      'an unknown tag',
      'a: !!python/object:os.system x\n',
      /the tag "!!python\/object:os.system" is not one mtad reads; expected the value without a tag/,
    ],
    ['an unclosed quote', 'a: "open\n', /no closing quote/],
    ['a stray bracket', 'a: ]\n', /expected/],
    ['a key over two lines', 'a\nb: 1\n', /expected/],
  ])("%s: in mtad's words, with what was expected", (_name, text, words) => {
    const found = findingsOf(parseYaml(text, 'x.yaml'));
    expect(found.map((d) => d.code)).toEqual(['YAML_SYNTAX']);
    expect(formatDiagnostic(found[0]!)).toMatch(words);
    expect(formatDiagnostic(found[0]!)).not.toMatch(LEAKS);
    expect(found[0]!.line).toBeGreaterThan(0);
  });
});

describe('a file that is not text', () => {
  it('points at the first bad byte: a NUL byte, bytes that are not UTF-8', () => {
    const at = (bytes: Uint8Array) => findingsOf(decodeText(bytes, 'x.yaml')).map((d) => [d.code, d.line, d.column]);
    expect(at(Buffer.from('id: a\nxy: \0\n'))).toEqual([['FILE_NOT_TEXT', 2, 5]]);
    expect(at(Buffer.from('id: a\ntitle: caf\xe9\n', 'latin1'))).toEqual([['FILE_NOT_TEXT', 2, 11]]);
    // A real U+FFFD is text; a byte order mark is no column.
    expect(at(Buffer.concat([Buffer.from('\uFEFFa: \uFFFD '), Buffer.from([0xff])]))).toEqual([
      ['FILE_NOT_TEXT', 1, 6],
    ]);
    expect(at(Buffer.from([0xff]))).toEqual([['FILE_NOT_TEXT', 1, 1]]);
  });
});

describe('errors of the system', () => {
  it("are said without Node's wording", () => {
    const error = (code: string) => Object.assign(new Error(`${code}: something, open '/x'`), { code });
    for (const code of ['EACCES', 'EISDIR', 'ENOTDIR', 'ELOOP', 'ENOSPC', 'EWHATEVER'])
      expect(describeSystemError(error(code))).not.toMatch(/open '|something/);
    expect(describeSystemError(error('EACCES'))).toBe('permission denied');
    expect(describeSystemError(undefined)).toBe('the system refused it');
  });
});
