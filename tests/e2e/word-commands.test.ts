import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findTable } from '../../src/index.js';
import { copyOfData, ROOT, snapshotTree } from '../helpers/cli.js';
import { runMain, type MainRun } from '../helpers/main.js';
import {
  convertToPdf,
  docxFromMarkdown,
  hasSoffice,
  pandocText,
  readWithPandocLater,
  readWordFixture,
  withDocumentXml,
  WORD_FIXTURES,
  zipEntries,
  type WordFixture,
} from '../helpers/word.js';

/*
 * The commands on top of the Word engine, run as the user runs them (main() in-process): mtad
 * import, mtad check --against and mtad amend --into, on the fictional MTAD-like documents of
 * three writers (tests/fixtures/word/README.md), the README's example, and hostile inputs.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const FIXTURES = [...WORD_FIXTURES, 'example'] as const;
type Fixture = WordFixture | 'example';

const fixturePath = (name: Fixture) => join(ROOT, 'tests', 'fixtures', 'word', `mtad-${name}.docx`);
const readFixture = (name: Fixture): Uint8Array =>
  name === 'example' ? new Uint8Array(readFileSync(fixturePath(name))) : readWordFixture(name);

/** The codes of the findings printed on standard error, in order. */
const codes = (stderr: string): string[] => [...stderr.matchAll(/\[([A-Z0-9_]+)\]$/gm)].map((m) => m[1] ?? '');

/** A copy of the shipped data with a document beside it, as MTAD.docx. */
function projectWith(docx: Uint8Array, name = 'MTAD.docx'): string {
  const cwd = copyOfData();
  writeFileSync(join(cwd, name), docx);
  return cwd;
}

const PANDOC_SOURCE = readFileSync(join(ROOT, 'tests/fixtures/word/mtad-pandoc.md'), 'utf8');

/**
 * The documents of the tests below made by pandoc from Markdown (the writer of one fixture), for
 * tables of their own: all made by one pandoc.
 */
const [withoutFocBg, precondition, prose, closure, noTable, twoTables] = docxFromMarkdown([
  readFileSync(join(ROOT, 'tests/fixtures/word/mtad-example.md'), 'utf8').replace(/^\| FOC \(BG\).*\n/m, ''),
  PANDOC_SOURCE.replace('| MOC (Secure) | DA | |', '| MOC (Secure) | DA | 28 February 2023 |'),
  PANDOC_SOURCE.replace('| FOC (NP) | TBC | TBC |', '| FOC (NP) | TBC | end of September 2022 |').replace(
    '| FOC (BG) | EA | |',
    '| FOC (BG) | EA | Tuesday 31 January 2023 |',
  ),
  PANDOC_SOURCE.replace('| Cohort | Group ID | End date |', '| Cohort | Group ID | Closure |').replace(
    'Table: Table 17.6',
    'Table: Table 17.7',
  ),
  '# Nothing\n\nNo table here.\n',
  `${PANDOC_SOURCE}\n\nTable: Table 17.6 Again\n\n| Cohort | GroupID | End date |\n|---|---|---|\n| X | Y | |\n`,
]) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];

/** The document.xml of a .docx with the end-date cell of FOC (NP) in Table 17.6 vertically merged. */
function withMergedCell(docx: Uint8Array): Uint8Array {
  return withDocumentXml(docx, (xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const found = findTable(docx);
    if (!found.ok) throw new Error('no table');
    const table = doc.getElementsByTagNameNS(W, 'tbl')[found.value.location.tableIndex]!;
    const rows = Array.from(table.getElementsByTagNameNS(W, 'tr'));
    const cell = Array.from(rows[4]!.getElementsByTagNameNS(W, 'tc'))[2]! as Element;
    let properties = cell.getElementsByTagNameNS(W, 'tcPr')[0];
    if (!properties) {
      properties = doc.createElementNS(W, 'w:tcPr');
      cell.insertBefore(properties, cell.firstChild);
    }
    properties.appendChild(doc.createElementNS(W, 'w:vMerge'));
    return new XMLSerializer().serializeToString(doc);
  });
}

