import { describe, expect, it } from 'vitest';
import { captionTitle, documentVersion, findTable, mapColumns, readDocumentProperties } from '../../src/index.js';
import { readWordFixture, withDocumentXml, WORD_FIXTURES, zipEntries, type WordFixture } from '../helpers/word.js';
import { findingsOf } from '../../src/domain/model/result.js';

/** Table 17.6 as mtad-libreoffice.html writes it. */
const FROM_HTML = {
  caption: 'Table 17.6 – Migration DUST End Dates',
  title: 'Migration DUST End Dates',
  position: 'before' as const,
  headers: ['Cohort', 'GroupID', 'Migration DUST End Date'],
  rows: [
    ['IOC', '', 'TBC'],
    ['MOC (MDS)', '', 'TBC'],
    ['MOC (Secure)', 'DA', ''],
    ['FOC (NP)', 'TBC', 'TBC'],
    ['FOC (BG)', 'EA', ''],
  ],
};

/** Each fixture's Table 17.6 as its writer's source says it (tests/fixtures/word). */
const EXPECTED: Record<
  WordFixture,
  { caption: string; title: string; position: 'before' | 'after'; headers: string[]; rows: string[][] }
> = {
  libreoffice: FROM_HTML,
  pandoc: {
    caption: 'Table 17.6 Migration DUST End Dates',
    title: 'Migration DUST End Dates',
    position: 'before',
    headers: ['Cohort', 'Group ID', 'End date'],
    rows: [
      ['IOC', '', 'TBC'],
      ['MOC (MDS)', '', 'TBC'],
      ['MOC (Secure)', 'DA', ''],
      ['FOC (NP)', 'TBC', 'TBC'],
      ['FOC (BG)', 'EA', ''],
    ],
  },
  docx: {
    caption: 'Table 17.6 Migration DUST End Dates',
    title: 'Migration DUST End Dates',
    position: 'after',
    headers: ['Cohort', 'GroupID', 'Migration DUST End Date', 'Notes'],
    rows: [
      ['IOC', '', 'TBC', 'Closure concluded May 2022'],
      ['MOC (MDS)', '', 'TBC', 'Closure concluded May 2022'],
      ['MOC (Secure)', 'DA', '', ''],
      ['FOC (NP)', '', 'TBC', ''],
      ['FOC (BG)', 'EA', '', ''],
    ],
  },
  // The split fixture is the LibreOffice one edited: a reader must see the same table.
  split: FROM_HTML,
};

describe.each(WORD_FIXTURES.map((f) => [f]))('findTable on the %s fixture', (fixture) => {
  const found = findTable(readWordFixture(fixture));

  it('finds Table 17.6 with its caption, headings and every row', () => {
    if (!found.ok) throw new Error(JSON.stringify(findingsOf(found)));
    const expected = EXPECTED[fixture];
    expect(found.warnings).toEqual([]);
    expect(found.value.caption).toBe(expected.caption);
    expect(found.value.title).toBe(expected.title);
    expect(found.value.captionPosition).toBe(expected.position);
    expect(found.value.headers).toEqual(expected.headers);
    expect(found.value.rows.slice(1).map((row) => row.map((cell) => cell.text))).toEqual(expected.rows);
  });

  it('gives each cell its row and column', () => {
    if (!found.ok) throw new Error('not found');
    for (const [r, row] of found.value.rows.entries())
      for (const [c, cell] of row.entries()) expect([cell.row, cell.column]).toEqual([r, c]);
  });

  it('maps the headings to cohort, GroupID and end date, other columns kept', () => {
    if (!found.ok) throw new Error('not found');
    const mapped = mapColumns(found.value.headers);
    if (!mapped.ok) throw new Error(JSON.stringify(findingsOf(mapped)));
    expect(mapped.value.fields).toEqual({ cohort: 0, groupId: 1, endDate: 2 });
    expect(mapped.value.extras).toEqual(fixture === 'docx' ? [{ column: 3, heading: 'Notes' }] : []);
  });
});

