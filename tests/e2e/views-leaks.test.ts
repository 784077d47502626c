import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copiesOfData, ROOT } from '../helpers/cli.js';
import { runMain, type MainRun } from '../helpers/main.js';

/*
 * A respondent who published their views repeats what others asked to keep confidential, in the
 * ways `mtad check` finds it in DCC's own text. The published views (`mtad responses --views
 * public`, and the public conclusion report made from them) cut each, and keep the rest of the
 * respondent's words; the department's copy holds them all.
 */
const copy = copiesOfData();
const FOLDER = 'data/responses/mdust-close-moc-secure';

/** Each way a confidential text leaks, written into the published answer, and the paragraph as published. */
const WAYS: { way: string; written: string; published: string; secret: RegExp }[] = [
  {
    way: 'the short form of a fully confidential organisation (without its note in brackets)',
    written: 'We agree, as does Harbour Power.',
    published: 'We agree, as does \\[…\\].',
    secret: /harbour power/i,
  },
  {
    way: 'the organisation written with a hyphen for its space',
    written: 'Harbour-Power agree too.',
    published: '\\[…\\] agree too.',
    secret: /harbour.power/i,
  },
  {
    way: "a fully confidential respondent's name joined by a hyphen, in capitals",
    written: 'Write to JO-PLACEHOLDER for theirs.',
    published: 'Write to \\[…\\] for theirs.',
    secret: /placeholder/i,
  },
  {
    way: "a fully confidential respondent's email address",
    written: 'Ask jo@harbour.invalid for theirs.',
    published: 'Ask \\[…\\] for theirs.',
    secret: /jo@harbour/,
  },
  {
    way: 'eight words in a row of a confidential passage, in other punctuation',
    written: 'Brightwater has 37 SMETS1 installations in the MOC Secure cohort still.',
    published: 'Brightwater has \\[…\\] still.',
    secret: /installations in the MOC/,
  },
  {
    way: 'eight words in a row of an answer marked confidential',
    written: 'One would have preferred a date in February for reasons of its own.',
    published: 'One \\[…\\] of its own.',
    secret: /preferred a date in February/,
  },
  {
    way: 'eight words in a row of an answer of a fully confidential respondent',
    written: 'They may still need Migration DUST for a product change planned for 2023.',
    published: 'They \\[…\\].',
    secret: /product change planned/,
  },
];

let views: MainRun;
let department: MainRun;
let report: MainRun;

beforeAll(async () => {
  const dir = copy();
  cpSync(join(ROOT, 'examples/responses/mdust-close-moc-secure'), join(dir, FOLDER), { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    expect(text, file).toContain(from);
    writeFileSync(path, text.replace(from, to));
  };
  edit(
    `${FOLDER}/harbour-power.yaml`,
    '  organisation: Harbour Power (fictional)\n',
    '  organisation: Harbour Power (fictional)\n  email: jo@harbour.invalid\n',
  );
  // Harbour Power's "No, for the same reason." is too short to say who wrote it: it is not looked for.
  const paragraphs = [...WAYS.map((w) => w.written), 'We say no, for the same reason.'];
  edit(
    `${FOLDER}/northfield-energy.yaml`,
    '      - We agree with the proposed modification date.\n',
    `      - We agree with the proposed modification date.\n${paragraphs.map((p) => `      - ${p}\n`).join('')}`,
  );
  mkdirSync(join(dir, 'data/conclusions'));
  cpSync(
    join(ROOT, 'examples/conclusions/mdust-close-moc-secure.yaml'),
    join(dir, 'data/conclusions/mdust-close-moc-secure.yaml'),
  );
  edit('data/amendments/mdust-close-moc-secure.yaml', 'status: proposed', 'status: concluded');
  views = await runMain(['responses', '--views', 'public'], dir);
  department = await runMain(['responses', '--views', 'department'], dir);
  report = await runMain(['conclude', 'mdust-close-moc-secure', '--stdout'], dir);
  for (const run of [views, department, report]) expect(run.status, run.stderr).toBe(0);
});

describe('the published views cut what gives a confidential text away, as mtad check finds it', () => {
  it.each(WAYS)('$way', ({ written, published, secret }) => {
    for (const run of [views, report]) {
      expect(run.stdout).not.toMatch(secret);
      expect(run.stdout).toContain(`\n${published}\n`);
    }
    expect(department.stdout).toContain(`\n${written}\n`);
  });

  it('a confidential answer of fewer than six words, repeated, is published: it says nothing of who wrote it', () => {
    for (const run of [views, report]) expect(run.stdout).toContain('\nWe say no, for the same reason.\n');
  });
});
