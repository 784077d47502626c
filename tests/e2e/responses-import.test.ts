import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOfData, snapshotTree } from '../helpers/cli.js';
import { fillAsWord, fillWithLibreOffice, type Filling } from '../helpers/fill-response-template.js';
import { runMain } from '../helpers/main.js';
import { hasSoffice } from '../helpers/word.js';

const Q1 = 'MDUST Close MOC (Secure) Q1';
const Q2 = 'MDUST Close MOC (Secure) Q2';

/** The response template as `mtad amend --out` writes it, from a copy of the shipped data. */
async function generatedTemplate(cwd: string): Promise<Uint8Array> {
  const run = await runMain(['amend', 'mdust-close-moc-secure', '--out', 'pack'], cwd);
  expect(run.status, run.stderr).toBe(0);
  return new Uint8Array(readFileSync(join(cwd, 'pack/response-template.docx')));
}

const FULL: Filling = {
  details: {
    name: 'Alex Example',
    organisation: 'Example Energy Ltd (fictional)',
    email: 'alex@example.invalid',
    telephone: '01632 960000',
  },
  tick: 2,
  reason: 'Our customer numbers are commercially sensitive.',
  answers: {
    [Q1]: 'Yes, we agree with closing Migration DUST.\nWe have [confidential]412 SMETS1 installations[/confidential] left to migrate.',
    [Q2]: '[confidential]We would prefer 3 February 2023.[/confidential]',
  },
};

const NONE: Filling = {
  details: { organisation: 'Second Supplier plc (fictional)' },
  tick: 0,
  answers: { [Q1]: 'No, we do not agree: we still test migrations.', [Q2]: 'Neither: we have no view on the date.' },
};

/** Imports `bytes` as a filled-in template into `cwd`, with the options given. */
async function importTemplate(cwd: string, bytes: Uint8Array, ...options: string[]) {
  const path = join(mkdtempSync(join(tmpdir(), 'mtad-response-')), 'filled.docx');
  writeFileSync(path, bytes);
  return runMain(['responses', 'import', path, '--received', '2023-01-12 15:20', ...options], cwd);
}

const responseFiles = (cwd: string): string[] => {
  const folder = join(cwd, 'data/responses/mdust-close-moc-secure');
  return existsSync(folder) ? readdirSync(folder) : [];
};

function expectFullResponse(cwd: string, file: string): void {
  const response = parse(readFileSync(join(cwd, 'data/responses/mdust-close-moc-secure', file), 'utf8'));
  expect(response).toMatchObject({
    amendment: 'mdust-close-moc-secure',
    respondent: FULL.details,
    category: 'large-supplier',
    received: { date: '2023-01-12', time: '15:20' },
    confidentiality: { choice: 'part', reason: FULL.reason },
    answers: [
      {
        question: Q1,
        position: 'agree',
        text: ['Yes, we agree with closing Migration DUST.', 'We have 412 SMETS1 installations left to migrate.'],
        confidentialPassages: ['412 SMETS1 installations'],
      },
      { question: Q2, position: 'not-stated', text: ['We would prefer 3 February 2023.'], confidential: true },
    ],
  });
}

