import { describe, expect, it } from 'vitest';
import { renderDirectionText } from '../../src/domain/documents/amend-report.js';
import { amendment, editedMocSecure, readRepoFile } from '../helpers/data.js';
import { referenceDirection } from '../helpers/reference.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

const template = readRepoFile('templates/direction.txt');
/** The MOC (Secure) amendment as DCC concluded it, with `find` replaced by `replace`. */
const concluded = (find: string | RegExp, replace: string) =>
  editedMocSecure(find, replace).replace(/^status: proposed$/m, 'status: concluded');

describe('the direction', () => {
  it('is, in draft, Attachment 1 of the reference consultation word for word', () => {
    const draft = renderDirectionText(amendment('mdust-close-moc-secure'), template, 'draft');
    expect(valueOf(draft).trim()).toBe(referenceDirection());
  });

  it('in its final form fills the effective date in UK long form and the annex', () => {
    const made = amendment(concluded('annex: null', 'annex: A'));
    const final = valueOf(renderDirectionText(made, template, 'final')) ?? '';
    expect(final).toContain('MTAD Modification Text\n');
    expect(final).toContain('with effect from 27 January 2023, the Migration Test Approach Document');
    expect(final).toContain('in the form set out in Annex A of this direction.');
    expect(final).not.toMatch(/\[DD MM YYYY\]|\[TBC\]|Draft/);
    // Everything but the heading, the date and the annex is Attachment 1's wording.
    const normalised = final
      .replace('MTAD Modification Text', 'MTAD Draft Modification Text')
      .replace('27 January 2023', '[DD MM YYYY]')
      .replace('Annex A', 'Annex [TBC]');
    expect(normalised.trim()).toBe(referenceDirection());
  });

  it('refuses a final direction while the annex is unset, naming the field', () => {
    const result = renderDirectionText(
      amendment(concluded('status: proposed', 'status: concluded')),
      template,
      'final',
    );
    expect(result.ok).toBe(false);
    expect(findingsOf(result)).toEqual([
      expect.objectContaining({
        code: 'DIRECTION_FIELD_MISSING',
        args: { field: 'modification.annex', id: 'mdust-close-moc-secure' },
      }),
    ]);
  });

  it('refuses a final direction of an amendment still proposed, naming its status, whatever else it records', () => {
    const result = renderDirectionText(amendment(editedMocSecure('annex: null', 'annex: A')), template, 'final');
    expect(result.ok).toBe(false);
    expect(findingsOf(result)).toEqual([
      expect.objectContaining({
        code: 'DIRECTION_NOT_CONCLUDED',
        args: { id: 'mdust-close-moc-secure', status: 'proposed' },
        path: ['status'],
        line: 9,
      }),
    ]);
    for (const status of ['withdrawn']) {
      const other = renderDirectionText(
        amendment(editedMocSecure('annex: null', 'annex: A').replace('status: proposed', `status: ${status}`)),
        template,
        'final',
      );
      expect(findingsOf(other).map((d) => d.code)).toEqual(['DIRECTION_NOT_CONCLUDED']);
    }
  });

  it('refuses a final direction while the effective date is unknown, naming the field', () => {
    const undated = amendment(
      concluded(/date: 2023-01-27/, 'date:\n    unknown: not yet decided').replace('annex: null', 'annex: A'),
    );
    const result = renderDirectionText(undated, template, 'final');
    expect(findingsOf(result).map((d) => [d.code, d.args])).toEqual([
      ['DIRECTION_FIELD_MISSING', { field: 'modification.date', id: 'mdust-close-moc-secure' }],
    ]);
  });

  it('refuses a template that uses a placeholder mtad does not fill', () => {
    const result = renderDirectionText(amendment('mdust-close-moc-secure'), `${template}\n{{signatory}}`, 'draft');
    expect(findingsOf(result)).toEqual([
      expect.objectContaining({ code: 'TEMPLATE_UNKNOWN_NAME', args: { names: 'signatory' } }),
    ]);
  });
});