describe.each(FIXTURES.map((f) => [f]))('mtad import on the %s fixture', (fixture: Fixture) => {
  it('prints the expected table file with --dry-run, each value sourced, and a warning per cell kept as written', async () => {
    const cwd = projectWith(readFixture(fixture));
    const before = readFileSync(join(cwd, 'data/table-17.6.yaml'), 'utf8');
    const run = await runMain(['import', 'MTAD.docx', '--dry-run'], cwd);
    expect(run.status, run.stderr).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`golden/import/${fixture}.yaml`);
    // Every cell mtad does not read ("TBC", an empty GroupID) is named; nothing else is said.
    expect(new Set(codes(run.stderr))).toEqual(new Set(['WORD_VALUE_KEPT']));
    expect(run.stderr).toMatch(/^MTAD\.docx: warning: IOC, .* \(row 2, column 3\) reads "TBC"/m);
    // --dry-run writes nothing.
    expect(readFileSync(join(cwd, 'data/table-17.6.yaml'), 'utf8')).toBe(before);
  });
});

describe('mtad import, check --against, amend --into: the walkthrough', () => {
  it('refuses to replace the table without --force: prints the redline, exits 2, writes nothing', async () => {
    const cwd = projectWith(readFixture('example'));
    const before = readFileSync(join(cwd, 'data/table-17.6.yaml'), 'utf8');
    const run = await runMain(['import', 'MTAD.docx'], cwd);
    expect(run.status).toBe(2);
    expect(codes(run.stderr).at(-1)).toBe('IMPORT_TABLE_EXISTS');
    // The redline between the shipped table and the import, which brings a column the table lacked.
    expect(run.stdout).toMatch(/^~  MOC \(Secure\) +DA +\{\+DUST, UEPT\+\}$/m);
    expect(readFileSync(join(cwd, 'data/table-17.6.yaml'), 'utf8')).toBe(before);
  });

  it('imports with --force; check --against passes, then names each cell that drifts, in every format', async () => {
    const cwd = projectWith(readFixture('example'));
    const imported = await runMain(['import', 'MTAD.docx', '--force', '--version', '4.0'], cwd);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toBe('Wrote data/table-17.6.yaml: Table 17.6 from MTAD.docx, 5 rows.\n');
    const table = readFileSync(join(cwd, 'data/table-17.6.yaml'), 'utf8');
    expect(table).toContain('value: "4.0"');
    expect(table).toMatch(/sha256 [0-9a-f]{64}, version 4\.0\), Table 17\.6, row 5, column 3/);
    // The other column is carried into the views: show prints it.
    const show = await runMain(['show'], cwd);
    expect(show.stdout).toMatch(/Cohort +GroupID +Migration DUST End Date +Environments/);

    const agrees = await runMain(['check', '--against', 'MTAD.docx'], cwd);
    expect(agrees.status, agrees.stdout).toBe(0);
    expect(agrees.stdout).not.toContain('WORD_');

    // Drift: the table says FOC (BG) ends on a date the document does not hold, and an extra text differs.
    writeFileSync(
      join(cwd, 'data/table-17.6.yaml'),
      table
        .replace(/(cohort: FOC \(BG\)[\s\S]*?endDate:\n\s+value:) none/, '$1 2023-03-31')
        .replace(/(cohort: FOC \(BG\)[\s\S]*?Environments:) DUST, UEPT/, '$1 DUST'),
    );
    const drift = await runMain(['check', '--against', 'MTAD.docx', '--format', 'json'], cwd);
    expect(drift.status).toBe(1);
    const report = JSON.parse(drift.stdout) as { diagnostics: { code: string; file?: string; line?: number }[] };
    const found = report.diagnostics.filter((d) => d.code.startsWith('WORD_'));
    expect(found.map((d) => d.code)).toEqual(['WORD_CELL_DIFFERS', 'WORD_CELL_DIFFERS']);
    expect(found.every((d) => d.file === 'data/table-17.6.yaml' && typeof d.line === 'number')).toBe(true);
    const stylish = await runMain(['check', '--against', 'MTAD.docx'], cwd);
    expect(stylish.stdout).toContain(
      'FOC (BG), Migration DUST End Date (row 6, column 3 of the Word table): the table holds "31 March 2023", the Word document ""',
    );
    expect(stylish.stdout).toContain('FOC (BG), Environments (row 6, column 4 of the Word table)');
    const sarif = await runMain(['check', '--against', 'MTAD.docx', '--format', 'sarif'], cwd);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(log.runs[0]!.results.filter((r) => r.ruleId === 'WORD_CELL_DIFFERS')).toHaveLength(2);
    const github = await runMain(['check', '--against', 'MTAD.docx', '--format', 'github'], cwd);
    expect(github.stdout).toMatch(/^::error file=data\/table-17\.6\.yaml,line=\d+,col=\d+.*WORD_CELL_DIFFERS/m);
  });

  it("carries the document's other column and its kept texts through every redline of the pack", async () => {
    const cwd = projectWith(readFixture('example'));
    expect((await runMain(['import', 'MTAD.docx', '--force'], cwd)).status).toBe(0);
    const json = await runMain(['amend', '--format', 'json', '--redline-only'], cwd);
    const redline = (
      JSON.parse(json.stdout) as {
        redline: { headings: string[]; rows: { cohort: string; cells: { after: string | null }[] }[] };
      }
    ).redline;
    expect(redline.headings).toEqual(['Cohort', 'GroupID', 'Migration DUST End Date', 'Environments']);
    expect(redline.rows[0]!.cells.map((c) => c.after)).toEqual(['IOC', 'TBC', 'TBC', 'DUST, UEPT']);
    const run = await runMain(['amend', '--out', 'pack', '--into', 'MTAD.docx'], cwd);
    expect(run.status, run.stderr).toBe(0);
    for (const file of ['redline.md', 'redline.html']) {
      const text = readFileSync(join(cwd, 'pack', file), 'utf8');
      expect(text, file).toContain('Environments');
      expect(text, file).toContain('DUST, UEPT');
    }
    const word = new TextDecoder().decode(
      zipEntries(new Uint8Array(readFileSync(join(cwd, 'pack/redline.docx'))))['word/document.xml'],
    );
    expect(word).toContain('Environments');
    expect(readFileSync(join(cwd, 'pack/table-17.6.yaml'), 'utf8')).toContain('Environments: DUST, UEPT');
    // The pack's marker lists the redlined MTAD as a file mtad wrote: --force replaces the pack.
    expect(readFileSync(join(cwd, 'pack/.mtad-pack'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}MTAD Draft Redlined\.docx$/m);
    const again = await runMain(['amend', '--out', 'pack', '--into', 'MTAD.docx', '--force'], cwd);
    expect(again.status, again.stderr).toBe(0);
  });

  it('--force replaces a table, never an amendment or another file named by --table', async () => {
    const cwd = projectWith(readFixture('example'));
    for (const table of ['data/amendments/mdust-close-moc-secure.yaml', 'data/departments.yaml']) {
      const before = snapshotTree(cwd);
      const run = await runMain(['import', 'MTAD.docx', '--table', table, '--force', '--as-at', '2022-12-05'], cwd);
      expect(run.status, table).toBe(2);
      expect(run.stderr).toContain('[OUT_NOT_MTAD]');
      expect(snapshotTree(cwd)).toEqual(before);
    }
  });

  it('check --against names a row the document lacks', async () => {
    const cwd = projectWith(readFixture('example'));
    await runMain(['import', 'MTAD.docx', '--force'], cwd);
    writeFileSync(join(cwd, 'MTAD.docx'), withoutFocBg);
    const run = await runMain(['check', '--against', 'MTAD.docx'], cwd);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('the cohort "FOC (BG)" has a row in the table but none in the Word document');
    expect(run.stdout).toContain('WORD_ROW_MISSING');
  });
});

