import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAmendment } from '../../src/domain/model/amendment.js';
import { RULES, type Diagnostic, type DiagnosticCode } from '../../src/domain/model/diagnostics.js';
import { parseTable } from '../../src/domain/model/table.js';
import { MAX_FILE_BYTES, readTextSync } from '../../src/io/read.js';
import { renderDiagnostics } from '../../src/render/diagnostics.js';
import { plainStyler } from '../../src/render/style.js';
import { MAX_ITEMS } from '../../src/domain/parse/yaml-source.js';
import { removedAfterAll, ROOT, snapshotTree } from '../helpers/cli.js';
import { inBatches, medianAndMax, type TimedRun } from '../helpers/cli-async.js';
import { runMain } from '../helpers/main.js';
import { findingsOf } from '../../src/domain/model/result.js';

/*
 * The hostile corpus (tests/fixtures/hostile/README.md) through every command that reads it.
 * Each input is put in place of the table or of the MOC (Secure) amendment in a fresh copy of the
 * frozen data of the check fixtures; each command must then say one clear thing (the findings the
 * core reports for that file, no more, at their file:line:column), exit 1 or 2 as the code's
 * category says, print no stack trace, and leave the folder as it was. Timings are printed, not
 * asserted: the machine is shared.
 */

const BASE = join(ROOT, 'tests/fixtures/check/_base');
const FIXTURES = join(ROOT, 'tests/fixtures');
const TABLE = 'data/table-17.6.yaml';
const AMENDMENT = 'data/amendments/mdust-close-moc-secure.yaml';

/** A hostile input: a file under tests/fixtures/ or bytes made by the test, and the finding it must raise. */
interface HostileInput {
  kind: 'table' | 'amendment';
  name: string;
  /** A path under tests/fixtures/, or the bytes themselves (too big to commit). */
  file: string | (() => Uint8Array);
  code: DiagnosticCode;
  /** How many findings the file raises, when more than one (a truncated file misses several fields). */
  findings?: number;
}

// One byte over the limit, as a list is one item over it: a larger file is refused by the same test
// of its size, and costs every command's copy of the folder its megabytes.
const overTheLimit = () => new TextEncoder().encode(`${'#'.repeat(MAX_FILE_BYTES)}\n`);
const nestedLists = () => new TextEncoder().encode(`${'- '.repeat(512 * 1024 - 1)}x\n`);
const longList = (key: string) => () => new TextEncoder().encode(`${key}:\n${'  - x\n'.repeat(MAX_ITEMS + 1)}`);

