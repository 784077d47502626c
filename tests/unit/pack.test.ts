import { describe, expect, it } from 'vitest';
import { renderDirectionText } from '../../src/domain/documents/amend-report.js';
import { PACK_FILE_NAMES } from '../../src/render/pack.js';
import { amendment, editedMocSecure, readRepoFile } from '../helpers/data.js';
import { buildTestPack, documentXml, documentXmlLines, textOf } from '../helpers/pack.js';
import { valueOf } from '../helpers/result.js';

const GOLDEN = '../golden/pack';

describe('the consultation pack of the MOC (Secure) amendment', async () => {
  const pack = await buildTestPack();

  it('holds every file the issue names, and nothing else', () => {
    expect([...pack.keys()].sort()).toEqual([...PACK_FILE_NAMES, 'table-17.6.yaml', '.mtad-pack'].sort());
    expect([...pack.keys()].sort()).toEqual([
      '.mtad-pack',
      'changes.json',
      'direction.docx',
      'direction.md',
      'direction.txt',
      'redline.docx',
      'redline.html',
      'redline.md',
      'response-template.docx',
      'response-template.md',
      'table-17.6.yaml',
    ]);
  });

  it.each([
    '.mtad-pack',
    'redline.html',
    'redline.md',
    'direction.txt',
    'direction.md',
    'response-template.md',
    'changes.json',
    'table-17.6.yaml',
  ])('%s matches its golden file', async (name) => {
    await expect(textOf(pack.get(name))).toMatchFileSnapshot(`${GOLDEN}/${name}`);
  });

  it.each(['redline.docx', 'direction.docx', 'response-template.docx'])(
    '%s matches its golden word/document.xml',
    async (name) => {
      const xml = await documentXml(pack.get(name));
      await expect(documentXmlLines(xml)).toMatchFileSnapshot(`${GOLDEN}/${name.replace('.docx', '.document.xml')}`);
    },
  );

  it('has the direction of `mtad direction` word for word, in draft while the amendment is proposed', () => {
    const direction = renderDirectionText(
      amendment('mdust-close-moc-secure'),
      readRepoFile('templates/direction.txt'),
      'draft',
    );
    expect(textOf(pack.get('direction.txt'))).toBe(valueOf(direction));
    expect(textOf(pack.get('direction.txt'))).toContain('MTAD Draft Modification Text');
    expect(textOf(pack.get('redline.md'))).toContain('Draft Redlined');
  });

  it('marks the redline final and the direction final once the amendment is made with its annex', async () => {
    const made = amendment(editedMocSecure('status: proposed', 'status: made').replace('annex: null', 'annex: A'));
    const final = await buildTestPack({ amendments: [made] });
    expect(textOf(final.get('direction.txt'))).toContain('MTAD Modification Text\n');
    expect(textOf(final.get('direction.txt'))).toContain('with effect from 27 January 2023');
    expect(textOf(final.get('redline.html'))).toContain(
      '<h1>Migration Testing Approach Document (MTAD): Redlined</h1>',
    );
  });

  it('dates and signs every tracked change from the amendment: its author, the day it was issued (UK time)', async () => {
    const xml = await documentXml(pack.get('redline.docx'));
    expect(xml).toContain('<w:ins w:id="1" w:author="consultations@smartdcc.co.uk" w:date="2022-12-05T00:00:00Z">');
    const byOption = await documentXml((await buildTestPack({ author: 'A. Drafter' })).get('redline.docx'));
    expect(byOption).toContain('w:author="A. Drafter"');
    expect(byOption).not.toContain('consultations@smartdcc.co.uk');
  });

  it('puts one folder per amendment when it applies several', async () => {
    const tableText = readRepoFile('data/table-17.6.yaml')
      .replace(/  - mdust-close-foc-np\n/, '')
      .replace(/(cohort: FOC \(NP\)\n[\s\S]*?endDate:\n)      value: 2022-09-30/, '$1      value: none');
    const foc = amendment(
      readRepoFile('data/amendments/mdust-close-foc-np.yaml')
        .replace(
          'questions: []',
          'title: FOC (NP) closure\n  responsesDue:\n    date: 2022-09-01\n    time: "16:00"\n  contact: c@example.org\n  questions:\n    - id: Q1\n      text: Agree?',
        )
        .replace(/  id:\n    unknown: .*\n/, '  id: FOC_NP\n') +
        'legalBasis:\n  clause: "4.2"\n  appendix: AK\n  document: the SVTAD\n',
    );
    const both = await buildTestPack({ tableText, amendments: [foc, amendment('mdust-close-moc-secure')] });
    expect([...both.keys()].filter((path) => path.includes('/')).sort()).toEqual(
      ['direction.docx', 'direction.md', 'direction.txt', 'response-template.docx', 'response-template.md']
        .flatMap((name) => [`mdust-close-foc-np/${name}`, `mdust-close-moc-secure/${name}`])
        .sort(),
    );
  });
});

describe('markup in the data', async () => {
  const cohort = 'MOC <b>(Secure)</b> & <script>alert(1)</script> | *x*';
  const question = '<img src=x onerror=alert(1)> Do you **agree**? # [link](http://x) | `code`';
  const tableText = readRepoFile('data/table-17.6.yaml').replaceAll('cohort: MOC (Secure)', `cohort: "${cohort}"`);
  const edited = editedMocSecure('cohort: MOC (Secure)', `cohort: "${cohort}"`).replace(
    'text: Do you agree with the proposed modification date of 27 January 2023 (or within one month thereafter) for the changes to the MTAD?',
    `text: "${question}"`,
  );
  const pack = await buildTestPack({ tableText, amendments: [amendment(edited)] });

  it('is text in HTML: escaped, never an element', () => {
    const html = textOf(pack.get('redline.html'));
    expect(html).toContain('MOC &lt;b&gt;(Secure)&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; | *x*');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
  });

  it('is text in Markdown: escaped, so that a renderer shows it as written', () => {
    const redline = textOf(pack.get('redline.md'));
    expect(redline).toContain(
      'MOC &lt;b&gt;(Secure)&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\*',
    );
    const response = textOf(pack.get('response-template.md'));
    expect(response).toContain(
      '&lt;img src=x onerror=alert(1)&gt; Do you \\*\\*agree\\*\\*? # \\[link\\](http://x) \\| \\`code\\`',
    );
    expect(response).not.toContain('<img');
  });

  it('is text in Word XML: in w:t runs, escaped, with the characters the data holds', async () => {
    const redline = await documentXml(pack.get('redline.docx'));
    expect(redline).toContain(
      '<w:t xml:space="preserve">MOC &lt;b&gt;(Secure)&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; | *x*</w:t>',
    );
    const response = await documentXml(pack.get('response-template.docx'));
    expect(response).toContain(
      '<w:t xml:space="preserve">&lt;img src=x onerror=alert(1)&gt; Do you **agree**? # [link](http://x) | `code`</w:t>',
    );
    expect(response).not.toContain('<img');
  });
});
