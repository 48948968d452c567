/**
 * Reads the PDF reports as a person would: their text with pdftotext, their pages with pdftoppm. Each
 * report is rendered once, in English (the default) and in German, and read by every test below that
 * needs it; each PDF is read once by each poppler tool.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAssessment } from '../../src/load/index.js';
import { answerParts } from '../../src/schema/answer-parts.js';
import { fixtures, itaas, root, tempDir } from '../helpers.js';
import { meridian, northwind } from '../report-fixtures.js';

const hostile = join(fixtures, 'hostile-answers.yaml');
const accessibility = join(fixtures, 'models', 'accessibility-answers.yaml');
const out = { en: tempDir(), de: tempDir(), letter: tempDir() };
const shots = join(root, 'test', 'output');

/** A questionnaire with fractional option levels and two respondents half a level apart on it (the spread in the score tables). */
function halfLevelApart(): string {
  const dir = tempDir();
  for (const file of ['samm.yaml', 'samm-questionnaire.yaml']) copyFileSync(join(fixtures, 'models', file), join(dir, file));
  // A second respondent who says "no" where the first said "half" (level 0.5): the answers are half a level apart.
  const answers = readFileSync(join(fixtures, 'models', 'samm-answers.yaml'), 'utf8');
  const second = '  - name: Casey Moreau\n    role: Engineering manager\n    completed: false\n    answers:\n      sm-b1: "no"\n      eg-a2: "no"\n';
  writeFileSync(join(dir, 'two.yaml'), `${answers.trimEnd()}\n${second}`);
  return join(dir, 'two.yaml');
}

beforeAll(() => {
  const runs = [
    ['report', northwind, meridian, hostile, accessibility, '--out', out.en, '--format', 'pdf,json'],
    ['report', northwind, meridian, accessibility, halfLevelApart(), '--out', out.de, '--format', 'pdf,md', '--lang', 'de'],
    ['report', meridian, '--out', out.letter, '--format', 'pdf', '--paper', 'letter'],
  ];
  for (const args of runs) {
    const r = itaas(args);
    expect(r.code, `itaas ${args.join(' ')}\n${r.stderr}`).toBe(0);
  }
});

/** Runs a poppler tool once per PDF and options, and keeps its output for the other tests. */
const memo = new Map<string, string>();
function poppler(tool: string, args: string[]): string {
  const key = `${tool} ${args.join(' ')}`;
  if (!memo.has(key)) memo.set(key, execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  return memo.get(key)!;
}
const pdf = (lang: keyof typeof out, name: string) => join(out[lang], `${name}.pdf`);
const text = (file: string) => poppler('pdftotext', ['-enc', 'UTF-8', file, '-']);
const layout = (file: string) => poppler('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']);
/** The text of each page, as pdftotext separates them (a form feed after each page). */
const pageTexts = (file: string) => text(file).split('\f').slice(0, -1);
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))![1]);
const words = (s: string) => s.replace(/\s+/g, ' ');

