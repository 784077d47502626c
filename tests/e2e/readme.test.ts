import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { makeExampleDocuments, pipedFromMtad, plainMtadArgs } from '../helpers/readme-examples.js';

describe('README.md', () => {
  it(
    'README.md and docs/check.md show what the commands really print (node scripts/readme.mjs reruns them)',
    { timeout: 180_000 },
    async () => {
      for (const { document, text, made } of await makeExampleDocuments()) {
        // scripts/readme.mjs runs this test to write the documents again, by the same runner.
        if (process.env.MTAD_README === 'write') writeFileSync(join(ROOT, document), made);
        else expect(made, `${document} is stale: run node scripts/readme.mjs`).toBe(text);
      }
    },
  );

  it('runs in process only the lines a shell would pass to mtad unchanged', () => {
    expect(plainMtadArgs('npx mtad new close "FOC (BG)" --on 2023-06-30')).toEqual([
      'new',
      'close',
      'FOC (BG)',
      '--on',
      '2023-06-30',
    ]);
    expect(plainMtadArgs("npx mtad check 'a b'")).toEqual(['check', 'a b']);
    expect(plainMtadArgs('npx mtad')).toEqual([]);
    for (const shell of [
      'npx mtad check 2>&1 | tail -n 1',
      'npx mtad check --max-warnings 0 > /dev/null',
      'npx mtad check --stdin < file',
      'npx mtad import x.docx && npx mtad check',
      'npx mtad show "$HOME"',
      'npx mtad check data/*.yaml',
      'npx mtadx check',
      'sed -i s/a/b/ data/table-17.6.yaml',
    ])
      expect(plainMtadArgs(shell), shell).toBeUndefined();
  });

  it('runs in process the mtad of a pipeline into other programs, and the rest in a shell', () => {
    expect(pipedFromMtad('npx mtad check 2>&1 | tail -n 1')).toEqual({
      args: ['check'],
      stderr: 'piped',
      rest: 'tail -n 1',
    });
    expect(pipedFromMtad('npx mtad responses --table t.yaml 2>/dev/null | head -n 11')).toEqual({
      args: ['responses', '--table', 't.yaml'],
      stderr: 'dropped',
      rest: 'head -n 11',
    });
    expect(pipedFromMtad('npx mtad show --as-at 2022-12-05 | sed -n 4,6p')).toEqual({
      args: ['show', '--as-at', '2022-12-05'],
      stderr: 'shown',
      rest: 'sed -n 4,6p',
    });
    for (const shell of [
      'npx mtad check',
      'npx mtad import x.docx 2>/dev/null && npx mtad check',
      'npx mtad check | npx mtad check --stdin',
      'npx mtad check < file | tail',
      'grep x y | tail',
    ])
      expect(pipedFromMtad(shell), shell).toBeUndefined();
  });

  it('starts with the two quick-start commands, verbatim', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/## Quick start\n\n```sh\nnpm install && npx mtad amend\nnpm test\n```\n/);
  });
});
