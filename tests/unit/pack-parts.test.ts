import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { responseTemplateValues } from '../../src/domain/documents/response-template-values.js';
import { ukMidnight } from '../../src/domain/documents/revision-marks.js';
import { fillTemplate } from '../../src/domain/documents/template.js';
import { writeFolderAtomically } from '../../src/io/write.js';
import { sha256 } from '../../src/io/hash.js';
import { listedFiles } from '../../src/domain/documents/pack-marker.js';
import { escapeMarkdownText } from '../../src/render/escape.js';
import { readBlocks, readInline } from '../../src/render/markdown-blocks.js';
import { snapshotTree } from '../helpers/cli.js';
import { amendment, editedMocSecure, shippedDepartments } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

describe('ukMidnight', () => {
  it.each([
    ['2022-12-05', '2022-12-05T00:00:00Z'], // GMT
    ['2023-03-26', '2023-03-26T00:00:00Z'], // the day BST starts: at 01:00 UTC, after midnight
    ['2023-03-27', '2023-03-26T23:00:00Z'], // BST
    ['2023-10-29', '2023-10-28T23:00:00Z'], // the day BST ends: at 01:00 UTC, after midnight
    ['2023-10-30', '2023-10-30T00:00:00Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    // The UK's past rules, from the time-zone database: British Standard Time (UTC+1 all year,
    // 1968 to 1971) and double summer time in 1944 (UTC+2).
    ['1970-01-01', '1969-12-31T23:00:00Z'],
    ['1944-06-01', '1944-05-31T22:00:00Z'],
  ])('%s begins at %s', (date, instant) => {
    expect(ukMidnight(date)).toBe(instant);
  });
});

describe('fillTemplate with lists', () => {
  it('repeats a list section for each item, with the outer values still in reach', () => {
    const filled = fillTemplate('{{#qs}}[{{id}} of {{title}}]{{/qs}}{{^qs}}none{{/qs}}', {
      title: 'T',
      qs: [{ id: 'Q1' }, { id: 'Q2' }],
    });
    expect(filled.text).toBe('[Q1 of T][Q2 of T]');
    expect(fillTemplate('{{#qs}}x{{/qs}}{{^qs}}none{{/qs}}', { qs: [] }).text).toBe('none');
  });

  it('never reads a value as template text', () => {
    expect(
      fillTemplate('{{#qs}}{{text}}{{/qs}}', { qs: [{ text: '{{secret}} {{#qs}}' }], secret: 'leaked' }).text,
    ).toBe('{{secret}} {{#qs}}');
  });

  it('names what a list item does not hold', () => {
    expect(fillTemplate('{{#qs}}{{nope}}{{/qs}}', { qs: [{ id: 'Q1' }] }).unknownNames).toEqual(['nope']);
  });
});

describe('the Markdown subset', () => {
  it('round-trips escaped text: what escapeMarkdownText writes, readInline reads back as written', () => {
    for (const text of [
      '# not a heading',
      '- not a bullet',
      '1. not a list',
      '**not bold** <b>&amp;</b> | \\ `x` [y](z) ~w~ _u_',
    ]) {
      expect(readInline(escapeMarkdownText(text))).toEqual([{ text, bold: false }]);
      expect(readBlocks(escapeMarkdownText(text))).toEqual([{ kind: 'paragraph', spans: [{ text, bold: false }] }]);
    }
  });

  it('reads headings, bold labels, bullets and tables with empty cells', () => {
    expect(readBlocks('# T\n\n**Label:** value\n\n- one\n- two\n\n| A | B |\n| --- | --- |\n| x \\| y | |\n')).toEqual([
      { kind: 'heading', level: 1, spans: [{ text: 'T', bold: false }] },
      {
        kind: 'paragraph',
        spans: [
          { text: 'Label:', bold: true },
          { text: ' value', bold: false },
        ],
      },
      { kind: 'bullet', spans: [{ text: 'one', bold: false }] },
      { kind: 'bullet', spans: [{ text: 'two', bold: false }] },
      {
        kind: 'table',
        header: [[{ text: 'A', bold: false }], [{ text: 'B', bold: false }]],
        rows: [[[{ text: 'x | y', bold: false }], []]],
      },
    ]);
  });
});

describe('writeFolderAtomically', () => {
  const files = [
    { path: 'a.txt', content: 'A' },
    { path: 'sub/b.bin', content: new Uint8Array([1, 2, 3]) },
    { path: '.mark', content: 'written by mtad\nfor people' },
  ];
  const options = (force: boolean) => ({ force, shown: 'out', marker: '.mark', listed: listedFiles });

  it('writes every file, in subfolders too, and leaves no temporary folder', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'mtad-write-'));
    const result = await writeFolderAtomically(join(parent, 'out'), files, options(false));
    expect(result.ok).toBe(true);
    expect(readFileSync(join(parent, 'out/a.txt'), 'utf8')).toBe('A');
    expect([...readFileSync(join(parent, 'out/sub/b.bin'))]).toEqual([1, 2, 3]);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('refuses an existing folder without force, and with force replaces it whole when it holds the marker', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'mtad-write-'));
    mkdirSync(join(parent, 'out'));
    writeFileSync(join(parent, 'out/old.txt'), 'old');
    writeFileSync(join(parent, 'out/.mark'), `written by mtad\n${sha256('old')}  old.txt\n`);
    const refused = await writeFolderAtomically(join(parent, 'out'), files, options(false));
    expect(findingsOf(refused).map((d) => d.code)).toEqual(['OUT_EXISTS']);
    expect(readdirSync(join(parent, 'out')).sort()).toEqual(['.mark', 'old.txt']);
    const forced = await writeFolderAtomically(join(parent, 'out'), files, options(true));
    expect(forced.ok).toBe(true);
    expect(readdirSync(join(parent, 'out')).sort()).toEqual(['.mark', 'a.txt', 'sub']);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it.each([
    ['a folder without the marker', (out: string) => mkdirSync(out)],
    [
      'a folder whose marker has another first line',
      (out: string) => (mkdirSync(out), writeFileSync(join(out, '.mark'), 'something else\n')),
    ],
    ['a folder whose marker is a folder', (out: string) => (mkdirSync(out), mkdirSync(join(out, '.mark')))],
    [
      'a folder whose marker is a link to a marker',
      (out: string) => (
        mkdirSync(out),
        writeFileSync(`${out}.mark`, 'written by mtad\n'),
        symlinkSync(`${out}.mark`, join(out, '.mark'))
      ),
    ],
    [
      'a link to a folder holding the marker',
      (out: string) => (
        mkdirSync(`${out}-real`),
        writeFileSync(join(`${out}-real`, '.mark'), 'written by mtad\n'),
        symlinkSync(`${out}-real`, out)
      ),
    ],
    ['a file', (out: string) => writeFileSync(out, 'keep me')],
  ])('with force still refuses %s, changing nothing', async (_, make) => {
    const parent = mkdtempSync(join(tmpdir(), 'mtad-write-'));
    make(join(parent, 'out'));
    const before = snapshotTree(parent);
    const refused = await writeFolderAtomically(join(parent, 'out'), files, options(true));
    expect(findingsOf(refused).map((d) => d.code)).toEqual(['OUT_NOT_MTAD']);
    expect(snapshotTree(parent)).toEqual(before);
  });

  it('writes nothing when one file cannot be written, and reports it as an IO problem', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'mtad-write-'));
    // "a.txt" is a file, so "a.txt/c.txt" cannot be made: the failure comes after a.txt is written.
    const result = await writeFolderAtomically(
      join(parent, 'out'),
      [...files, { path: 'a.txt/c.txt', content: 'C' }],
      options(false),
    );
    expect(findingsOf(result).map((d) => d.code)).toEqual(['OUT_UNWRITABLE']);
    expect(existsSync(join(parent, 'out'))).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
    // Nor the folders it made to hold the output.
    const deeper = await writeFolderAtomically(
      join(parent, 'x/y/out'),
      [...files, { path: 'a.txt/c.txt', content: 'C' }],
      options(false),
    );
    expect(findingsOf(deeper).map((d) => d.code)).toEqual(['OUT_UNWRITABLE']);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('responseTemplateValues', () => {
  it('names every value the response template needs and the amendment does not record', () => {
    const bare = amendment(
      editedMocSecure(/  title: SMETS1 Consultation.*\n/, '')
        .replace(/  responsesDue:\n.*\n.*\n/, '')
        .replace(/  questions:\n(    .*\n)+/, '  questions: []\n'),
    );
    const result = responseTemplateValues(bare, shippedDepartments());
    expect(result.ok).toBe(false);
    expect(findingsOf(result).map((d) => [d.code, 'field' in d.args && d.args.field])).toEqual([
      ['PACK_FIELD_MISSING', 'consultation.title'],
      ['PACK_FIELD_MISSING', 'consultation.responsesDue'],
      ['PACK_FIELD_MISSING', 'consultation.questions'],
    ]);
  });

  it('gives the respond-by time and date as the reference writes them, with the weekday', () => {
    expect(valueOf(responseTemplateValues(amendment('mdust-close-moc-secure'), shippedDepartments())).respondBy).toBe(
      '16:00 on Friday 13 January 2023',
    );
  });
});
