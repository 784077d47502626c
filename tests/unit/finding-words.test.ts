import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/domain/model/diagnostics.js';
import { formatDiagnostic } from '../../src/render/diagnostic-messages.js';

/* Findings whose arguments are data: the words a user reads are made in render/diagnostic-messages.ts. */

describe('a draft refused over a made amendment', () => {
  const made = (args: Parameters<typeof diagnose<'AMENDMENT_MADE_PROTECTED'>>[1]) =>
    formatDiagnostic(diagnose('AMENDMENT_MADE_PROTECTED', args));
  it('says what records the amendment as made: its status, the lock, or the lock after its file has gone', () => {
    const tail = 'a made amendment is never replaced, not even with --force: choose another id; nothing was written';
    expect(made({ id: 'a-1', file: 'data/amendments/a-1.yaml', made: { by: 'status' } })).toBe(
      `data/amendments/a-1.yaml holds amendment "a-1", which is made (status: made); ${tail}`,
    );
    expect(
      made({ id: 'a-1', file: 'data/amendments/a-1.yaml', made: { by: 'lock', lockFile: 'data/amendments.lock' } }),
    ).toBe(`data/amendments/a-1.yaml holds amendment "a-1", which is made (recorded in data/amendments.lock); ${tail}`);
    expect(made({ id: 'a-1', file: 'data/amendments.lock', made: { by: 'lock-file-gone' } })).toBe(
      `data/amendments.lock holds amendment "a-1", which is made (its file has gone); ${tail}`,
    );
  });
});
