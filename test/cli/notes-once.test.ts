import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itaas, tempDir } from '../helpers.js';
import { meridian, northwind } from '../report-fixtures.js';

// A respondent's note is printed once, in full, in the appendix; every other section names it by number.

function notesOf(file: string): string[] {
  const a = parse(readFileSync(file, 'utf8')) as { respondents: Array<{ answers: Record<string, string | { note?: string }> }> };
  return a.respondents.flatMap((r) => Object.values(r.answers).flatMap((x) => (typeof x === 'object' && x.note ? [x.note.replace(/\s+/g, ' ').trim()] : [])));
}

const htmlText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const count = (text: string, part: string) => text.split(part).length - 1;

/** The text of one Markdown section: from its heading to the next heading of the same level. */
const mdSection = (md: string, title: string) => md.slice(md.indexOf(`## ${title}\n`), md.indexOf('\n## ', md.indexOf(`## ${title}\n`) + 1));

describe.each([
  ['northwind-logistics', northwind],
  ['meridian-health', meridian],
])('%s', (name, file) => {
  it.each([
    ['en', 'Already in place', 'note'],
    ['de', 'Bereits umgesetzt', 'Notiz'],
  ])('prints each note once in Markdown and HTML (%s); "Already in place" names them by number', (lang, inPlace, word) => {
    const out = tempDir('itaas-notes-');
    const r = itaas(['report', file, '--out', out, '--format', 'md,html', '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(out, `${name}.md`), 'utf8').replace(/\s+/g, ' ');
    const html = htmlText(readFileSync(join(out, `${name}.html`), 'utf8'));
    const notes = notesOf(file);
    expect(notes.length).toBeGreaterThan(10);
    for (const note of notes) {
      // Markdown escapes some punctuation; compare on a stretch of plain words.
      const words = note
        .replace(/[^\p{L}\p{N} ]/gu, ' ')
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 5)
        .join(' ');
      const plainMd = md
        .replace(/\\/g, '')
        .replace(/[^\p{L}\p{N} ]/gu, ' ')
        .replace(/\s+/g, ' ');
      expect(count(plainMd, words), `${lang} Markdown: ${note}`).toBe(1);
      expect(count(html, note), `${lang} HTML: ${note}`).toBe(1);
    }
    const section = mdSection(readFileSync(join(out, `${name}.md`), 'utf8'), inPlace);
    expect(section.length).toBeGreaterThan(100);
    expect(section).toMatch(new RegExp(`${word} \\d+`));
  });
});
