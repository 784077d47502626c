import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalAmendment, finalValuesOf } from '../../src/domain/documents/final-values.js';
import { parseAmendment } from '../../src/domain/model/amendment.js';
import { isWithinWindow, parseConclusion } from '../../src/domain/model/conclusion.js';
import { withWindow } from '../../src/domain/model/dates.js';
import { classifyFile } from '../../src/domain/parse/classify-file.js';
import { formatDiagnostic } from '../../src/render/diagnostic-messages.js';
import { ROOT } from '../helpers/cli.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

const EXAMPLE = 'examples/conclusions/mdust-close-moc-secure.yaml';
const example = readFileSync(join(ROOT, EXAMPLE), 'utf8');
const amendment = () => {
  const file = 'data/amendments/mdust-close-moc-secure.yaml';
  const read = parseAmendment(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!read.ok) throw new Error('the shipped amendment reads');
  return read.value;
};
const conclusionOf = (text: string) => {
  const read = parseConclusion(text, 'c.yaml');
  if (!read.ok)
    throw new Error(
      findingsOf(read)
        .map((d) => d.code)
        .join(', '),
    );
  return read.value;
};

describe('a conclusion: reading it', () => {
  it('reads the fictional example, which says it is fictional', () => {
    const read = parseConclusion(example, EXAMPLE);
    expect(findingsOf(read)).toEqual([]);
    expect(valueOf(read)).toMatchObject({
      amendment: 'mdust-close-moc-secure',
      concluded: '2023-01-20',
      responses: 'received',
      decision: 'proceed',
      final: { modification: { date: '2023-01-27', annex: 'A' } },
    });
    expect(valueOf(read).note).toMatch(/fictional/i);
    expect(example).toMatch(/^# FICTIONAL/m);
  });

  it('is told from the other data files by its decision', () => {
    expect(classifyFile(example).kind).toBe('conclusion');
    const amendmentText = readFileSync(join(ROOT, 'data/amendments/mdust-close-moc-secure.yaml'), 'utf8');
    expect(classifyFile(amendmentText).kind).toBe('amendment');
  });

  it('refuses an unknown key, a bad date and a decision it does not know, each at its line', () => {
    const read = parseConclusion(
      example.replace('decision: proceed', 'decision: maybe').replace('concluded: 2023-01-20', 'concluded: 2023-02-30'),
      EXAMPLE,
    );
    expect(read.ok).toBe(false);
    expect(findingsOf(read).map((d) => [d.code, d.line])).toEqual(
      expect.arrayContaining([
        ['DATE_INVALID', 8],
        ['SCHEMA_INVALID_VALUE', 11],
      ]),
    );
  });

  it('needs the final values unless the decision is withdraw, and refuses them when it is', () => {
    const withdrawn = parseConclusion(example.replace('decision: proceed', 'decision: withdraw'), EXAMPLE);
    expect(findingsOf(withdrawn).map((d) => [d.code, d.line])).toEqual([['CONCLUSION_FINAL_DECISION', 24]]);
    expect(formatDiagnostic(findingsOf(withdrawn)[0]!)).toContain('remove final');
    const noFinal = parseConclusion(example.slice(0, example.indexOf('final:')), EXAMPLE);
    expect(findingsOf(noFinal).map((d) => [d.code, d.line])).toEqual([['CONCLUSION_FINAL_DECISION', 11]]);
    const withdrawnWithout = parseConclusion(
      example.slice(0, example.indexOf('final:')).replace('decision: proceed', 'decision: withdraw'),
      EXAMPLE,
    );
    expect(findingsOf(withdrawnWithout)).toEqual([]);
  });
});

describe('a conclusion: the final values it gives', () => {
  it('gives the final direction its date and annex, and each closure its final end date, with no window', () => {
    const changed = conclusionOf(example.replace('to: 2023-01-31', 'to: 2023-02-14'));
    const values = finalValuesOf(amendment(), changed);
    expect(values?.modification).toEqual({ date: '2023-01-27', annex: 'A' });
    expect(values?.changes.map((c) => [c.cohort, c.to, c.windowMonths])).toEqual([
      ['MOC (Secure)', { kind: 'date', date: '2023-02-14' }, undefined],
    ]);
    const final = finalAmendment(amendment(), changed);
    expect(final?.modification).toEqual({ date: '2023-01-27', annex: 'A' });
    expect(final?.consultation.concluded).toBe('2023-01-20');
    expect(final?.changes[0]?.to).toEqual({ kind: 'date', date: '2023-02-14' });
  });

  it('gives nothing for a withdrawn amendment: there is no final direction', () => {
    const withdrawn = conclusionOf(
      example.slice(0, example.indexOf('final:')).replace('decision: proceed', 'decision: withdraw'),
    );
    expect(finalValuesOf(amendment(), withdrawn)).toBeUndefined();
    expect(finalAmendment(amendment(), withdrawn)).toBeUndefined();
  });

  it('a window holds its first and its last day, and no day outside them', () => {
    const window = withWindow('2023-01-31', 1);
    expect(isWithinWindow('2023-01-31', window)).toBe(true);
    expect(isWithinWindow('2023-02-28', window)).toBe(true);
    expect(isWithinWindow('2023-03-01', window)).toBe(false);
    expect(isWithinWindow('2023-01-30', window)).toBe(false);
    expect(isWithinWindow('2023-01-31', withWindow('2023-01-31', undefined))).toBe(true);
    expect(isWithinWindow('2023-02-01', withWindow('2023-01-31', undefined))).toBe(false);
  });
});
