import { describe, expect, it } from 'vitest';
import { planDirection } from '../../src/app/direction.js';
import { diagnose } from '../../src/domain/model/diagnostics.js';
import { amendment, readRepoFile } from '../helpers/data.js';
import { fail, findingsOf, succeed } from '../../src/domain/model/result.js';

const template = succeed(readRepoFile('templates/direction.txt'));

describe('planDirection: the direction, decided from gathered inputs alone', () => {
  it('gives the draft of a proposed amendment, with its placeholders', () => {
    const plan = planDirection({
      amendment: amendment('mdust-close-moc-secure'),
      mode: 'draft',
      checkFailed: false,
      template,
    });
    expect(plan.kind === 'report' && plan.report).toContain('[DD MM YYYY]');
  });

  it('makes nothing when mtad check found an error, before looking at the template', () => {
    const missing = fail([diagnose('FILE_NOT_FOUND', { what: 'templates/direction.txt' })]);
    expect(
      planDirection({
        amendment: amendment('mdust-close-moc-secure'),
        mode: 'draft',
        checkFailed: true,
        template: missing,
      }),
    ).toEqual({ kind: 'check-failed' });
    expect(
      planDirection({
        amendment: amendment('mdust-close-moc-secure'),
        mode: 'draft',
        checkFailed: false,
        template: missing,
      }),
    ).toEqual({ kind: 'refused', diagnostics: findingsOf(missing) });
  });

  it('refuses the final text while the annex is unset', () => {
    const plan = planDirection({
      amendment: amendment('mdust-close-moc-secure'),
      mode: 'final',
      checkFailed: false,
      template,
    });
    expect(plan.kind).toBe('refused');
  });
});