describe('mtad responses import: a response template filled in as Word lays it out', () => {
  let cwd: string;
  let template: Uint8Array;
  beforeAll(async () => {
    cwd = copyOfData();
    template = await generatedTemplate(cwd);
  });

  it('writes the response: details, the box ticked (a checkbox content control), the reason, answers and marked passages', async () => {
    const run = await importTemplate(cwd, fillAsWord(template, FULL), '--category', 'large-supplier');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(responseFiles(cwd)).toEqual(['example-energy-ltd-fictional.yaml']);
    expectFullResponse(cwd, 'example-energy-ltd-fictional.yaml');
    // mtad check reads it, and the summary counts it.
    const check = await runMain(['check'], cwd);
    expect(check.status, check.stderr).toBe(0);
  });

  it('refuses to replace the response without --force, and replaces it with', async () => {
    const again = await importTemplate(cwd, fillAsWord(template, FULL), '--category', 'large-supplier');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('[RESPONSE_EXISTS]');
    const forced = await importTemplate(cwd, fillAsWord(template, FULL), '--category', 'large-supplier', '--force');
    expect(forced.status, forced.stderr).toBe(0);
  });

  it('--force replaces a response, never the table, an amendment or a folder named by --out', async () => {
    for (const out of ['data/table-17.6.yaml', 'data/amendments/mdust-close-moc-secure.yaml', 'data/amendments']) {
      const before = snapshotTree(cwd);
      const run = await importTemplate(cwd, fillAsWord(template, FULL), '--out', out, '--force');
      expect(run.status, out).toBe(2);
      expect(run.stderr).toContain('[OUT_NOT_MTAD]');
      expect(snapshotTree(cwd)).toEqual(before);
    }
  });

  it('an answer missing is a finding and nothing is written; --allow-missing records the question as not answered', async () => {
    const fresh = copyOfData();
    const partial = fillAsWord(template, { ...NONE, answers: { [Q1]: NONE.answers[Q1]! } });
    const refused = await importTemplate(fresh, partial);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('[RESPONSE_ANSWER_MISSING]');
    expect(refused.stderr).toContain(Q2);
    expect(responseFiles(fresh)).toEqual([]);
    const allowed = await importTemplate(fresh, partial, '--allow-missing');
    expect(allowed.status, allowed.stderr).toBe(0);
    const summary = await runMain(['responses', '--format', 'json'], fresh);
    expect(summary.status, summary.stderr).toBe(0);
    expect(JSON.parse(summary.stdout).missing).toEqual([
      { respondent: 'Second Supplier plc (fictional)', file: expect.any(String), question: Q2 },
    ]);
  });

  it('no box ticked, two boxes ticked, or parts confidential with none marked: a finding, nothing written', async () => {
    const fresh = copyOfData();
    const cases: [Filling, string][] = [
      [{ ...NONE, tick: undefined }, 'no confidentiality box is ticked'],
      [{ ...NONE, tick: 2 }, 'no passage is marked'],
      [{ ...FULL, tick: 0 }, 'the box ticked is "none"'],
    ];
    for (const [filling, reason] of cases) {
      const run = await importTemplate(fresh, fillAsWord(template, filling));
      expect(run.status, reason).toBe(1);
      expect(run.stderr).toContain('[RESPONSE_FORM_UNREADABLE]');
      expect(run.stderr).toContain(reason);
    }
    const twice = fillAsWord(fillAsWord(template, { ...NONE, tick: 0 }), { answers: {}, tick: 1 });
    const run = await importTemplate(fresh, twice);
    expect(run.stderr).toContain('2 confidentiality boxes are ticked');
    expect(responseFiles(fresh)).toEqual([]);
  });

  it('reads "We agree in part" as no position stated, never as agree', async () => {
    const fresh = copyOfData();
    const partly: Filling = {
      details: { organisation: 'Third Supplier Ltd (fictional)' },
      tick: 0,
      answers: { [Q1]: 'We agree in part: we would keep it a month longer.', [Q2]: 'Yes, partly.' },
    };
    const run = await importTemplate(fresh, fillAsWord(template, partly));
    expect(run.status, run.stderr).toBe(0);
    const [file = ''] = responseFiles(fresh);
    const response = parse(readFileSync(join(fresh, 'data/responses/mdust-close-moc-secure', file), 'utf8'));
    expect(response.answers.map((a: { position: string }) => a.position)).toEqual(['not-stated', 'not-stated']);
  });

  it('a [confidential] mark left open is one finding, not also "no passage is marked"', async () => {
    const fresh = copyOfData();
    const open: Filling = { ...NONE, tick: 2, answers: { ...NONE.answers, [Q1]: 'We have [confidential]412 left.' } };
    const run = await importTemplate(fresh, fillAsWord(template, open));
    expect(run.status).toBe(1);
    expect(run.stderr.match(/\[RESPONSE_FORM_UNREADABLE\]/g)).toHaveLength(1);
    expect(run.stderr).toContain(`the answer to "${Q1}" opens a [confidential] mark it does not close`);
    expect(responseFiles(fresh)).toEqual([]);
  });

  it('hostile or altered input: not a zip, a zip bomb, a document without the checkbox lines or a question', async () => {
    const fresh = copyOfData();
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    // Not a Word document at all: the wrong file named, exit status 2, as for mtad import.
    const altered: [Uint8Array, string][] = [
      [strToU8('not a zip at all'), 'not a zip archive'],
      [bomb, 'more than a response template can be'],
      [zipSync({ 'x.txt': strToU8('x') }), 'the package has no _rels/.rels'],
    ];
    for (const [bytes, reason] of altered) {
      const run = await importTemplate(fresh, bytes);
      expect(run.status, reason).toBe(2);
      expect(run.stderr).toContain('cannot read the Word document');
      expect(run.stderr).toContain('[WORD_PACKAGE_UNREADABLE]');
      expect(run.stderr).toContain(reason);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    // The template of another consultation (a question it does not name) is refused by name.
    const renamed = fillAsWord(template, NONE);
    const files = unzipSync(renamed);
    files['word/document.xml'] = strToU8(
      new TextDecoder().decode(files['word/document.xml']).replaceAll(Q2, 'Some other question'),
    );
    const run = await importTemplate(fresh, zipSync(files));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`does not name the question(s) "${Q2}"`);
    expect(responseFiles(fresh)).toEqual([]);
  });
});

