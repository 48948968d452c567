/**
 * The HTML report in headless Chromium at a phone's width and a laptop's: the page never scrolls
 * sideways, no chart text is drawn smaller than 11 px, tables fit their box, and printing uses the
 * wide charts. Debian's chromium through playwright-core; no browser is downloaded.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itaas, root, tempDir } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const out = tempDir();
let browser: Browser;

beforeAll(async () => {
  for (const lang of ['en', 'de']) {
    const r = itaas(['report', join(root, 'examples', 'northwind-logistics.yaml'), '--lang', lang, '--out', join(out, lang), '--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
});

async function open(lang: string, width: number, media: 'screen' | 'print' = 'screen'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.emulateMedia({ media });
  await page.goto(`file://${join(out, lang, 'northwind-logistics.html')}`);
  return page;
}

/** What a reader sees: page width, the smallest chart text as drawn (font size times the chart's scale), tables wider than their box. */
function measure(page: Page) {
  return page.evaluate(() => {
    const visible = [...document.querySelectorAll('svg')].filter((svg) => svg.getBoundingClientRect().width > 0);
    const sizes = visible.flatMap((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    });
    const overflowing = [...document.querySelectorAll('table')].filter((t) => {
      const box = t.parentElement!.getBoundingClientRect();
      return t.getBoundingClientRect().width > box.width + 1 && getComputedStyle(t.parentElement!).overflowX !== 'auto';
    });
    return {
      pageWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      charts: visible.map((svg) => svg.id || svg.getAttribute('aria-labelledby')),
      texts: sizes.length,
      smallestText: Math.min(...sizes),
      overflowingTables: overflowing.length,
    };
  });
}

describe('HTML report on screens of any width', { timeout: 120_000 }, () => {
  it.each([
    ['en', 390],
    ['de', 390],
    ['en', 1280],
    ['de', 1280],
  ])('%s at %i px: no sideways page scroll, chart text at least 11 px, tables within their box', async (lang, width) => {
    const page = await open(lang, width);
    const m = await measure(page);
    await page.screenshot({ path: join(out, `${lang}-${width}.png`) });
    await page.close();
    expect(m.pageWidth).toBeLessThanOrEqual(m.viewport);
    expect(m.charts).toHaveLength(3);
    expect(m.texts).toBeGreaterThan(50);
    expect(m.smallestText).toBeGreaterThanOrEqual(11);
    expect(m.overflowingTables).toBe(0);
  });

  it('on a phone each table row is a card whose cells name their column', async () => {
    const page = await open('en', 390);
    const card = await page.evaluate(() => {
      const td = document.querySelector('#roadmap tbody td[data-label="Effort"]')!;
      return { display: getComputedStyle(td.closest('tr')!).display, label: getComputedStyle(td, '::before').content };
    });
    await page.close();
    expect(card).toEqual({ display: 'block', label: '"Effort"' });
  });

  it('printing shows the wide charts across the page and no narrow copies', async () => {
    const page = await open('en', 390, 'print');
    const shown = await page.evaluate(() => [...document.querySelectorAll('.chart')].map((c) => `${c.className}:${c.getBoundingClientRect().width > 0 ? 'shown' : 'hidden'}`));
    await page.close();
    expect(shown).toEqual(['chart chart-wide:shown', 'chart chart-narrow:hidden', 'chart chart-wide:shown', 'chart chart-narrow:hidden', 'chart chart-wide:shown', 'chart chart-narrow:hidden']);
  });
});
