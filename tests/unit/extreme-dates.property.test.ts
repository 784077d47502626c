import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { extremeIsoDate } from '../helpers/arbitraries.js';
import { copyOfData } from '../helpers/cli.js';
import { runMain, type MainRun } from '../helpers/main.js';

/*
 * Any date mtad supports, in every date flag and in the end date of an amendment, through the
 * commands as the CLI runs them: a result (0), a finding in the data (1) or a usage error naming
 * the flag (2); never an internal error (main() would reject).
 */

const cwd = copyOfData();
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const AMENDMENT = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
const ORIGINAL = readFileSync(AMENDMENT, 'utf8');

const run = (args: string[]): Promise<MainRun> => runMain(args, { cwd });

function expectUsageErrorOr0(result: MainRun, option: string): void {
  expect([0, 2], result.stderr).toContain(result.status);
  // A date too early for the amendments before the draft is refused naming the flag too.
  if (result.status === 2)
    expect(result.stderr).toMatch(
      new RegExp(
        `(is not a value for ${option}: .*\\[ARGUMENT_INVALID\\]|error: ${option} \\S+ proposes .*\\[DRAFT_ISSUED_BEFORE_EARLIER\\])\\n$`,
      ),
    );
  expect(result.stderr).not.toMatch(/internal error|undefined|NaN/);
}

describe('extreme dates through the commands', () => {
  it('in every date flag: a result or a usage error naming the flag', async () => {
    await fc.assert(
      fc.asyncProperty(extremeIsoDate, extremeIsoDate, async (date, other) => {
        expectUsageErrorOr0(await run(['new', 'close', 'FOC (BG)', '--on', date, '--stdout']), '--on');
        expectUsageErrorOr0(await run(['new', 'reopen', 'FOC (NP)', '--issued', date, '--stdout']), '--issued');
        expectUsageErrorOr0(await run(['revert', 'mdust-close-foc-np', '--issued', date, '--stdout']), '--issued');
        expectUsageErrorOr0(await run(['impact', 'mdust-close-moc-secure', '--decided', date]), '--decided');
        expect((await run(['show', '--as-at', date])).status).toBe(0);
        expect((await run(['diff', '--from', date, '--to', other])).status).toBe(0);
      }),
      { numRuns: 15 },
    );
  });

  it("in an amendment's end date and modification date, with or without a window: a result or findings at a line", async () => {
    try {
      await fc.assert(
        fc.asyncProperty(
          extremeIsoDate,
          extremeIsoDate,
          fc.option(fc.integer({ min: 1, max: 12 })),
          async (end, modification, months) => {
            const window = months === null ? '' : `\n    windowMonths: ${months}`;
            writeFileSync(
              AMENDMENT,
              ORIGINAL.replace('    to: 2023-01-31\n    windowMonths: 1', `    to: ${end}${window}`).replace(
                '  date: 2023-01-27',
                `  date: ${modification}`,
              ),
            );
            for (const args of [
              ['check'],
              ['amend'],
              ['amend', '--format', 'json'],
              ['direction', 'mdust-close-moc-secure'],
              ['impact', 'mdust-close-moc-secure', '--decided', '2023-02-01'],
              ['log'],
            ]) {
              const result = await run(args);
              expect([0, 1], `${args.join(' ')}: ${result.stderr}`).toContain(result.status);
              expect(result.stderr).not.toMatch(/internal error|undefined|NaN/);
            }
          },
        ),
        { numRuns: 15 },
      );
    } finally {
      writeFileSync(AMENDMENT, ORIGINAL);
    }
  });
});
