import { describe, expect, it } from 'vitest';
import { placeResponse, type ExistingResponse } from '../../src/app/responses-import.js';
import type { ResponseFile } from '../../src/domain/model/response.js';

/** A fictional response from `respondent`. */
const from = (respondent: ResponseFile['respondent']): ResponseFile => ({
  amendment: 'mdust-close-moc-secure',
  respondent,
  category: 'not-stated',
  received: { date: '2023-01-12', time: '15:20' },
  confidentiality: { choice: 'none' },
  answers: [],
});
const ALEX = { name: 'Alex Example', organisation: 'Acme Energy (fictional)' };
const SAM = { name: 'Sam Example', organisation: 'Acme Energy (fictional)' };
const held = (respondent: ResponseFile['respondent']): ExistingResponse => ({
  kind: 'response',
  response: from(respondent),
  text: `${respondent.name}\n`,
});
const place = (respondent: ResponseFile['respondent'], existing: [string, ExistingResponse][], force = false) =>
  placeResponse({ response: from(respondent), slug: 'acme' }, new Map(existing), {
    force,
    shown: (name) => `responses/${name}`,
  });

describe('placeResponse: where an imported response is written', () => {
  it('the first free name beside other respondents and other files, never over them', () => {
    expect(place(SAM, [])).toEqual({ kind: 'write', name: 'acme.yaml', expectation: 'absent' });
    expect(place(SAM, [['acme.yaml', held(ALEX)]])).toEqual({
      kind: 'write',
      name: 'acme-2.yaml',
      expectation: 'absent',
      beside: { name: 'acme.yaml', respondent: ALEX },
    });
    expect(place(SAM, [['acme.yaml', { kind: 'other' }]], true)).toMatchObject({ name: 'acme-2.yaml' });
  });

  it("the same respondent's earlier response, under any number, is refused, or replaced with --force", () => {
    // acme.yaml was freed after Alex's response went to acme-3.yaml: Alex again is not a second copy.
    const existing: [string, ExistingResponse][] = [
      ['acme-2.yaml', held(SAM)],
      ['acme-3.yaml', held({ ...ALEX, name: ' alex example ' })],
    ];
    expect(place(ALEX, existing)).toMatchObject({
      kind: 'refused',
      diagnostic: { code: 'RESPONSE_EXISTS', args: { path: 'responses/acme-3.yaml' } },
    });
    expect(place(ALEX, existing, true)).toEqual({
      kind: 'write',
      name: 'acme-3.yaml',
      expectation: { text: ' alex example \n' },
    });
    // Another email is another person, even of the same name.
    expect(place({ ...ALEX, email: 'alex@other.invalid' }, [['acme.yaml', held(ALEX)]])).toMatchObject({
      kind: 'write',
      name: 'acme-2.yaml',
    });
  });
});
