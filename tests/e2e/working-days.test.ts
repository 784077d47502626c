import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfData } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

// Proposed timelines are working days in England and Wales, through the commands as a user runs them.
const cwd = copyOfData();
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const valueOf = (text: string, key: string): string | undefined =>
  new RegExp(`^\\s*${key}: (?:!todo )?(\\S+)$`, 'm').exec(text)?.[1];

describe('proposed timelines fall on working days', () => {
  it('new close counts back past Christmas: the modification is not Christmas Day', async () => {
    // The reference's intervals alone give a modification on Monday 25 December 2023.
    const result = await runMain(['new', 'close', 'FOC (BG)', '--on', '2023-12-29', '--stdout'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^modification:\n  date: !todo 2023-12-22$/m);
    expect(valueOf(result.stdout, 'expectedConclusion')).toBe('2023-12-15');
    expect(valueOf(result.stdout, 'issued')).toBe('2023-10-30');
    expect(result.stdout).toContain('modification 7 days later, end date 4 days later;');
  });

  it('revert counts forward past a weekend and New Year', async () => {
    // Issued Thursday 23 November 2023: 39 days on is Monday 1 January 2024, New Year's Day.
    const result = await runMain(['revert', 'mdust-close-foc-np', '--issued', '2023-11-23', '--stdout'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/responsesDue:\n    date: !todo 2024-01-02$/m);
    expect(valueOf(result.stdout, 'expectedConclusion')).toBe('2024-01-09');
  });

  it('leaves an end date given on a bank holiday as given', async () => {
    const result = await runMain(['new', 'close', 'FOC (BG)', '--on', '2023-12-26', '--stdout'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^    to: 2023-12-26$/m);
    expect(result.stdout).toMatch(/^  date: !todo 2023-12-22$/m);
  });
});
