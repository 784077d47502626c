import { describe, expect, it } from 'vitest';
import { positionFromOpening, readConfidentialMarks } from '../../src/domain/documents/response-yaml.js';
import { isAfter, respondentSlug } from '../../src/domain/model/response.js';
import { classifyFile } from '../../src/domain/parse/classify-file.js';
import { runMain } from '../helpers/main.js';
import { strToU8, zipSync } from 'fflate';
import { readResponseForm } from '../../src/word/response-form.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

describe('responses: the rules of reading them', () => {
  it('a response received at the respond-by minute is on time; a minute later, or a day later at an earlier hour, is late', () => {
    const due = { date: '2023-01-13', time: '16:00' };
    expect(isAfter({ date: '2023-01-13', time: '16:00' }, due)).toBe(false);
    expect(isAfter({ date: '2023-01-13', time: '16:01' }, due)).toBe(true);
    expect(isAfter({ date: '2023-01-14', time: '09:00' }, due)).toBe(true);
    expect(isAfter({ date: '2023-01-12', time: '23:59' }, due)).toBe(false);
  });

  it('reads a position only from the opening words, never guesses it', () => {
    expect(positionFromOpening(['Yes, we agree.'])).toBe('agree');
    expect(positionFromOpening(['We support the proposal.'])).toBe('agree');
    expect(positionFromOpening(['No. We still need it.'])).toBe('disagree');
    expect(positionFromOpening(['We do not agree.'])).toBe('disagree');
    expect(positionFromOpening(['No comment.'])).toBe('not-stated');
    expect(positionFromOpening(['No objection to the proposal.'])).toBe('not-stated');
    expect(positionFromOpening(['No-one here objects.'])).toBe('not-stated');
    expect(positionFromOpening(['No \u2013 we still need it.'])).toBe('disagree');
    expect(positionFromOpening(['Neither: no view.'])).toBe('neither');
    expect(positionFromOpening(['Nobody here tests migrations; we agree.'])).toBe('not-stated');
    expect(positionFromOpening(['The proposal is fine; yes.'])).toBe('not-stated');
  });

  it('reads [confidential] marks per paragraph: passages, a whole answer, a mark left open', () => {
    expect(readConfidentialMarks('We have [Confidential]12 sites[/confidential] left.\nSecond.')).toEqual({
      paragraphs: ['We have 12 sites left.', 'Second.'],
      passages: ['12 sites'],
      whole: false,
      unbalanced: false,
    });
    expect(readConfidentialMarks('[confidential]One.\nTwo.[/confidential]')).toMatchObject({
      paragraphs: ['One.', 'Two.'],
      passages: ['One.', 'Two.'],
      whole: true,
    });
    expect(readConfidentialMarks('Open [confidential] and never closed').unbalanced).toBe(true);
  });

  it('names a response file after the organisation, in ASCII kebab-case', () => {
    const response = (organisation?: string, name?: string) =>
      ({ respondent: { ...(organisation && { organisation }), ...(name && { name }) } }) as never;
    expect(respondentSlug(response('Énergie Über Ltd.'))).toBe('energie-uber-ltd');
    expect(respondentSlug(response(undefined, 'A. Person'))).toBe('a-person');
    expect(respondentSlug(response('***'))).toBe('respondent');
  });

  it('tells a response file from an amendment before parsing it', () => {
    expect(classifyFile('amendment: x\nrespondent:\n  name: A\n')).toEqual({ kind: 'response' });
  });

  it('mtad responses: an unknown amendment is a usage error; an invalid response file is a finding with its position', async () => {
    const unknown = await runMain(['responses', 'no-such-amendment']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('[ARGUMENT_INVALID]');
    const badReceived = await runMain(['responses', 'import', 'x.docx', '--received', '2023-02-30 10:00']);
    expect(badReceived.status).toBe(2);
    expect(badReceived.stderr).toContain('[ARGUMENT_INVALID]');
    const check = await runMain(['check', 'examples/responses']);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('RESPONSE_LATE');
  });
});

describe('readResponseForm: other layouts of the same structure', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const row = (...cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`;
  const table = (...rows: string[]) => `<w:tbl>${rows.join('')}</w:tbl>`;
  const docx = (body: string) =>
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(
        `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
      ),
    });

  it('reads checkbox lines in the rows of a table, and questions listed in the rows of a table', () => {
    const bytes = docx(
      table(row('Name of respondent', 'A. Person'), row('Company', 'Example Ltd')) +
        table(row('☐', 'No part is confidential'), row('☒', 'All of it'), row('☐', 'Part of it')) +
        table(row('Question', 'Response'), row('Q1 Do you agree?', 'Yes.'), row('Q2 And the date?', 'No.')),
    );
    const read = readResponseForm(bytes, ['Q1', 'Q2']);
    expect(read.ok && valueOf(read)).toMatchObject({
      respondent: { name: 'A. Person', organisation: 'Example Ltd' },
      confidentiality: 'all',
      answers: new Map([
        ['Q1', 'Yes.'],
        ['Q2', 'No.'],
      ]),
    });
  });

  it('does not take "Q1" for the start of "Q10", and refuses a template whose boxes are not three', () => {
    const boxes = p('☐ none') + p('☐ all') + p('☒ part');
    const read = readResponseForm(
      docx(boxes + p('Q10') + table(row('x'), row('ten')) + p('Q1') + table(row('x'), row('one'))),
      ['Q1', 'Q10'],
    );
    expect(read.ok && [...valueOf(read).answers]).toEqual([
      ['Q1', 'one'],
      ['Q10', 'ten'],
    ]);
    const two = readResponseForm(docx(p('☐ none') + p('☒ all') + p('Q1') + table(row('x'), row('one'))), ['Q1']);
    expect(two.ok ? [] : findingsOf(two).map((f) => f.code)).toEqual(['RESPONSE_FORM_UNREADABLE']);
  });
});
