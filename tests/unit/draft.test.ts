import { describe, expect, it } from 'vitest';
import { parseAmendment, readAmendment } from '../../src/domain/model/amendment.js';
import { describeClosureEffect } from '../../src/domain/documents/closure-effect.js';
import {
  draftAmendmentText,
  REFERENCE_INTERVALS,
  REFERENCE_TIMELINE,
  timelineEndingOn,
  timelineFrom,
} from '../../src/domain/documents/draft-amendment.js';
import { estimateRestart } from '../../src/domain/history/restart-estimate.js';
import { readTemplateSections } from '../../src/domain/documents/template.js';
import { renderImpactText } from '../../src/render/impact.js';
import { plainStyler } from '../../src/render/style.js';
import { amendment, readRepoFile, shippedDepartments } from '../helpers/data.js';
import { REFERENCE_TEXT } from '../helpers/reference.js';
import { findingsOf } from '../../src/domain/model/result.js';
import { valueOf } from '../helpers/result.js';

const wording = readTemplateSections(readRepoFile('templates/new-amendment.txt'));
const departments = shippedDepartments();

describe('the proposed timeline', () => {
  it('takes its intervals from the reference consultation: 39, 7, 7 and 4 days', () => {
    expect(REFERENCE_INTERVALS).toEqual({ responsesDue: 39, expectedConclusion: 7, modification: 7, endDate: 4 });
  });

  it('gives back the reference timeline from its end date, and forward from its issue date', () => {
    expect(timelineEndingOn('2023-01-31')).toEqual(REFERENCE_TIMELINE);
    const { endDate: _, ...forward } = REFERENCE_TIMELINE;
    expect(timelineFrom('2022-12-05')).toEqual(forward);
  });
});

