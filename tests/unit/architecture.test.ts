import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// The layers are kept apart by eslint.config.js, which `npm run lint` applies to src/. This file
// proves that the config bites: each case lints one line as if it were a file at `path` (through
// ESLint's Node API, with the project's own config; no file is written into src/) and names the
// rule that must refuse it, or none where the line is allowed. A glob that stops matching, or a
// block that a later one replaces, fails here instead of letting everything through.
const eslint = new ESLint({ cwd: ROOT });

/** The rules that refuse `code` as the file `path`, sorted. */
async function refusals(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: `${ROOT}/${path}` });
  expect(
    result?.messages.filter((m) => m.ruleId === null),
    `${path}: ${code}`,
  ).toEqual([]);
  return [...new Set((result?.messages ?? []).map((m) => m.ruleId ?? ''))].sort();
}

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const SYNTAX = 'no-restricted-syntax';
const GLOBALS = 'no-restricted-globals';
const PROPERTIES = 'no-restricted-properties';

type Case = [path: string, code: string, refusedBy: string | undefined];

const cases: Record<string, Case[]> = {
  'src/domain is pure: no Node built-in, no io/render/cli/app, no process, console or clock': [
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';", IMPORTS],
    ['src/domain/x.ts', "import { join } from 'path';", IMPORTS],
    ['src/domain/x.ts', "import { readText } from '../io/read.js';", IMPORTS],
    ['src/domain/x.ts', "import { renderLog } from '../render/log.js';", IMPORTS],
    ['src/domain/x.ts', "import { main } from '../cli/main.js';", IMPORTS],
    ['src/domain/x.ts', "import { planAmend } from '../app/amend.js';", IMPORTS],
    ['src/domain/parse/x.ts', "import { readText } from '../../io/read.js';", IMPORTS],
    ['src/domain/x.ts', "export { readText } from '../io/read.js';", IMPORTS],
    ['src/domain/x.ts', "const read = await import('../io/read.js');", SYNTAX],
    ['src/domain/x.ts', 'const here = process.cwd();', GLOBALS],
    ['src/domain/x.ts', "console.log('x');", GLOBALS],
    ['src/domain/x.ts', 'const now = Date.now();', SYNTAX],
    ['src/domain/x.ts', 'const now = new Date();', SYNTAX],
    // What the domain does all day: import the domain and packages, make a date from a given one.
    ['src/domain/x.ts', "import { isIsoDate } from './dates.js';\nimport { parse } from 'yaml';", undefined],
    ['src/domain/parse/x.ts', "import { diagnose } from '../diagnostics.js';", undefined],
    ['src/domain/x.ts', "const day = new Date('2023-01-31T00:00:00Z');", undefined],
  ],
  'src/word is domain-like: pure, and takes no Date at all': [
    ['src/word/x.ts', "import { readFile } from 'node:fs/promises';", IMPORTS],
    ['src/word/x.ts', "import { readText } from '../io/read.js';", IMPORTS],
    ['src/word/x.ts', 'const day = new Date(0);', SYNTAX],
    ['src/word/x.ts', "console.error('x');", GLOBALS],
    [
      'src/word/x.ts',
      "import { diagnose } from '../domain/model/diagnostics.js';\nimport { unzipSync } from 'fflate';",
      undefined,
    ],
  ],
  'src/render returns text or bytes: no fs, no child_process, no io/cli/app, no process, console or clock': [
    ['src/render/x.ts', "import { writeFileSync } from 'node:fs';", IMPORTS],
    ['src/render/x.ts', "import { spawnSync } from 'child_process';", IMPORTS],
    ['src/render/x.ts', "import { readText } from '../io/read.js';", IMPORTS],
    ['src/render/x.ts', "import { main } from '../cli/main.js';", IMPORTS],
    ['src/render/x.ts', 'const columns = process.stdout.columns;', GLOBALS],
    ['src/render/x.ts', 'const stamp = new Date().toISOString();', SYNTAX],
    [
      'src/render/x.ts',
      "import { posix } from 'node:path';\nimport { diffTables } from '../domain/documents/redline.js';",
      undefined,
    ],
  ],
  'src/io reads and writes bytes: no render/cli/app, and no parser': [
    ['src/io/x.ts', "import { renderLog } from '../render/log.js';", IMPORTS],
    ['src/io/x.ts', "import { main } from '../cli/main.js';", IMPORTS],
    ['src/io/x.ts', "import { parseTable } from '../domain/model/table.js';", IMPORTS],
    ['src/io/x.ts', "import { parseAmendment } from '../domain/model/amendment.js';", IMPORTS],
    ['src/io/x.ts', "import { checkTableFile } from '../domain/check/file-rules.js';", IMPORTS],
    ['src/io/x.ts', "import { parseYaml } from '../domain/parse/yaml.js';", IMPORTS],
    [
      'src/io/x.ts',
      "import { readFile } from 'node:fs/promises';\nimport type { TableInput } from '../domain/model/table.js';\nimport { diagnose } from '../domain/model/diagnostics.js';",
      undefined,
    ],
    // No file of io is an exception: the one that reads the table and amendments hands up text.
    ['src/io/read.ts', "import { parseTable } from '../domain/model/table.js';", IMPORTS],
    ['src/io/read.ts', "import { checkAmendmentFile } from '../domain/check/file-rules.js';", IMPORTS],
    ['src/io/read.ts', "import { declaredId } from '../domain/model/amendment.js';", IMPORTS],
  ],
  'a command never loads another; only the registration of the commands loads one': [
    ['src/cli/commands/show.ts', "import { runNew } from './new.js';", IMPORTS],
    ['src/cli/commands/show.ts', "import { runCheck } from '../commands/check.js';", IMPORTS],
    ['src/cli/commands/show.ts', "const { runLog } = await import('./log.js');", SYNTAX],
    ['src/cli/commands/show.ts', "const { runDiff } = await import('../commands/diff.js');", SYNTAX],
    ['src/cli/inputs.ts', "import { runCheck } from './commands/check.js';", IMPORTS],
    ['src/cli/inputs.ts', "const { runCheck } = await import('./commands/check.js');", SYNTAX],
    ['src/app/x.ts', "import { loadTable } from '../cli/inputs.js';", IMPORTS],
    // Shared CLI modules outside src/cli/commands/, and the registration, are allowed.
    [
      'src/cli/commands/amend.ts',
      "import { writeAmendPack } from '../amend-pack.js';\nimport { inSequence } from '../inputs.js';",
      undefined,
    ],
    ['src/cli/commands/amend.ts', "const { writeAmendPack } = await import('../amend-pack.js');", undefined],
    ['src/cli/main.ts', "const { runShow } = await import('./commands/show.js');", undefined],
    ['src/cli/register/show.ts', "const { runShow } = await import('../commands/show.js');", undefined],
    // No exception is left: what two commands share lives outside src/cli/commands/.
    ['src/cli/commands/revert.ts', "import { writeDraft } from './new.js';", IMPORTS],
    ['src/cli/check-gate.ts', "import { gatherCheckInputs } from './commands/check.js';", IMPORTS],
    ['src/cli/commands/revert.ts', "import { performDraft } from '../draft-writer.js';", undefined],
  ],
  'src/app is pure: gathered inputs in, what to print and write out; no Node built-in, no io/cli, no process, console or clock':
    [
      ['src/app/x.ts', "import { readFile } from 'node:fs/promises';", IMPORTS],
      ['src/app/x.ts', "import { readText } from '../io/read.js';", IMPORTS],
      ['src/app/x.ts', 'const here = process.cwd();', GLOBALS],
      ['src/app/x.ts', 'const now = new Date();', SYNTAX],
      ['src/app/x.ts', "const plan = await import('../domain/history/apply.js');", SYNTAX],
      [
        'src/app/x.ts',
        "import { applyAmendments } from '../domain/history/apply.js';\nimport { renderRedlineText } from '../render/redline-text.js';",
        undefined,
      ],
    ],
  'no order or date in src follows the machine: no locale collation, no local-time calendar': [
    ['src/cli/x.ts', "const order = ['b', 'a'].sort((a, b) => a.localeCompare(b));", SYNTAX],
    ['src/io/x.ts', 'const collator = new Intl.Collator();', SYNTAX],
    ['src/cli/commands/show.ts', 'const text = new Date(0).toLocaleDateString();', SYNTAX],
    ['src/cli/x.ts', 'const year = new Date(0).getFullYear();', SYNTAX],
    ['src/domain/x.ts', 'const time = Date.UTC(99, 0, 1);', SYNTAX],
    ['src/cli/x.ts', "const f = new Intl.DateTimeFormat('en-GB', { year: 'numeric' });", SYNTAX],
    [
      'src/cli/x.ts',
      "const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' });",
      undefined,
    ],
  ],
  'only src/cli/run.ts touches the exit status': [
    ['src/cli/main.ts', 'process.exitCode = 1;', PROPERTIES],
    ['src/io/x.ts', 'process.exit(2);', PROPERTIES],
    ['src/cli/run.ts', 'process.exitCode = 2;', undefined],
  ],
};

describe('the layers stay apart (eslint.config.js bites)', () => {
  for (const [title, list] of Object.entries(cases)) {
    it(title, async () => {
      for (const [path, code, refusedBy] of list) {
        expect(await refusals(path, code), `${path}: ${code}`).toEqual(refusedBy ? [refusedBy] : []);
      }
    });
  }
});
