import { describe, expect, it } from 'vitest';
import { leaksIn, type Secret } from '../../src/domain/model/confidential.js';

/*
 * A confidential respondent's name is found however a keyboard, Word or a paste wrote it: another
 * apostrophe, a hyphen or other punctuation between its words, its accents composed or decomposed,
 * a ligature. Only whole words: a name never matches inside another word.
 */
const named = (name: string): Secret => ({ found: 'respondent', text: name, responseFile: 'r.yaml', names: [name] });
const found = (text: string, name: string): string[] =>
  leaksIn(text, [named(name)]).map(({ start, end }) => text.slice(start, end));

describe('a confidential name is found as its words, whatever stands between them', () => {
  it.each([
    ['O’Brien & Sons Energy disagreed.', "O'Brien & Sons Energy", ['O’Brien & Sons Energy']],
    ['Harbour-Power disagreed.', 'Harbour Power', ['Harbour-Power']],
    ['Ask jo-placeholder.', 'Jo Placeholder', ['jo-placeholder']],
    [
      'Énergie Côtière disagreed.'.normalize('NFD'),
      'Énergie Côtière'.normalize('NFC'),
      ['Énergie Côtière'.normalize('NFD')],
    ],
    [
      'Énergie Côtière disagreed.'.normalize('NFC'),
      'Énergie Côtière'.normalize('NFD'),
      ['Énergie Côtière'.normalize('NFC')],
    ],
    ['The ﬁrst Fuel Co said so.', 'First Fuel Co', ['ﬁrst Fuel Co']],
  ])('%s names %s', (text, name, spans) => {
    expect(found(text, name)).toEqual(spans);
  });

  it('keeps the punctuation of the name as written in the span it cuts', () => {
    expect(found('Acme (UK) said no.', 'Acme (UK)')).toEqual(['Acme (UK)']);
  });

  it('finds a name once where it stands, not once as written and again as words', () => {
    expect(found('Harbour Power and Harbour Power.', 'Harbour Power')).toEqual(['Harbour Power', 'Harbour Power']);
  });

  it.each([
    ['It is also late.', 'Al'],
    ['Harbour Powered meters.', 'Harbour Power'],
    ['The Harbour will power on.', 'Harbour Power'],
  ])('does not find %s in %s', (text, name) => {
    expect(found(text, name)).toEqual([]);
  });
});
