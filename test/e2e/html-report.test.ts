/**
 * Opens the HTML reports in headless Chromium (Debian's chromium through playwright-core; no browser is
 * downloaded), as a reader would: every console message of the page and every Content-Security-Policy
 * violation is collected, and the document is read after it has loaded. One browser for the whole file.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, itaas, root, tempDir } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = join(root, 'test', 'output');
let browser: Browser;

/** The page as Chromium shows it: its document after loading, what it logged (CSP violations included), a screenshot if asked. */
async function load(file: string, screenshot?: string): Promise<{ dom: string; console: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 4000 } });
  const console: string[] = [];
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  if (screenshot) await page.screenshot({ path: screenshot });
  const dom = await page.content();
  await page.close();
  return { dom, console };
}

const inputs = {
  'northwind-logistics': join(root, 'examples', 'northwind-logistics.yaml'),
  'meridian-health': join(root, 'examples', 'meridian-health.yaml'),
  'hostile-answers': join(fixtures, 'hostile-answers.yaml'),
};
const out = tempDir();

beforeAll(async () => {
  const r = itaas(['report', ...Object.values(inputs), '--out', out, '--format', 'html']);
  expect(r.code, r.stderr).toBe(0);
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('HTML report in Chromium', () => {
  it('notices a CSP violation and a console error when there is one (the check works)', async () => {
    const page = join(tempDir(), 'bad.html');
    writeFileSync(page, `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><p style="color:red">x</p>`);
    expect((await load(page)).console.join('\n')).toMatch(/Content Security Policy/);
  });

  it.each(Object.keys(inputs))('%s renders with no console errors or CSP violations, and a screenshot is saved', async (name) => {
    const file = join(out, `${name}.html`);
    const png = join(shots, `${name}.png`);
    const page = await load(file, png);
    expect(page.console).toEqual([]);
    expect(page.dom).toContain('<svg');
    expect(page.dom).toMatch(/<h2 id="summary-h">Executive summary<\/h2>/);
    expect(statSync(png).size).toBeGreaterThan(50_000);
    copyFileSync(file, join(shots, `${name}.html`));
  });

  it('is self-contained: a strict policy, no scripts, nothing fetched from outside', () => {
    const html = readFileSync(join(out, 'northwind-logistics.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none';/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|style="|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('shows hostile names and notes as text and runs none of them', async () => {
    const { dom, console } = await load(join(out, 'hostile-answers.html'));
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
    const html = readFileSync(join(out, 'northwind-logistics.html'), 'utf8');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toMatch(/<th scope="col">Dimension<\/th>/);
    const svgs = html.match(/<svg[^>]*>/g) ?? [];
    // Each chart in a wide layout and a narrow one for phones; the stylesheet shows one of them.
    expect(svgs).toHaveLength(6);
    for (const svg of svgs) expect(svg).toMatch(/role="img" aria-labelledby="([a-z-]+)-title \1-desc"/);
    expect(html).toContain('<title id="radar-title">Current and target score per dimension</title>');
  });
});
