import { describe, expect, it, vi } from 'vitest';
import { isMap, isScalar } from 'yaml';
import { parseYaml, type ParsedYaml } from '../../src/domain/parse/yaml-source.js';
import { parseTable } from '../../src/domain/model/table.js';
import { findingsOf, type Result } from '../../src/domain/model/result.js';
import { readRepoFile } from '../helpers/data.js';

// Counts the parses the yaml library is asked for, and makes them as it would.
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
      parses.count++;
      return yaml.parseDocument(...args);
    },
  };
});

/*
 * A process parses the same files again and again (each command checks its files, then reads
 * them; a test or a program using the API runs many commands): a text read from the same file is
 * parsed once. Each caller still gets its own copies, so that what one changes no other sees.
 */

const TABLE = readRepoFile('data/table-17.6.yaml');

/** Parses `text` as `file`, and how many times the yaml library parsed for it. */
function counted(text: string, file: string): { result: Result<ParsedYaml>; parsed: number } {
  const before = parses.count;
  const result = parseYaml(text, file);
  return { result, parsed: parses.count - before };
}

const valueOf = (result: Result<ParsedYaml>): ParsedYaml => {
  if (!result.ok) throw new Error(JSON.stringify(findingsOf(result)));
  return result.value;
};

describe('a text is parsed once per file name', () => {
  it('the second parse of the same text and file asks the yaml library for nothing, and gives the same result', () => {
    const text = `${TABLE}# once\n`;
    const first = counted(text, 'data/table-17.6.yaml');
    const second = counted(text, 'data/table-17.6.yaml');
    expect(first.parsed).toBe(1);
    expect(second.parsed).toBe(0);
    expect(valueOf(second.result).data).toEqual(valueOf(first.result).data);
    expect(String(valueOf(second.result).source.document)).toBe(String(valueOf(first.result).source.document));
    expect(valueOf(second.result).source.locate(['cohorts', 2, 'endDate'])).toEqual(
      valueOf(first.result).source.locate(['cohorts', 2, 'endDate']),
    );
  });

  it('the same text under another name is another file: its findings name it', () => {
    const text = 'a: [\n';
    const first = findingsOf(counted(text, 'one.yaml').result);
    const other = counted(text, 'two.yaml');
    expect(first.map((d) => d.file)).toEqual(['one.yaml']);
    expect(findingsOf(other.result).map((d) => d.file)).toEqual(['two.yaml']);
    // A name and a text cannot together pass for another name and text.
    const [once] = findingsOf(counted('b: [\n', 'a:\n').result);
    const [twice] = findingsOf(counted('\nb: [\n', 'a:').result);
    expect([once?.file, twice?.file]).toEqual(['a:\n', 'a:']);
    expect(twice?.line).toBe((once?.line ?? 0) + 1);
  });

  it('what one caller changes, the next does not see: data, document and findings are copies', () => {
    const text = `${TABLE}# copies\n`;
    const first = valueOf(parseYaml(text, 't.yaml'));
    (first.data as { asAt: string }).asAt = 'changed';
    const contents = first.source.document.contents;
    if (!isMap(contents)) throw new Error('the table is a mapping');
    const asAt = contents.get('asAt', true);
    if (!isScalar(asAt)) throw new Error('asAt is a scalar');
    asAt.value = 'changed';
    contents.delete('cohorts');

    const second = valueOf(parseYaml(text, 't.yaml'));
    expect((second.data as { asAt: string }).asAt).not.toBe('changed');
    expect(second.source.document.get('asAt')).not.toBe('changed');
    expect(second.source.document.has('cohorts')).toBe(true);
    expect(second.source.locate(['cohorts', 0])).toMatchObject({ line: expect.any(Number) });

    const broken = 'a: [\n';
    const refused = findingsOf(parseYaml(broken, 'b.yaml'));
    const line = refused[0]!.line;
    refused[0]!.line = 99;
    (parseYaml(broken, 'b.yaml') as unknown as { errors: { line?: number }[] }).errors[0]!.line = 98;
    expect(findingsOf(parseYaml(broken, 'b.yaml'))[0]!.line).toBe(line);
  });

  it('a table read twice is the same table, and the second read parses nothing', () => {
    const text = `${TABLE}# twice\n`;
    const before = parses.count;
    const first = parseTable(text, 'data/table-17.6.yaml');
    const second = parseTable(text, 'data/table-17.6.yaml');
    expect(parses.count - before).toBe(1);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(second.value.table).toEqual(first.value.table);
  });
});