/**
 * `mtad amend --out pack --into "MTAD <fixture>.docx"` in a project of its own, run once per
 * fixture: the tests of the copy it writes and LibreOffice's opening of it read the same pack.
 */
const intoRuns = new Map<WordFixture, { cwd: string; ran: Promise<MainRun> }>();
function amendedInto(fixture: WordFixture): { cwd: string; ran: Promise<MainRun> } {
  const known = intoRuns.get(fixture);
  if (known) return known;
  const cwd = projectWith(readWordFixture(fixture), `MTAD ${fixture}.docx`);
  const made = { cwd, ran: runMain(['amend', '--out', 'pack', '--into', `MTAD ${fixture}.docx`], cwd) };
  intoRuns.set(fixture, made);
  return made;
}

/**
 * Each fixture's Draft Redlined copy, once its run is done, with the pandoc readings of it and of
 * its input announced: the first test that reads one with pandoc reads all of them, by one pandoc.
 */
let everyCopyRead: Promise<void> | undefined;
const readEveryCopyLater = (): Promise<void> =>
  (everyCopyRead ??= (async () => {
    for (const fixture of WORD_FIXTURES) {
      const { cwd, ran } = amendedInto(fixture);
      await ran;
      const path = join(cwd, 'pack', `MTAD ${fixture} Draft Redlined.docx`);
      if (!existsSync(path)) continue;
      for (const docx of [readWordFixture(fixture), new Uint8Array(readFileSync(path))]) {
        readWithPandocLater(docx, 'reject', 'plain');
        readWithPandocLater(docx, 'accept', 'html');
      }
    }
  })());

