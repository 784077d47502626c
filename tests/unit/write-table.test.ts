import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { parseAmendment } from '../../src/domain/model/amendment.js';
import { applyAmendments } from '../../src/domain/history/apply.js';
import { parseTable } from '../../src/domain/model/table.js';
import { asAtAfterWriting, writeTableChanges } from '../../src/domain/history/table-write-back.js';
import { isUnchanged, writeFileAtomically } from '../../src/io/write.js';
import { amendment, readRepoFile } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

const tableText = readRepoFile('data/table-17.6.yaml');
const input = () => valueOf(parseTable(tableText, 'data/table-17.6.yaml'));

describe('writeTableChanges', () => {
  it('changes only the changed cell, applied and asAt (the patch is reviewed as a document)', async () => {
    const { table, source } = input();
    const moc = amendment('mdust-close-moc-secure');
    const application = valueOf(applyAmendments(table, [moc]));
    const text = writeTableChanges(source, {
      ...application,
      after: { ...application.after, asAt: asAtAfterWriting(table.asAt, [moc], '2030-01-01') },
    });
    await expect(
      createTwoFilesPatch('a/data/table-17.6.yaml', 'b/data/table-17.6.yaml', tableText, text),
    ).toMatchFileSnapshot('golden/write-table-moc-secure.patch');
    const reread = parseTable(text, 'x.yaml');
    expect(findingsOf(reread)).toEqual([]);
    expect(valueOf(reread).table.cohorts[2]?.endDate).toEqual({ kind: 'date', date: '2023-01-31' });
    expect(valueOf(reread).table.asAt).toBe('2023-01-27');
  });

  it("drops the MTAD's text as written (written:) when an amendment gives the cell a value", () => {
    const text = tableText.replace(
      /(cohort: MOC \(Secure\)[\s\S]*?endDate:\n)\s+value: none\n/,
      '$1      unknown: The MTAD\'s cell reads "TBC".\n      written: TBC\n',
    );
    expect(text).not.toBe(tableText);
    const { table, source } = valueOf(parseTable(text, 'data/table-17.6.yaml'));
    expect(table.cohorts[2]?.endDate).toEqual({
      kind: 'unknown',
      note: 'The MTAD\'s cell reads "TBC".',
      written: 'TBC',
    });
    const moc = valueOf(
      parseAmendment(
        readRepoFile('data/amendments/mdust-close-moc-secure.yaml').replace('from: none', 'from: unknown'),
        'x.yaml',
      ),
    );
    const written = writeTableChanges(source, valueOf(applyAmendments(table, [moc])));
    const reread = parseTable(written, 'x.yaml');
    expect(findingsOf(reread)).toEqual([]);
    expect(valueOf(reread).table.cohorts[2]?.endDate).toEqual({ kind: 'date', date: '2023-01-31' });
  });

  it('writes nothing but the same text when nothing changed, and leaves the source document as it was', () => {
    const { table, source } = input();
    expect(writeTableChanges(source, { before: table, after: table, changes: [] })).toBe(tableText);
    const application = valueOf(applyAmendments(table, [amendment('mdust-close-moc-secure')]));
    writeTableChanges(source, application);
    expect(source.document.toString({ lineWidth: 0 })).toBe(tableText);
  });

  it('writes an unknown value with its note, dropping the value key', () => {
    const { table, source } = input();
    const reopen = valueOf(
      parseAmendment(
        readRepoFile('data/amendments/mdust-close-moc-secure.yaml').replace('to: 2023-01-31', 'to: unknown'),
        'a.yaml',
      ),
    );
    const text = writeTableChanges(source, valueOf(applyAmendments(table, [reopen])));
    expect(valueOf(parseTable(text, 'x.yaml')).table.cohorts[2]?.endDate).toMatchObject({ kind: 'unknown' });
  });
});

describe('asAtAfterWriting', () => {
  it('moves asAt to the latest modification date, or to today when a date is not known', () => {
    expect(asAtAfterWriting('2022-12-05', [amendment('mdust-close-moc-secure')], '2030-01-01')).toBe('2023-01-27');
    expect(asAtAfterWriting('2022-12-05', [amendment('mdust-close-foc-np')], '2024-05-01')).toBe('2024-05-01');
  });
});

describe('the compare step and the atomic write', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'mtad-write-'));

  it('isUnchanged compares the file now with the text read earlier', async () => {
    const path = join(folder(), 't.yaml');
    writeFileSync(path, 'a: 1\n');
    expect(await isUnchanged(path, 'a: 1\n')).toBe(true);
    writeFileSync(path, 'a: 2\n');
    expect(await isUnchanged(path, 'a: 1\n')).toBe(false);
  });

  it('refuses to replace a file that changed since it was read, leaving no temporary file', async () => {
    const dir = folder();
    const path = join(dir, 't.yaml');
    writeFileSync(path, 'changed meanwhile\n');
    const result = await writeFileAtomically(path, 'new\n', { text: 'as read\n' }, 't.yaml');
    expect(findingsOf(result).map((d) => d.code)).toEqual(['FILE_CHANGED_ON_DISK']);
    expect(readFileSync(path, 'utf8')).toBe('changed meanwhile\n');
    expect(readdirSync(dir)).toEqual(['t.yaml']);
  });

  it('replaces an unchanged file, creates a new one, and never replaces an existing one without force', async () => {
    const dir = folder();
    const path = join(dir, 't.yaml');
    writeFileSync(path, 'old\n');
    expect((await writeFileAtomically(path, 'new\n', { text: 'old\n' }, 't.yaml')).ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(findingsOf(await writeFileAtomically(path, 'other\n', 'absent', 't.yaml')).map((d) => d.code)).toEqual([
      'FILE_EXISTS',
    ]);
    expect((await writeFileAtomically(path, 'forced\n', 'any', 't.yaml')).ok).toBe(true);
    expect((await writeFileAtomically(join(dir, 'n.yaml'), 'fresh\n', 'absent', 'n.yaml')).ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['n.yaml', 't.yaml']);
  });
});
