/**
 * Opens the HTML reports in headless Chromium (Debian's chromium package), as a reader would:
 * Chromium's own console log (--enable-logging=stderr) shows every console error and every
 * Content-Security-Policy violation, --dump-dom shows the document after it has loaded.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtures, itaas, root, tempDir } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = join(root, 'test', 'output');

function chromium(args: string[]): { stdout: string; console: string[] } {
  const profile = mkdtempSync(join(tmpdir(), 'itaas-chromium-'));
  const r = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--enable-logging=stderr',
      '--v=0',
      '--hide-scrollbars',
      ...args,
    ],
    { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.error) throw r.error;
  return { stdout: r.stdout, console: r.stderr.split('\n').filter((l) => l.includes(':CONSOLE')) };
}

const inputs = {
  'northwind-logistics': join(root, 'examples', 'northwind-logistics.yaml'),
  'meridian-health': join(root, 'examples', 'meridian-health.yaml'),
  'hostile-answers': join(fixtures, 'hostile-answers.yaml'),
};
const out = tempDir();

beforeAll(() => {
  const r = itaas(['report', ...Object.values(inputs), '--out', out, '--format', 'html']);
  expect(r.code, r.stderr).toBe(0);
  mkdirSync(shots, { recursive: true });
});

describe('HTML report in Chromium', () => {
  it('notices a CSP violation and a console error when there is one (the check works)', () => {
    const page = join(tempDir(), 'bad.html');
    writeFileSync(page, `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><p style="color:red">x</p>`);
    expect(chromium(['--dump-dom', `file://${page}`]).console.join('\n')).toMatch(/Content Security Policy/);
  });

  it.each(Object.keys(inputs))('%s renders with no console errors or CSP violations, and a screenshot is saved', (name) => {
    const file = join(out, `${name}.html`);
    const dom = chromium(['--dump-dom', `file://${file}`]);
    expect(dom.console).toEqual([]);
    expect(dom.stdout).toContain('<svg');
    expect(dom.stdout).toMatch(/<h2 id="summary-h">Executive summary<\/h2>/);
    const png = join(shots, `${name}.png`);
    const shot = chromium([`--screenshot=${png}`, '--window-size=1280,4000', `file://${file}`]);
    expect(shot.console).toEqual([]);
    expect(statSync(png).size).toBeGreaterThan(50_000);
    copyFileSync(file, join(shots, `${name}.html`));
  });

  it('is self-contained: a strict policy, no scripts, nothing fetched from outside', () => {
    const html = readFileSync(join(out, 'northwind-logistics.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none';/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|style="|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('shows hostile names and notes as text and runs none of them', () => {
    const { stdout: dom, console } = chromium(['--dump-dom', `file://${join(out, 'hostile-answers.html')}`]);
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
