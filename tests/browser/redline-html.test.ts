import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRedlineHtml } from '../../src/render/redline-html.js';
import { ROOT } from '../helpers/cli.js';
import { buildTestPack, textOf } from '../helpers/pack.js';
import { EVERY_KIND_OF_ROW } from '../helpers/redline.js';
import { findTool } from '../helpers/tools.js';

/**
 * redline.html as a reader sees it, in a real browser: Debian's Chromium (.ci/run installs it; any
 * other with MTAD_CHROMIUM) driven by playwright-core. A4 is 210 mm wide: 794 CSS pixels.
 */
const chromiumBinary = findTool('chromium');
const A4 = { width: 794, height: 1123 };

// What the functions run inside the page use; the project's types do not include the DOM.
declare const document: { body: unknown; documentElement: PageRoot; scrollingElement: PageRoot | null };
declare function getComputedStyle(element: unknown): { textDecorationLine: string; color: string };
interface PageRoot {
  scrollWidth: number;
  clientWidth: number;
}
const ARTIFACTS = join(ROOT, 'tests/artifacts');

let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (chromiumBinary.path === undefined) return;
  profile = mkdtempSync(join(tmpdir(), 'mtad-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumBinary.path,
    headless: true,
    viewport: A4,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Opens `html` from a file, recording every request the page makes. */
async function open(html: string, name: string): Promise<{ page: Page; requests: string[]; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mtad-html-'));
  const file = join(dir, name);
  writeFileSync(file, html);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, url };
}

interface Look {
  lines: string;
  color: string;
}

const looks = (page: Page, selector: string): Promise<Look[]> =>
  page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const style = getComputedStyle(element);
      return { lines: style.textDecorationLine, color: style.color };
    }),
  );

const bodyColor = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).color);

const overflow = (page: Page): Promise<{ scrollWidth: number; clientWidth: number }> =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });

describe.skipIf(chromiumBinary.missing)('redline.html in Chromium', () => {
  it('underlines and colours inserted text, strikes through and colours deleted text, and fetches nothing', async () => {
    const { page, requests, url } = await open(textOf((await buildTestPack()).get('redline.html')), 'redline.html');
    const text = await bodyColor(page);
    const inserted = await looks(page, 'ins');
    const deleted = await looks(page, 'del');
    expect(inserted.length).toBeGreaterThanOrEqual(2); // the legend's and the table's
    expect(deleted.length).toBeGreaterThanOrEqual(1); // the legend's
    for (const look of inserted) {
      expect(look.lines).toContain('underline');
      expect(look.color).not.toBe(text);
    }
    for (const look of deleted) {
      expect(look.lines).toContain('line-through');
      expect(look.color).not.toBe(text);
      expect(look.color).not.toBe(inserted[0]?.color);
    }
    expect(await page.locator('table tbody ins').innerText()).toContain('31 January 2023');
    expect(requests).toEqual([url]);
    await page.screenshot({ path: join(ARTIFACTS, 'redline.png'), fullPage: true });
    await page.close();
  });

  it('has no horizontal scroll at A4 width, on screen and in print', async () => {
    const { page } = await open(
      renderRedlineHtml(
        {
          ...EVERY_KIND_OF_ROW,
          rows: [
            ...EVERY_KIND_OF_ROW.rows,
            {
              status: 'inserted',
              cohort: 'long',
              cells: [
                { after: { kind: 'text', text: 'A-cohort-name-without-any-space-'.repeat(4) } },
                { after: { kind: 'text', text: 'X' } },
                { after: { kind: 'date', date: '2024-01-01' } },
              ],
            },
          ],
        },
        { draft: true },
      ),
      'rows.html',
    );
    const screen = await overflow(page);
    expect(screen.scrollWidth).toBeLessThanOrEqual(screen.clientWidth);
    await page.emulateMedia({ media: 'print' });
    const print = await overflow(page);
    expect(print.scrollWidth).toBeLessThanOrEqual(print.clientWidth);
    await page.pdf({ path: join(ARTIFACTS, 'redline-rows.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: join(ARTIFACTS, 'redline-rows.png'), fullPage: true });
    await page.close();
  });

  it('gives screen readers words for each change, not only colour and lines', async () => {
    const { page } = await open(renderRedlineHtml(EVERY_KIND_OF_ROW, { draft: true }), 'rows.html');
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows).toEqual([
      'KeptKA',
      'changed row: ChangedCAdeleted: 1 March 2023 inserted: 2 April 2023',
      'inserted row: inserted: Addedinserted: NAinserted: 31 May 2023',
      'deleted row: deleted: Removeddeleted: RAdeleted: 30 June 2023',
    ]);
    expect(await page.locator('th[scope=col]').count()).toBe(3);
    expect(await page.locator('th[scope=row]').count()).toBe(4);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    await page.close();
  });
});
