import { describe, expect, it } from 'vitest';
import { wrapForTerminal } from '../../src/render/terminal-wrap.js';
import { runMain } from '../helpers/main.js';

/*
 * What a person reads on a terminal is wrapped to its width at spaces, never inside a word; what a
 * pipe or a file receives keeps its lines.
 */

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');
const longest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));

describe('output on a terminal', () => {
  it.each([160, 100, 60])('mtad amend at %i columns: only spaces change, every line fits', async (width) => {
    const piped = await runMain(['amend']);
    const shown = await runMain(['amend'], { columns: { stdout: width } });
    expect(shown.status).toBe(0);
    expect(words(shown.stdout)).toEqual(words(piped.stdout));
    expect(longest(shown.stdout)).toBeLessThanOrEqual(width);
    // Words a hard wrap at 160 columns would cut in two ("SEC", a placeholder) stay whole.
    expect(shown.stdout).toContain('SEC');
    expect(shown.stdout).toContain('[DD MM YYYY]');
    if (width < longest(piped.stdout)) expect(shown.stdout).not.toBe(piped.stdout);
  });

  it('a pipe or a file keeps the bytes of today, whatever the width of the terminal', async () => {
    const piped = await runMain(['amend']);
    const asFile = await runMain(['amend'], { columns: { stderr: 40 } });
    expect(asFile.stdout).toBe(piped.stdout);
  });

  it('JSON, SARIF, unified diffs and drafted YAML are never wrapped', async () => {
    for (const args of [
      ['amend', '--format', 'json'],
      ['amend', '--format', 'unified'],
      ['check', '--format', 'sarif'],
      ['check', '--format', 'github'],
      ['schema', 'amendment'],
      ['new', 'close', 'FOC (BG)', '--on', '2023-06-30', '--stdout'],
    ]) {
      const piped = await runMain(args, { env: { SOURCE_DATE_EPOCH: '1700000000' } });
      const shown = await runMain(args, { columns: { stdout: 40 }, env: { SOURCE_DATE_EPOCH: '1700000000' } });
      expect(shown.stdout, args.join(' ')).toBe(piped.stdout);
    }
  });

  it("check's findings stay rows: a message continues under the message column", async () => {
    const shown = await runMain(['check'], { columns: { stdout: 100 } });
    const lines = shown.stdout.split('\n');
    const row = lines.findIndex((line) => line.startsWith('  21:14  warning  VALUE_UNKNOWN  '));
    expect(row).toBeGreaterThanOrEqual(0);
    const column = '  21:14  warning  VALUE_UNKNOWN  '.length;
    expect(lines[row + 1]?.slice(0, column).trim()).toBe('');
    expect(lines[row + 1]?.[column]).not.toBe(' ');
    // A line runs past the width only when it holds one word too long to break (a URL).
    for (const line of lines.filter((l) => l.length > 100)) expect(words(line.slice(column))).toHaveLength(1);
  });
});

describe('wrapForTerminal', () => {
  it('breaks at spaces only; a word longer than the line stays whole', () => {
    const long = `see ${'x'.repeat(50)} then more words after it`;
    expect(wrapForTerminal(long, 30).split('\n')).toEqual(['see', 'x'.repeat(50), 'then more words after it']);
  });

  it('keeps a bracketed placeholder on one line, and indented prose indented', () => {
    const text = '    with effect from [DD MM YYYY], the Migration Test Approach Document is modified';
    const wrapped = wrapForTerminal(text, 40);
    expect(wrapped).toContain('[DD MM YYYY]');
    for (const line of wrapped.split('\n')) expect(line).toMatch(/^ {4}\S/);
  });

  it('leaves Markdown and box tables as they are, and counts no colour code as width', () => {
    const table = `| code | severity | ${'rule '.repeat(30)}|`;
    expect(wrapForTerminal(table, 40)).toBe(table);
    const red = `\u001B[31m${'word '.repeat(7).trim()}\u001B[39m`;
    expect(wrapForTerminal(red, 34)).toBe(red);
  });
});
