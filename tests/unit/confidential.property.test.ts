import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { viewsFor, type Audience } from '../../src/domain/documents/response-views.js';
import { parseResponse, type ResponseFile } from '../../src/domain/model/response.js';
import { renderResponseViews } from '../../src/render/response-views.js';
import { planConclude } from '../../src/app/conclude.js';
import { finalAmendment } from '../../src/domain/documents/final-values.js';
import { parseConclusion } from '../../src/domain/model/conclusion.js';
import { buildConclusionFiles } from '../../src/render/conclusion-files.js';
import { strFromU8, unzipSync } from 'fflate';
import { copyOfData, ROOT } from '../helpers/cli.js';
import { amendment, readRepoFile, shippedDepartments, shippedTable } from '../helpers/data.js';
import { runMain } from '../helpers/main.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

// Generated responses to the MOC (Secure) consultation: each respondent asks for no, all or part
// confidentiality; under "part", some answers are confidential as a whole and some paragraphs hold
// confidential passages (each a unique token, so that finding it in an output can only mean it
// leaked). Public words around them include Markdown markup and the tokens' neighbours.

const MOC = amendment(readFileSync(join(ROOT, 'data/amendments/mdust-close-moc-secure.yaml'), 'utf8'));
const QUESTIONS = MOC.consultation.questions.map((q) => q.id);
const TEMPLATE = readFileSync(join(ROOT, 'templates/response-views.md'), 'utf8');

const word = fc.constantFrom(
  'we',
  'agree',
  'no',
  'Migration',
  'DUST',
  '*closure*',
  'date',
  '[note]',
  '2023',
  '_x_',
  'SECRE',
);

interface Generated {
  responses: ResponseFile[];
  /** Every text that must never be published. */
  secrets: string[];
}