describe('PDF report', () => {
  it.each(['northwind-logistics', 'meridian-health'])('%s holds the phase, every dimension and every roadmap item', (name) => {
    const file = pdf('en', name);
    const all = words(text(file));
    const report = JSON.parse(readFileSync(join(out.en, `${name}.json`), 'utf8'));
    expect(all).toContain(`has reached ${report.phase.title}`);
    for (const d of report.dimensions) expect(all).toContain(d.title);
    for (const w of report.roadmap.waves) for (const it of w.items) expect(all).toContain(it.title);
    const pages = pageCount(file);
    expect(all).toContain(`Page 2 of ${pages}`);
    expect(all).toContain(`Page ${pages} of ${pages}`);
    // The contents sit on the cover, below the summary.
    expect(words(pageTexts(file)[0]!)).toMatch(/Contents Executive summary 2 /);
  });

  it('Northwind runs to far fewer pages than the 34 it had, with each note in full once and every answer kept', () => {
    const file = pdf('en', 'northwind-logistics');
    expect(pageCount(file)).toBeLessThanOrEqual(24);
    const all = words(text(file).replace(/-\n/g, ''));
    const answers = parse(readFileSync(northwind, 'utf8')) as { respondents: Array<{ name: string; answers: Record<string, string | { note?: string }> }> };
    const notes = answers.respondents.flatMap((r) => Object.values(r.answers).flatMap((a) => (typeof a === 'object' && a.note ? [words(a.note).split(' ').slice(0, 6).join(' ')] : [])));
    const counts = notes.map((n) => all.split(n).length - 1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(1);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(notes.length * 0.9);
    // Every respondent's answer is still there, each question once with the respondents side by side.
    for (const r of answers.respondents) expect(all).toContain(r.name);
    // Once in the disagreements, once as evidence under "Already in place", once in the appendix (was six times).
    expect(all.split('How is a new server or virtual machine built and configured').length - 1).toBe(3);
  });

  it('is A4 by default and Letter with --paper letter', () => {
    expect(poppler('pdfinfo', [pdf('en', 'northwind-logistics')])).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const file = pdf('letter', 'meridian-health');
    expect(poppler('pdfinfo', [file])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(text(file)).toContain('Appendix: every answer');
  });

  it('shows Cyrillic, Greek, accents, Hebrew and Arabic as written, and replaces what no font covers visibly', () => {
    const file = pdf('en', 'hostile-answers');
    const all = text(file);
    expect(words(all)).toContain('Кириллица: серверы собираются вручную, ёжик в тумане.');
    expect(words(all)).toContain('Ελληνικά: οι διακομιστές στήνονται με το χέρι.');
    expect(all).toContain('Northwind & Söhne');
    expect(all).toContain('<script>alert(1)</script>');
    expect(all).toMatch(/השרתים|םיתרשה/);
    // CJK and emoji: the embedded font has no glyphs for them, so they show as U+FFFD.
    expect(all).toContain('\uFFFD');
    expect(all).not.toContain('日本語');
    expect(all).toContain('Some characters could not be shown in this font');
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it('wraps a 300-character word instead of running it off the page', () => {
    const lines = layout(pdf('en', 'hostile-answers')).split('\n');
    const longest = Math.max(...lines.map((l) => /Supercalifragilistic\S*/.exec(l)?.[0].length ?? 0));
    expect(longest).toBeGreaterThan(15);
    expect(longest).toBeLessThan(300);
  });

  it('renders every page to an image (saved for a look) with text on it', () => {
    mkdirSync(shots, { recursive: true });
    for (const name of ['northwind-logistics', 'hostile-answers']) {
      const file = pdf('en', name);
      // Shots of an earlier, longer report would be counted as pages of this one.
      for (const f of readdirSync(shots).filter((f) => f.startsWith(`${name}-page`))) rmSync(join(shots, f));
      // JPEG: poppler writes PNG at its strongest compression, which took four times as long as drawing the pages.
      execFileSync('pdftoppm', ['-r', '30', '-jpeg', file, join(shots, `${name}-page`)]);
      const pages = pageCount(file);
      expect(readdirSync(shots).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.jpg'))).toHaveLength(pages);
      expect(pageTexts(file)).toHaveLength(pages);
      pageTexts(file).forEach((page, i) => expect(page.trim().length, `page ${i + 1} of ${name} is empty`).toBeGreaterThan(20));
    }
  });
});

/**
 * Words are broken only where the language's hyphenation allows, with a hyphen: look for a line that
 * ends inside a word (its end and the next line's start make a word that appears whole elsewhere in the
 * report, and the line does not end with a hyphen).
 */
function brokenWords(file: string): string[] {
  const all = text(file);
  const lines = all
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const known = new Set(all.split(/[\s,.;:()„“"«»]+/).filter(Boolean));
  const bad: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = /(\p{L}+)$/u.exec(lines[i]!)?.[1];
    const b = /^(\p{Ll}+)/u.exec(lines[i + 1]!)?.[1];
    if (a && b && known.has(a + b)) bad.push(`${a}/${b}`);
  }
  return bad;
}

describe('PDF hyphenation', () => {
  it.each(['de', 'en'] as const)('the %s PDFs break no word without a hyphen', (lang) => {
    for (const name of ['northwind-logistics', 'meridian-health']) expect(brokenWords(pdf(lang, name)), name).toEqual([]);
  });
});

/** Every percentage written in the respondents' notes, as they wrote it (the report quotes notes verbatim). */
function quotedPercentages(file: string): Set<string> {
  const a = loadAssessment(file);
  const notes = a.answers.data.respondents.flatMap((r) => Object.values(r.answers).map((x) => answerParts(x).note ?? ''));
  return new Set(notes.flatMap((n) => n.match(/\d+\s?%/g) ?? []));
}

describe('PDF percentages', () => {
  it('German: every percentage itaas writes has a space before the sign ("66 %"); English has none ("66%")', () => {
    const quoted = quotedPercentages(northwind);
    const de = text(pdf('de', 'northwind-logistics'));
    const tight = (de.match(/\d+%/g) ?? []).filter((p) => !quoted.has(p));
    expect(tight, 'German PDF percentages without a space').toEqual([]);
    expect(de).toMatch(/\d\s%/);
    const en = text(pdf('en', 'northwind-logistics'));
    expect(en.match(/\d+\s%/g) ?? []).toEqual([]);
    expect(en).toMatch(/\d%/);
  });
});

describe('PDF cover', () => {
  it.each(['de', 'en'] as const)('of a model with dimensions only says where the organisation stands (%s)', (lang) => {
    const cover = words(pageTexts(pdf(lang, 'accessibility-answers'))[0]!);
    // The strongest and weakest dimensions with their scores, as in the executive summary.
    expect(cover).toMatch(lang === 'de' ? /Am höchsten bewertet: .+\(\d,\d; .+\)\. Am niedrigsten: / : /Highest scores: .+\(\d\.\d, .+\)\. Lowest: /);
  });
});

/** The spread in the PDF's score tables is written as Markdown and HTML write it: with the report language's decimal mark. */
describe('PDF spread', () => {
  it('German PDF: a spread of half a level reads "0,5", as in the Markdown report', () => {
    const md = readFileSync(join(out.de, 'two.md'), 'utf8');
    expect(md).toMatch(/\| (\*\*)?0,5(\*\*)? \|\n/);
    const tables = layout(pdf('de', 'two'));
    expect(tables).toMatch(/\s0,5\n/);
    expect(tables).not.toMatch(/\s0\.5\n/);
  });
});
