/** The PDF's own shaping of plain Latin words gives exactly what fontkit gives, so the PDF's bytes stay the same. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontMetrics } from '../../src/report/pdf/font-metrics.js';
import { plainShaper } from '../../src/report/pdf/shape.js';
import { root } from '../helpers.js';

const require = createRequire(join(root, 'package.json'));
const fontkit = require('fontkit') as {
  openSync(file: string): {
    unitsPerEm: number;
    layout(text: string): { glyphs: Array<{ id: number; advanceWidth: number; codePoints: number[] }>; positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }> };
    getGlyph(id: number, codePoints?: number[]): { id: number; advanceWidth: number; codePoints: number[] };
  };
};
const FONTS = { body: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/** Every word of the built-in models, questionnaires, examples and report wording, as the PDF splits text. */
function corpus(): string[] {
  const files = [
    ...['models', 'questionnaires', 'examples', 'src/i18n'].flatMap((d) =>
      readdirSync(join(root, d))
        .filter((f) => /\.(ya?ml|ts)$/.test(f))
        .map((f) => join(root, d, f)),
    ),
  ];
  const words = new Set<string>();
  for (const f of files) for (const w of readFileSync(f, 'utf8').split(/[ \t\n]+/)) if (w) words.add(w);
  // Random words of the characters the tables know, with ligature starts and spaces inside, deterministic.
  const chars = fontMetrics.body.chars.map((c) => String.fromCodePoint(c));
  let seed = 7;
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (let i = 0; i < 4000; i++) {
    let w = '';
    const n = 1 + rand(12);
    for (let k = 0; k < n; k++) w += rand(5) === 0 ? ['f', 'ff', 'fi', 'ffl', ' '][rand(5)] : chars[rand(chars.length)];
    words.add(w);
  }
  return [...words];
}

const words = corpus();

describe('PDF text shaping', () => {
  it('the committed font tables are the ones the installed fonts give (run `npm run build && npm run font-metrics` if not)', async () => {
    // @ts-expect-error a plain build script without types
    const { fontMetricsSource } = await import('../../scripts/font-metrics.mjs');
    expect(readFileSync(join(root, 'src', 'report', 'pdf', 'font-metrics.ts'), 'utf8')).toBe(await fontMetricsSource());
  });

  it.each(Object.entries(FONTS))('shapes every word it knows as fontkit does (%s)', (name, file) => {
    const font = fontkit.openSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    const shape = plainShaper(fontMetrics[name as keyof typeof FONTS], font);
    const scale = 1000 / font.unitsPerEm;
    let known = 0;
    const differ: string[] = [];
    for (const w of words) {
      const run = font.layout(w);
      const mine = shape(w);
      if (!mine) continue;
      known++;
      const expected = {
        ids: run.glyphs.map((g) => g.id),
        chars: run.glyphs.map((g) => g.codePoints),
        positions: run.positions.map((p, i) => ({
          xAdvance: p.xAdvance * scale,
          yAdvance: p.yAdvance * scale,
          xOffset: p.xOffset * scale,
          yOffset: p.yOffset * scale,
          advanceWidth: run.glyphs[i]!.advanceWidth * scale,
        })),
        advanceWidth: run.positions.reduce((s, p) => s + p.xAdvance * scale, 0),
      };
      const got = { ids: mine.glyphs.map((g) => g.id), chars: mine.glyphs.map((g) => g.codePoints), positions: mine.positions, advanceWidth: mine.advanceWidth };
      if (JSON.stringify(got) !== JSON.stringify(expected)) differ.push(w);
    }
    expect(differ).toEqual([]);
    // Nearly all report text takes the quick way (else the PDF is slow again without anyone noticing).
    expect(known / words.length).toBeGreaterThan(0.95);
  });

  it('makes glyph objects as fontkit makes them, whichever shapes a word first', () => {
    const ours = fontkit.openSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    const theirs = fontkit.openSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    const shape = plainShaper(fontMetrics.body, ours);
    const words = ['office', 'Waffle', 'Zürich,', '12.5%', 'fi'];
    const made = words.flatMap((w) => shape(w)!.glyphs);
    const fromFontkit = words.flatMap((w) => theirs.layout(w).glyphs);
    const view = (g: object) => {
      const { id, codePoints, isMark, isLigature } = g as { id: number; codePoints: number[]; isMark: boolean; isLigature: boolean };
      return { id, codePoints, isMark, isLigature };
    };
    expect(made.map(view)).toEqual(fromFontkit.map(view));
    // fontkit then finds the same objects.
    expect(words.flatMap((w) => ours.layout(w).glyphs)).toEqual(made);
  });

  it('leaves to fontkit what it does not know', () => {
    const font = fontkit.openSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    const shape = plainShaper(fontMetrics.body, font);
    for (const w of ['Ελλάδα', 'Москва', 'שלום', 'e\u0301', 'a\u00ad', '😀', '中文']) expect(shape(w)).toBeUndefined();
    expect(shape('office')?.glyphs).toHaveLength(4);
  });
});
