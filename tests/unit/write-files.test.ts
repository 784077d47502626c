import crypto from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDiagnostic } from '../../src/render/diagnostic-messages.js';
import { findingsOf } from '../../src/domain/model/result.js';

// Renames that fail on demand: the file system's answer to a full disk, between two renames.
// `skip`: how many renames to that name succeed before the one that fails.
const failing = vi.hoisted(() => ({ renames: [] as { to: string; code: string; skip?: number }[] }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof real.rename = async (from, to) => {
    const index = failing.renames.findIndex((f) => String(to).endsWith(f.to));
    const fault = failing.renames[index];
    if (fault?.skip) fault.skip--;
    else if (fault) {
      failing.renames.splice(index, 1);
      throw Object.assign(new Error(`${fault.code}: injected, rename`), { code: fault.code });
    }
    return real.rename(from, to);
  };
  return { ...real, default: { ...real, rename }, rename };
});

const { writeFilesTogether } = await import('../../src/io/write-files.js');
const { writeFileAtomically } = await import('../../src/io/write.js');

const folder = () => mkdtempSync(join(tmpdir(), 'mtad-write-files-'));

afterEach(() => {
  failing.renames.length = 0;
  vi.restoreAllMocks();
});

describe('writeFilesTogether', () => {
  it('puts back the files already replaced when a later one cannot be written', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a'), 'old a\n');
    writeFileSync(join(dir, 'b'), 'old b\n');
    failing.renames.push({ to: '/b', code: 'ENOSPC' });
    const result = await writeFilesTogether([
      { path: join(dir, 'a'), text: 'new a\n', expectation: { text: 'old a\n' }, shown: 'a' },
      { path: join(dir, 'b'), text: 'new b\n', expectation: { text: 'old b\n' }, shown: 'b' },
    ]);
    expect(findingsOf(result).map((d) => d.code)).toEqual(['FILE_UNWRITABLE']);
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('old a\n');
    expect(readFileSync(join(dir, 'b'), 'utf8')).toBe('old b\n');
    expect(readdirSync(dir).sort()).toEqual(['a', 'b']);
  });

  it('says which file is ahead when it cannot be put back either (WRITE_INCOMPLETE), never "nothing was written"', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a'), 'old a\n');
    writeFileSync(join(dir, 'b'), 'old b\n');
    // The first rename over a succeeds; the one that would put it back fails.
    failing.renames.push({ to: '/b', code: 'ENOSPC' }, { to: '/a', code: 'EIO', skip: 1 });
    const result = await writeFilesTogether([
      { path: join(dir, 'a'), text: 'new a\n', expectation: { text: 'old a\n' }, shown: 'a' },
      { path: join(dir, 'b'), text: 'new b\n', expectation: { text: 'old b\n' }, shown: 'b' },
    ]);
    const [finding] = findingsOf(result);
    expect(finding?.code).toBe('WRITE_INCOMPLETE');
    expect(formatDiagnostic(finding!)).toBe(
      'cannot write b: the disk is full; a, written just before, could not be put back as it was, so it is ahead of b. Run the command again once the cause is fixed: it completes the write',
    );
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('new a\n');
    expect(readFileSync(join(dir, 'b'), 'utf8')).toBe('old b\n');
  });

  it('never writes through a temporary name planted as a link: the file it points to stays as it was', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'victim'), 'precious\n');
    writeFileSync(join(dir, 't.yaml'), 'old\n');
    vi.spyOn(crypto, 'randomBytes').mockImplementation(((size: number) =>
      Buffer.alloc(size)) as typeof crypto.randomBytes);
    symlinkSync(join(dir, 'victim'), join(dir, `.t.yaml.${process.pid}.00000000.tmp`));
    const result = await writeFileAtomically(join(dir, 't.yaml'), 'new\n', { text: 'old\n' }, 't.yaml');
    expect(findingsOf(result).map((d) => d.code)).toEqual(['FILE_UNWRITABLE']);
    expect(readFileSync(join(dir, 'victim'), 'utf8')).toBe('precious\n');
    expect(readFileSync(join(dir, 't.yaml'), 'utf8')).toBe('old\n');
  });
});
