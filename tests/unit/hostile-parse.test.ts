import { describe, expect, it } from 'vitest';
import { parseAmendment } from '../../src/domain/model/amendment.js';
import { addCalendarMonths, formatDateWithWeekday, formatLongDate } from '../../src/domain/model/dates.js';
import { formatDiagnostic } from '../../src/render/diagnostic-messages.js';
import { MAX_DEPTH, MAX_ITEMS, parseYaml } from '../../src/domain/parse/yaml-source.js';
import { parseTable } from '../../src/domain/model/table.js';
import { editedMocSecure, readRepoFile } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';

/*
 * Regression tests for the bugs the hostile corpus (tests/e2e/hostile.test.ts) found in reading
 * files: each was a crash, a hang, a warning printed by a library, or a value read quietly wrong.
 */

const findings = (text: string) =>
  findingsOf(parseYaml(text, 'x.yaml')).map((d) => ({ code: d.code, line: d.line, column: d.column, args: d.args }));

describe('reading hostile YAML', () => {
  it('reports only the first syntax error: the rest are echoes of it', () => {
    // One tab used as indentation made seven findings.
    expect(findings('a:\n\tb: 1\n').map((d) => d.code)).toEqual(['YAML_SYNTAX']);
    expect(findings(']\n'.repeat(50))).toHaveLength(1);
  });

  it('refuses deep flow nesting before parsing it, at the first bracket too deep, quickly', () => {
    const started = performance.now();
    const result = findings(`id: ${'['.repeat(400_000)}${']'.repeat(400_000)}\n`);
    expect(result).toEqual([
      {
        code: 'YAML_SYNTAX',
        line: 1,
        column: 5 + MAX_DEPTH,
        args: { reason: expect.stringContaining(`${MAX_DEPTH} levels`) },
      },
    ]);
    // Not a timed assertion: the parser used to take seconds here; print what it takes now.
    console.log(`400,000 nested brackets refused in ${Math.round(performance.now() - started)} ms`);
    // Brackets in quotes and comments are text, not nesting.
    expect(findings(`a: "${'['.repeat(200)}"\n# ${'{'.repeat(200)}\n`)).toEqual([]);
  });

  it('refuses deep block nesting, which used to surface as "Maximum call stack size exceeded"', () => {
    const deep = Array.from({ length: MAX_DEPTH + 2 }, (_, i) => `${' '.repeat(i)}a:\n`).join('');
    expect(findings(deep)).toEqual([
      expect.objectContaining({ code: 'YAML_SYNTAX', args: { reason: expect.stringContaining('nested') } }),
    ]);
    const overflow = Array.from({ length: 1200 }, (_, i) => `${' '.repeat(i)}a:\n`).join('');
    expect(findings(overflow).map((d) => formatDiagnostic({ ...d, severity: 'error' } as never))).toEqual([
      expect.not.stringContaining('call stack'),
    ]);
  });

  it('refuses a megabyte of nested block lists (- - - ...) before parsing it: the parser took 5 s and 380 MB', () => {
    const megabyte = `${'- '.repeat(512 * 1024 - 1)}x\n`;
    const result = findings(megabyte);
    expect(result).toEqual([
      {
        code: 'YAML_SYNTAX',
        line: 1,
        column: 2 * (MAX_DEPTH + 1) + 1,
        args: { reason: expect.stringContaining(`${MAX_DEPTH} levels`) },
      },
    ]);
    // The same, one entry a line, each indented under the one before.
    const lines = Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- \n`).join('');
    expect(findings(lines).map((d) => [d.code, d.line])).toEqual([['YAML_SYNTAX', MAX_DEPTH + 2]]);
    // Refused before parsing: no parsed document comes back.
    expect(parseYaml(megabyte, 'x.yaml').ok).toBe(false);
    expect(parseYaml(lines, 'x.yaml').ok).toBe(false);
  });

  it('lets nesting as deep as MAX_DEPTH through, and block scalars and plain text are no nesting', () => {
    expect(findings(`${'- '.repeat(MAX_DEPTH)}x\n`)).toEqual([]);
    expect(findings(`${'- '.repeat(MAX_DEPTH + 1)}x\n`).map((d) => d.code)).toEqual(['YAML_SYNTAX']);
    const literal = `text: |\n${Array.from({ length: 200 }, (_, i) => `  ${' '.repeat(i)}- - - -`).join('\n')}\nnext: 1\n`;
    // Not nesting; only its line breaks are refused, as in any text field.
    expect(findings(literal).map((d) => d.code)).toEqual(['VALUE_INVALID']);
    expect(findings(`a: x ${'- '.repeat(200)}\n`)).toEqual([]);
  });

  it('refuses a list or mapping of more than MAX_ITEMS items (a list of 150,000 made the schema check overflow the stack)', () => {
    expect(findings(`changes:\n${'  - x\n'.repeat(MAX_ITEMS + 1)}`)).toEqual([
      { code: 'YAML_SIZE_LIMIT', line: 2, column: 3, args: { items: MAX_ITEMS + 1, limit: MAX_ITEMS } },
    ]);
    const result = parseAmendment(`changes:\n${'  - x\n'.repeat(150_000)}`, 'a.yaml');
    expect(findingsOf(result).map((d) => d.code)).toEqual(['YAML_SIZE_LIMIT']);
    expect(findingsOf(result)[0]).toMatchObject({ line: 2, column: 3, args: { items: 150_000 } });
    // A list of half as many entries over more lines than MAX_ITEMS (each entry a mapping of two) is within it.
    expect(findings(`a:\n${'  - b: 1\n    c: 2\n'.repeat(MAX_ITEMS / 2 + 1)}`)).toEqual([]);
  });

  it('finds duplicate keys in linear time, as JavaScript reads them (1 and "1" are one key)', () => {
    expect(findings('1: a\n"1": b\n')).toEqual([
      { code: 'YAML_DUPLICATE_KEY', line: 2, column: 1, args: { key: '1' } },
    ]);
    // 15,000 distinct keys took the parser's own check seconds (it compares every pair).
    const started = performance.now();
    expect(findings(Array.from({ length: 15_000 }, (_, i) => `k${i}: ${i}\n`).join(''))).toEqual([]);
    console.log(`15,000 keys checked for duplicates in ${Math.round(performance.now() - started)} ms`);
  });

  it('caps the schema findings of one file, so that 10,000 unknown keys do not take seconds to report', () => {
    const result = parseAmendment(Array.from({ length: 10_000 }, (_, i) => `k${i}: ${i}\n`).join(''), 'a.yaml');
    expect(findingsOf(result).length).toBeLessThanOrEqual(100);
    expect(findingsOf(result).map((d) => d.code)).toContain('SCHEMA_UNKNOWN_KEY');
  });

  it('refuses a key that is a list, a mapping or an alias, instead of letting the yaml library print a warning', () => {
    expect(findings('? [a, b]\n: c\n')).toEqual([
      { code: 'YAML_SYNTAX', line: 1, column: 3, args: { reason: expect.stringContaining('key must be plain text') } },
    ]);
    expect(findings('a: &k x\n*k : y\n').map((d) => d.code)).toEqual(['YAML_SYNTAX']);
  });

  it('refuses a tag it does not know (it used to read !!js/function "f" as the text f)', () => {
    expect(findings('title: !!js/function "function () {}"\n')).toEqual([
      {
        code: 'YAML_SYNTAX',
        line: 1,
        column: 8,
        args: { reason: 'the tag "!!js/function" is not one mtad reads; expected the value without a tag' },
      },
    ]);
    expect(findings('s: !custom x\n').map((d) => d.code)).toEqual(['YAML_SYNTAX']);
  });

  it('refuses more aliases than MAX_ALIAS_COUNT before expanding them (50,000 aliases took 20 seconds)', () => {
    const many = `a: &a x\nb: [${Array(1001).fill('*a').join(', ')}]\n`;
    expect(findings(many).map((d) => d.code)).toEqual(['YAML_ALIAS_LIMIT']);
    expect(findings(`a: &a x\nb: [${Array(100).fill('*a').join(', ')}]\n`)).toEqual([]);
  });

  it('refuses control characters in text, which a terminal obeys and a Word file cannot hold', () => {
    expect(findings('cohort: "MOC \\e[31mred"\n')).toEqual([
      {
        code: 'VALUE_INVALID',
        line: 1,
        column: 9,
        args: {
          field: 'cohort',
          value: 'MOC \u001b[31mred',
          expected: 'text on one line, without control characters (found U+001B at character 5)',
        },
      },
    ]);
    for (const text of ['"\\x85"', '"\\x7f"', '"\\uD800"', '"\\uFFFF"', '"\\a"'])
      expect(
        findings(`a: ${text}\n`).map((d) => d.code),
        text,
      ).toEqual(['VALUE_INVALID']);
    // Every field is one line: a tab or a line break is refused as well. Emoji (surrogate pairs)
    // and right-to-left letters are text.
    for (const text of ['"tab\\there"', '"two\\nlines"', '"lone\\rCR"', '"\\u2028"', '"\\u2029"'])
      expect(
        findings(`a: ${text}\n`).map((d) => d.code),
        text,
      ).toEqual(['VALUE_INVALID']);
    expect(findings('a: "emoji \u{1F600} \u05E9\u05DC\u05D5\u05DD"\n')).toEqual([]);
  });

  it('quotes a value in a message escaped (no control character reaches the terminal) and cut short', () => {
    const [d] = findingsOf(parseYaml('a: "\\e[2J\\x9b"\n', 'x.yaml'));
    expect(formatDiagnostic(d!)).toContain('"\\u001b[2J\\u009b"');
    const long = findingsOf(
      parseAmendment(editedMocSecure('to: 2023-01-31', `to: "2023-${'1'.repeat(500_000)}"`), 'a.yaml'),
    );
    expect(long.map((x) => x.code)).toEqual(['DATE_INVALID']);
    expect(formatDiagnostic(long[0]!).length).toBeLessThan(250);
  });

  it('refuses a !todo tag in the table, which it used to read as a decided value', () => {
    const text = readRepoFile('data/table-17.6.yaml').replace('  - cohort: IOC', '  - cohort: !todo IOC');
    expect(findingsOf(parseTable(text, 't.yaml'))).toEqual([
      expect.objectContaining({ code: 'FIELD_TO_DECIDE', args: { field: 'cohorts.0.cohort' } }),
    ]);
  });

  it('names binary data as such, not as "a mapping"', () => {
    const result = parseAmendment(editedMocSecure(/^title: .*$/m, 'title: !!binary aGVsbG8='), 'a.yaml');
    expect(findingsOf(result)).toEqual([
      expect.objectContaining({
        code: 'SCHEMA_WRONG_TYPE',
        args: expect.objectContaining({ received: expect.stringContaining('binary') }),
      }),
    ]);
  });
});

describe('dates before the year 100', () => {
  it('are written as they are, not moved into the 1900s (0022-09-30 used to read "30 September 1922")', () => {
    expect(formatLongDate('0022-09-30')).toBe('30 September 0022');
    expect(formatDateWithWeekday('0001-01-01')).toBe('Monday 1 January 0001');
    expect(addCalendarMonths('0099-12-31', 2)).toBe('0100-02-28');
  });
});
