import { describe, expect, it } from 'vitest';
import { checkLock, EMPTY_LOCK, parseLock, recordMadeAmendments, serialiseLock } from '../../src/domain/lock.js';
import { sha256 } from '../../src/io/hash.js';
import { amendment, readRepoFile } from '../helpers/data.js';

const made = () => [amendment('mdust-close-ioc-moc-mds'), amendment('mdust-close-foc-np')];
const proposed = () => amendment('mdust-close-moc-secure');

describe('the lock of made amendments', () => {
  it('records made amendments only, and reads back what it writes', () => {
    const lock = recordMadeAmendments(EMPTY_LOCK, [...made(), proposed()], sha256);
    expect(lock.amendments.map((e) => e.id)).toEqual(['mdust-close-ioc-moc-mds', 'mdust-close-foc-np']);
    const text = serialiseLock(lock);
    expect(parseLock(text, 'amendments.lock').value?.lock).toEqual(lock);
    expect(checkLock(lock, [...made(), proposed()], sha256, { file: 'amendments.lock' })).toEqual([]);
  });

  it('matches the shipped lock', () => {
    const shipped = parseLock(readRepoFile('data/amendments.lock'), 'data/amendments.lock');
    expect(shipped.diagnostics).toEqual([]);
    expect(serialiseLock(recordMadeAmendments(EMPTY_LOCK, made(), sha256))).toBe(readRepoFile('data/amendments.lock'));
  });

  it('never rewrites a recorded entry, so that an edit cannot be blessed by recording it again', () => {
    const lock = recordMadeAmendments(EMPTY_LOCK, made(), sha256);
    const text = readRepoFile('data/amendments/mdust-close-foc-np.yaml').replace('to: 2022-09-30', 'to: 2022-10-31');
    const edited = amendment(text, 'data/amendments/mdust-close-foc-np.yaml');
    expect(recordMadeAmendments(lock, [edited], sha256)).toEqual(lock);
    const [finding] = checkLock(lock, [made()[0]!, edited], sha256, { file: 'data/amendments.lock' });
    expect(finding).toMatchObject({ code: 'LOCK_MISMATCH', file: 'data/amendments/mdust-close-foc-np.yaml', line: 29, args: { fields: 'changes[0].to' } });
  });

  it('ignores comments, layout and key order, and names fields added or removed', () => {
    const lock = recordMadeAmendments(EMPTY_LOCK, made(), sha256);
    const original = readRepoFile('data/amendments/mdust-close-foc-np.yaml');
    const reformatted = amendment(original.replace('id: mdust-close-foc-np\nsequence: 2\n', '# a note\nsequence:   2\nid: "mdust-close-foc-np"\n'), 'data/amendments/mdust-close-foc-np.yaml');
    expect(checkLock(lock, [made()[0]!, reformatted], sha256, { file: 'l' })).toEqual([]);
    const grown = amendment(original.replace('  annex: null\n', '  annex: null\n  windowMonths: 1\n'), 'data/amendments/mdust-close-foc-np.yaml');
    expect(checkLock(lock, [made()[0]!, grown], sha256, { file: 'l' })[0]?.args).toMatchObject({ fields: 'modification.windowMonths (added)' });
  });
});