const generated: fc.Arbitrary<Generated> = fc
  .array(
    fc.record({
      choice: fc.constantFrom('none', 'all', 'part'),
      answers: fc.array(
        fc.record({
          answered: fc.boolean(),
          whole: fc.boolean(),
          paragraphs: fc.array(
            fc.record({
              before: fc.array(word, { maxLength: 4 }),
              secret: fc.boolean(),
              after: fc.array(word, { maxLength: 4 }),
            }),
            { minLength: 1, maxLength: 3 },
          ),
        }),
        { minLength: QUESTIONS.length, maxLength: QUESTIONS.length },
      ),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((respondents) => {
    const secrets: string[] = [];
    let next = 0;
    const token = () => `SECRET${next++}Q${Math.abs(respondents.length * 7919 + next)}`;
    const responses = respondents.map((r, i): ResponseFile => {
      const name = `Respondent ${i} Person`;
      const organisation = `Organisation ${i} Ltd`;
      if (r.choice === 'all') secrets.push(name, organisation);
      const answers = r.answers.flatMap((a, q) => {
        if (!a.answered) return [];
        const passages: string[] = [];
        const text = a.paragraphs.map((p) => {
          const secret = r.choice === 'part' && p.secret ? token() : undefined;
          if (secret) passages.push(secret);
          const words = [...p.before, ...(secret ? [secret] : []), ...p.after];
          return words.length > 0 ? words.join(' ') : 'we agree';
        });
        const whole = r.choice === 'part' && a.whole && passages.length === 0;
        if (whole) {
          const marker = token();
          text.push(marker);
          secrets.push(marker);
        }
        if (r.choice === 'all') {
          const marker = token();
          text.push(marker);
          secrets.push(marker);
        }
        secrets.push(...passages);
        return [
          {
            question: QUESTIONS[q]!,
            position: 'agree' as const,
            text,
            ...(whole && { confidential: true }),
            ...(passages.length > 0 && { confidentialPassages: passages }),
          },
        ];
      });
      return {
        amendment: MOC.id,
        respondent: { name, organisation },
        category: 'other',
        received: { date: '2023-01-10', time: '10:00' },
        confidentiality: { choice: r.choice },
        answers,
      };
    });
    return { responses, secrets };
  });

const render = (responses: readonly ResponseFile[], audience: Audience): string => {
  const entries = responses.map((response, i) => {
    const file = `r${i}.yaml`;
    const read = parseResponse(stringify(response), file);
    expect(findingsOf(read)).toEqual([]);
    return { response: valueOf(read), file };
  });
  const views = viewsFor(MOC, entries, audience);
  const markdown = renderResponseViews(TEMPLATE, views, audience);
  expect(findingsOf(markdown)).toEqual([]);
  return `${valueOf(markdown)}\n${JSON.stringify(views)}`;
};

const CONCLUSION = valueOf(
  parseConclusion(
    readRepoFile('examples/conclusions/mdust-close-moc-secure.yaml'),
    'examples/conclusions/mdust-close-moc-secure.yaml',
  ),
);

/** Every file of the conclusion report for `audience`, as the text a reader could find in it (Word: every part's XML). */
async function conclusionTexts(responses: readonly ResponseFile[], audience: Audience): Promise<string[]> {
  const entries = responses.map((response, i) => {
    const file = `r${i}.yaml`;
    return { response: valueOf(parseResponse(stringify(response), file)), file };
  });
  const plan = planConclude({
    amendment: MOC,
    conclusion: CONCLUSION,
    finalAmendment: { ...finalAmendment(MOC, CONCLUSION)!, status: 'concluded' },
    table: shippedTable(),
    entries,
    audience,
    templates: {
      conclusion: readRepoFile('templates/conclusion.md'),
      direction: readRepoFile('templates/direction.txt'),
    },
    departments: shippedDepartments(),
  });
  if (plan.kind !== 'report') throw new Error(JSON.stringify(plan.diagnostics));
  const files = await buildConclusionFiles(plan);
  return files.map((file) =>
    typeof file.content === 'string'
      ? file.content
      : Object.values(unzipSync(file.content))
          .map((part) => strFromU8(part))
          .join('\n'),
  );
}

describe('confidential text is never published (property)', () => {
  it('no public output holds a confidential passage, answer or fully confidential respondent; the department output holds all', () => {
    fc.assert(
      fc.property(generated, ({ responses, secrets }) => {
        const published = render(responses, 'public');
        for (const secret of secrets) expect(published).not.toContain(secret);
        const department = render(responses, 'department');
        for (const secret of secrets) expect(department).toContain(secret);
        // What is not marked is published: every paragraph of a "none" response stands in full.
        for (const response of responses.filter((r) => r.confidentiality.choice === 'none'))
          for (const answer of response.answers)
            for (const paragraph of answer.text) expect(published).toContain(paragraph);
      }),
      { numRuns: 150 },
    );
  });

  it('no published conclusion report (Markdown, HTML, Word) holds a confidential passage or respondent; the department copy holds all', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async ({ responses, secrets }) => {
        for (const text of await conclusionTexts(responses, 'public'))
          for (const secret of secrets) expect(text).not.toContain(secret);
        for (const text of await conclusionTexts(responses, 'department'))
          for (const secret of secrets) expect(text).toContain(secret);
      }),
      { numRuns: 20 },
    );
  });

  it('through mtad responses --views: the shipped fictional examples', async () => {
    const cwd = copyOfData();
    const folder = join(cwd, 'data/responses/mdust-close-moc-secure');
    mkdirSync(folder, { recursive: true });
    const examples = join(ROOT, 'examples/responses/mdust-close-moc-secure');
    for (const file of ['brightwater-supply.yaml', 'harbour-power.yaml', 'northfield-energy.yaml'])
      writeFileSync(join(folder, file), readFileSync(join(examples, file)));
    const secrets = [
      '37 SMETS1 installations in the MOC (Secure) cohort',
      'We would have preferred a date in February',
      'Harbour Power',
      'Jo Placeholder',
      'product change planned for 2023',
    ];
    const published = await runMain(['responses', '--views', 'public'], cwd);
    expect(published.status, published.stderr).toBe(0);
    for (const secret of secrets) expect(published.stdout).not.toContain(secret);
    expect(published.stdout).toContain('We still have \\[…\\] to migrate.');
    const department = await runMain(['responses', '--views', 'department'], cwd);
    for (const secret of secrets) expect(department.stdout).toContain(secret);
  });
});
