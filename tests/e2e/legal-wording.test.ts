import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiesOfData } from '../helpers/cli.js';
import { codesIn, runMain } from '../helpers/main.js';
import { documentXml } from '../helpers/pack.js';
import { REFERENCE_TEXT } from '../helpers/reference.js';

/*
 * DCC's documents (the pack's redline, direction and response template) carry DCC's words only;
 * mtad's own readings and titles stay in mtad's views, marked as mtad's; where mtad's views quote
 * the reference, they quote it exactly.
 */

const fresh = copiesOfData();
const RULE = 'The end date is the last day on which Migration DUST is provided for the cohort.';
const TABLE = 'data/table-17.6.yaml';

/** Every document of the pack as text (a Word file through its word/document.xml), by name. */
async function packTexts(cwd: string): Promise<Map<string, string>> {
  const run = await runMain(['amend', '--out', 'pack'], cwd);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const texts = new Map<string, string>();
  for (const name of readdirSync(join(cwd, 'pack'))) {
    const bytes = readFileSync(join(cwd, 'pack', name));
    texts.set(name, name.endsWith('.docx') ? await documentXml(bytes) : bytes.toString('utf8'));
  }
  return texts;
}

describe('what an end date means', () => {
  it("is not in DCC's documents: the pack's redline, direction and response template", async () => {
    const texts = await packTexts(fresh());
    const documents = [...texts.keys()].filter((name) => /^(redline|direction|response-template)\./.test(name));
    expect(documents).toHaveLength(8);
    for (const name of documents) {
      expect(texts.get(name), name).not.toContain('last day');
      // The redline names mtad only to say that its column headings are mtad's, not the MTAD's.
      if (!name.startsWith('redline')) expect(texts.get(name), name).not.toContain('mtad');
    }
  });

  it('is recorded in the table with its source and status, and show states it from there', async () => {
    const table = readFileSync(join(fresh(), TABLE), 'utf8');
    expect(table).toMatch(/^ {2}endDateMeaning:\n {4}reading: last-day\n {4}status: unsettled\n/m);
    const reference = REFERENCE_TEXT;
    for (const quoted of [
      'contract for the testing service up to 31 January 2023',
      'close Migration DUST for MOC (Secure) from Tuesday 31 January 2023',
    ]) {
      expect(reference).toContain(quoted);
      expect(table).toContain(`"${quoted}"`);
    }

    const unsettled = fresh();
    const shown = await runMain(['show'], unsettled);
    expect(shown.stdout).toContain(
      `${RULE} That is mtad's reading: the record does not settle it (table.endDateMeaning).\n`,
    );

    const settled = fresh();
    writeFileSync(join(settled, TABLE), table.replace('    status: unsettled\n', '    status: settled\n'));
    const plain = await runMain(['show'], settled);
    expect(plain.stdout).toContain(`${RULE}\n`);
    expect(plain.stdout).not.toContain("mtad's reading");
  });

  it('takes no reading but the one mtad applies', async () => {
    const cwd = fresh();
    const path = join(cwd, TABLE);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('    reading: last-day\n', '    reading: first-day-without\n'),
    );
    const run = await runMain(['check'], cwd);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('SCHEMA_INVALID_VALUE');
  });
});

describe("column headings of mtad's", () => {
  it("are said to be mtad's in every redline of the pack, and not once the table records them as the MTAD's", async () => {
    const NOTE = "Column headings: descriptive ones of mtad's; the MTAD's own are not recorded.";
    const texts = await packTexts(fresh());
    for (const name of ['redline.md', 'redline.html', 'redline.docx'])
      expect(texts.get(name)?.replaceAll('&apos;', "'"), name).toContain(NOTE);
    const cwd = fresh();
    const path = join(cwd, TABLE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('    chosenBy: mtad\n', '    chosenBy: dcc\n'));
    for (const [name, text] of await packTexts(cwd)) expect(text, name).not.toContain('Column headings:');
  });
});

