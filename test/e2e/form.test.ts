/**
 * Fills in the generated survey form in headless Chromium (Debian's chromium, driven by
 * playwright-core; no browser is downloaded), as a respondent would: keyboard first, every visible
 * question, a conditional one that appears, a note, going back to change an answer, a reload, the
 * download. Then the downloaded file goes through `itaas validate`, `itaas merge` and `itaas report`.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itaas, root, tempDir } from '../helpers.js';

const shots = join(root, 'test', 'output');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
});

interface Watch {
  problems: string[];
  requests: string[];
}

/** Everything that must not happen on the page: console errors, script errors, CSP violations, requests out. */
async function open(file: string, width: number): Promise<{ page: Page; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const watch: Watch = { problems: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.problems.push(`page error: ${e.message}`));
  page.on('request', (r) => watch.requests.push(r.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`file://${file}`);
  return { page, watch };
}

/** No horizontal scrolling at either width, whatever page is on screen. */
async function fitsBothWidths(page: Page, label: string): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(over, `${label} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  }
}

/** Every control has a name a screen reader can read; every question is a fieldset with a legend. */
async function accessible(page: Page): Promise<void> {
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea, select')].filter((e) => !(e as HTMLInputElement).labels?.length && !e.closest('label')).map((e) => e.id || e.outerHTML),
  );
  expect(unlabelled).toEqual([]);
  const noLegend = await page.evaluate(() => [...document.querySelectorAll('fieldset')].filter((f) => !f.querySelector(':scope > legend')?.textContent?.trim()).length);
  expect(noLegend).toBe(0);
}

/**
 * Answers each shown, unanswered question of the page with the keyboard: the last real option, else "Don't know"
 * every fifth time. The page is asked once per round which questions are open and which input to pick; a
 * conditional question that appears after an answer is found by the next round.
 */
async function answerPage(page: Page, counter: { n: number }): Promise<void> {
  for (;;) {
    const picks = await page.evaluate((start) => {
      const open = [...document.querySelectorAll<HTMLFieldSetElement>('fieldset.question')].filter((f) => f.offsetParent !== null && !f.querySelector('input:checked'));
      return open.map((f, i) => {
        const real = [...f.querySelectorAll<HTMLInputElement>('.option:not(.reserved) input')];
        const pick = (start + i + 1) % 5 === 0 ? f.querySelector<HTMLInputElement>('input[value="dontKnow"]') : real[real.length - 1];
        return `#${pick?.id}`;
      });
    }, counter.n);
    if (picks.length === 0) return;
    for (const pick of picks) {
      counter.n++;
      await page.focus(pick);
      await page.keyboard.press('Space');
    }
    const unchecked = await page.evaluate((ids) => ids.filter((id) => !document.querySelector<HTMLInputElement>(id)?.checked), picks);
    expect(unchecked, 'chosen with the keyboard but not checked').toEqual([]);
  }
}

const flows = [
  {
    lang: 'en',
    width: 1280,
    name: 'Dana Ortiz',
    file: 'dana-ortiz.yaml',
    next: 'Next',
    back: 'Back',
    review: 'Review and download',
    download: 'Download my answers',
    first: /What share of your server workloads/,
  },
  {
    lang: 'de',
    width: 390,
    name: 'Jörg Weiß',
    file: 'jorg-weiss.yaml',
    next: 'Weiter',
    back: 'Zurück',
    review: 'Prüfen und herunterladen',
    download: 'Meine Antworten herunterladen',
    first: /Welcher Anteil Ihrer Server-Workloads/,
  },
];

