import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { findTable, redlineTable, type TableChange, type WordTable } from '../../src/index.js';
import { readZip } from '../../src/word/zip.js';
import {
  convertToPdf,
  hasSoffice,
  pandocText,
  readWithPandocLater,
  readWordFixture,
  withDocumentXml,
  WORD_FIXTURES,
  zipEntries,
  type WordFixture,
} from '../helpers/word.js';
import { findTool } from '../helpers/tools.js';
import { findingsOf } from '../../src/domain/model/result.js';

const { missing: noPandoc } = findTool('pandoc');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const OPTIONS = { author: 'DCC', date: '2023-01-27' };
const CLOSE_MOC_SECURE: TableChange & { row: string } = {
  row: 'MOC (Secure)',
  column: 'endDate',
  from: '',
  to: '31 January 2023',
};

function tableOf(docx: Uint8Array): WordTable {
  const found = findTable(docx);
  if (!found.ok) throw new Error(JSON.stringify(findingsOf(found)));
  return found.value;
}

function redline(docx: Uint8Array, changes: TableChange[]): Uint8Array {
  const result = redlineTable(docx, tableOf(docx).location, changes, OPTIONS);
  if (!result.ok) throw new Error(JSON.stringify(findingsOf(result)));
  return result.value;
}

const documentXml = (docx: Uint8Array): string => new TextDecoder().decode(zipEntries(docx)['word/document.xml']);

/** document.xml re-serialised with the paragraphs of the given cells (row, column) of table `index` removed. */
function withoutCells(xml: string, tableIndex: number, cells: [number, number][]): string {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const table = doc.getElementsByTagNameNS(W, 'tbl')[tableIndex]!;
  const rows = Array.from(table.childNodes).filter((n): n is Element => (n as Element).localName === 'tr');
  for (const [r, c] of cells) {
    const cell = Array.from(rows[r]!.childNodes).filter((n): n is Element => (n as Element).localName === 'tc')[c]!;
    for (const p of Array.from(cell.childNodes).filter((n) => (n as Element).localName === 'p')) cell.removeChild(p);
  }
  return new XMLSerializer().serializeToString(doc);
}

/** The lines where two texts differ, as [before, after] pairs. */
function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i] ?? '']]));
}

