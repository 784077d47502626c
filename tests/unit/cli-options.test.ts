import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_OPTION, namedTable, tableOption } from '../../src/cli/options.js';
import { DEFAULT_TABLE } from '../../src/io/read.js';
import { runMain } from '../helpers/main.js';

/** The table a command is given for these arguments, as its action sees it. */
function tableFor(args: string[]): string | undefined {
  let seen: string | undefined = 'not run';
  new Command('mtad')
    .exitOverride()
    .addOption(tableOption())
    .action((_opts, command: Command) => {
      seen = namedTable(command);
    })
    .parse(args, { from: 'user' });
  return seen;
}

describe('the --table option', () => {
  it('defaults to the table the readers default to', () => {
    expect(DEFAULT_TABLE_OPTION).toBe(DEFAULT_TABLE);
  });

  it('passes no table when --table is not given, and the table named when it is, even the default path', () => {
    expect(tableFor([])).toBeUndefined();
    expect(tableFor(['--table', 'other.yaml'])).toBe('other.yaml');
    expect(tableFor(['-t', DEFAULT_TABLE_OPTION])).toBe(DEFAULT_TABLE_OPTION);
  });

  it('holds a table named on the command line to the path given, even the default one: no advice to pass --table', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mtad-test-'));
    try {
      const unnamed = await runMain(['show'], cwd);
      expect(unnamed.stderr).toContain('run mtad in a folder with data/ (or a folder inside it), or pass --table FILE');
      const named = await runMain(['show', '--table', DEFAULT_TABLE_OPTION], cwd);
      expect(named.status).toBe(2);
      expect(named.stderr).toContain('data/table-17.6.yaml');
      expect(named.stderr).not.toContain('pass --table');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
