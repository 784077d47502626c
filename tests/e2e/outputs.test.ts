import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACK_MARKER_FILE, packMarkerText } from '../../src/domain/documents/pack-marker.js';
import { openCheckCache } from '../../src/io/check-cache.js';
import { sha256 } from '../../src/io/hash.js';
import { copiesOfData, snapshotTree, type CliRun } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const copyOfData = copiesOfData();

/*
 * Nothing outside the output is ever removed or overwritten: --force replaces only a folder mtad
 * wrote as a pack, and no output (a pack, a report, the cache) is the working folder or holds it,
 * lies in the data folder, or is or holds an input. Each refusal is exit 2, one line, and leaves
 * every byte of the project as it was.
 */

/** A copy of data/ in a fresh working folder, with a git folder and a file of the user's beside it. */
function project(): string {
  const cwd = copyOfData();
  mkdirSync(join(cwd, '.git'));
  writeFileSync(join(cwd, '.git/HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(cwd, 'NOTES.md'), 'my notes\n');
  return cwd;
}

let madePack: string | undefined;

/**
 * project() with a pack mtad wrote in pack/: one pack, made once for the file's tests in a project
 * of its own that nothing changes, copied byte for byte into each (an `amend --out` renders the
 * three Word files).
 */
async function projectWithPack(): Promise<string> {
  if (!madePack) {
    const first = project();
    expect((await runMain(['amend', '--out', 'pack'], { cwd: first })).status).toBe(0);
    madePack = join(first, 'pack');
  }
  const cwd = project();
  cpSync(madePack, join(cwd, 'pack'), { recursive: true });
  return cwd;
}

/** Asserts a refusal: exit 2, one line naming `code`, nothing on stdout, the tree unchanged. */
async function expectRefused(cwd: string, args: readonly string[], code: string, line?: RegExp): Promise<CliRun> {
  const before = snapshotTree(cwd);
  const run = await runMain(args, { cwd });
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(new RegExp(`^[^\\n]*\\[${code}\\]\\n$`));
  if (line) expect(run.stderr).toMatch(line);
  expect(snapshotTree(cwd)).toEqual(before);
  return run;
}

describe('mtad amend --out refuses what is not its own pack (exit 2, nothing changed)', () => {
  it.each([
    [
      'the working folder',
      '.',
      'OUT_PROTECTED',
      /^\.: error: refusing to write \.: it is the working folder\. Nothing was written; choose another path \[OUT_PROTECTED\]/,
    ],
    ['the working folder, by a detour', 'data/../.', 'OUT_PROTECTED', /it is the working folder/],
    ['the data folder', 'data', 'OUT_PROTECTED', /^data: error: refusing to write data: it is the data folder /],
    ['the data folder, by a detour', 'NOTES/../data', 'OUT_PROTECTED', /it is the data folder/],
    ['the table', 'data/table-17.6.yaml', 'OUT_PROTECTED', /it is an input of this command/],
    ['the amendments folder', 'data/amendments', 'OUT_PROTECTED', /it is an input of this command/],
    [
      'an amendment',
      'data/amendments/mdust-close-moc-secure.yaml',
      'OUT_PROTECTED',
      /it is inside the data folder data\./,
    ],
    [
      'an amendment named',
      'data/amendments/mdust-close-moc-secure.yaml',
      'OUT_PROTECTED',
      /it is an input/,
      ['mdust-close-moc-secure'],
    ],
    ['the lock of made amendments', 'data/amendments.lock', 'OUT_PROTECTED', /it is an input/],
    ['a new folder in the data folder', 'data/pack', 'OUT_PROTECTED', /it is inside the data folder data\./],
    [
      'a new folder in the amendments folder',
      'data/amendments/pack',
      'OUT_PROTECTED',
      /it is inside the data folder data\./,
    ],
    [
      'a plain file',
      'NOTES.md',
      'OUT_NOT_MTAD',
      /^NOTES\.md: error: refusing to replace NOTES\.md: it is a file, not a consultation pack mtad wrote/,
    ],
    ['the git folder', '.git', 'OUT_NOT_MTAD', /it is a folder without \.mtad-pack/],
  ])('%s (%s) with --force', async (_, out, code, line, named: string[] = []) => {
    const cwd = project();
    await expectRefused(cwd, ['amend', ...named, '--out', out, '--force'], code, line);
    // Without --force, a folder there is "already exists"; a file is refused as --force refuses it.
    const withoutForce = code === 'OUT_NOT_MTAD' && out !== 'NOTES.md' ? 'OUT_EXISTS' : code;
    await expectRefused(cwd, ['amend', ...named, '--out', out], withoutForce);
  });

  it('an ancestor of the working folder', async () => {
    const cwd = project();
    mkdirSync(join(cwd, 'work/sub'), { recursive: true });
    const inner = join(cwd, 'work/sub');
    // The data folder is found through --table: the project is the ancestor the pack would replace.
    for (const out of ['..', '../..', cwd]) {
      await expectRefused(
        inner,
        ['amend', '--table', join(cwd, 'data/table-17.6.yaml'), '--out', out, '--force'],
        'OUT_PROTECTED',
        /it holds the working folder/,
      );
    }
    expect(readFileSync(join(cwd, 'NOTES.md'), 'utf8')).toBe('my notes\n');
  });

  it('an empty path, as an unset shell variable gives', async () => {
    const cwd = project();
    await expectRefused(
      cwd,
      ['amend', '--out', '', '--force'],
      'ARGUMENT_INVALID',
      /--out is empty: .*unset shell variable/,
    );
    await expectRefused(cwd, ['amend', '--out=', '--force'], 'ARGUMENT_INVALID');
  });

  it.each([
    ['the data folder', 'data', 'OUT_PROTECTED'],
    ['the working folder', '.', 'OUT_PROTECTED'],
    ['the table', 'data/table-17.6.yaml', 'OUT_PROTECTED'],
    ['a plain file', 'NOTES.md', 'OUT_NOT_MTAD'],
    ['a folder without the marker', 'folder', 'OUT_NOT_MTAD'],
  ])('a symbolic link to %s', async (_, target, code) => {
    const cwd = project();
    mkdirSync(join(cwd, 'folder'));
    symlinkSync(join(cwd, target), join(cwd, 'link'));
    await expectRefused(cwd, ['amend', '--out', 'link', '--force'], code);
    // Through the link, the data folder is still the data folder.
    if (target.startsWith('data'))
      await expectRefused(cwd, ['amend', '--out', 'link/pack', '--force'], 'OUT_PROTECTED');
  });

  it('a symbolic link to a pack mtad wrote: only a folder itself is replaced, never through a link', async () => {
    const cwd = await projectWithPack();
    symlinkSync(join(cwd, 'pack'), join(cwd, 'link'));
    await expectRefused(cwd, ['amend', '--out', 'link', '--force'], 'OUT_NOT_MTAD', /it is a symbolic link/);
  });

  it('the data folder even when it holds a marker, and a folder that holds an input', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'data', PACK_MARKER_FILE), packMarkerText([], 'amend'));
    await expectRefused(cwd, ['amend', '--out', 'data', '--force'], 'OUT_PROTECTED');
    mkdirSync(join(cwd, 'mine'));
    writeFileSync(join(cwd, 'mine', PACK_MARKER_FILE), packMarkerText([], 'amend'));
    writeFileSync(join(cwd, 'mine/moc.yaml'), readFileSync(join(cwd, 'data/amendments/mdust-close-moc-secure.yaml')));
    await expectRefused(
      cwd,
      ['amend', 'mine/moc.yaml', '--out', 'mine', '--force'],
      'OUT_PROTECTED',
      /it holds mine\/moc\.yaml, an input of this command/,
    );
  });

  it('when the table is in the working folder: its amendments and lock, not the whole folder', async () => {
    // A folder of one's own holding the table (not a project's data/, which is kept clear of whole).
    const cwd = join(project(), 'tables');
    renameSync(join(cwd, '..', 'data'), cwd);
    const table = ['--table', 'table-17.6.yaml'];
    await expectRefused(
      cwd,
      ['amend', ...table, '--out', 'amendments/pack'],
      'OUT_PROTECTED',
      /it is inside amendments, a folder this command reads/,
    );
    await expectRefused(
      cwd,
      ['amend', ...table, '--out', 'amendments.lock', '--force'],
      'OUT_PROTECTED',
      /it is an input of this command/,
    );
    // The lock's path is an input even while there is no lock.
    const lock = readFileSync(join(cwd, 'amendments.lock'));
    rmSync(join(cwd, 'amendments.lock'));
    await expectRefused(
      cwd,
      ['check', '.', ...table, '--output', 'json=amendments.lock'],
      'OUT_PROTECTED',
      /it is an input of this command/,
    );
    // Without the lock, the made amendments are not recorded (LOCK_MISSING), which stops a pack.
    writeFileSync(join(cwd, 'amendments.lock'), lock);
    const run = await runMain(['amend', ...table, '--out', 'pack'], { cwd });
    expect(run.stderr).toBe('');
    expect(existsSync(join(cwd, 'pack', PACK_MARKER_FILE))).toBe(true);
  });

  it("from inside a project's data folder (the project found above it), an output there is in the data folder", async () => {
    const root = project();
    for (const [cwd, out] of [
      [join(root, 'data/amendments'), 'pack'],
      [join(root, 'data/amendments'), '../x'],
      [join(root, 'data'), 'pack'],
    ] as const) {
      for (const command of ['amend', 'consultation', 'conclude']) {
        const before = snapshotTree(root);
        const run = await runMain([command, '--out', out], { cwd });
        expect(run.status, run.stderr).toBe(2);
        // The note that names the project, then the refusal.
        expect(run.stderr).toMatch(
          /^mtad: using the project in .*\n[^\n]*it is inside the data folder[^\n]*\[OUT_PROTECTED\]\n$/,
        );
        expect(snapshotTree(root)).toEqual(before);
      }
    }
    const run = await runMain(['amend', '--out', '../../pack'], { cwd: join(root, 'data/amendments') });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(root, 'pack', PACK_MARKER_FILE))).toBe(true);
  });

  it('the data folder of a --table elsewhere', async () => {
    const cwd = project();
    await expectRefused(
      join(cwd, '.git'),
      ['amend', '--table', '../data/table-17.6.yaml', '--out', '../data', '--force'],
      'OUT_PROTECTED',
      /it is the data folder/,
    );
  });
});