describe("the response template, DCC's document", () => {
  it("quotes the reference's wording word for word in every sentence of prose", async () => {
    const markdown = (await packTexts(fresh())).get('response-template.md') ?? '';
    const prose = markdown
      .split(/\n{2,}/)
      // Headings, tables, the heading lines in bold, "Mark one:" and its check boxes are mtad's own
      // (templates/README.md).
      .filter((paragraph) => !/^(#|\||- |\*\*|☐ )/.test(paragraph) && paragraph !== 'Mark one:');
    expect(prose.length).toBeGreaterThanOrEqual(2);
    for (const sentence of prose.flatMap((paragraph) => paragraph.split(/(?<=\.) (?=[A-Z])/)))
      expect(REFERENCE_TEXT, sentence).toContain(sentence.trim());
    expect(markdown).toContain('we/they will take full account of your explanation (to the extent provided to them)');
  });
});

describe('what a closure means (templates/closure-effect.txt)', () => {
  const QUALIFIED = [
    'which would be expected to take up to three months to progress the MTAD amendment',
    'which would be expected to have a minimum lead time of six weeks under the existing commercial arrangements',
  ];

  it("quotes the reference's qualifiers word for word", async () => {
    const run = await runMain(['amend'], fresh());
    for (const words of QUALIFIED) {
      expect(REFERENCE_TEXT).toContain(words);
      expect(run.stdout).toContain(`(${words})`);
    }
    expect(run.stdout).toContain(
      "The figures (three months, six weeks) are those of DCC's consultation SMETS1_Consultation_MDUST_Close_MOC_Secure (5 December 2022, section 2).\n",
    );
  });

  it('says, for another cohort, that the figures were written for MOC (Secure)', async () => {
    const run = await runMain(['show'], fresh());
    expect(run.stdout).toContain('Re-starting Migration DUST for FOC (NP) would require');
    expect(run.stdout).toContain('(5 December 2022, section 2), written for MOC (Secure), not for FOC (NP).\n');
  });
});

describe('a title DCC did not publish', () => {
  it("is marked as mtad's in every view that shows it", async () => {
    const run = await runMain(['diff', '--from', '2022-01-01', '--to', '2022-12-05'], fresh());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "mdust-close-ioc-moc-mds: Migration DUST Closure for IOC and MOC (MDS) (a title of mtad's; DCC's title is not recorded) [made]\n",
    );
    const json = JSON.parse(
      (await runMain(['diff', '--from', '2022-01-01', '--to', '2022-12-05', '--format', 'json'], fresh())).stdout,
    );
    expect(json.amendments[0]).toMatchObject({ id: 'mdust-close-ioc-moc-mds', titleSource: 'mtad' });
  });

  it('never goes into a response template', async () => {
    const cwd = fresh();
    const path = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        'title: Migration DUST Closure for MOC (Secure)\n',
        "title:\n  mtad: Migration DUST Closure for MOC (Secure)\n  note: A title of mtad's.\n",
      ),
    );
    expect((await runMain(['check'], cwd)).status).toBe(0);
    const run = await runMain(['amend', '--out', 'pack'], cwd);
    expect(run.status).toBe(1);
    expect(codesIn(run.stderr)).toEqual(['PACK_FIELD_MISSING']);
    expect(run.stderr).toContain("title (DCC's own) is not set");
  });

  it('diff over a span holding FOC (NP) says its change is placed at its conclusion, its date of effect not recorded', async () => {
    const args = ['diff', '--from', '2022-09-01', '--to', '2022-11-01'];
    const run = await runMain(args, fresh());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('~  FOC (NP)      unknown  {+30 September 2022+}');
    expect(run.stdout).toContain(
      'mdust-close-foc-np, which changes FOC (NP), took effect on a date that is not recorded (its modification date); this view counts it from its conclusion, 15 September 2022, and places its change there.\n',
    );
    const json = JSON.parse((await runMain([...args, '--format', 'json'], fresh())).stdout);
    expect(json.undated).toContainEqual(
      expect.objectContaining({ id: 'mdust-close-foc-np', countedFrom: '2022-09-15' }),
    );
    // After its conclusion, a span does not hold it, and says nothing of it.
    const later = await runMain(['diff', '--from', '2022-10-01', '--to', '2022-11-01'], fresh());
    expect(later.stdout).not.toContain('mdust-close-foc-np');
  });

  it('diff between two dates says that an amendment of unknown date may fall between them', async () => {
    const run = await runMain(['diff', '--from', '2022-05-01', '--to', '2022-12-05'], fresh());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'Dates not recorded\n\nmdust-close-ioc-moc-mds, which changes IOC, MOC (MDS), took effect on a date that is not recorded, between 1 May 2022 and 5 December 2022, which may fall within this span; the redline shows no change for it, because the values it set are not known.\n',
    );
    const json = JSON.parse(
      (await runMain(['diff', '--from', '2022-05-01', '--to', '2022-12-05', '--format', 'json'], fresh())).stdout,
    );
    expect(json.undated).toEqual([
      {
        id: 'mdust-close-ioc-moc-mds',
        title: 'Migration DUST Closure for IOC and MOC (MDS)',
        titleSource: 'mtad',
        cohorts: ['IOC', 'MOC (MDS)'],
        notBefore: '2022-05-01',
        notAfter: '2022-12-05',
        shown: false,
      },
      {
        id: 'mdust-close-foc-np',
        title: 'Migration DUST Closure for FOC (NP)',
        titleSource: 'dcc',
        cohorts: ['FOC (NP)'],
        shown: true,
        countedFrom: '2022-09-15',
      },
    ]);
    // FOC (NP)'s modification date is not recorded: the span crosses its conclusion, which stands in for it.
    expect(run.stdout).toContain(
      'mdust-close-foc-np, which changes FOC (NP), took effect on a date that is not recorded (its modification date); this view counts it from its conclusion, 15 September 2022, and places its change there.\n',
    );
    // A span the amendment cannot fall in says nothing of it.
    expect((await runMain(['diff', '--from', '2022-12-05', '--to', '2023-02-01'], fresh())).stdout).not.toContain(
      'Dates not recorded',
    );
  });
});