describe('mtad responses import: an answer that does not object is never read as disagreement', () => {
  // Each answer as a respondent might open it, and the position the import records.
  const PHRASINGS: [string, string][] = [
    ['No objection to the proposal.', 'not-stated'],
    ['No objections.', 'not-stated'],
    ['No concerns: the date suits us.', 'not-stated'],
    ['We have no concerns with the proposal.', 'not-stated'],
    ['We do not object to closing Migration DUST.', 'not-stated'],
    ['No, we have no objection.', 'not-stated'],
    ['No. We still test migrations.', 'disagree'],
    ['No, we do not agree.', 'disagree'],
  ];

  it.each(PHRASINGS)('"%s" is imported as %s', async (answer, position) => {
    const cwd = copyOfData();
    const template = await generatedTemplate(cwd);
    const filling: Filling = {
      details: { organisation: 'Third Supplier Ltd (fictional)' },
      tick: 0,
      answers: { [Q1]: answer, [Q2]: 'Yes, we agree.' },
    };
    const run = await importTemplate(cwd, fillAsWord(template, filling), '--category', 'small-supplier');
    expect(run.status, run.stderr).toBe(0);
    const response = parse(
      readFileSync(join(cwd, 'data/responses/mdust-close-moc-secure/third-supplier-ltd-fictional.yaml'), 'utf8'),
    ) as { answers: { question: string; position: string }[] };
    expect(response.answers.find((a) => a.question === Q1)?.position).toBe(position);
  });
});

describe('mtad responses import: a response template filled in by LibreOffice', () => {
  const soffice = hasSoffice();
  if (!soffice && !process.env.CI) {
    it.skip('soffice is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui', () => {});
    return;
  }
  it('generate the template, fill it in LibreOffice, import it: the same response', { timeout: 600_000 }, async () => {
    const cwd = copyOfData();
    const template = await generatedTemplate(cwd);
    const [full, none] = fillWithLibreOffice(template, [FULL, NONE]);
    const first = await importTemplate(cwd, full!, '--category', 'large-supplier');
    expect(first.status, first.stderr).toBe(0);
    expectFullResponse(cwd, 'example-energy-ltd-fictional.yaml');
    const second = await importTemplate(cwd, none!);
    expect(second.status, second.stderr).toBe(0);
    const summary = JSON.parse((await runMain(['responses', '--format', 'json'], cwd)).stdout);
    expect(summary.responses).toBe(2);
    expect(summary.questions).toEqual([
      { question: Q1, positions: { agree: 1, disagree: 1, neither: 0, 'not-stated': 0 }, notAnswered: 0 },
      { question: Q2, positions: { agree: 0, disagree: 0, neither: 1, 'not-stated': 1 }, notAnswered: 0 },
    ]);
  });
});