describe.each(WORD_FIXTURES.map((f) => [f]))('mtad amend --out pack --into the %s fixture', (fixture: WordFixture) => {
  const input = readWordFixture(fixture);
  // Started by the first test that needs it, not while the tests are collected: four runs at once
  // would make the first test wait for all four.
  const ran = () => amendedInto(fixture).ran;
  const outputPath = () => join(amendedInto(fixture).cwd, 'pack', `MTAD ${fixture} Draft Redlined.docx`);

  it('adds "<document name> Draft Redlined.docx" to the pack', async () => {
    const run = await ran();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`  MTAD ${fixture} Draft Redlined.docx\n`);
    expect(existsSync(outputPath())).toBe(true);
  });

  it("every zip entry but word/document.xml is the input's; the changes carry the amendment's author and date", async () => {
    await ran();
    const output = new Uint8Array(readFileSync(outputPath()));
    const before = zipEntries(input);
    const after = zipEntries(output);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before))
      if (name !== 'word/document.xml')
        expect(Buffer.from(after[name]!).equals(Buffer.from(before[name]!)), name).toBe(true);
    const xml = new TextDecoder().decode(after['word/document.xml']);
    const marks = [...xml.matchAll(/<w:ins w:id="\d+" w:author="([^"]*)" w:date="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    // The shipped amendment: consultations@smartdcc.co.uk, issued on 5 December 2022 (midnight in the UK).
    expect(marks).toContainEqual(['consultations@smartdcc.co.uk', '2022-12-05T00:00:00Z']);
  });

  it("pandoc: reject-all gives the input's text, accept-all the input's with MOC (Secure)'s new end date", async () => {
    await ran();
    await readEveryCopyLater();
    const output = new Uint8Array(readFileSync(outputPath()));
    expect(pandocText(output, 'reject', 'plain')).toBe(pandocText(input, 'reject', 'plain'));
    const accepted = pandocText(output, 'accept', 'html').split('\n');
    const original = pandocText(input, 'accept', 'html').split('\n');
    const changed = accepted.flatMap((line, i) => (line === original[i] ? [] : [[original[i], line]]));
    expect(accepted).toHaveLength(original.length);
    expect(changed.map(([a, b]) => [a?.replace(/<[^>]*>/g, ''), b?.replace(/<[^>]*>/g, '')])).toEqual([
      ['', '31 January 2023'],
    ]);
  });
});

describe('LibreOffice opens every Draft Redlined copy mtad amend --into wrote', () => {
  if (!hasSoffice() && !process.env.CI) {
    it.skip('soffice is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui', () => {});
    return;
  }
  it('converts each to PDF without error', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtad-into-pdf-'));
    const files: string[] = [];
    for (const fixture of WORD_FIXTURES) {
      const { cwd, ran } = amendedInto(fixture);
      const run = await ran;
      expect(run.status, run.stderr).toBe(0);
      const copy = join(dir, `${fixture}.docx`);
      writeFileSync(copy, readFileSync(join(cwd, 'pack', `MTAD ${fixture} Draft Redlined.docx`)));
      files.push(copy);
    }
    const result = convertToPdf(dir, files);
    expect(result.status, result.stderr).toBe(0);
    for (const fixture of WORD_FIXTURES) expect(statSync(join(dir, `${fixture}.pdf`)).size).toBeGreaterThan(1000);
  });
});

