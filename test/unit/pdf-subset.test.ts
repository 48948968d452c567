/** The PDF's font subsets, written from the TrueType tables' bytes, are byte for byte the files fontkit's TTFSubset writes. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeTrueTypeSubset, preloadLoca } from '../../src/report/pdf/subset.js';
import type { GlyphSubset, TrueTypeSource } from '../../src/report/pdf/subset.js';
import { root } from '../helpers.js';

const require = createRequire(join(root, 'package.json'));
interface Font extends TrueTypeSource {
  numGlyphs: number;
  _tables: Record<string, unknown>;
  loca: { version: number; offsets: number[] };
  glyphsForString(text: string): Array<{ id: number }>;
  getGlyph(id: number): { _decode(): { numberOfContours: number; components?: Array<{ glyphID: number }> } | null };
  createSubset(): GlyphSubset & { encode(): Uint8Array };
}
const fontkit = require('fontkit') as { openSync(file: string): Font };
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/** Both subsets of the same glyphs, in the same order: fontkit's and ours, with the glyph order each ends with. */
function both(font: Font, ids: number[]) {
  const theirs = font.createSubset();
  const ours = font.createSubset();
  for (const id of ids) {
    theirs.includeGlyph(id);
    ours.includeGlyph(id);
  }
  const before = ours.glyphs.length;
  const expected = Buffer.from(theirs.encode());
  const actual = Buffer.from(encodeTrueTypeSubset(font, ours));
  return { expected, actual, theirGlyphs: theirs.glyphs, ourGlyphs: ours.glyphs, added: ours.glyphs.length - before };
}

/** Every character of the examples, models, questionnaires, report wording and test fixtures. */
function text(): string {
  const dirs = ['models', 'questionnaires', 'examples', 'src/i18n', 'test/fixtures', 'test/fixtures/i18n', 'test/fixtures/models'];
  return dirs
    .flatMap((d) =>
      readdirSync(join(root, d))
        .filter((f) => /\.(ya?ml|ts)$/.test(f))
        .map((f) => readFileSync(join(root, d, f), 'utf8')),
    )
    .join('\n');
}

describe.each(FONTS)('TrueType subset of %s', (file) => {
  const font = fontkit.openSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  const composites = Array.from({ length: font.numGlyphs }, (_, id) => id).filter((id) => (font.getGlyph(id)._decode()?.numberOfContours ?? 0) < 0);

  it('the font has composite glyphs, some of several components (so their renumbering is tested)', () => {
    expect(composites.length).toBeGreaterThan(100);
    expect(composites.some((id) => (font.getGlyph(id)._decode()?.components?.length ?? 0) > 1)).toBe(true);
  });

  it('is fontkit’s file for the glyphs of every text itaas ships, in the order they first appear', () => {
    const r = both(
      font,
      font.glyphsForString(text()).map((g) => g.id),
    );
    expect(r.ourGlyphs).toEqual(r.theirGlyphs);
    expect(r.actual.equals(r.expected)).toBe(true);
  });

  it('is fontkit’s file for the glyph .notdef alone, one glyph, and the last glyph', () => {
    for (const ids of [[], [font.glyphsForString('a')[0]!.id], [font.numGlyphs - 1]]) {
      const r = both(font, ids);
      expect(r.actual.equals(r.expected), JSON.stringify(ids)).toBe(true);
    }
  });

  it('is fontkit’s file for composite glyphs, whose components join the subset and are renumbered as fontkit does', () => {
    let added = 0;
    for (let k = 0; k < composites.length; k += 97) {
      const r = both(font, composites.slice(k, k + 5).reverse());
      expect(r.ourGlyphs).toEqual(r.theirGlyphs);
      expect(r.actual.equals(r.expected), String(composites[k])).toBe(true);
      added += r.added;
    }
    expect(added).toBeGreaterThan(0);
  });

  it('is fontkit’s file for 40 random sets of glyphs', () => {
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let t = 0; t < 40; t++) {
      const ids = Array.from({ length: 1 + rand(400) }, () => rand(font.numGlyphs));
      const r = both(font, ids);
      expect(r.ourGlyphs).toEqual(r.theirGlyphs);
      expect(r.actual.equals(r.expected), `set ${t}`).toBe(true);
    }
  });
});

describe.each(FONTS)('glyph locations of %s', (file) => {
  it('read from the bytes are the loca table fontkit decodes, and give the same glyph metrics', () => {
    const decoded = fontkit.openSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    const preloaded = fontkit.openSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    preloadLoca(preloaded);
    expect('loca' in decoded._tables).toBe(false);
    expect({ version: preloaded.loca.version, offsets: [...preloaded.loca.offsets] }).toEqual({ version: decoded.loca.version, offsets: [...decoded.loca.offsets] });
    expect(preloaded.loca.offsets.length).toBe(preloaded.numGlyphs + 1);
    for (const id of [0, 3, 36, 1000, preloaded.numGlyphs - 1]) expect(preloaded.getGlyph(id)._decode()).toEqual(decoded.getGlyph(id)._decode());
  });
});
