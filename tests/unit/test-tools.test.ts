import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { findTool, locateTool } from '../helpers/tools.js';
import { readWithPandoc, readWordFixture } from '../helpers/word.js';

/*
 * The tests that read mtad's documents with pandoc and Chromium, on a machine without them (an
 * environment variable naming a binary that does not exist stands in for one): a contributor is
 * told which checks are skipped and how to point them at another binary; CI fails.
 */
describe('tests that need pandoc or Chromium', () => {
  it('locally, a missing tool skips its checks with a message naming the environment variable', () => {
    const found = locateTool('pandoc', { MTAD_PANDOC: '/nonexistent/pandoc' });
    expect(found.tool).toEqual({ path: undefined, missing: true });
    expect(found.failure).toBeUndefined();
    expect(found.skipped).toContain('skipping the checks that need pandoc');
    expect(found.skipped).toContain('MTAD_PANDOC=/path/to/pandoc');
    expect(locateTool('chromium', { MTAD_CHROMIUM: '/nonexistent/chrome' }).skipped).toContain(
      'MTAD_CHROMIUM=/path/to/chromium',
    );
  });

  it('in CI (CI=true), a missing tool is a failure, never a skip', () => {
    const found = locateTool('chromium', { MTAD_CHROMIUM: '/nonexistent/chrome', CI: 'true' });
    expect(found.skipped).toBeUndefined();
    expect(found.failure).toMatch(/^chromium is needed in CI and is missing/);
  });

  it('MTAD_PANDOC and MTAD_CHROMIUM name the binaries the tests run', () => {
    expect(locateTool('pandoc', { MTAD_PANDOC: '/usr/bin/pandoc' }).tool).toEqual({
      path: '/usr/bin/pandoc',
      missing: false,
    });
    expect(locateTool('chromium', { MTAD_CHROMIUM: '/usr/bin/chromium' }).tool.path).toBe('/usr/bin/chromium');
  });
});

describe('the Word documents read by one pandoc', () => {
  const pandoc = findTool('pandoc');
  it.skipIf(pandoc.missing)('reads each as `pandoc --track-changes=MODE --to FORMAT --wrap=none FILE` does', () => {
    // The split fixture holds a reviewer's tracked change: accepting and rejecting it read differently.
    const file = join(ROOT, 'tests/fixtures/word/mtad-split.docx');
    const readings = (['accept', 'reject'] as const).flatMap((mode) =>
      (['plain', 'html'] as const).map((to) => ({ docx: readWordFixture('split'), mode, to })),
    );
    const byCommand = readings.map(
      ({ mode, to }) =>
        spawnSync(pandoc.path ?? 'pandoc', [`--track-changes=${mode}`, '--to', to, '--wrap=none', file], {
          encoding: 'utf8',
        }).stdout,
    );
    expect(readWithPandoc(readings)).toEqual(byCommand);
    expect(byCommand[0]).not.toBe(byCommand[2]);
  });
});