describe('findTable findings', () => {
  it('WORD_TABLE_NOT_FOUND when no paragraph starts with the caption', () => {
    const found = findTable(readWordFixture('pandoc'), { tableNumber: '17.7' });
    expect(found.ok).toBe(false);
    expect(findingsOf(found).map((f) => f.code)).toEqual(['WORD_TABLE_NOT_FOUND']);
  });

  it('finds another table by its number (Table 17.5, whose caption sits between two tables)', () => {
    const found = findTable(readWordFixture('docx'), { tableNumber: '17.5' });
    if (!found.ok) throw new Error(JSON.stringify(findingsOf(found)));
    expect(found.value.headers).toEqual(['Cohort', 'Description']);
    expect(found.value.captionPosition).toBe('after');
  });

  it('WORD_TABLE_AMBIGUOUS when two paragraphs next to tables start with the caption', () => {
    const twice = withDocumentXml(readWordFixture('docx'), (xml) =>
      xml.replace('The cohorts are listed in Table 17.5;', 'Table 17.5 lists the cohorts;'),
    );
    expect(findingsOf(findTable(twice, { tableNumber: '17.5' })).map((f) => f.code)).toEqual(['WORD_TABLE_AMBIGUOUS']);
  });

  it('WORD_CAPTION_NOT_ADJACENT when the caption is next to no table', () => {
    const apart = findTable(
      withDocumentXml(readWordFixture('pandoc'), (xml) =>
        xml
          .replace(
            '<w:p><w:pPr><w:pStyle w:val="TableCaption" /></w:pPr><w:r><w:t xml:space="preserve">Table 17.6',
            '<w:p><w:r><w:t>Not a table caption.</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="TableCaption" /></w:pPr><w:r><w:t xml:space="preserve">Table 17.6',
          )
          .replace(
            'End Dates</w:t></w:r></w:p><w:tbl>',
            'End Dates</w:t></w:r></w:p><w:p><w:r><w:t>Words.</w:t></w:r></w:p><w:tbl>',
          ),
      ),
    );
    expect(findingsOf(apart).map((f) => f.code)).toEqual(['WORD_CAPTION_NOT_ADJACENT']);
  });

  it('WORD_CELL_MERGED (a warning) for a merged cell, the table still read', () => {
    const merged = withDocumentXml(readWordFixture('docx'), (xml) =>
      xml.replace(
        '<w:tc><w:p><w:r><w:rPr><w:b w:val="false"/><w:bCs w:val="false"/></w:rPr><w:t xml:space="preserve">Closure concluded May 2022</w:t>',
        '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:rPr><w:b w:val="false"/><w:bCs w:val="false"/></w:rPr><w:t xml:space="preserve">Closure concluded May 2022</w:t>',
      ),
    );
    const found = findTable(merged);
    if (!found.ok) throw new Error(JSON.stringify(findingsOf(found)));
    expect(found.warnings.map((f) => [f.code, f.severity])).toEqual([['WORD_CELL_MERGED', 'warning']]);
    expect(found.value.rows[1]?.[3]?.merge).toEqual({ vMerge: 'restart' });
  });

  it('WORD_PACKAGE_UNREADABLE for bytes that are not a .docx, or a part that is not XML', () => {
    expect(findingsOf(findTable(new TextEncoder().encode('not a zip'))).map((f) => f.code)).toEqual([
      'WORD_PACKAGE_UNREADABLE',
    ]);
    const broken = withDocumentXml(readWordFixture('docx'), (xml) => xml.replace('</w:body>', ''));
    expect(findingsOf(findTable(broken)).map((f) => f.code)).toEqual(['WORD_PACKAGE_UNREADABLE']);
  });

  it('reads a caption whose number is a field result, never the field instruction', () => {
    // The docx fixture's caption is "Table 17." + a SEQ field whose result is "6".
    const found = findTable(readWordFixture('docx'));
    expect(found.ok && found.value.caption).toBe('Table 17.6 Migration DUST End Dates');
  });
});