describe('the survey form in Chromium', { timeout: 240_000 }, () => {
  it.each(flows)('$lang at $width px: answer everything, go back, reload, download, merge', async (f) => {
    const dir = tempDir();
    const target = join(dir, 'northwind.yaml');
    copyFileSync(join(root, 'examples', 'northwind-logistics.yaml'), target);
    const html = join(dir, `survey-${f.lang}.html`);
    const made = itaas(['form', '--answers', target, '--lang', f.lang, '--out', html]);
    expect(made.code, made.stderr).toBe(0);

    const { page, watch } = await open(html, f.width);
    await accessible(page);
    await page.screenshot({ path: join(shots, `form-${f.lang}-${f.width}-welcome.png`), fullPage: true });
    await fitsBothWidths(page, 'welcome page');
    await page.setViewportSize({ width: f.width, height: 900 });

    // Keyboard only: name, role, then Start.
    await page.locator('#name').focus();
    await page.keyboard.type(f.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Head of <b>Infrastructure</b>');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h2').textContent()).toBeTruthy();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await page.locator('legend').first().textContent()).toMatch(f.first);

    // A conditional question appears once the question it depends on allows it.
    const conditional = page.locator('#q-auto-scaling');
    expect(await conditional.isVisible()).toBe(false);
    // A note on the first question, typed after choosing with the keyboard.
    await page.locator('#a-server-virtualization-share-half').focus();
    await page.keyboard.press('Space');
    await page.locator('#n-server-virtualization-share').focus();
    await page.keyboard.type('Except the <script>alert(1)</script> sorter controllers');
    const counter = { n: 0 };
    await answerPage(page, counter);
    expect(await conditional.isVisible()).toBe(true);
    expect(await conditional.locator('input:checked').count()).toBe(1);
    expect(await page.locator('#live').textContent()).not.toBe('');
    await page.screenshot({ path: join(shots, `form-${f.lang}-${f.width}-section.png`), fullPage: true });
    await fitsBothWidths(page, 'first section');
    await page.setViewportSize({ width: f.width, height: 900 });
    await accessible(page);
    await page.getByRole('button', { name: f.next, exact: true }).click();

    // Back to the first section to change an answer.
    await answerPage(page, counter);
    await page.getByRole('button', { name: f.back, exact: true }).click();
    expect(await page.locator('#a-server-virtualization-share-half').isChecked()).toBe(true);
    await page.locator('#a-server-virtualization-share-most').check();
    await page.getByRole('button', { name: f.next, exact: true }).click();
    await page.getByRole('button', { name: f.next, exact: true }).click();

    // A reload finds everything where it was.
    await page.reload();
    await expect.poll(() => page.locator('h2').count()).toBe(1);
    await page.getByRole('button', { name: f.back, exact: true }).click();
    await page.getByRole('button', { name: f.back, exact: true }).click();
    expect(await page.locator('#a-server-virtualization-share-most').isChecked()).toBe(true);
    expect(await page.locator('#n-server-virtualization-share').inputValue()).toBe('Except the <script>alert(1)</script> sorter controllers');

    // Every remaining section, then the review page.
    for (;;) {
      await answerPage(page, counter);
      const next = page.getByRole('button', { name: f.next, exact: true });
      if ((await next.count()) === 0) break;
      await next.click();
    }
    await page.getByRole('button', { name: f.review, exact: true }).click();
    await page.screenshot({ path: join(shots, `form-${f.lang}-${f.width}-review.png`), fullPage: true });
    await fitsBothWidths(page, 'review page');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: f.download, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(f.file);
    const saved = join(dir, f.file);
    await download.saveAs(saved);
    expect(await page.locator('[role="status"]').textContent()).toContain(f.file);

    expect(watch.problems).toEqual([]);
    expect(watch.requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:'))).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(2);
    await page.context().close();

    // The file: this respondent's answers and the questionnaire's identity, nothing else of the page.
    const text = readFileSync(saved, 'utf8');
    const doc = parse(text) as {
      questionnaire: { id: string; version: string; hash: string };
      respondents: Array<{ name: string; role: string; completed: boolean; answers: Record<string, unknown> }>;
    };
    expect(doc.questionnaire).toMatchObject({ id: 'itaas-core', version: '2.0.0' });
    expect(doc.questionnaire.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(doc.respondents).toHaveLength(1);
    const r = doc.respondents[0]!;
    expect(r).toMatchObject({ name: f.name, role: 'Head of <b>Infrastructure</b>', completed: true });
    expect(r.answers['server-virtualization-share']).toEqual({ option: 'most', note: 'Except the <script>alert(1)</script> sorter controllers' });
    expect(r.answers['auto-scaling']).toBeDefined();
    expect(Object.keys(r.answers).length).toBe(counter.n + 1);
    expect(Object.values(r.answers)).toContain('dontKnow');

    const valid = itaas(['validate', saved]);
    expect(valid.code, valid.stdout + valid.stderr).toBe(0);
    const merged = itaas(['merge', target, saved]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain(`+ "${f.name}": new respondent`);
    const out = join(dir, 'reports');
    const report = itaas(['report', target, '--out', out, '--format', 'md']);
    expect(report.code, report.stderr).toBe(0);
    expect(readFileSync(join(out, 'northwind.md'), 'utf8')).toContain(f.name);
  });

  it('shows questionnaire text as text: markup in a custom questionnaire is never parsed', async () => {
    const dir = tempDir();
    const q = join(dir, 'hostile.yaml');
    const base = readFileSync(join(root, 'questionnaires', 'itaas-core.yaml'), 'utf8')
      .replace('id: itaas-core', 'id: hostile-core')
      .replace('model: itaas', `model: ${join(root, 'models', 'itaas.yaml')}`)
      .replace('en: ITaaS maturity assessment (core)', 'en: "<img src=x onerror=alert(1)> Survey </script><b>bold</b>"');
    writeFileSync(q, base);
    const html = join(dir, 'hostile.html');
    const made = itaas(['form', '--questionnaire', q, '--organisation', '<i>Acme</i> & "Sons"', '--date', '2026-01-15', '--out', html]);
    expect(made.code, made.stderr).toBe(0);
    const { page, watch } = await open(html, 1280);
    expect(await page.locator('h1').textContent()).toBe('<img src=x onerror=alert(1)> Survey </script><b>bold</b>');
    expect(await page.locator('dd').first().textContent()).toBe('<i>Acme</i> & "Sons"');
    expect(await page.locator('img, b, i').count()).toBe(0);
    // The respondent switches the language on the page; the choice is kept.
    await page.selectOption('#lang', 'de');
    expect(await page.locator('h1').textContent()).toBe('ITaaS-Reifegradanalyse (Kernfragebogen)');
    expect(await page.locator('label[for="name"]').textContent()).toBe('Ihr Name');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.reload();
    expect(await page.locator('label[for="name"]').textContent()).toBe('Ihr Name');
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });
});
