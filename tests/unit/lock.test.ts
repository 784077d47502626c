import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWriteLock } from '../../src/io/file-lock.js';
import {
  checkLock,
  EMPTY_LOCK,
  parseLock,
  recordMadeAmendments,
  serialiseLock,
} from '../../src/domain/history/amendment-lock.js';
import { sha256 } from '../../src/io/hash.js';
import { formatDiagnostic } from '../../src/render/diagnostic-messages.js';
import { amendment, readRepoFile } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

const made = () => [amendment('mdust-close-ioc-moc-mds'), amendment('mdust-close-foc-np')];
const proposed = () => amendment('mdust-close-moc-secure');

describe('the lock of made amendments', () => {
  it('records made amendments only, and reads back what it writes', () => {
    const lock = recordMadeAmendments(EMPTY_LOCK, [...made(), proposed()], sha256);
    expect(lock.amendments.map((e) => e.id)).toEqual(['mdust-close-ioc-moc-mds', 'mdust-close-foc-np']);
    const text = serialiseLock(lock);
    expect(valueOf(parseLock(text, 'amendments.lock')).lock).toEqual(lock);
    expect(checkLock(lock, [...made(), proposed()], sha256, { file: 'amendments.lock' })).toEqual([]);
  });

  it('matches the shipped lock', () => {
    const shipped = parseLock(readRepoFile('data/amendments.lock'), 'data/amendments.lock');
    expect(findingsOf(shipped)).toEqual([]);
    expect(serialiseLock(recordMadeAmendments(EMPTY_LOCK, made(), sha256))).toBe(readRepoFile('data/amendments.lock'));
  });

  it('never rewrites a recorded entry, so that an edit cannot be blessed by recording it again', () => {
    const lock = recordMadeAmendments(EMPTY_LOCK, made(), sha256);
    const text = readRepoFile('data/amendments/mdust-close-foc-np.yaml').replace('to: 2022-09-30', 'to: 2022-10-31');
    const edited = amendment(text, 'data/amendments/mdust-close-foc-np.yaml');
    expect(recordMadeAmendments(lock, [edited], sha256)).toEqual(lock);
    const [finding] = checkLock(lock, [made()[0]!, edited], sha256, { file: 'data/amendments.lock' });
    expect(finding).toMatchObject({
      code: 'LOCK_MISMATCH',
      file: 'data/amendments/mdust-close-foc-np.yaml',
      line: 29,
      args: { fields: [{ path: 'changes[0].to', how: 'changed' }] },
    });
  });

  it('ignores comments, layout and key order, and names fields added or removed', () => {
    const lock = recordMadeAmendments(EMPTY_LOCK, made(), sha256);
    const original = readRepoFile('data/amendments/mdust-close-foc-np.yaml');
    const reformatted = amendment(
      original.replace('id: mdust-close-foc-np\nsequence: 2\n', '# a note\nsequence:   2\nid: "mdust-close-foc-np"\n'),
      'data/amendments/mdust-close-foc-np.yaml',
    );
    expect(checkLock(lock, [made()[0]!, reformatted], sha256, { file: 'l' })).toEqual([]);
    const grown = amendment(
      original.replace('  annex: null\n', '  annex: null\n  windowMonths: 1\n'),
      'data/amendments/mdust-close-foc-np.yaml',
    );
    expect(checkLock(lock, [made()[0]!, grown], sha256, { file: 'l' })[0]?.args).toMatchObject({
      fields: [{ path: 'modification.windowMonths', how: 'added' }],
    });
    expect(formatDiagnostic(checkLock(lock, [made()[0]!, grown], sha256, { file: 'l' })[0]!)).toContain(
      'differs from l in: modification.windowMonths (added)',
    );
  });
});

describe('the write lock (acquireWriteLock)', () => {
  const DEAD = 999_999_999;
  /** A table folder with a lock left by a process that has ended, and the name of its claim. */
  const staleLock = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtad-lock-'));
    const table = join(dir, 't.yaml');
    writeFileSync(`${table}.lock`, `${DEAD} left-by-a-killed-run\n`);
    const facts = statSync(`${table}.lock`);
    const identity = sha256(`${facts.dev}:${facts.ino}:${DEAD} left-by-a-killed-run\n`).slice(0, 16);
    return { dir, table, claim: join(dir, `.t.yaml.lock.claim-${identity}.tmp`) };
  };

  it('takes over a stale lock whose taker was killed mid-takeover, and removes what both left', async () => {
    const { dir, table, claim } = staleLock();
    writeFileSync(claim, `${DEAD} a-taker-killed\n`);
    writeFileSync(join(dir, `.t.yaml.lock.${DEAD}.0badcafe.tmp`), `${DEAD} its-own-file\n`);
    const lock = await acquireWriteLock(table, 't.yaml');
    expect(findingsOf(lock)).toEqual([]);
    expect(readFileSync(`${table}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid} [0-9a-f]{16}\\n$`));
    expect(readdirSync(dir)).toEqual(['t.yaml.lock']);
    await valueOf(lock)();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses while a running process holds the claim on a stale lock: it is taking it over', async () => {
    const { table, claim } = staleLock();
    writeFileSync(claim, `${process.pid} taking-over\n`);
    const lock = await acquireWriteLock(table, 't.yaml');
    expect(findingsOf(lock).map((d) => [d.code, d.args])).toEqual([
      ['FILE_LOCKED', { what: 't.yaml', pid: process.pid, lock: 't.yaml.lock' }],
    ]);
    expect(readFileSync(`${table}.lock`, 'utf8')).toBe(`${DEAD} left-by-a-killed-run\n`);
  });
});