describe('captions as Word writes them', () => {
  const pandocCaption = '<w:r><w:t xml:space="preserve">Table 17.6 Migration DUST End Dates</w:t></w:r>';

  it('reads the result of a complex SEQ field, not its instruction', () => {
    const field =
      '<w:r><w:t xml:space="preserve">Table 17.</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ Table \\* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>6</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> Migration DUST End Dates</w:t></w:r>';
    const found = findTable(withDocumentXml(readWordFixture('pandoc'), (xml) => xml.replace(pandocCaption, field)));
    expect(found.ok && found.value.caption).toBe('Table 17.6 Migration DUST End Dates');
  });

  it('finds a caption and table inside content controls (w:sdt)', () => {
    const wrapped = withDocumentXml(readWordFixture('pandoc'), (xml) => {
      const start = xml.lastIndexOf('<w:p>', xml.indexOf(pandocCaption));
      const end = xml.indexOf('</w:tbl>', start) + '</w:tbl>'.length;
      const sdt = (inner: string): string =>
        `<w:sdt><w:sdtPr><w:tag w:val="t"/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
      const captionEnd = xml.indexOf('</w:p>', start) + '</w:p>'.length;
      return xml.slice(0, start) + sdt(xml.slice(start, captionEnd) + sdt(xml.slice(captionEnd, end))) + xml.slice(end);
    });
    expect(zipEntries(wrapped)['word/document.xml']).toBeDefined();
    const found = findTable(wrapped);
    if (!found.ok) throw new Error(JSON.stringify(findingsOf(found)));
    expect(found.value.rows[3]?.map((c) => c.text)).toEqual(['MOC (Secure)', 'DA', '']);
  });
});

describe('captionTitle', () => {
  it('takes "Table 17.6" with or without a title, not 17.60 or 17.6.1', () => {
    expect(captionTitle('Table 17.6', '17.6')).toBe('');
    expect(captionTitle('Table\u00a017.6: Migration DUST', '17.6')).toBe('Migration DUST');
    expect(captionTitle('TABLE 17.6 – End dates', '17.6')).toBe('End dates');
    expect(captionTitle('Table 17.60 Other', '17.6')).toBeUndefined();
    expect(captionTitle('Table 17.6.1 Other', '17.6')).toBeUndefined();
    expect(captionTitle('See Table 17.6', '17.6')).toBeUndefined();
  });
});

describe('mapColumns', () => {
  it('matches headings case- and space-insensitively and keeps other columns', () => {
    const mapped = mapColumns(['Notes', 'END DATE', 'group id', 'Cohort name']);
    expect(mapped.ok && mapped.value).toEqual({
      fields: { cohort: 3, groupId: 2, endDate: 1 },
      extras: [{ column: 0, heading: 'Notes' }],
    });
  });

  it('takes overrides for headings that say something else', () => {
    const mapped = mapColumns(['Cohort', 'GroupID', 'Closure'], { endDate: 'closure' });
    expect(mapped.ok && mapped.value.fields).toEqual({ cohort: 0, groupId: 1, endDate: 2 });
  });

  it('WORD_COLUMN_UNMAPPED and WORD_COLUMN_AMBIGUOUS', () => {
    expect(findingsOf(mapColumns(['Cohort', 'GroupID', 'Closure'])).map((f) => f.code)).toEqual([
      'WORD_COLUMN_UNMAPPED',
    ]);
    expect(findingsOf(mapColumns(['Cohort', 'GroupID', 'End date'], { endDate: 'Finish' })).map((f) => f.code)).toEqual(
      ['WORD_COLUMN_UNMAPPED'],
    );
    expect(findingsOf(mapColumns(['Cohort', 'GroupID', 'Start end date', 'End date'])).map((f) => f.code)).toEqual([
      'WORD_COLUMN_AMBIGUOUS',
    ]);
  });
});

describe('readDocumentProperties', () => {
  it('reads the core and custom properties; the version from a custom "Version" property', () => {
    const properties = readDocumentProperties(readWordFixture('docx'));
    if (!properties.ok) throw new Error(JSON.stringify(findingsOf(properties)));
    expect(properties.value.core['title']).toBe('Migration Testing Approach Document (fictional test copy)');
    expect(properties.value.custom).toEqual({ Version: '0.0 (fictional)' });
    expect(documentVersion(properties.value)).toBe('0.0 (fictional)');
  });

  it('gives no version when the document states none', () => {
    const properties = readDocumentProperties(readWordFixture('libreoffice'));
    expect(properties.ok && documentVersion(properties.value)).toBeUndefined();
  });

  it('WORD_PACKAGE_UNREADABLE for bytes that are not a .docx', () => {
    expect(findingsOf(readDocumentProperties(new Uint8Array([1, 2, 3]))).map((f) => f.code)).toEqual([
      'WORD_PACKAGE_UNREADABLE',
    ]);
  });
});

describe('findTable on damaged packages', () => {
  it('gives findings, never an exception, for every truncation and single-byte damage of a fixture', () => {
    const bytes = readWordFixture('libreoffice');
    for (let cut = 0; cut < bytes.length; cut += 97) {
      expect(() => findTable(bytes.subarray(0, cut)), `cut at ${cut}`).not.toThrow();
      const damaged = bytes.slice();
      damaged[cut] = (damaged[cut] ?? 0) ^ 0xff;
      const found = findTable(damaged);
      expect(found.ok || findingsOf(found).length > 0, `byte ${cut} damaged`).toBe(true);
    }
  });
});
