import { describe, expect, it } from 'vitest';
import { renderLockNote, renderTooManyWarnings } from '../../src/render/check-notes.js';

describe('the lines mtad check prints on standard error', () => {
  it('says what --update-lock recorded, or that there was nothing to record', () => {
    expect(renderLockNote({ kind: 'recorded', lock: 'data/amendments.lock', ids: ['a-1', 'b-2'] })).toBe(
      'Recorded in data/amendments.lock: a-1, b-2.\n',
    );
    expect(renderLockNote({ kind: 'recorded', lock: 'data/amendments.lock', ids: [] })).toBe(
      'Recorded in data/amendments.lock: no made amendment yet.\n',
    );
    expect(renderLockNote({ kind: 'up-to-date', lock: 'data/amendments.lock' })).toBe(
      'data/amendments.lock already records every made amendment.\n',
    );
  });

  it('says why --update-lock recorded nothing while a made amendment has an error in its files', () => {
    expect(renderLockNote({ kind: 'unclean', lock: 'data/amendments.lock', ids: ['a-1', 'b-2'] })).toBe(
      'Nothing recorded in data/amendments.lock: mtad check reports an error in the files of a-1, b-2 ' +
        '(the amendment, its conclusion or its responses); a made amendment is recorded once they are clean.\n',
    );
  });

  it('says that the warnings found are more than --max-warnings allows', () => {
    expect(renderTooManyWarnings(3, 2)).toBe('mtad check: 3 warning(s), more than --max-warnings 2 allows.\n');
  });
});