// One line per input: adding an input is adding a line (and a line in the README).
const INPUTS: HostileInput[] = [
  { kind: 'table', name: 'truncated', file: 'hostile/table/truncated.yaml', code: 'SCHEMA_WRONG_TYPE', findings: 2 },
  { kind: 'table', name: 'unclosed quote', file: 'hostile/table/unclosed-quote.yaml', code: 'YAML_SYNTAX' },
  { kind: 'table', name: 'alias bomb', file: 'hostile/table/alias-bomb.yaml', code: 'YAML_ALIAS_LIMIT' },
  { kind: 'table', name: 'nesting 1,000 deep', file: 'hostile/table/deep-nesting.yaml', code: 'YAML_SYNTAX' },
  { kind: 'table', name: '1 MiB and one byte', file: overTheLimit, code: 'FILE_TOO_LARGE' },
  { kind: 'table', name: `a list of ${MAX_ITEMS + 1} items`, file: longList('cohorts'), code: 'YAML_SIZE_LIMIT' },
  { kind: 'table', name: 'duplicate key', file: 'hostile/table/duplicate-key.yaml', code: 'YAML_DUPLICATE_KEY' },
  { kind: 'table', name: '__proto__ key', file: 'hostile/table/proto-key.yaml', code: 'YAML_FORBIDDEN_KEY' },
  { kind: 'table', name: 'constructor key', file: 'hostile/table/constructor-key.yaml', code: 'SCHEMA_UNKNOWN_KEY' },
  { kind: 'table', name: 'a list as a key', file: 'hostile/table/collection-key.yaml', code: 'YAML_SYNTAX' },
  { kind: 'table', name: 'unknown tag !!js/function', file: 'hostile/table/unknown-tag.yaml', code: 'YAML_SYNTAX' },
  { kind: 'table', name: '!todo tag', file: 'hostile/table/todo-tag.yaml', code: 'FIELD_TO_DECIDE' },
  { kind: 'table', name: 'NUL byte', file: 'hostile/table/nul-byte.yaml', code: 'FILE_NOT_TEXT' },
  { kind: 'table', name: 'Latin-1 bytes', file: 'hostile/table/latin-1.yaml', code: 'FILE_NOT_TEXT' },
  {
    kind: 'table',
    name: 'terminal escape in a cohort',
    file: 'hostile/table/control-character.yaml',
    code: 'VALUE_INVALID',
  },
  { kind: 'table', name: 'asAt 2023-02-30', file: 'hostile/table/date-feb-30.yaml', code: 'DATE_INVALID' },
  { kind: 'table', name: 'end date 31/01/2023', file: 'hostile/table/date-dmy.yaml', code: 'DATE_INVALID' },
  { kind: 'table', name: 'end date 2023-1-31', file: 'hostile/table/date-unpadded.yaml', code: 'DATE_INVALID' },
  {
    kind: 'table',
    name: 'end date 2023-01-31T23:30:00-05:00',
    file: 'hostile/table/date-instant.yaml',
    code: 'DATE_INVALID',
  },
  { kind: 'table', name: '1 MiB of nested lists (- - - ...)', file: nestedLists, code: 'YAML_SYNTAX' },
  {
    kind: 'table',
    name: 'end dates shared through an anchor and an alias',
    file: 'check/YAML_SHARED_VALUE/fire/table-17.6.yaml',
    code: 'YAML_SHARED_VALUE',
    findings: 2,
  },
  { kind: 'table', name: 'two YAML documents', file: 'hostile/table/multi-document.yaml', code: 'YAML_SYNTAX' },

  {
    kind: 'amendment',
    name: 'truncated',
    file: 'hostile/amendment/truncated.yaml',
    code: 'SCHEMA_MISSING_FIELD',
    findings: 2,
  },
  {
    kind: 'amendment',
    name: 'unclosed flow sequence',
    file: 'check/YAML_SYNTAX/fire/amendments/mdust-close-moc-secure.yaml',
    code: 'YAML_SYNTAX',
  },
  {
    kind: 'amendment',
    name: 'alias bomb',
    file: 'check/YAML_ALIAS_LIMIT/fire/amendments/bomb.yaml',
    code: 'YAML_ALIAS_LIMIT',
  },
  { kind: 'amendment', name: 'nesting 1,000 deep', file: 'hostile/amendment/deep-nesting.yaml', code: 'YAML_SYNTAX' },
  { kind: 'amendment', name: '1 MiB and one byte', file: overTheLimit, code: 'FILE_TOO_LARGE' },
  {
    kind: 'amendment',
    name: `a list of ${MAX_ITEMS + 1} items`,
    file: longList('changes'),
    code: 'YAML_SIZE_LIMIT',
  },
  {
    kind: 'amendment',
    name: 'duplicate key',
    file: 'check/YAML_DUPLICATE_KEY/fire/amendments/mdust-close-moc-secure.yaml',
    code: 'YAML_DUPLICATE_KEY',
  },
  {
    kind: 'amendment',
    name: '__proto__ key',
    file: 'check/YAML_FORBIDDEN_KEY/fire/amendments/mdust-close-moc-secure.yaml',
    code: 'YAML_FORBIDDEN_KEY',
  },
  {
    kind: 'amendment',
    name: 'constructor key',
    file: 'hostile/amendment/constructor-key.yaml',
    code: 'SCHEMA_UNKNOWN_KEY',
  },
  { kind: 'amendment', name: 'a mapping as a key', file: 'hostile/amendment/collection-key.yaml', code: 'YAML_SYNTAX' },
  {
    kind: 'amendment',
    name: 'unknown tag !!python/object',
    file: 'hostile/amendment/unknown-tag.yaml',
    code: 'YAML_SYNTAX',
  },
  { kind: 'amendment', name: 'NUL byte', file: 'hostile/amendment/nul-byte.yaml', code: 'FILE_NOT_TEXT' },
  {
    kind: 'amendment',
    name: 'Latin-1 bytes',
    file: 'check/FILE_NOT_TEXT/fire/amendments/latin-1.yaml',
    code: 'FILE_NOT_TEXT',
  },
  {
    kind: 'amendment',
    name: 'C1 control in the title',
    file: 'hostile/amendment/control-character.yaml',
    code: 'VALUE_INVALID',
  },
  {
    kind: 'amendment',
    name: 'to 2023-02-30',
    file: 'check/DATE_INVALID/fire/amendments/mdust-close-moc-secure.yaml',
    code: 'DATE_INVALID',
  },
  { kind: 'amendment', name: 'to 31/01/2023', file: 'hostile/amendment/date-dmy.yaml', code: 'DATE_INVALID' },
  { kind: 'amendment', name: 'to 2023-1-31', file: 'hostile/amendment/date-unpadded.yaml', code: 'DATE_INVALID' },
  {
    kind: 'amendment',
    name: 'to 2023-01-31T23:30:00-05:00',
    file: 'hostile/amendment/date-instant.yaml',
    code: 'DATE_INVALID',
  },
  { kind: 'amendment', name: '1 MiB of nested lists (- - - ...)', file: nestedLists, code: 'YAML_SYNTAX' },
  {
    kind: 'amendment',
    name: 'to 9999-12-31 with a one-month window',
    file: 'check/DATE_OUT_OF_RANGE/fire/amendments/mdust-close-moc-secure.yaml',
    code: 'DATE_OUT_OF_RANGE',
  },
  {
    kind: 'amendment',
    name: 'to !!timestamp 2023-01-31',
    file: 'hostile/amendment/timestamp-tag.yaml',
    code: 'SCHEMA_WRONG_TYPE',
  },
  { kind: 'amendment', name: 'no status', file: 'hostile/amendment/status-missing.yaml', code: 'SCHEMA_MISSING_FIELD' },
];

