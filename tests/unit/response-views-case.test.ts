import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { viewsFor } from '../../src/domain/documents/response-views.js';
import { parseResponse } from '../../src/domain/model/response.js';
import { ROOT } from '../helpers/cli.js';
import { amendment } from '../helpers/data.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

// A respondent who asked for full confidentiality, named by another respondent in other case, and a
// passage marked confidential repeated by another in other case: the public views cut both.
const MOC = amendment(readFileSync(join(ROOT, 'data/amendments/mdust-close-moc-secure.yaml'), 'utf8'));
const Q1 = MOC.consultation.questions[0]!.id;

const response = (organisation: string, choice: string, text: string, passages?: string) =>
  `amendment: mdust-close-moc-secure
respondent:
  organisation: ${organisation}
category: other
received:
  date: 2023-01-10
  time: "10:00"
confidentiality:
  choice: ${choice}
answers:
  - question: ${Q1}
    position: agree
    text:
      - ${text}
${passages ? `    confidentialPassages:\n      - ${passages}\n` : ''}`;

describe('the public views cut a confidential name or passage whatever its case', () => {
  it('in another respondent’s answer', () => {
    const files = [
      response('Harbour Power', 'all', 'We object.'),
      response('Brightwater Supply', 'part', 'We still have 37 meters to migrate.', '37 meters'),
      response('Northfield Energy', 'none', 'We agree, as does HARBOUR power; brightwater has 37 METERS left.'),
    ];
    const entries = files.map((text, i) => {
      const read = parseResponse(text, `r${i}.yaml`);
      expect(findingsOf(read)).toEqual([]);
      return { response: valueOf(read), file: `r${i}.yaml` };
    });
    const views = viewsFor(MOC, entries, 'public');
    const published = JSON.stringify(views).toLowerCase();
    expect(published).not.toContain('harbour power');
    expect(published).not.toContain('37 meters');
    expect(published).toContain('we agree, as does');
  });
});