describe.each(WORD_FIXTURES.map((f) => [f]))(
  'redlineTable on the %s fixture: MOC (Secure) ends on 31 January 2023',
  (fixture: WordFixture) => {
    const input = readWordFixture(fixture);
    const output = redline(input, [CLOSE_MOC_SECURE]);
    if (!noPandoc)
      for (const docx of [input, output])
        for (const [mode, to] of [
          ['reject', 'plain'],
          ['reject', 'html'],
          ['accept', 'html'],
        ] as const)
          readWithPandocLater(docx, mode, to);

    it("every zip entry except word/document.xml is byte for byte the input's, stored bytes too", () => {
      const before = zipEntries(input);
      const after = zipEntries(output);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const name of Object.keys(before))
        if (name !== 'word/document.xml')
          expect(Buffer.from(after[name]!).equals(Buffer.from(before[name]!)), name).toBe(true);
      // The stored (compressed) bytes of the untouched entries are copied, not re-compressed.
      const zip = readZip(input);
      if (!zip.ok) throw new Error(zip.reason);
      const byOffset = [...zip.zip.entries].sort((a, b) => a.localOffset - b.localOffset);
      for (const [i, entry] of byOffset.entries()) {
        if (entry.name === 'word/document.xml') continue;
        const record = input.subarray(entry.localOffset, byOffset[i + 1]?.localOffset ?? zip.zip.centralOffset);
        expect(Buffer.from(output).includes(Buffer.from(record)), entry.name).toBe(true);
      }
    });

    it('document.xml differs only inside the changed cell; declaration and namespaces are kept', () => {
      const before = documentXml(input);
      const after = documentXml(output);
      const { location } = tableOf(input);
      expect(withoutCells(after, location.tableIndex, [[3, 2]])).toBe(
        withoutCells(before, location.tableIndex, [[3, 2]]),
      );
      const rootTag = (xml: string): string => xml.slice(0, xml.indexOf('>', xml.indexOf('<w:document')) + 1);
      expect(rootTag(after)).toBe(rootTag(before));
    });

    it('the cell holds a w:ins by the author on the date, with a unique w:id', () => {
      const after = documentXml(output);
      const doc = new DOMParser().parseFromString(after, 'application/xml');
      const ins = Array.from(doc.getElementsByTagNameNS(W, 'ins')).filter(
        (e) => e.getAttributeNS(W, 'author') === 'DCC',
      );
      expect(ins).toHaveLength(1);
      expect(ins[0]!.getAttributeNS(W, 'date')).toBe('2023-01-27T00:00:00Z');
      expect(ins[0]!.textContent).toBe('31 January 2023');
      // The new date is formatted as the column's other dates are, not as the empty cell's leftover
      // run (2-point in the LibreOffice fixture).
      const size = (run: Element | undefined) =>
        run?.getElementsByTagNameNS(W, 'sz')[0]?.getAttributeNS(W, 'val') ?? null;
      const insertedRun = ins[0]!.getElementsByTagNameNS(W, 'r')[0];
      const dated = Array.from(doc.getElementsByTagNameNS(W, 'r')).find((r) => r.textContent === '30 September 2022');
      expect(size(insertedRun)).toBe(size(dated));
      const ids = Array.from(doc.getElementsByTagNameNS(W, '*'))
        .filter((e) => ['ins', 'del'].includes(e.localName ?? ''))
        .map((e) => e.getAttributeNS(W, 'id'));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it.skipIf(noPandoc)(
      "pandoc: reject-all gives exactly the input's text; accept-all the input's with the new cell",
      () => {
        expect(pandocText(output, 'reject', 'plain')).toBe(pandocText(input, 'reject', 'plain'));
        expect(pandocText(output, 'reject', 'html')).toBe(pandocText(input, 'reject', 'html'));
        const changed = changedLines(pandocText(input, 'accept', 'html'), pandocText(output, 'accept', 'html'));
        expect(changed).toHaveLength(1);
        expect(changed[0]![0].replace(/<[^>]*>/g, '')).toBe('');
        expect(changed[0]![1].replace(/<[^>]*>/g, '')).toBe('31 January 2023');
        // The changed line is the end-date cell of MOC (Secure)'s row.
        const lines = pandocText(output, 'accept', 'html').split('\n');
        const at = lines.indexOf(changed[0]![1]);
        expect(lines.slice(at - 2, at).map((l) => l.replace(/<[^>]*>/g, ''))).toEqual(['MOC (Secure)', 'DA']);
      },
    );

    it('findTable reads the redlined copy as the new table (deleted text is not text)', () => {
      const rows = tableOf(output).rows.map((row) => row.map((c) => c.text));
      expect(rows[3]?.slice(0, 3)).toEqual(['MOC (Secure)', 'DA', '31 January 2023']);
    });

    it('refuses a change whose `from` is not what the document holds, naming row and column', () => {
      const result = redlineTable(
        input,
        tableOf(input).location,
        [{ ...CLOSE_MOC_SECURE, from: '30 September 2022' }],
        OPTIONS,
      );
      expect(result.ok).toBe(false);
      expect(findingsOf(result)).toEqual([
        expect.objectContaining({
          code: 'WORD_PRECONDITION_FAILED',
          args: expect.objectContaining({
            cohort: 'MOC (Secure)',
            row: 3,
            column: 2,
            expected: '30 September 2022',
            actual: '',
          }),
        }),
      ]);
    });
  },
);

describe('redlineTable on cells with split runs, bookmarks and proofing marks', () => {
  const input = readWordFixture('split');
  const renamed = redline(input, [
    { row: 'MOC (Secure)', column: 'cohort', from: 'MOC (Secure)', to: 'MOC (Secure) cohort' },
    { row: 'FOC (NP)', column: 'groupId', from: 'TBC', to: '' },
  ]);
  if (!noPandoc) {
    readWithPandocLater(renamed, 'reject', 'plain');
    readWithPandocLater(redline(input, [CLOSE_MOC_SECURE]), 'accept', 'plain');
  }

  it.skipIf(noPandoc)(
    'keeps bookmarks and proofing marks where they are, wraps every split run, copies their w:rPr',
    () => {
      const output = renamed;
      const after = documentXml(output);
      const doc = new DOMParser().parseFromString(after, 'application/xml');
      const table = doc.getElementsByTagNameNS(W, 'tbl')[1]!;
      const cell = table.getElementsByTagNameNS(W, 'tr')[3]!.getElementsByTagNameNS(W, 'tc')[0]!;
      const order = Array.from(cell.getElementsByTagNameNS(W, 'p')[0]!.childNodes).map((n) => (n as Element).localName);
      expect(order).toEqual(['pPr', 'bookmarkStart', 'proofErr', 'del', 'ins', 'proofErr', 'bookmarkEnd']);
      expect(Array.from(cell.getElementsByTagNameNS(W, 'delText')).map((t) => t.textContent)).toEqual([
        'MO',
        'C (Sec',
        'ure)',
      ]);
      expect(cell.getElementsByTagNameNS(W, 't')).toHaveLength(1);
      const runs = Array.from(cell.getElementsByTagNameNS(W, 'r'));
      const properties = (run: Element): string =>
        new XMLSerializer().serializeToString(run.getElementsByTagNameNS(W, 'rPr')[0]!);
      expect(properties(runs[3]!)).toBe(properties(runs[0]!));
      // Reject-all gives the input's text, accept-all drops FOC (NP)'s GroupID and renames the cohort.
      expect(pandocText(output, 'reject', 'plain')).toBe(pandocText(input, 'reject', 'plain'));
      const rows = tableOf(output).rows.map((row) => row.map((c) => c.text));
      expect(rows[3]?.[0]).toBe('MOC (Secure) cohort');
      expect(rows[4]?.[1]).toBe('');
      // New ids count up from the largest in the part (bookmarks 0 and 1, the reviewer's 5 and 6).
      const ids = Array.from(doc.getElementsByTagNameNS(W, '*'))
        .filter((e) => e.getAttributeNS(W, 'author') === 'DCC')
        .map((e) => Number(e.getAttributeNS(W, 'id')));
      expect(Math.min(...ids)).toBe(7);
    },
  );

  it.skipIf(noPandoc)("the reviewer's tracked change elsewhere stays as it was", () => {
    const after = documentXml(redline(input, [CLOSE_MOC_SECURE]));
    expect(after).toContain('w:author="Fictional Reviewer"');
    expect(pandocText(redline(input, [CLOSE_MOC_SECURE]), 'accept', 'plain')).toContain('(fictional inserted words)');
  });
});

describe('redlineTable refusals', () => {
  const input = readWordFixture('split');
  const { location } = tableOf(input);

  it('WORD_ROW_NOT_FOUND for a cohort no row names', () => {
    expect(
      findingsOf(redlineTable(input, location, [{ ...CLOSE_MOC_SECURE, row: 'MOC (Other)' }], OPTIONS)).map(
        (f) => f.code,
      ),
    ).toEqual(['WORD_ROW_NOT_FOUND']);
  });

  it('WORD_TABLE_MOVED when the location is not the captioned table', () => {
    expect(
      findingsOf(redlineTable(input, { ...location, tableIndex: 0 }, [CLOSE_MOC_SECURE], OPTIONS)).map((f) => f.code),
    ).toEqual(['WORD_TABLE_MOVED']);
  });

  it('ARGUMENT_INVALID for a date that is not a calendar date or a UTC time', () => {
    for (const date of [
      '27/01/2023',
      '2023-02-30',
      '2023-01-27T00:00:00.000Z',
      '2023-02-30T00:00:00Z',
      '2023-01-27T24:00:00Z',
    ]) {
      expect(
        findingsOf(redlineTable(input, location, [CLOSE_MOC_SECURE], { ...OPTIONS, date })).map((f) => f.code),
        date,
      ).toEqual(['ARGUMENT_INVALID']);
    }
  });

  it('a calendar date is the start of that day in the UK: 23:00 UTC the day before in summer time', () => {
    const output = redlineTable(input, location, [CLOSE_MOC_SECURE], { ...OPTIONS, date: '2023-06-26' });
    if (!output.ok) throw new Error(JSON.stringify(findingsOf(output)));
    expect(documentXml(output.value)).toContain('w:date="2023-06-25T23:00:00Z"');
    const given = redlineTable(input, location, [CLOSE_MOC_SECURE], { ...OPTIONS, date: '2023-06-26T09:30:00Z' });
    expect(given.ok && documentXml(given.value)).toContain('w:date="2023-06-26T09:30:00Z"');
  });

  it.each([
    ['a field', '<w:fldSimple w:instr="DATE"><w:r><w:t>DA</w:t></w:r></w:fldSimple>'],
    ['a hyperlink', '<w:hyperlink w:anchor="x"><w:r><w:t>DA</w:t></w:r></w:hyperlink>'],
  ])('WORD_CELL_UNSUPPORTED for a cell holding %s', (holds, content) => {
    const edited = withDocumentXml(readWordFixture('pandoc'), (xml) =>
      xml.replace('<w:r><w:t xml:space="preserve">DA</w:t></w:r>', content),
    );
    const result = redlineTable(
      edited,
      tableOf(edited).location,
      [{ row: 'MOC (Secure)', column: 'groupId', from: 'DA', to: 'DB' }],
      OPTIONS,
    );
    expect(findingsOf(result)).toEqual([
      expect.objectContaining({
        code: 'WORD_CELL_UNSUPPORTED',
        args: expect.objectContaining({ holds, row: 3, column: 1 }),
      }),
    ]);
  });

  it('WORD_CELL_UNSUPPORTED for a second change of the same cell', () => {
    const twice = redlineTable(input, location, [CLOSE_MOC_SECURE, CLOSE_MOC_SECURE], OPTIONS);
    expect(findingsOf(twice)).toEqual([
      expect.objectContaining({
        code: 'WORD_CELL_UNSUPPORTED',
        args: expect.objectContaining({ holds: 'another change of this list' }),
      }),
    ]);
  });

  it('WORD_CELL_UNSUPPORTED for a cell that already carries a tracked change', () => {
    const once = redline(input, [CLOSE_MOC_SECURE]);
    const again = redlineTable(
      once,
      tableOf(once).location,
      [{ ...CLOSE_MOC_SECURE, from: '31 January 2023', to: '28 February 2023' }],
      OPTIONS,
    );
    expect(findingsOf(again)).toEqual([
      expect.objectContaining({
        code: 'WORD_CELL_UNSUPPORTED',
        args: expect.objectContaining({ holds: 'a tracked change', row: 3, column: 2 }),
      }),
    ]);
  });
});

/** A fictional row for the tests: the engine's mechanics, not DCC's data. */
const ROW_CHANGES: TableChange[] = [
  { remove: 'FOC (NP)' },
  { insert: { cohort: 'Fictional cohort', groupId: 'ZZ', endDate: 'TBC' }, after: 'FOC (BG)' },
];

/** The w:tr elements of table `index` in a document.xml. */
function rowsIn(xml: string, index: number): Element[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return Array.from(doc.getElementsByTagNameNS(W, 'tbl')[index]!.childNodes).filter(
    (n): n is Element => (n as Element).localName === 'tr',
  );
}

describe.each(WORD_FIXTURES.map((f) => [f]))(
  'redlineTable on the %s fixture: a row removed and a row inserted',
  (fixture: WordFixture) => {
    const input = readWordFixture(fixture);
    const { location } = tableOf(input);
    const output = redline(input, ROW_CHANGES);
    if (!noPandoc) for (const mode of ['accept', 'reject'] as const) readWithPandocLater(output, mode, 'plain');
    const before = rowsIn(documentXml(input), location.tableIndex);
    const after = rowsIn(documentXml(output), location.tableIndex);
    const revisionsOf = (tr: Element, name: string): Element[] =>
      Array.from(tr.getElementsByTagNameNS(W, 'trPr')[0]?.getElementsByTagNameNS(W, name) ?? []);

    it('marks the removed row w:trPr/w:del and deletes every run in it', () => {
      expect(after).toHaveLength(before.length + 1);
      const removed = after[4]!;
      expect(revisionsOf(removed, 'del').map((d) => d.getAttributeNS(W, 'author'))).toEqual(['DCC']);
      expect(removed.getElementsByTagNameNS(W, 't')).toHaveLength(0);
      const runs = Array.from(removed.getElementsByTagNameNS(W, 'r'));
      expect(runs.every((r) => (r.parentNode as Element).localName === 'del')).toBe(true);
      expect(
        Array.from(removed.getElementsByTagNameNS(W, 'delText'))
          .map((t) => t.textContent)
          .join(''),
      ).toBe(
        Array.from(before[4]!.getElementsByTagNameNS(W, 't'))
          .map((t) => t.textContent)
          .join(''),
      );
    });

    it('inserts the new row after FOC (BG), formatted like it, marked w:trPr/w:ins with its texts inserted', () => {
      const inserted = after[6]!;
      expect(revisionsOf(inserted, 'ins').map((d) => d.getAttributeNS(W, 'date'))).toEqual(['2023-01-27T00:00:00Z']);
      const texts = Array.from(inserted.getElementsByTagNameNS(W, 't'));
      expect(texts.map((t) => t.textContent)).toEqual(['Fictional cohort', 'ZZ', 'TBC']);
      expect(texts.every((t) => ((t.parentNode as Element).parentNode as Element).localName === 'ins')).toBe(true);
      const cellProperties = (tr: Element): string[] =>
        Array.from(tr.getElementsByTagNameNS(W, 'tcPr')).map((p) => new XMLSerializer().serializeToString(p));
      expect(cellProperties(inserted)).toEqual(cellProperties(before[5]!));
    });

    it('leaves every other row, and everything outside the table, as it was', () => {
      const serialise = (rows: Element[]): string[] => rows.map((r) => new XMLSerializer().serializeToString(r));
      expect(serialise([...after.slice(0, 4), after[5]!])).toEqual(serialise([...before.slice(0, 4), before[5]!]));
      const outside = (xml: string): string => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const tbl = doc.getElementsByTagNameNS(W, 'tbl')[location.tableIndex]!;
        for (const tr of Array.from(tbl.childNodes).filter((n) => (n as Element).localName === 'tr'))
          tbl.removeChild(tr);
        return new XMLSerializer().serializeToString(doc);
      };
      expect(outside(documentXml(output))).toBe(outside(documentXml(input)));
    });

    it.skipIf(noPandoc)(
      'pandoc, which ignores row marks, reads the runs: accept drops the removed texts, reject the inserted ones',
      () => {
        const accepted = pandocText(output, 'accept', 'plain');
        expect(accepted).toContain('Fictional cohort');
        expect(accepted).not.toContain('FOC (NP)');
        const rejected = pandocText(output, 'reject', 'plain');
        expect(rejected).toContain('FOC (NP)');
        expect(rejected).not.toContain('Fictional cohort');
      },
    );
  },
);