describe('draftAmendmentText', () => {
  const draft = (to = '2023-01-31') =>
    valueOf(
      draftAmendmentText({
        id: 'mdust-close-moc-secure',
        sequence: 3,
        timeline: timelineEndingOn(to),
        wording,
        departments,
        changes: [
          {
            action: 'close',
            cohort: 'MOC (Secure)',
            groupId: { kind: 'text', text: 'DA' },
            from: { kind: 'none' },
            to: { kind: 'date', date: to },
          },
        ],
      }),
    );

  it("drafts the reference consultation's own wording for MOC (Secure) on 31 January 2023", () => {
    const read = readAmendment(draft(), 'draft.yaml');
    const shipped = amendment('mdust-close-moc-secure');
    expect(read.data?.consultation.questions.map((q) => q.text)).toEqual(
      shipped.consultation.questions.map((q) => q.text),
    );
    expect(read.data?.consultation.summary).toBe(shipped.consultation.summary);
    expect(read.data?.consultation.id).toBe(shipped.consultation.id);
    expect(REFERENCE_TEXT).toContain(read.data?.consultation.questions[0]?.text);
  });

  it('marks every decision, which reading reports as FIELD_TO_DECIDE and nothing else', () => {
    const read = readAmendment(draft('2024-03-29'), 'draft.yaml');
    expect(read.findings.map((d) => [d.code, d.args])).toEqual(
      [
        'consultation.id',
        'consultation.issued',
        'consultation.responsesDue.date',
        'consultation.expectedConclusion',
        'consultation.questions.0.text',
        'consultation.questions.1.text',
        'modification.date',
        'modification.windowMonths',
        'changes.0.windowMonths',
      ].map((field) => ['FIELD_TO_DECIDE', { field }]),
    );
    expect(read.data?.consultation.questions[0]?.text).toContain(
      'from Friday 29 March 2024 (or within one month thereafter)',
    );
    expect(read.data?.consultation.questions[1]?.text).toContain(
      'modification date of 25 March 2024 (or within one month thereafter)',
    );
    expect(findingsOf(parseAmendment(draft().replaceAll('!todo ', ''), 'draft.yaml'))).toEqual([]);
  });

  it('takes the contact, classification and legal basis from the template, as the reference has them', () => {
    const read = parseAmendment(draft().replaceAll('!todo ', ''), 'draft.yaml');
    const shipped = amendment('mdust-close-moc-secure');
    expect(valueOf(read).consultation).toMatchObject({
      contact: shipped.consultation.contact,
      classification: shipped.consultation.classification,
    });
    expect(valueOf(read).legalBasis).toEqual(shipped.legalBasis);
    const own = valueOf(
      draftAmendmentText({
        id: 'x',
        sequence: 1,
        timeline: timelineEndingOn('2023-01-31'),
        wording: { ...wording, contact: 'someone@example.org', clause: '4.3' },
        departments,
        changes: [],
      }),
    );
    expect(own).toContain('contact: someone@example.org');
    expect(own).toContain('clause: "4.3"');
    const { classification: _, ...without } = wording;
    expect(
      findingsOf(
        draftAmendmentText({
          id: 'x',
          sequence: 1,
          timeline: timelineEndingOn('2023-01-31'),
          wording: without,
          departments,
          changes: [],
        }),
      ),
    ).toEqual([
      expect.objectContaining({ code: 'TEMPLATE_UNKNOWN_NAME', args: { names: '(missing section classification)' } }),
    ]);
  });

  it("makes the consultation's title from the template, around the title as filled", () => {
    const read = parseAmendment(draft().replaceAll('!todo ', ''), 'draft.yaml');
    expect(valueOf(read).consultation.title).toBe(amendment('mdust-close-moc-secure').consultation.title);
    const own = valueOf(
      draftAmendmentText({
        id: 'x',
        sequence: 1,
        timeline: timelineEndingOn('2023-01-31'),
        wording: { ...wording, consultationTitle: 'Consultation: {{title}}' },
        departments: shippedDepartments(),
        changes: [],
      }),
    );
    expect(own).toMatch(/^ {2}title: "?Consultation: Migration DUST Closure for/m);
  });

  it('reports a !todo value that is not yet valid once, as a decision, not as a schema error', () => {
    const text = draft().replace(/issued: !todo 2022-12-05/, 'issued: !todo "decide the issue date"');
    expect(findingsOf(parseAmendment(text, 'draft.yaml')).map((d) => d.code)).toEqual(Array(9).fill('FIELD_TO_DECIDE'));
  });
});

describe('the impact wording', () => {
  const template = readRepoFile('templates/impact.txt');
  it('comes from templates/impact.txt: the shipped one prints the sentences, another template other words', () => {
    const estimates = estimateRestart(amendment('mdust-close-moc-secure'), '2023-01-01');
    const shipped = valueOf(renderImpactText('a', estimates, [undefined], plainStyler, template));
    expect(shipped).toContain(
      '  The decision falls on or before the end date: Migration DUST is still provided up to and including Tuesday 31 January 2023,\n',
    );
    expect(shipped).toContain('\n                               or Monday 12 June 2023 one after the other');
    const own = valueOf(
      renderImpactText(
        'a',
        estimates,
        [undefined],
        plainStyler,
        template.replace('re-start no earlier than:', 'earliest re-start:'),
      ),
    );
    expect(own).toContain('  earliest re-start:       Wednesday 15 March 2023');
    expect(
      findingsOf(renderImpactText('a', [], [], plainStyler, '== none ==\n{{nothing}}')).map((d) => d.code),
    ).toEqual(['TEMPLATE_UNKNOWN_NAME']);
  });
});

describe('what a closure means', () => {
  it('fills the closure wording from the template, with the true weekday', () => {
    const text = describeClosureEffect(readRepoFile('templates/closure-effect.txt'), 'MOC (Secure)', {
      kind: 'date',
      date: '2023-01-31',
    });
    expect(text).toMatch(
      /^After Tuesday 31 January 2023, the last day of Migration DUST for MOC \(Secure\), DCC's ability to enrol \(Migrate\) new test devices in respect of that cohort for other Testing Services in User Interface Testing \(UIT\) environments/,
    );
    expect(describeClosureEffect('x', 'FOC (BG)', { kind: 'none' })).toBeUndefined();
  });

  it('estimates a re-start: no earlier than six weeks, expected by three months or three months and six weeks (date-fns)', () => {
    expect(estimateRestart(amendment('mdust-close-moc-secure'), '2023-02-01')).toEqual([
      expect.objectContaining({
        cohort: 'MOC (Secure)',
        countedFrom: '2023-02-01',
        amendmentDone: '2023-05-01',
        purchaseDone: '2023-03-15',
        inParallel: '2023-05-01',
        oneAfterTheOther: '2023-06-12',
        decidedBeforeEnd: false,
      }),
    ]);
    expect(estimateRestart(amendment('mdust-close-moc-secure'), '2023-11-30')[0]).toMatchObject({
      amendmentDone: '2024-02-29',
      decidedBeforeEnd: false,
    });
  });

  it('counts from the day after the end date when the decision falls on or before it (the service is still provided)', () => {
    for (const decided of ['2023-01-31', '2022-12-01']) {
      const [estimate] = estimateRestart(amendment('mdust-close-moc-secure'), decided);
      expect(estimate).toMatchObject({
        decided,
        decidedBeforeEnd: true,
        countedFrom: '2023-02-01',
        purchaseDone: '2023-03-15',
        inParallel: '2023-05-01',
        oneAfterTheOther: '2023-06-12',
      });
      for (const date of [estimate?.purchaseDone, estimate?.inParallel, estimate?.oneAfterTheOther])
        expect((date ?? '') > '2023-01-31', String(date)).toBe(true);
    }
  });
});

describe('the department in the wording of a draft', () => {
  const drafted = (to: string) =>
    valueOf(
      draftAmendmentText({
        id: 'x',
        sequence: 1,
        timeline: timelineEndingOn(to),
        wording: { ...wording, summary: 'Responses may go to {{departmentAbbreviation}} ({{department}}).' },
        departments,
        changes: [],
      }),
    ) ?? '';

  it('is the one of the draft issue date: BEIS in 2022, DESNZ from 7 February 2023', () => {
    expect(drafted('2023-01-31')).toContain(
      'summary: Responses may go to BEIS (Department for Business, Energy, and Industrial Strategy).',
    );
    expect(drafted('2023-06-30')).toContain(
      'summary: Responses may go to DESNZ (Department for Energy Security and Net Zero).',
    );
  });
});
