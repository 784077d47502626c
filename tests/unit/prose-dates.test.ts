import { describe, expect, it } from 'vitest';
import { findProseDates } from '../../src/domain/check/prose-dates.js';
import { renderCheckGithub } from '../../src/render/check-github.js';

describe('dates written in prose', () => {
  it('finds UK long dates with or without a weekday, a comma or an ordinal, across a line break', () => {
    expect(findProseDates('from Tuesday 31 January 2023 (or within one month thereafter)')).toEqual([
      { written: 'Tuesday 31 January 2023', offset: 5, weekday: 'Tuesday', date: '2023-01-31' },
    ]);
    expect(
      findProseDates('on 27 January 2023, or Friday, 3rd\n    February 2023').map((d) => [d.written, d.date]),
    ).toEqual([
      ['27 January 2023', '2023-01-27'],
      ['Friday, 3rd February 2023', '2023-02-03'],
    ]);
    expect(findProseDates('30 February 2023')).toEqual([{ written: '30 February 2023', offset: 0 }]);
    expect(findProseDates('version 4.31 January, 16:00 on 13 Jan 2023')).toEqual([]);
  });
});

describe('github annotations', () => {
  it('escapes what would end a property or the message', () => {
    const line = renderCheckGithub({
      tool: { name: 'mtad', version: '0' },
      files: ['a,b:c.yaml'],
      rules: [],
      diagnostics: [
        {
          code: 'YAML_SYNTAX',
          severity: 'error',
          args: { reason: '100% wrong\nsecond line' },
          file: 'a,b:c.yaml',
          line: 3,
          column: 7,
        },
      ],
    });
    expect(line).toBe(
      '::error file=a%2Cb%3Ac.yaml,line=3,col=7,title=YAML_SYNTAX::not valid YAML: 100%25 wrong%0Asecond line\n',
    );
  });
});