describe('redlineTable row refusals', () => {
  const input = readWordFixture('pandoc');
  const { location } = tableOf(input);
  const codes = (changes: TableChange[]): string[] =>
    findingsOf(redlineTable(input, location, changes, OPTIONS)).map((f) => f.code);

  it('WORD_ROW_EXISTS for a cohort that already has a row; WORD_ROW_NOT_FOUND for removing one that has none', () => {
    expect(codes([{ insert: { cohort: 'MOC (Secure)' } }])).toEqual(['WORD_ROW_EXISTS']);
    expect(codes([{ remove: 'Fictional cohort' }])).toEqual(['WORD_ROW_NOT_FOUND']);
  });

  it('WORD_COLUMN_UNMAPPED for a cell of an inserted row under no heading', () => {
    expect(codes([{ insert: { cohort: 'Fictional cohort', Closure: 'x' } }])).toEqual(['WORD_COLUMN_UNMAPPED']);
  });

  it('WORD_CELL_UNSUPPORTED for a cell change in a row also removed', () => {
    expect(codes([{ remove: 'MOC (Secure)' }, CLOSE_MOC_SECURE])).toEqual(['WORD_CELL_UNSUPPORTED']);
  });
});

describe('LibreOffice opens every redlined fixture', () => {
  const soffice = hasSoffice();
  if (!soffice && !process.env.CI) {
    it.skip('soffice is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui', () => {});
    return;
  }
  it('converts each redlined copy to PDF without error', { timeout: 240_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtad-word-pdf-'));
    const files = WORD_FIXTURES.flatMap((fixture) => {
      const cells = join(dir, `${fixture}.docx`);
      writeFileSync(cells, redline(readWordFixture(fixture), [CLOSE_MOC_SECURE]));
      const rows = join(dir, `${fixture}-rows.docx`);
      writeFileSync(rows, redline(readWordFixture(fixture), ROW_CHANGES));
      return [cells, rows];
    });
    const result = convertToPdf(dir, files);
    expect(result.status, result.stderr).toBe(0);
    // The profile made as mtad makes its own spares LibreOffice its graphics self-tests, whose log
    // they would leave in it (src/io/soffice.ts).
    expect(existsSync(join(dir, 'profile/user/GraphicsRenderTests.log'))).toBe(false);
    for (const fixture of WORD_FIXTURES.flatMap((f) => [f, `${f}-rows`])) {
      const pdf = join(dir, `${fixture}.pdf`);
      expect(existsSync(pdf), pdf).toBe(true);
      expect(statSync(pdf).size).toBeGreaterThan(1000);
    }
  });
});