/** A command, and which of the two files it reads. `check` commands print their findings on standard output. */
interface CommandCase {
  name: string;
  args: string[];
  reads: readonly HostileInput['kind'][];
  /** The hostile file is given on standard input. */
  stdin?: boolean;
}

// One line per command. The amendment is named by path; the table is found where it always is.
const COMMANDS: CommandCase[] = [
  { name: 'amend', args: ['amend'], reads: ['table', 'amendment'] },
  { name: 'amend --out DIR', args: ['amend', AMENDMENT, '--out', 'pack'], reads: ['table', 'amendment'] },
  { name: 'amend --write', args: ['amend', AMENDMENT, '--write'], reads: ['table', 'amendment'] },
  { name: 'direction', args: ['direction', AMENDMENT], reads: ['amendment'] },
  { name: 'direction --final', args: ['direction', AMENDMENT, '--final'], reads: ['amendment'] },
  { name: 'show', args: ['show'], reads: ['table'] },
  {
    name: 'show --as-at',
    args: ['show', '--as-at', '2023-02-01', '--include', 'proposed'],
    reads: ['table', 'amendment'],
  },
  { name: 'log', args: ['log'], reads: ['table', 'amendment'] },
  {
    name: 'diff',
    args: ['diff', '--from', '2022-12-05', '--to', '2023-02-01', '--include', 'proposed'],
    reads: ['table', 'amendment'],
  },
  { name: 'revert --stdout', args: ['revert', AMENDMENT, '--stdout'], reads: ['table', 'amendment'] },
  { name: 'impact', args: ['impact', AMENDMENT, '--decided', '2023-02-01'], reads: ['amendment'] },
  {
    name: 'new --stdout',
    args: ['new', 'close', 'FOC (BG)', '--on', '2023-06-30', '--stdout'],
    reads: ['table', 'amendment'],
  },
  { name: 'check', args: ['check'], reads: ['table', 'amendment'] },
  { name: 'check --stdin', args: ['check', '--stdin', '--stdin-filename'], reads: ['table', 'amendment'], stdin: true },
];

const bytesOf = (input: HostileInput): Uint8Array =>
  typeof input.file === 'string' ? readFileSync(join(FIXTURES, input.file)) : input.file();
const pathOf = (input: HostileInput): string => (input.kind === 'table' ? TABLE : AMENDMENT);

/** What the core finds in the file, read as the CLI reads it: the findings every command must print. */
function coreFindings(input: HostileInput, bytes: Uint8Array): Diagnostic[] {
  const file = pathOf(input);
  // From a file, as the commands read it (a file too large is refused by its size, unread).
  const scratch = removed(mkdtempSync(join(tmpdir(), 'mtad-hostile-core-')));
  writeFileSync(join(scratch, 'input.yaml'), bytes);
  const text = readTextSync(join(scratch, 'input.yaml'), file);
  if (!text.ok) return findingsOf(text);
  return findingsOf(input.kind === 'table' ? parseTable(text.value, file) : parseAmendment(text.value, file));
}

const removed = removedAfterAll();

