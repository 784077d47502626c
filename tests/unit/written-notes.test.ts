import { describe, expect, it } from 'vitest';
import {
  amendedTableNote,
  renderConclusionWritten,
  renderConsultationWritten,
  renderImportWritten,
  renderPackWritten,
  renderProjectWritten,
} from '../../src/render/written-notes.js';

describe('what a command prints once it has written its files', () => {
  it('lists the files of a consultation pack, saying what its marker is for', () => {
    expect(renderPackWritten({ folder: 'pack', files: ['.mtad-pack', 'redline.md'], marker: '.mtad-pack' })).toBe(
      'Wrote the consultation pack to pack/ (2 files):\n' +
        '  .mtad-pack  (marks the folder as a pack mtad wrote: only such a folder is replaced by --force)\n' +
        '  redline.md\n',
    );
  });

  it('lists the files of a consultation, the marker beside them', () => {
    expect(
      renderConsultationWritten({ id: 'a-1', folder: 'out', files: ['c.md', 'c.docx'], marker: '.mtad-pack' }),
    ).toBe('Wrote the consultation on a-1 to out/ (2 files and .mtad-pack):\n  c.md\n  c.docx\n');
  });

  it("says of the department's copy of a conclusion report that it is never to be published", () => {
    const written = { id: 'a-1', folder: 'out', files: ['r.md'], marker: '.mtad-pack' };
    expect(renderConclusionWritten({ ...written, audience: 'public' })).toBe(
      'Wrote the conclusion report on a-1 to out/ (1 files and .mtad-pack):\n  r.md\n',
    );
    expect(renderConclusionWritten({ ...written, audience: 'department' })).toBe(
      "Wrote the department's copy of the conclusion report on a-1 to out/ (1 files and .mtad-pack):\n  r.md\n" +
        'It holds confidential text: it is for the department, never to be published.\n',
    );
  });

  it('says what an import wrote, or that the table holds it already', () => {
    expect(renderImportWritten({ table: 't.yaml', number: '17.6', document: 'mtad.docx', rows: 5 })).toBe(
      'Wrote t.yaml: Table 17.6 from mtad.docx, 5 rows.\n',
    );
    expect(renderImportWritten({ table: 't.yaml', unchanged: true })).toBe(
      't.yaml already holds this import; nothing was written.\n',
    );
  });

  it('lists the files of a new project and says what to run next, and where', () => {
    const tail = [
      'The table is the shipped Table 17.6, as DCC stated it on 5 December 2022, each value with its source.',
      'Next: mtad check, then mtad new to draft an amendment. The workflow runs the',
      'mtad that package.json installs (npm install --save-dev, from where you got mtad).',
      '',
    ];
    expect(renderProjectWritten({ files: ['data/table-17.6.yaml'] })).toBe(
      ['Wrote a new mtad project in the working folder:', '  data/table-17.6.yaml', '', ...tail].join('\n'),
    );
    expect(renderProjectWritten({ folder: 'proj', files: [] }).split('\n').slice(0, 3)).toEqual([
      'Wrote a new mtad project in proj:',
      '',
      tail[0],
    ]);
    expect(renderProjectWritten({ folder: 'proj', files: [] })).toContain(
      'Next: mtad check (in proj), then mtad new to draft an amendment.',
    );
  });

  it("opens a pack's table file with the amendments it reflects", () => {
    expect(
      amendedTableNote('17.6', [
        { id: 'a-1', status: 'proposed' },
        { id: 'b-2', status: 'made' },
      ]),
    ).toBe(
      "# Table 17.6 as amended by a-1 (proposed), b-2 (made): written by mtad amend --out; the comments below are the table file's own.\n",
    );
  });
});
