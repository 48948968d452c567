/** The PDF report's own words and numbers, read back with pdftotext: percent style per language, and a cover that says where the organisation stands for any model. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAssessment } from '../../src/load/index.js';
import { answerParts } from '../../src/schema/answer-parts.js';
import { fixtures, itaas, tempDir } from '../helpers.js';
import { northwind } from '../report-fixtures.js';

const pdftotext = (file: string, args: string[] = []) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
const accessibility = join(fixtures, 'models', 'accessibility-answers.yaml');
const out = { de: tempDir(), en: tempDir() };

beforeAll(() => {
  for (const lang of ['de', 'en'] as const) {
    const r = itaas(['report', northwind, accessibility, '--out', out[lang], '--format', 'pdf', '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
  }
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
    const de = pdftotext(join(out.de, 'northwind-logistics.pdf'));
    const tight = (de.match(/\d+%/g) ?? []).filter((p) => !quoted.has(p));
    expect(tight, 'German PDF percentages without a space').toEqual([]);
    expect(de).toMatch(/\d\s%/);
    const en = pdftotext(join(out.en, 'northwind-logistics.pdf'));
    expect(en.match(/\d+\s%/g) ?? []).toEqual([]);
    expect(en).toMatch(/\d%/);
  });
});

describe('PDF cover', () => {
  it.each(['de', 'en'] as const)('of a model with dimensions only says where the organisation stands (%s)', (lang) => {
    const cover = pdftotext(join(out[lang], 'accessibility-answers.pdf'), ['-f', '1', '-l', '1']).replace(/\s+/g, ' ');
    // The strongest and weakest dimensions with their scores, as in the executive summary.
    expect(cover).toMatch(lang === 'de' ? /Am höchsten bewertet: .+\(\d,\d; .+\)\. Am niedrigsten: / : /Highest scores: .+\(\d\.\d, .+\)\. Lowest: /);
  });
});
