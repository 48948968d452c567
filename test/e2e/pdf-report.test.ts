/** Reads the PDF reports as a person would: their text with pdftotext, their pages with pdftoppm. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtures, itaas, root, tempDir } from '../helpers.js';

const pdftotext = (file: string, args: string[] = []) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const out = tempDir();
const shots = join(root, 'test', 'output');

beforeAll(() => {
  const files = [join(root, 'examples', 'northwind-logistics.yaml'), join(root, 'examples', 'meridian-health.yaml'), join(fixtures, 'hostile-answers.yaml')];
  const r = itaas(['report', ...files, '--out', out, '--format', 'pdf,json']);
  expect(r.code, r.stderr).toBe(0);
});

describe('PDF report', () => {
  it.each(['northwind-logistics', 'meridian-health'])('%s holds the phase, every dimension and every roadmap item', (name) => {
    const file = join(out, `${name}.pdf`);
    const text = pdftotext(file).replace(/\s+/g, ' ');
    const report = JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8'));
    expect(text).toContain(`has reached ${report.phase.title}`);
    for (const d of report.dimensions) expect(text).toContain(d.title);
    for (const w of report.roadmap.waves) for (const it of w.items) expect(text).toContain(it.title);
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))![1]);
    expect(text).toContain(`Page 2 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // The contents sit on the cover, below the summary.
    expect(pdftotext(file, ['-f', '1', '-l', '1']).replace(/\s+/g, ' ')).toMatch(/Contents Executive summary 2 /);
  });

  it('Northwind runs to far fewer pages than the 34 it had, with each note in full once and every answer kept', () => {
    const file = join(out, 'northwind-logistics.pdf');
    expect(Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))![1])).toBeLessThanOrEqual(24);
    const text = pdftotext(file).replace(/-\n/g, '').replace(/\s+/g, ' ');
    const answers = parse(readFileSync(join(root, 'examples', 'northwind-logistics.yaml'), 'utf8')) as { respondents: Array<{ name: string; answers: Record<string, string | { note?: string }> }> };
    const notes = answers.respondents.flatMap((r) => Object.values(r.answers).flatMap((a) => (typeof a === 'object' && a.note ? [a.note.replace(/\s+/g, ' ').split(' ').slice(0, 6).join(' ')] : [])));
    const counts = notes.map((n) => text.split(n).length - 1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(1);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(notes.length * 0.9);
    // Every respondent's answer is still there, each question once with the respondents side by side.
    for (const r of answers.respondents) expect(text).toContain(r.name);
    // Once in the disagreements, once as evidence under "Already in place", once in the appendix (was six times).
    expect(text.split('How is a new server or virtual machine built and configured').length - 1).toBe(3);
  });

  it('is A4 by default and Letter with --paper letter', () => {
    expect(pdfinfo(join(out, 'northwind-logistics.pdf'))).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const letter = tempDir();
    const r = itaas(['report', join(root, 'examples', 'meridian-health.yaml'), '--out', letter, '--format', 'pdf', '--paper', 'letter']);
    expect(r.code, r.stderr).toBe(0);
    const info = pdfinfo(join(letter, 'meridian-health.pdf'));
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(pdftotext(join(letter, 'meridian-health.pdf'))).toContain('Appendix: every answer');
  });

  it('shows Cyrillic, Greek, accents, Hebrew and Arabic as written, and replaces what no font covers visibly', () => {
    const file = join(out, 'hostile-answers.pdf');
    const text = pdftotext(file);
    expect(text.replace(/\s+/g, ' ')).toContain('Кириллица: серверы собираются вручную, ёжик в тумане.');
    expect(text.replace(/\s+/g, ' ')).toContain('Ελληνικά: οι διακομιστές στήνονται με το χέρι.');
    expect(text).toContain('Northwind & Söhne');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toMatch(/השרתים|םיתרשה/);
    // CJK and emoji: the embedded font has no glyphs for them, so they show as U+FFFD.
    expect(text).toContain('\uFFFD');
    expect(text).not.toContain('日本語');
    expect(text).toContain('Some characters could not be shown in this font');
    expect(pdffonts(file)).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it('wraps a 300-character word instead of running it off the page', () => {
    const text = pdftotext(join(out, 'hostile-answers.pdf'), ['-layout']);
    const longest = Math.max(...text.split('\n').map((l) => /Supercalifragilistic\S*/.exec(l)?.[0].length ?? 0));
    expect(longest).toBeGreaterThan(15);
    expect(longest).toBeLessThan(300);
  });

  it('renders every page to an image (saved for a look) with text on it', () => {
    mkdirSync(shots, { recursive: true });
    for (const name of ['northwind-logistics', 'hostile-answers']) {
      const file = join(out, `${name}.pdf`);
      // Shots of an earlier, longer report would be counted as pages of this one.
      for (const f of readdirSync(shots).filter((f) => f.startsWith(`${name}-page`))) rmSync(join(shots, f));
      execFileSync('pdftoppm', ['-r', '30', '-png', file, join(shots, `${name}-page`)]);
      const pages = Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))![1]);
      expect(readdirSync(shots).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.png'))).toHaveLength(pages);
      for (let p = 1; p <= pages; p++) expect(pdftotext(file, ['-f', String(p), '-l', String(p)]).trim().length, `page ${p} of ${name} is empty`).toBeGreaterThan(20);
    }
  });
});

function pdffonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}
