import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { applyAmendments } from '../../src/domain/history/apply.js';
import { parseTable } from '../../src/domain/model/table.js';
import { writeTableChanges } from '../../src/domain/history/table-write-back.js';
import { amendment, readRepoFile } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

const TABLE = 'data/table-17.6.yaml';

function applied(text: string, ids: string[]) {
  const input = valueOf(parseTable(text, TABLE));
  if (!input) throw new Error('the table does not parse');
  const application = valueOf(
    applyAmendments(
      input.table,
      ids.map((id) => amendment(id)),
    ),
  );
  if (!application) throw new Error('the amendments do not apply');
  return { input, application };
}

describe('writeTableChanges, as the pack writes the amended table', () => {
  it('changes only the changed cell, its source and applied:, keeping comments and key order', () => {
    const text = readRepoFile(TABLE);
    const { input, application } = applied(text, ['mdust-close-moc-secure']);
    const written = writeTableChanges(input.source, application);
    expect(changedLines(text, written)).toEqual({
      removed: [
        '      value: none',
        '      source: The reference, section 1 ("At present Migration DUST is only provided for the MOC (Secure) and FOC (BG) cohorts").',
      ],
      added: [
        '  - mdust-close-moc-secure',
        '      value: 2023-01-31',
        '      source: amendment mdust-close-moc-secure',
      ],
    });
    // The removed lines are MOC (Secure)'s: FOC (BG) keeps its own identical source line.
    expect(written).toMatch(/cohort: FOC \(BG\)[\s\S]*value: none\n      source: The reference, section 1/);
  });

  it('writes a table that reads back as the amended table', () => {
    const { input, application } = applied(readRepoFile(TABLE), ['mdust-close-moc-secure']);
    const reread = parseTable(writeTableChanges(input.source, application), TABLE);
    expect(findingsOf(reread)).toEqual([]);
    expect(valueOf(reread).table.cohorts).toEqual(application.after.cohorts);
    expect(valueOf(reread).table.applied).toEqual([
      'mdust-close-ioc-moc-mds',
      'mdust-close-foc-np',
      'mdust-close-moc-secure',
    ]);
  });

  it('does not modify the parsed source it is given', () => {
    const text = readRepoFile(TABLE);
    const { input, application } = applied(text, ['mdust-close-moc-secure']);
    writeTableChanges(input.source, application);
    expect(input.source.document.toString()).toBe(valueOf(parseTable(text, TABLE)).source.document.toString());
  });
});

/** The lines removed and added from `a` to `b`, in order. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const chunks = diffLines(a, b);
  const lines = (kind: 'added' | 'removed') =>
    chunks.filter((c) => c[kind]).flatMap((c) => c.value.trimEnd().split('\n'));
  return { removed: lines('removed'), added: lines('added') };
}
