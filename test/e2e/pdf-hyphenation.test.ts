import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { itaas, root, tempDir } from '../helpers.js';

/**
 * Words are broken only where the language's hyphenation allows, with a hyphen: read the PDFs with
 * pdftotext and look for a line that ends inside a word (its end and the next line's start make a
 * word that appears whole elsewhere in the report, and the line does not end with a hyphen).
 */
function brokenWords(pdf: string): string[] {
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const words = new Set(text.split(/[\s,.;:()„“"«»]+/).filter(Boolean));
  const bad: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = /(\p{L}+)$/u.exec(lines[i]!)?.[1];
    const b = /^(\p{Ll}+)/u.exec(lines[i + 1]!)?.[1];
    if (a && b && words.has(a + b)) bad.push(`${a}/${b}`);
  }
  return bad;
}

it.each(['de', 'en'])('the %s PDFs break no word without a hyphen', { timeout: 300_000 }, (lang) => {
  const out = tempDir();
  const r = itaas(['report', join(root, 'examples', 'northwind-logistics.yaml'), join(root, 'examples', 'meridian-health.yaml'), '--lang', lang, '--format', 'pdf', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  for (const name of ['northwind-logistics', 'meridian-health']) expect(brokenWords(join(out, `${name}.pdf`)), name).toEqual([]);
});