describe('amend --into refuses a document whose cell does not hold what the change expects', () => {
  it('names row and column, exits 1 and writes no pack', async () => {
    const cwd = projectWith(precondition);
    const run = await runMain(['amend', '--out', 'pack', '--into', 'MTAD.docx'], cwd);
    expect(run.status).toBe(1);
    expect(codes(run.stderr)).toEqual(['WORD_PRECONDITION_FAILED']);
    expect(run.stderr).toContain(
      'MTAD.docx: error: MOC (Secure), End date (row 4, column 3): the change expects "", but the Word document holds "28 February 2023"',
    );
    expect(existsSync(join(cwd, 'pack'))).toBe(false);
  });

  it('--into without --out is a usage error', async () => {
    const cwd = projectWith(readFixture('pandoc'));
    const run = await runMain(['amend', '--into', 'MTAD.docx'], cwd);
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['OPTION_NEEDS']);
  });
});

describe('import: values mtad does not read, and named columns', () => {
  it('keeps a merged cell as written, with the finding that names its row and column', async () => {
    const cwd = projectWith(withMergedCell(readFixture('pandoc')));
    const run = await runMain(['import', 'MTAD.docx', '--dry-run'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('row 5, column 3 ("End date") is a merged cell (vertical merge, continue)');
    expect(run.stdout).toMatch(
      /cohort: FOC \(NP\)[\s\S]*?endDate:\n\s+unknown: The MTAD's cell is merged with another/,
    );
  });

  it('keeps an end date in prose as written; reads one in UK long form with its weekday', async () => {
    const cwd = projectWith(prose);
    const run = await runMain(['import', 'MTAD.docx', '--dry-run'], cwd);
    expect(run.stderr).toContain('FOC (NP), End date (row 5, column 3) reads "end of September 2022"');
    expect(run.stdout).toContain('written: end of September 2022');
    expect(run.stdout).toMatch(/cohort: FOC \(BG\)[\s\S]*?endDate:\n\s+value: 2023-01-31/);
  });

  it('--column names a heading the words do not find; --table-number another caption', async () => {
    const cwd = projectWith(closure);
    const unnamed = await runMain(['import', 'MTAD.docx', '--dry-run', '--table-number', '17.7'], cwd);
    expect(unnamed.status).toBe(1);
    expect(codes(unnamed.stderr)).toEqual(['WORD_COLUMN_UNMAPPED']);
    const named = await runMain(
      ['import', 'MTAD.docx', '--dry-run', '--table-number', '17.7', '--column', 'endDate=Closure'],
      cwd,
    );
    expect(named.status, named.stderr).toBe(0);
    expect(named.stdout).toContain('endDate: Closure');
    const wrong = await runMain(['import', 'MTAD.docx', '--column', 'end=Closure'], cwd);
    expect(wrong.status).toBe(2);
    expect(codes(wrong.stderr)).toEqual(['ARGUMENT_INVALID']);
  });

  it('into a project without a table: needs --as-at, then writes a table that mtad check accepts', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mtad-import-new-'));
    writeFileSync(join(cwd, 'MTAD.docx'), readFixture('example'));
    const without = await runMain(['import', 'MTAD.docx', '--table', 'table.yaml'], cwd);
    expect(without.status).toBe(2);
    expect(codes(without.stderr)).toEqual(['ARGUMENT_MISSING']);
    expect(without.stderr).toContain('--as-at');
    const bad = await runMain(['import', 'MTAD.docx', '--table', 'table.yaml', '--as-at', '2022-02-30'], cwd);
    expect(bad.status).toBe(2);
    const run = await runMain(['import', 'MTAD.docx', '--table', 'table.yaml', '--as-at', '2022-12-05'], cwd);
    expect(run.status, run.stderr).toBe(0);
    const table = readFileSync(join(cwd, 'table.yaml'), 'utf8');
    expect(table).toContain('asAt: 2022-12-05\napplied: []\n');
    const check = await runMain(['check', 'table.yaml', '--format', 'json'], cwd);
    const found = (JSON.parse(check.stdout) as { diagnostics: { severity: string }[] }).diagnostics;
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("reads the version from the document's properties, or takes --version", async () => {
    const cwd = projectWith(readFixture('docx'));
    const run = await runMain(['import', 'MTAD.docx', '--dry-run'], cwd);
    expect(run.stdout).toMatch(
      /version:\n\s+value: "?[^\n]+"?\n\s+source: MTAD\.docx \(sha256 [0-9a-f]{64}\), its document properties\./,
    );
    const given = await runMain(['import', 'MTAD.docx', '--dry-run', '--version', '9.9'], cwd);
    expect(given.stdout).toContain('source: Given with --version when importing MTAD.docx');
  });
});

describe('hostile documents: one clear finding each, never a stack trace', () => {
  const rels = zipEntries(readWordFixture('pandoc'))['_rels/.rels']!;
  /** A zip of a document.xml that declares 1 GiB uncompressed (a zip bomb's claim). */
  function zipBomb(): Uint8Array {
    const zip = zipSync({ '_rels/.rels': rels, 'word/document.xml': new Uint8Array(1024 * 1024) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const name = new TextEncoder().encode('word/document.xml');
    for (let at = 0; at + 46 < zip.length; at++) {
      const signature = view.getUint32(at, true);
      const field = signature === 0x04034b50 ? 22 : signature === 0x02014b50 ? 24 : undefined;
      if (field === undefined) continue;
      const nameAt = at + (signature === 0x04034b50 ? 30 : 46);
      if (name.every((byte, i) => zip[nameAt + i] === byte)) view.setUint32(at + field, 1024 * 1024 * 1024, true);
    }
    return zip;
  }
  const CASES: [string, Uint8Array, string[], number][] = [
    ['a file that is not a zip', new TextEncoder().encode('not a Word document'), ['WORD_PACKAGE_UNREADABLE'], 2],
    ['a zip bomb', zipBomb(), ['WORD_PACKAGE_UNREADABLE'], 2],
    ['a package without document.xml', zipSync({ '_rels/.rels': rels }), ['WORD_PACKAGE_UNREADABLE'], 2],
    ['a document without Table 17.6', noTable, ['WORD_TABLE_NOT_FOUND'], 1],
    ['two tables numbered 17.6', twoTables, ['WORD_TABLE_AMBIGUOUS'], 1],
  ];
  it.each(CASES)('%s', async (_name, docx, expected, status) => {
    const cwd = projectWith(docx);
    for (const args of [
      ['import', 'MTAD.docx', '--dry-run'],
      ['check', '--against', 'MTAD.docx', '--format', 'json'],
      ['amend', '--out', 'pack', '--into', 'MTAD.docx'],
    ]) {
      const run = await runMain(args, cwd);
      const found =
        args[0] === 'check'
          ? (JSON.parse(run.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)
          : codes(run.stderr);
      expect(
        found.filter((c) => c !== 'VALUE_UNKNOWN'),
        args.join(' '),
      ).toEqual(expected);
      expect(run.status, args.join(' ')).toBe(status);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
    expect(existsSync(join(cwd, 'pack'))).toBe(false);
  });

  // What is not a Word document is the wrong file named (2) in every command that reads a .docx; a
  // Word document that does not hold what the command reads is a problem in the data (1).
  it.each(CASES.filter(([, , expected]) => expected.includes('WORD_PACKAGE_UNREADABLE')))(
    '%s, given as a response template, is refused as by the other commands (exit status 2)',
    async (_name, docx, expected, status) => {
      const cwd = projectWith(docx);
      const run = await runMain(['responses', 'import', 'MTAD.docx', '--received', '2023-01-12 15:20'], cwd);
      expect(codes(run.stderr)).toEqual(expected);
      expect(run.status).toBe(status);
      expect(existsSync(join(cwd, 'data/responses'))).toBe(false);
    },
  );

  it('a file too large to be a Word document is the wrong file named in all four commands (exit status 2)', async () => {
    const cwd = projectWith(new Uint8Array(0));
    const path = join(cwd, 'MTAD.docx');
    // Sparse: larger than any Word document mtad reads (64 MiB), and than a response template (32 MiB).
    truncateSync(path, 64 * 1024 * 1024 + 1);
    try {
      for (const args of [
        ['import', 'MTAD.docx', '--dry-run'],
        ['check', '--against', 'MTAD.docx', '--format', 'json'],
        ['amend', '--out', 'pack', '--into', 'MTAD.docx'],
        ['responses', 'import', 'MTAD.docx', '--received', '2023-01-12 15:20'],
      ]) {
        const run = await runMain(args, cwd);
        const found =
          args[0] === 'check'
            ? (JSON.parse(run.stdout) as { diagnostics: { code: string; message: string }[] }).diagnostics.map(
                ({ code, message }) => ({ code, message }),
              )
            : [{ code: codes(run.stderr)[0], message: run.stderr }];
        expect(
          found.filter((d) => d.code !== 'VALUE_UNKNOWN'),
          args.join(' '),
        ).toEqual([
          { code: 'WORD_PACKAGE_UNREADABLE', message: expect.stringContaining('it is 67108865 bytes, more than a') },
        ]);
        expect(run.status, args.join(' ')).toBe(2);
      }
      expect(existsSync(join(cwd, 'pack'))).toBe(false);
      expect(existsSync(join(cwd, 'data/responses'))).toBe(false);
    } finally {
      rmSync(path);
    }
  });

  it('a response template is read as a Word document is, with its own limit and its own name', async () => {
    const cwd = projectWith(new Uint8Array(0), 'filled.docx');
    const path = join(cwd, 'filled.docx');
    const run = (file: string) => runMain(['responses', 'import', file, '--received', '2023-01-12 15:20'], cwd);
    // Sparse: larger than a response template can be (32 MiB), though not than a Word document.
    truncateSync(path, 32 * 1024 * 1024 + 1);
    try {
      const large = await run('filled.docx');
      expect(large.stderr).toBe(
        'filled.docx: error: cannot read the Word document: it is 33554433 bytes, more than a response template ' +
          'can be (33554432) [WORD_PACKAGE_UNREADABLE]\n',
      );
      expect(large.status).toBe(2);
    } finally {
      rmSync(path);
    }
    const missing = await run('missing.docx');
    expect(missing.stderr).toBe(
      'missing.docx: error: the response template missing.docx does not exist [FILE_NOT_FOUND]\n',
    );
    expect(missing.status).toBe(2);
    const folder = await run('data');
    expect(folder.stderr).toMatch(/^data: error: .*it is a folder.* \[FILE_UNREADABLE\]\n$/);
    expect(folder.status).toBe(2);
    expect(existsSync(join(cwd, 'data/responses'))).toBe(false);
  });

  it('a missing document is FILE_NOT_FOUND (exit status 2)', async () => {
    const cwd = copyOfData();
    const run = await runMain(['import', 'missing.docx'], cwd);
    expect(run.status).toBe(2);
    expect(codes(run.stderr)).toEqual(['FILE_NOT_FOUND']);
  });
});

describe('the Word engine (dist/word.cjs)', () => {
  it('stays out of the start-up: only the commands that read a Word document load it, on demand', () => {
    const loadedAtStart = ['start.cjs', 'cli.cjs']
      .map((name) => readFileSync(join(ROOT, 'dist', name), 'utf8'))
      .join('\n');
    const word = readFileSync(join(ROOT, 'dist', 'word.cjs'), 'utf8');
    // xmldom's parser and fflate's message for a broken archive are nowhere else.
    for (const wordOnly of ['DOMParser', 'invalid zip data']) {
      expect(loadedAtStart).not.toContain(wordOnly);
      expect(word).toContain(wordOnly);
    }
    expect(loadedAtStart).toMatch(/require\("\.\/word\.cjs"\)/);
  });
});
