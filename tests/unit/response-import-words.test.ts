import { describe, expect, it } from 'vitest';
import {
  describeRespondent,
  importedHeader,
  importedSource,
  renderResponseImported,
} from '../../src/render/response-import.js';

describe('the words of mtad responses import', () => {
  it("names the template in the response's source", () => {
    expect(importedSource('acme.docx')).toBe('Imported by mtad from the response template acme.docx.');
  });

  it('heads the response file with where it came from, and the questions not answered', () => {
    expect(importedHeader('a-1', [])).toEqual([
      'A response to the consultation of a-1, read by mtad responses import.',
      'Each position is read from the opening words of its answer ("Yes", "We agree", "No", ...),',
      'or not-stated: check it against the answer before the summary of responses is made.',
      '',
    ]);
    expect(importedHeader('a-1', ['Q1', 'Q2']).slice(3)).toEqual(['', 'Not answered: Q1; Q2.', '']);
  });

  it('says what it wrote, whom it kept it beside, and what is not answered', () => {
    const imported = { file: 'data/responses/a-1/acme.yaml', answered: 2, choice: 'none', notAnswered: [] };
    const check =
      'Check each position (read from the opening words of its answer) before the summary of responses is made.';
    expect(renderResponseImported({ ...imported, respondent: { name: 'Jo', organisation: 'Acme' } })).toBe(
      `Wrote data/responses/a-1/acme.yaml: Acme, 2 answer(s), confidentiality none.\n${check}\n`,
    );
    expect(
      renderResponseImported({
        ...imported,
        respondent: { email: 'jo@acme.invalid' },
        beside: { file: 'data/responses/a-1/acme-1.yaml', respondent: { name: 'Jo', organisation: 'Acme' } },
        notAnswered: ['Q2'],
      }),
    ).toBe(
      [
        'Wrote data/responses/a-1/acme.yaml: a respondent, 2 answer(s), confidentiality none.',
        'data/responses/a-1/acme-1.yaml already holds the response of Jo, Acme: both are kept.',
        'Not answered: Q2.',
        check,
        '',
      ].join('\n'),
    );
    expect(
      renderResponseImported({ ...imported, respondent: { name: 'Jo' }, beside: { file: 'x.yaml' } }).split('\n')[1],
    ).toBe('x.yaml already holds another file: both are kept.');
  });
});

describe('a respondent as a message names them', () => {
  it('by name and organisation, else email, else telephone, else as a respondent', () => {
    expect(describeRespondent({ name: 'Jo', organisation: 'Acme' })).toBe('Jo, Acme');
    expect(describeRespondent({ organisation: 'Acme', email: 'jo@acme.invalid' })).toBe('Acme');
    expect(describeRespondent({ email: 'jo@acme.invalid', telephone: '01234' })).toBe('jo@acme.invalid');
    expect(describeRespondent({ telephone: '01234' })).toBe('01234');
    expect(describeRespondent({})).toBe('a respondent');
  });
});
