import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from 'yaml';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/domain/parse/yaml-source.js';
import { positionAt } from '../../src/domain/model/text.js';
import { fingerprintFinding } from '../../src/render/check-sarif.js';
import type { Diagnostic } from '../../src/domain/model/diagnostics.js';
import { parseAmendment } from '../../src/domain/model/amendment.js';
import { editedMocSecure } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { compiledEntries } from '../../src/render/docx-document.js';

/**
 * What mtad relies on in its libraries beyond their typed API: where a library tells two errors
 * apart only by their message or their class, a newer version could change that silently. Each
 * case here pins one such behaviour, so that an upgrade that changes it fails here, not in a
 * user's hands.
 */
describe('the yaml library, as mtad reads its errors', () => {
  const firstProblem = (text: string) => {
    const document = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    const [problem] = [...document.errors, ...document.warnings];
    return problem;
  };

  it('reports a stack overflow while composing a list or mapping as RESOURCE_EXHAUSTION', () => {
    expect(firstProblem(`a: ${'['.repeat(20_000)}`)?.code).toBe('RESOURCE_EXHAUSTION');
  });

  it('raises a ReferenceError when aliases expand past maxAliasCount', () => {
    const document = parseDocument('a: &a [1, 2]\nb: [*a, *a, *a]\n');
    expect(() => document.toJS({ maxAliasCount: 2 })).toThrow(ReferenceError);
  });

  it('tells the kinds of MISSING_CHAR apart only by message: the three sentences mtad matches', () => {
    // describeYamlError in src/domain/parse/yaml-source.ts matches these words; each case has its own sentence.
    expect(firstProblem('a: "abc\nb: 1\n')).toMatchObject({
      code: 'MISSING_CHAR',
      message: expect.stringMatching(/closing .?quote/i),
    });
    expect(firstProblem('a: b\nc\n: d\n')).toMatchObject({
      code: 'MISSING_CHAR',
      message: expect.stringMatching(/followed by map values/),
    });
    expect(firstProblem('a: [b]#c\n')).toMatchObject({
      code: 'MISSING_CHAR',
      message: expect.stringMatching(/separated from other tokens/),
    });
  });

  it('names an unknown tag in the message of TAG_RESOLVE_FAILED, as "Unresolved tag: TAG"', () => {
    expect(firstProblem('a: !!foo x\n')).toMatchObject({
      code: 'TAG_RESOLVE_FAILED',
      message: 'Unresolved tag: tag:yaml.org,2002:foo',
    });
  });

  it('so mtad reports each in its own words, at the right place', () => {
    expect(findingsOf(parseYaml(`a: ${'['.repeat(70)}`, 'f.yaml'))[0]).toMatchObject({
      code: 'YAML_SYNTAX',
      line: 1,
      column: 68,
    });
    expect(findingsOf(parseYaml('a: &a [1, 2]\nb: [*a, *a, *a]\n', 'f.yaml'))).toEqual([]);
  });
});

describe("positionAt, on the yaml library's LineCounter", () => {
  it('counts lines and columns as the parser does', () => {
    const text = 'a: 1\nbb: [x,\n  y]\n';
    for (let offset = 0; offset <= text.length; offset++) {
      const before = text.slice(0, offset);
      expect(positionAt(text, offset)).toEqual({
        line: before.split('\n').length,
        column: offset - before.lastIndexOf('\n'),
      });
    }
  });
});

describe('SARIF fingerprints', () => {
  const finding = (args: Record<string, string>): Diagnostic =>
    ({
      code: 'LOCK_MISMATCH',
      severity: 'error',
      args,
      file: 'a.yaml',
      line: 3,
      column: 1,
      path: ['x'],
    }) as unknown as Diagnostic;

  it('are the SHA-256 of the finding in canonical JSON: the order of the arguments does not matter, the line does not count', () => {
    const one = fingerprintFinding(finding({ id: 'a', fields: 'b' }));
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintFinding(finding({ fields: 'b', id: 'a' }))).toBe(one);
    expect(fingerprintFinding({ ...finding({ id: 'a', fields: 'b' }), line: 9 })).toBe(one);
    expect(fingerprintFinding(finding({ id: 'a', fields: 'c' }))).not.toBe(one);
  });
});

describe("zod/mini's schema definitions, as schema-validation.ts walks them to suggest a key", () => {
  it('names each wrapper in def.type and keeps its child where the walk looks for it', () => {
    const leaf = z.string();
    const object = z.object({ issued: leaf });
    expect(z.optional(object).def).toMatchObject({ type: 'optional', innerType: object });
    expect(z.nullable(object).def).toMatchObject({ type: 'nullable', innerType: object });
    expect(z.union([object, leaf]).def).toMatchObject({ type: 'union', options: [object, leaf] });
    expect(z.array(object).def).toMatchObject({ type: 'array', element: object });
    expect(object.def.type).toBe('object');
    expect(object.def.shape.issued).toBe(leaf);
  });

  it('so a misspelt key inside a nested object is answered with the key the schema knows there', () => {
    const read = parseAmendment(editedMocSecure('  issued: 2022-12-05', '  isued: 2022-12-05'), 'x.yaml');
    expect(findingsOf(read)).toContainEqual(
      expect.objectContaining({ code: 'SCHEMA_UNKNOWN_KEY', args: { key: 'isued', suggestion: 'issued' } }),
    );
  });
});

describe("docx's private compiler, from which packDocx takes a document's parts", () => {
  const documentOf = () =>
    new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Table 17.6')] })] }] });
  const core = [{ path: 'docProps/core.xml', data: '<core/>' }];

  it('gives the parts that Packer.toBuffer zips, byte for byte and in its order, folders as empty entries', async () => {
    const ours = await compiledEntries(documentOf(), core);
    const docx = unzipSync(new Uint8Array(await Packer.toBuffer(documentOf(), false, core)));
    expect(Object.keys(ours)).toEqual(Object.keys(docx));
    for (const [path, bytes] of Object.entries(docx)) expect(ours[path], path).toEqual(bytes);
    expect(strFromU8(ours['word/document.xml'] ?? new Uint8Array())).toContain(
      '<w:t xml:space="preserve">Table 17.6</w:t>',
    );
    expect(strFromU8(ours['docProps/core.xml'] ?? new Uint8Array())).toBe('<core/>');
  });
});
