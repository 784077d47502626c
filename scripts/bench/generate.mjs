// Generates large inputs for the benchmarks: a table of N cohorts and an amendment that closes
// K of them, plus the same two tables rendered as text for `git diff --word-diff`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLongDate } from '../../dist/index.js';

const pad = (n) => String(n).padStart(5, '0');
const dateOf = (i) => `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
// The date in prose as mtad writes it ("31 January 2023"): `npm run bench` builds dist/ first.
const longOf = (i) => formatLongDate(dateOf(i));

/** Writes table-17.6.yaml and amendments/close-many.yaml for `rows` cohorts, `changes` of them closed. */
export function generateTable(dir, rows, changes) {
  mkdirSync(join(dir, 'amendments'), { recursive: true });
  const every = Math.max(1, Math.floor(rows / changes));
  const closed = new Set(Array.from({ length: Math.min(changes, rows) }, (_, k) => k * every));
  const cohortLines = [];
  const before = [];
  const after = [];
  for (let i = 0; i < rows; i++) {
    cohortLines.push(
      `  - cohort: Cohort ${pad(i)}\n    groupId:\n      value: G${pad(i)}\n    endDate:\n      value: none`,
    );
    before.push(`Cohort ${pad(i)} | G${pad(i)} | `);
    after.push(`Cohort ${pad(i)} | G${pad(i)} | ${closed.has(i) ? longOf(i) : ''}`);
  }
  writeFileSync(
    join(dir, 'table-17.6.yaml'),
    `document:\n  name: Migration Testing Approach Document\n  abbreviation: MTAD\n  version:\n    unknown: generated\ntable:\n  number: "17.6"\n  title:\n    unknown: generated\n  columns:\n    cohort: Cohort\n    groupId: GroupID\n    endDate: Migration DUST end date\nasAt: 2022-12-05\napplied: []\ncohorts:\n${cohortLines.join('\n')}\n`,
  );
  if (changes === 0) return;
  const changeLines = [...closed].map(
    (i) =>
      `  - action: close\n    cohort: Cohort ${pad(i)}\n    groupId: G${pad(i)}\n    field: endDate\n    from: none\n    to: ${dateOf(i)}`,
  );
  writeFileSync(
    join(dir, 'amendments', 'close-many.yaml'),
    `id: close-many\nsequence: 1\ntitle: Close many cohorts\nstatus: proposed\nconsultation:\n  id: generated\n  issued: 2022-12-05\n  questions: []\nlegalBasis:\n  clause: "4.2"\n  appendix: AK\n  document: the SEC Variation Testing Approach Document for SMETS1 Services\nmodification:\n  date: 2022-12-30\n  annex: null\nchanges:\n${changeLines.join('\n')}\n`,
  );
  writeFileSync(join(dir, 'before.txt'), `${before.join('\n')}\n`);
  writeFileSync(join(dir, 'after.txt'), `${after.join('\n')}\n`);
}

/** Writes data/table-17.6.yaml with `count` cohorts and one amendment file closing each of them. */
export function generateAmendmentFiles(dir, count) {
  const data = join(dir, 'data');
  generateTable(data, count, 0);
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(data, 'amendments', `close-${pad(i)}.yaml`),
      `id: close-${pad(i)}\nsequence: ${i + 1}\ntitle: Close Cohort ${pad(i)}\nstatus: proposed\nconsultation:\n  id: generated-${pad(i)}\n  issued: 2022-12-05\n  responsesDue:\n    date: 2023-01-13\n    time: "16:00"\n  expectedConclusion: 2023-01-20\n  questions: []\nlegalBasis:\n  clause: "4.2"\n  appendix: AK\n  document: the SEC Variation Testing Approach Document for SMETS1 Services\nmodification:\n  date: 2023-01-27\n  windowMonths: 1\n  annex: null\nchanges:\n  - action: close\n    cohort: Cohort ${pad(i)}\n    groupId: G${pad(i)}\n    field: endDate\n    from: none\n    to: 2023-01-31\n    windowMonths: 1\n`,
    );
  }
}
