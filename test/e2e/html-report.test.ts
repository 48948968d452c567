/**
 * Opens the HTML reports in headless Chromium (Debian's chromium through playwright-core; no browser is
 * downloaded), as a reader would: every console message of the page and every Content-Security-Policy
 * violation is collected, and the document is read after it has loaded; then at a phone's width and a
 * laptop's. One browser and one page for the whole file.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, itaas, root, tempDir } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = join(root, 'test', 'output');
let browser: Browser;
/** The page every report is opened in, and what it logged since it last loaded a document. */
let page: Page;
const logged: string[] = [];

const inputs = {
  'northwind-logistics': join(root, 'examples', 'northwind-logistics.yaml'),
  'meridian-health': join(root, 'examples', 'meridian-health.yaml'),
  'hostile-answers': join(fixtures, 'hostile-answers.yaml'),
};
const out = { en: tempDir(), de: tempDir() };

beforeAll(async () => {
  const runs = [
    ['report', ...Object.values(inputs), '--out', out.en, '--format', 'html'],
    ['report', inputs['northwind-logistics'], '--lang', 'de', '--out', out.de, '--format', 'html'],
  ];
  for (const args of runs) {
    const r = itaas(args);
    expect(r.code, `itaas ${args.join(' ')}\n${r.stderr}`).toBe(0);
  }
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'],
  });
  page = await browser.newPage();
  page.on('console', (m) => logged.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logged.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
});

afterAll(async () => {
  await browser?.close();
});

/** The page as Chromium shows it: its document after loading, what it logged (CSP violations included), a screenshot if asked. */
async function load(file: string, screenshot?: string): Promise<{ dom: string; console: string[] }> {
  logged.length = 0;
  await page.setViewportSize({ width: 1280, height: 4000 });
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  // JPEG: the same picture as PNG at a third of Chromium's work for a page this tall.
  if (screenshot) await page.screenshot({ path: screenshot, type: 'jpeg' });
  const dom = await page.content();
  return { dom, console: [...logged] };
}

/** Each report is loaded once (with its screenshot) and read by every test that needs it. */
const loaded = new Map<string, Promise<{ dom: string; console: string[] }>>();
function report(name: keyof typeof inputs) {
  if (!loaded.has(name)) loaded.set(name, load(join(out.en, `${name}.html`), join(shots, `${name}.jpg`)));
  return loaded.get(name)!;
}

describe('HTML report in Chromium', () => {
  it('notices a CSP violation and a console error when there is one (the check works)', async () => {
    const bad = join(tempDir(), 'bad.html');
    writeFileSync(bad, `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><p style="color:red">x</p>`);
    expect((await load(bad)).console.join('\n')).toMatch(/Content Security Policy/);
  });

  it.each(Object.keys(inputs) as Array<keyof typeof inputs>)('%s renders with no console errors or CSP violations, and a screenshot is saved', async (name) => {
    const file = join(out.en, `${name}.html`);
    const { dom, console } = await report(name);
    expect(console).toEqual([]);
    expect(dom).toContain('<svg');
    expect(dom).toMatch(/<h2 id="summary-h">Executive summary<\/h2>/);
    expect(statSync(join(shots, `${name}.jpg`)).size).toBeGreaterThan(50_000);
    copyFileSync(file, join(shots, `${name}.html`));
  });

  it('is self-contained: a strict policy, no scripts, nothing fetched from outside', () => {
    const html = readFileSync(join(out.en, 'northwind-logistics.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none';/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|style="|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('shows hostile names and notes as text and runs none of them', async () => {
    const { dom, console } = await report('hostile-answers');
    expect(console).toEqual([]);
    expect(dom).not.toMatch(/<script|<img|<a [^>]*href="javascript|<b>bold/i);
    expect(dom).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i);
    expect(dom).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Northwind &amp; Söhne "&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(dom).toContain('[click me](javascript:alert(1))');
    expect(dom).toContain('Кириллица: серверы собираются вручную');
    expect(dom).toContain('עברית: השרתים נבנים ידנית.');
    expect(dom).toContain('<bdi>زوي كوالتشيك</bdi>');
  });

  it('has headings, table header cells and a text alternative for every chart', () => {
    const html = readFileSync(join(out.en, 'northwind-logistics.html'), 'utf8');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toMatch(/<th scope="col">Dimension<\/th>/);
    const svgs = html.match(/<svg[^>]*>/g) ?? [];
    // Each chart in a wide layout and a narrow one for phones; the stylesheet shows one of them.
    expect(svgs).toHaveLength(6);
    for (const svg of svgs) expect(svg).toMatch(/role="img" aria-labelledby="([a-z-]+)-title \1-desc"/);
    expect(html).toContain('<title id="radar-title">Current and target score per dimension</title>');
  });
});

/** Northwind's report in `lang` at `width` px, for the screen or for print. */
async function open(lang: keyof typeof out, width: number, media: 'screen' | 'print' = 'screen'): Promise<Page> {
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ media });
  await page.goto(`file://${join(out[lang], 'northwind-logistics.html')}`);
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

/**
 * The HTML report at a phone's width and a laptop's: the page never scrolls sideways, no chart text is
 * drawn smaller than 11 px, tables fit their box, and printing uses the wide charts.
 */
describe('HTML report on screens of any width', { timeout: 120_000 }, () => {
  it.each([
    ['en', 390],
    ['de', 390],
    ['en', 1280],
    ['de', 1280],
  ] as const)('%s at %i px: no sideways page scroll, chart text at least 11 px, tables within their box', async (lang, width) => {
    const m = await measure(await open(lang, width));
    expect(m.pageWidth).toBeLessThanOrEqual(m.viewport);
    expect(m.charts).toHaveLength(3);
    expect(m.texts).toBeGreaterThan(50);
    expect(m.smallestText).toBeGreaterThanOrEqual(11);
    expect(m.overflowingTables).toBe(0);
  });

  it('on a phone each table row is a card whose cells name their column', async () => {
    const card = await (await open('en', 390)).evaluate(() => {
      const td = document.querySelector('#roadmap tbody td[data-label="Effort"]')!;
      return { display: getComputedStyle(td.closest('tr')!).display, label: getComputedStyle(td, '::before').content };
    });
    expect(card).toEqual({ display: 'block', label: '"Effort"' });
  });

  it('printing shows the wide charts across the page and no narrow copies', async () => {
    const shown = await (await open('en', 390, 'print')).evaluate(() =>
      [...document.querySelectorAll('.chart')].map((c) => `${c.className}:${c.getBoundingClientRect().width > 0 ? 'shown' : 'hidden'}`),
    );
    expect(shown).toEqual(['chart chart-wide:shown', 'chart chart-narrow:hidden', 'chart chart-wide:shown', 'chart chart-narrow:hidden', 'chart chart-wide:shown', 'chart chart-narrow:hidden']);
  });
});
