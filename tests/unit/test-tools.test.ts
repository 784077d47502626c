import { describe, expect, it } from 'vitest';
import { locateTool } from '../helpers/tools.js';

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