describe('mtad amend --out --force replaces a pack mtad wrote', () => {
  it('writes the marker into every pack and says what it is', async () => {
    const cwd = project();
    const run = await runMain(['amend', '--out', 'pack'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `  ${PACK_MARKER_FILE}  (marks the folder as a pack mtad wrote: only such a folder is replaced by --force)\n`,
    );
    const marker = readFileSync(join(cwd, 'pack', PACK_MARKER_FILE), 'utf8');
    const listed = readdirSync(join(cwd, 'pack'))
      .filter((name) => name !== PACK_MARKER_FILE)
      .map((name) => ({ path: name, sha256: sha256(readFileSync(join(cwd, 'pack', name))) }));
    expect(marker).toBe(packMarkerText(listed, 'amend'));
    expect(marker).toMatch(/^mtad consultation pack\n/);
  });

  it('never deletes a file a person added to the pack or changed in it: refused, naming the file', async () => {
    const cwd = await projectWithPack();
    writeFileSync(join(cwd, 'pack/signed.pdf'), 'the signed direction');
    await expectRefused(
      cwd,
      ['amend', '--out', 'pack', '--force'],
      'OUT_HOLDS_FOREIGN',
      /^pack: error: refusing to replace pack: it holds pack\/signed\.pdf, which its \.mtad-pack does not list as a file mtad wrote/,
    );
    rmSync(join(cwd, 'pack/signed.pdf'));
    mkdirSync(join(cwd, 'pack/notes'));
    await expectRefused(cwd, ['amend', '--out', 'pack', '--force'], 'OUT_HOLDS_FOREIGN', /it holds pack\/notes,/);
    rmSync(join(cwd, 'pack/notes'), { recursive: true });
    writeFileSync(join(cwd, 'pack/direction.md'), `${readFileSync(join(cwd, 'pack/direction.md'), 'utf8')}My note.\n`);
    await expectRefused(
      cwd,
      ['amend', '--out', 'pack', '--force'],
      'OUT_HOLDS_FOREIGN',
      /it holds pack\/direction\.md, which was changed after mtad wrote it/,
    );
  });

  it('refuses a pack whose marker lists no files (one an older mtad wrote): nothing is known to be its own', async () => {
    const cwd = await projectWithPack();
    writeFileSync(join(cwd, 'pack', PACK_MARKER_FILE), 'mtad consultation pack\nan older wording\n');
    await expectRefused(
      cwd,
      ['amend', '--out', 'pack', '--force'],
      'OUT_HOLDS_FOREIGN',
      /it holds pack\/changes\.json,/,
    );
  });

  it('replaces it whole, and refuses it once its marker is removed', async () => {
    const cwd = await projectWithPack();
    rmSync(join(cwd, 'pack/redline.md'));
    const again = await runMain(['amend', '--out', 'pack', '--force'], { cwd });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(existsSync(join(cwd, 'pack/redline.md'))).toBe(true);
    expect(existsSync(join(cwd, 'pack', PACK_MARKER_FILE))).toBe(true);
    expect(readdirSync(cwd).filter((name) => name.startsWith('.mtad-tmp-'))).toEqual([]);

    unlinkSync(join(cwd, 'pack', PACK_MARKER_FILE));
    await expectRefused(
      cwd,
      ['amend', '--out', 'pack', '--force'],
      'OUT_NOT_MTAD',
      /^pack: error: refusing to replace pack: it is a folder without \.mtad-pack/,
    );
    writeFileSync(join(cwd, 'pack', PACK_MARKER_FILE), 'a file of the same name, not the marker\n');
    await expectRefused(cwd, ['amend', '--out', 'pack', '--force'], 'OUT_NOT_MTAD');
    rmSync(join(cwd, 'pack', PACK_MARKER_FILE));
    symlinkSync(join(cwd, 'NOTES.md'), join(cwd, 'pack', PACK_MARKER_FILE));
    await expectRefused(cwd, ['amend', '--out', 'pack', '--force'], 'OUT_NOT_MTAD');
  });
});

describe('mtad check writes no report or cache over or into its inputs (exit 2, nothing changed)', () => {
  it.each([
    [
      ['--output', 'sarif=data/table-17.6.yaml'],
      'OUT_PROTECTED',
      /^data\/table-17\.6\.yaml: error: refusing to write data\/table-17\.6\.yaml: it is an input/,
    ],
    [['--output', 'json=data/amendments/mdust-close-moc-secure.yaml'], 'OUT_PROTECTED', /it is an input/],
    [['--output', 'json=data/amendments.lock', '--update-lock'], 'OUT_PROTECTED', /it is an input/],
    [['--output', 'sarif=data/mtad.sarif'], 'OUT_PROTECTED', /it is inside the data folder data\./],
    [['--output', 'sarif=data/../data/x/../table-17.6.yaml'], 'OUT_PROTECTED', /it is an input/],
    [['--output', 'sarif=.'], 'OUT_PROTECTED', /it is the working folder/],
    [['--output', 'sarif=link-to-table'], 'OUT_PROTECTED', /it is the input data\/table-17\.6\.yaml of this command/],
    [['--output', 'sarif=link-to-data/x.sarif'], 'OUT_PROTECTED', /it is inside the data folder data\./],
    [['--output', 'sarif=ok.sarif', '--output', 'json=data/table-17.6.yaml'], 'OUT_PROTECTED', /it is an input/],
    [['--cache-location', 'data/table-17.6.yaml'], 'OUT_PROTECTED', /it is an input/],
    [['--cache-location', 'data/amendments/mdust-close-moc-secure.yaml'], 'OUT_PROTECTED', /it is an input/],
    [['--cache-location', 'data/amendments.lock'], 'OUT_PROTECTED', /it is an input/],
    [
      ['--cache-location', 'data'],
      'OUT_PROTECTED',
      /^data\/check-cache\.json: error: .* it is inside the data folder data\./,
    ],
    [['--cache-location', 'data/cache/'], 'OUT_PROTECTED', /it is inside the data folder data\./],
    [['--cache-location', 'link-to-table'], 'OUT_PROTECTED', /it is the input data\/table-17\.6\.yaml/],
    [
      ['--cache-location', 'NOTES.md'],
      'OUT_NOT_MTAD',
      /^NOTES\.md: error: refusing to write the cache over NOTES\.md: it is a file that mtad did not write as its cache/,
    ],
    [['--cache-location', 'link-to-notes'], 'OUT_NOT_MTAD', /it is a symbolic link/],
    [['--cache-location', ''], 'ARGUMENT_INVALID', /--cache-location is empty: .*unset shell variable/],
    [
      ['--output', 'json=r.json', '--output', 'sarif=./r.json'],
      'OUT_PROTECTED',
      /^r\.json: error: refusing to write r\.json: it is also another output of this command/,
    ],
    [
      ['--cache-location', 'c.json', '--output', 'json=c.json'],
      'OUT_PROTECTED',
      /it is also another output of this command \(a report or the cache\)/,
    ],
  ])('check %j', async (args, code, line) => {
    const cwd = project();
    symlinkSync(join(cwd, 'data/table-17.6.yaml'), join(cwd, 'link-to-table'));
    symlinkSync(join(cwd, 'data'), join(cwd, 'link-to-data'));
    symlinkSync(join(cwd, 'NOTES.md'), join(cwd, 'link-to-notes'));
    await expectRefused(cwd, ['check', ...args], code, line);
  });

  it('a report in a folder named for checking, unless that folder holds the working folder', async () => {
    const cwd = project();
    mkdirSync(join(cwd, 'extra'));
    writeFileSync(join(cwd, 'extra/note.yaml'), 'x: 1\n');
    await expectRefused(
      cwd,
      ['check', 'data', 'extra', '--output', 'json=extra/report.json'],
      'OUT_PROTECTED',
      /it is inside extra, a folder this command reads/,
    );
    await expectRefused(
      cwd,
      ['check', 'data', 'extra', '--cache-location', 'extra/'],
      'OUT_PROTECTED',
      /it is inside extra, a folder this command reads/,
    );
    const run = await runMain(['check', '.', '--output', 'json=report.json'], { cwd });
    expect(run.stderr).not.toContain('OUT_PROTECTED');
    expect(existsSync(join(cwd, 'report.json'))).toBe(true);
  });

  it('--update-lock never records standard input, which is not what the file on disk holds', async () => {
    const cwd = project();
    const before = snapshotTree(cwd);
    const { main } = await import('../../src/cli/main.js');
    let stderr = '';
    const made = readFileSync(join(cwd, 'data/amendments/mdust-close-moc-secure.yaml'), 'utf8').replace(
      /^status: proposed$/m,
      'status: made',
    );
    const status = await main(
      ['check', '--stdin', '--stdin-filename', 'data/amendments/mdust-close-moc-secure.yaml', '--update-lock'],
      {
        cwd,
        env: {},
        stdoutIsTTY: false,
        stdout: { write: () => true } as unknown as NodeJS.WritableStream,
        stderr: { write: (text: string) => ((stderr += text), true) } as unknown as NodeJS.WritableStream,
        stdin: async function* () {
          yield made;
        },
      },
    );
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /^mtad: error: --update-lock cannot go with --stdin: --update-lock records the files on disk, .* \[OPTIONS_CONFLICT\]\n$/,
    );
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('never saves the cache over a file that is not one, even at the default place', async () => {
    const cwd = project();
    const path = join(cwd, 'node_modules/.cache/mtad/check-cache.json');
    mkdirSync(join(cwd, 'node_modules/.cache/mtad'), { recursive: true });
    writeFileSync(path, "a file of the user's\n");
    const cache = await openCheckCache(path, 'key', { readOnly: false });
    cache.memo.remember('table', { file: 'data/table-17.6.yaml', text: 'cohorts: []\n' }, {} as never);
    await cache.save();
    expect(readFileSync(path, 'utf8')).toBe("a file of the user's\n");
    rmSync(path);
    await cache.save();
    expect(readFileSync(path, 'utf8')).toMatch(/^\{"mtadCheckCache":/);
  });

  it('writes a report beside the data, and takes a cache location that is free or holds a cache', async () => {
    const cwd = project();
    const run = await runMain(['check', '--output', 'sarif=mtad.sarif', '--cache-location', '.cache/'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'mtad.sarif'), 'utf8'))).toHaveProperty('version', '2.1.0');
    writeFileSync(join(cwd, 'empty.json'), '');
    writeFileSync(join(cwd, 'cache.json'), '{"mtadCheckCache":1,"key":"an older mtad","sha256":"0"}\n{}');
    for (const location of ['empty.json', 'cache.json'])
      expect((await runMain(['check', '--cache-location', location], { cwd })).status).toBe(0);
  });
});
