import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/domain/model/diagnostics.js';
import { renderDraftReport, type DraftReport } from '../../src/render/draft-report.js';

const report: DraftReport = {
  file: 'data/amendments/mdust-close-foc-bg.yaml',
  title: 'Close Migration DUST for FOC (BG)',
  sequence: 4,
  timeline: [
    { step: 'issued', date: '2022-12-24', holiday: 'a Saturday', past: true },
    { step: 'responsesDue', date: '2023-01-13', past: false },
    { step: 'expectedConclusion', date: '2023-01-20', past: false },
    { step: 'modification', date: '2023-01-27', past: false },
    { step: 'endDate', date: '2023-06-30', past: false },
  ],
  toDecide: [
    diagnose('FIELD_TO_DECIDE', { field: 'consultation.id' }, { file: 'data/amendments/x.yaml', line: 9, column: 7 }),
  ],
};

describe('what mtad new and mtad revert print once the draft is written', () => {
  it('names the file, the timeline with the dates to review, and the fields to decide', () => {
    expect(renderDraftReport(report)).toBe(
      [
        'Wrote data/amendments/mdust-close-foc-bg.yaml: Close Migration DUST for FOC (BG) (sequence 4, proposed).',
        '',
        "Proposed timeline, from the reference consultation's intervals:",
        '  issued                 Saturday 24 December 2022  <- not a working day (a Saturday), already past: review it',
        '  responses due (16:00)  Friday 13 January 2023',
        '  expected conclusion    Friday 20 January 2023',
        '  modification           Friday 27 January 2023',
        '  end date (last day)    Friday 30 June 2023',
        '',
        'To decide before mtad check and mtad amend accept it (tagged !todo, FIELD_TO_DECIDE): 1',
        '  data/amendments/x.yaml:9:7  consultation.id',
        '',
      ].join('\n'),
    );
  });

  it("says whether a closure's narrative was written or kept", () => {
    const lines = (written: boolean) =>
      renderDraftReport({ ...report, narrative: { file: 'data/consultations/x.md', written } }).split('\n')[1];
    expect(lines(true)).toBe(
      'Wrote data/consultations/x.md: the narrative of its consultation, to write where it says !todo (NARRATIVE_TODO).',
    );
    expect(lines(false)).toBe('Kept data/consultations/x.md: a narrative is already there.');
  });
});