/** A fresh folder with the frozen data and the hostile file in place. */
function folderWith(input: HostileInput, bytes: Uint8Array): string {
  const cwd = removed(mkdtempSync(join(tmpdir(), 'mtad-hostile-')));
  cpSync(BASE, join(cwd, 'data'), { recursive: true });
  writeFileSync(join(cwd, pathOf(input)), bytes);
  return cwd;
}

/**
 * The runs are made in this process, through main(), one at a time, so that each timing is the
 * command's own. The bin, its streams and exit statuses are proved once per command by spawned runs
 * (tests/e2e/bin.test.ts); here the point is what each command says and writes.
 */
const PARALLEL = 1;

const timings = new Map<string, { ms: number; input: string }[]>();

/** The position a stylish report gives a finding: "line:column", or "-" for the whole file. */
const stylishPosition = (d: Diagnostic): string => (d.line === undefined ? '-' : `${d.line}:${d.column}`);

function expectClearRefusal(run: TimedRun, command: CommandCase, input: HostileInput, expected: Diagnostic[]): void {
  const context = `${input.kind} "${input.name}" through mtad ${command.name}`;
  expect(run.status, `${context}: ${run.stderr}${run.stdout}`).toBe(RULES[input.code].category === 'io' ? 2 : 1);
  expect(`${run.stdout}${run.stderr}`, `${context}: no stack trace`).not.toMatch(/\n\s+at |Error:|internal error/);
  if (command.name.startsWith('check')) {
    // A linter's report: every finding of the file, at its position, among those of the others.
    expect(run.stderr, context).toBe('');
    for (const d of expected)
      expect(run.stdout, context).toMatch(new RegExp(`^  ${stylishPosition(d)}\\s+error\\s+${d.code}\\s`, 'm'));
    return;
  }
  // Everything else: the file's findings on standard error, word for word as the core makes them.
  expect(run.stdout, context).toBe('');
  expect(run.stderr, context).toBe(renderDiagnostics(expected, plainStyler));
}

// Up to 14 commands parse each input: the 20,001-item lists take seconds each on a busy machine.
describe(
  'hostile input through every command that reads it: one clear message, exit status 1 or 2, no stack trace, nothing written',
  { timeout: 120_000 },
  () => {
    it.each(INPUTS.map((input) => [`${input.kind}: ${input.name}`, input] as const))('%s', async (_name, input) => {
      const bytes = bytesOf(input);
      const expected = coreFindings(input, bytes);
      expect(
        expected.map((d) => d.code),
        'the core finds what the corpus says',
      ).toContain(input.code);
      expect(expected[0]?.code).toBe(input.code);
      expect(expected, 'one clear message').toHaveLength(input.findings ?? 1);
      // Only a file too large is a finding about the whole file: a file that is not text is so at its first bad byte.
      const positioned = input.code !== 'FILE_TOO_LARGE';
      for (const d of expected)
        expect(d.line !== undefined && d.column !== undefined, `${d.code} has a line and column`).toBe(positioned);

      const commands = COMMANDS.filter((command) => command.reads.includes(input.kind));
      // One folder for all the commands: each must leave it as it was, so each finds it as the first did.
      const cwd = folderWith(input, bytes);
      const before = snapshotTree(cwd);
      await inBatches(
        commands.map((command) => async () => {
          const args = command.stdin ? [...command.args, pathOf(input)] : command.args;
          const run = await runMain(args, { cwd, ...(command.stdin && { input: bytes }) });
          const list = timings.get(command.name) ?? [];
          timings.set(command.name, [...list, { ms: run.ms, input: `${input.kind}: ${input.name}` }]);
          expectClearRefusal(run, command, input, expected);
          expect(snapshotTree(cwd), `${input.name} through mtad ${command.name}: nothing written`).toEqual(before);
        }),
        PARALLEL,
      );
    });

    afterAll(() => {
      // Not asserted (a shared machine is noisy): printed, for the record and the report.
      const rows = [...timings].map(([command, runs]) => {
        const { median, max } = medianAndMax(runs.map((r) => r.ms));
        const slowest = runs.find((r) => r.ms === max)?.input ?? '';
        return `${command.padEnd(18)} ${String(runs.length).padStart(4)} runs  median ${median.toFixed(0).padStart(5)} ms  max ${max.toFixed(0).padStart(5)} ms  (${slowest})`;
      });
      if (rows.length > 0)
        console.log(`hostile input, wall time per command (in process, one at a time):\n${rows.join('\n')}`);
    });
  },
);
