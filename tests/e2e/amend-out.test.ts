import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { copyOfData, copyWithMocSecureMade, ROOT, snapshotTree } from '../helpers/cli.js';
import { codesIn, runMain } from '../helpers/main.js';

const PACK = [
  '.mtad-pack',
  'changes.json',
  'consultation.docx',
  'consultation.html',
  'consultation.md',
  'direction.docx',
  'direction.md',
  'direction.txt',
  'redline.docx',
  'redline.html',
  'redline.md',
  'response-template.docx',
  'response-template.md',
  'table-17.6.yaml',
];

const leftovers = (dir: string): string[] => readdirSync(dir).filter((name) => name.startsWith('.mtad-tmp-'));

async function redlineAuthors(dir: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(join(dir, 'redline.docx')));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...new Set([...xml.matchAll(/w:author="([^"]*)"/g)].map((m) => m[1] ?? ''))];
}

describe('mtad amend --out DIR', () => {
  it('writes every file of the consultation pack into a new folder, and says which', async () => {
    const cwd = copyOfData();
    const run = await runMain(['amend', '--out', 'pack'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const line = (name: string) =>
      name === '.mtad-pack'
        ? `  ${name}  (marks the folder as a pack mtad wrote: only such a folder is replaced by --force)\n`
        : `  ${name}\n`;
    expect(run.stdout).toBe(`Wrote the consultation pack to pack/ (14 files):\n${PACK.map(line).join('')}`);
    expect(readdirSync(join(cwd, 'pack')).sort()).toEqual(PACK);
    for (const name of PACK) expect(readFileSync(join(cwd, 'pack', name)).length).toBeGreaterThan(100);
    expect(readFileSync(join(cwd, 'pack/.mtad-pack'), 'utf8')).toMatch(/^mtad consultation pack\n/);
    expect(readFileSync(join(cwd, 'pack/direction.txt'), 'utf8')).toBe(
      (await runMain(['direction', 'mdust-close-moc-secure'], { cwd })).stdout,
    );
    expect(await redlineAuthors(join(cwd, 'pack'))).toEqual(['consultations@smartdcc.co.uk']);
    expect(leftovers(cwd)).toEqual([]);
  });

  it('refuses a folder that exists, changing nothing (exit 2)', async () => {
    const cwd = copyOfData();
    mkdirSync(join(cwd, 'pack'));
    writeFileSync(join(cwd, 'pack/mine.txt'), 'keep me');
    const before = snapshotTree(cwd);
    const run = await runMain(['amend', '--out', 'pack'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^pack: error: .* \[OUT_EXISTS\]\n$/);
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('with --force replaces a pack it wrote whole, and --author signs the tracked changes', async () => {
    const cwd = copyOfData();
    expect((await runMain(['amend', '--out', 'pack'], { cwd })).status).toBe(0);
    const run = await runMain(['amend', '--out', 'pack', '--force', '--author', 'A. Drafter'], { cwd });
    expect(run.status).toBe(0);
    expect(readdirSync(join(cwd, 'pack')).sort()).toEqual(PACK);
    expect(await redlineAuthors(join(cwd, 'pack'))).toEqual(['A. Drafter']);
    expect(leftovers(cwd)).toEqual([]);
  });

  it('writes nothing when a document cannot be made, naming the missing field (exit 1)', async () => {
    const cwd = copyOfData();
    const file = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  contact: consultations@smartdcc.co.uk\n', ''));
    const before = snapshotTree(cwd);
    const run = await runMain(['amend', '--out', 'out/pack'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^data\/amendments\/mdust-close-moc-secure\.yaml:\d+:\d+: error: .*consultation\.contact.* \[PACK_FIELD_MISSING\]\n$/,
    );
    expect(snapshotTree(cwd)).toEqual(before);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('keeps docx out of the start-up of plain `mtad amend`: only --out loads it, on demand', () => {
    // What plain `mtad amend` loads: start.cjs and the cli.cjs bundle it runs. docx is in pack.cjs,
    // the Word files of the pack and of the consultation alike: docx's own part names (the
    // numbering part, the document's app properties) are nowhere else.
    const loadedAtStart = ['start.cjs', 'cli.cjs']
      .map((name) => readFileSync(join(ROOT, 'dist', name), 'utf8'))
      .join('\n');
    for (const docxOnly of ['w:delText', 'docProps/app.xml', 'numbering.xml']) {
      expect(loadedAtStart).not.toContain(docxOnly);
      expect(readFileSync(join(ROOT, 'dist', 'pack.cjs'), 'utf8')).toContain(docxOnly);
    }
    expect(loadedAtStart).toMatch(/require\("\.\/pack\.cjs"\)/);
  });
});

describe('mtad amend <id> --out DIR for an amendment already written', () => {
  /** Every file under `dir` by its path inside it, with its bytes. */
  const filesOf = (dir: string): Map<string, string> =>
    new Map([...snapshotTree(dir)].map(([path, hash]) => [path.slice(dir.length), hash]));

  it('makes its final pack again, byte for byte the pack made before --write', async () => {
    const cwd = copyWithMocSecureMade();
    expect((await runMain(['check', '--update-lock'], { cwd })).status).toBe(0);
    const made = await runMain(['amend', '--out', 'pack-made'], { cwd });
    expect(made.stderr).toBe('');
    expect((await runMain(['amend', '--write'], { cwd })).status).toBe(0);
    const again = await runMain(['amend', 'mdust-close-moc-secure', '--out', 'pack-again'], { cwd });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    const first = filesOf(join(cwd, 'pack-made'));
    expect(first.size).toBe(14);
    expect(filesOf(join(cwd, 'pack-again'))).toEqual(first);
    expect(readFileSync(join(cwd, 'pack-again/direction.txt'), 'utf8')).toContain('Annex A');
  });

  it('refuses one a later --write has written after, naming it (exit 1, nothing written)', async () => {
    const cwd = copyWithMocSecureMade();
    expect((await runMain(['amend', '--write'], { cwd })).status).toBe(0);
    const before = snapshotTree(cwd);
    const run = await runMain(['amend', 'mdust-close-foc-np', '--out', 'pack'], { cwd });
    expect(run.status).toBe(1);
    expect(codesIn(run.stderr)).toEqual(['PACK_NOT_LATEST']);
    expect(run.stderr).toContain('written with "mdust-close-moc-secure"');
    expect(snapshotTree(cwd)).toEqual(before);
  });
});
