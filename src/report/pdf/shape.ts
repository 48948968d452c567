/*
 * Shaping of plain Latin text without fontkit's OpenType engine. fontkit shapes every distinct word of a PDF
 * (a new shaping plan, every GSUB and GPOS lookup tried on every glyph), which was most of a report's time. For
 * the characters of font-metrics.ts (Latin letters, digits, the usual punctuation) the fonts do no more than map
 * each character to its glyph, form the f-ligatures and kern pairs of glyphs: scripts/font-metrics.mjs derives
 * exactly that from the fonts' tables and checks it against fontkit. A word with any other character is shaped
 * by fontkit as before, so the PDF's bytes do not depend on which path a word took.
 */

/** What scripts/font-metrics.mjs derives from one font (numbers in font units). */
export interface FontMetrics {
  unitsPerEm: number;
  /** The code points shaped here and the glyph of each. */
  chars: number[];
  glyphs: number[];
  /** Which of them are Latin letters: a word with one is shaped as Latin (ligatures, its kerning), else as common text. */
  latin: number[];
  /** glyph, advance, glyph, advance, ... */
  advances: number[];
  /** [first glyph, further glyphs, ligature glyph], in the font's order of preference. */
  ligatures: Array<[number, number[], number]>;
  /** first, second, adjustment of the first's advance, ... per script. */
  kern: { latn: number[]; DFLT: number[] };
}

/** The part of a fontkit glyph that pdfkit reads. */
interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
/** A glyph's place as pdfkit keeps it after layout (in thousandths of the font size). */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
/** The same as pdfkit's EmbeddedFont.layoutRun returns for a text. */
export interface Run {
  glyphs: Glyph[];
  positions: Position[];
  advanceWidth: number;
}

interface Tables {
  glyphOf: Map<number, number>;
  latin: Set<number>;
  advance: Map<number, number>;
  ligatures: Map<number, Array<{ rest: number[]; glyph: number }>>;
  kern: { latn: Map<number, number>; DFLT: Map<number, number> };
}

function tables(m: FontMetrics): Tables {
  const advance = new Map<number, number>();
  for (let i = 0; i < m.advances.length; i += 2) advance.set(m.advances[i]!, m.advances[i + 1]!);
  const ligatures = new Map<number, Array<{ rest: number[]; glyph: number }>>();
  for (const [first, rest, glyph] of m.ligatures) {
    const list = ligatures.get(first) ?? [];
    list.push({ rest, glyph });
    ligatures.set(first, list);
  }
  const pairs = (xs: number[]) => {
    const out = new Map<number, number>();
    for (let i = 0; i < xs.length; i += 3) out.set(xs[i]! * 65536 + xs[i + 1]!, xs[i + 2]!);
    return out;
  };
  return {
    glyphOf: new Map(m.chars.map((c, i) => [c, m.glyphs[i]!])),
    latin: new Set(m.latin),
    advance,
    ligatures,
    kern: { latn: pairs(m.kern.latn), DFLT: pairs(m.kern.DFLT) },
  };
}

/** The part of a fontkit font used here: its glyph objects, made once per glyph and kept in `_glyphs`. */
export interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): Glyph;
  _glyphs?: Record<number, Glyph | undefined>;
}

/**
 * A function that shapes a text as fontkit would, or returns undefined when the text has a character it does not
 * know. Glyph objects are the font's own, which fontkit's layout uses as well, so each glyph keeps the characters
 * it was first made for (pdfkit maps glyphs back to text with them). A new one is made without characters and
 * given them after: fontkit would otherwise build its Unicode tables only to find that a Latin letter is not a
 * combining mark (none of these characters is one; the generator checks).
 */
export function plainShaper(m: FontMetrics, font: GlyphSource): (text: string) => Run | undefined {
  let t: Tables | undefined;
  const scale = 1000 / m.unitsPerEm;
  const glyph = (id: number, codePoints: number[]): Glyph => {
    const known = font._glyphs?.[id];
    if (known) return known;
    const made = font.getGlyph(id) as Glyph & { isLigature: boolean };
    made.codePoints = codePoints;
    made.isLigature = codePoints.length > 1;
    return made;
  };
  return (text) => {
    t ??= tables(m);
    const ids: number[] = [];
    const cps: number[] = [];
    let latin = false;
    for (let i = 0; i < text.length; i++) {
      const cp = text.charCodeAt(i);
      const id = t.glyphOf.get(cp);
      if (id === undefined) return undefined;
      if (!latin && t.latin.has(cp)) latin = true;
      ids.push(id);
      cps.push(cp);
    }
    // Ligatures (Latin only): at each glyph the first of the font's ligatures that matches what follows.
    const glyphIds: number[] = [];
    const glyphCps: number[][] = [];
    for (let i = 0; i < ids.length; ) {
      const lig = latin ? t.ligatures.get(ids[i]!)?.find((l) => l.rest.every((g, k) => ids[i + 1 + k] === g)) : undefined;
      const n = lig ? 1 + lig.rest.length : 1;
      glyphIds.push(lig ? lig.glyph : ids[i]!);
      glyphCps.push(cps.slice(i, i + n));
      i += n;
    }
    const kern = latin ? t.kern.latn : t.kern.DFLT;
    const glyphs: Glyph[] = [];
    const positions: Position[] = [];
    let advanceWidth = 0;
    for (let i = 0; i < glyphIds.length; i++) {
      const id = glyphIds[i]!;
      const advance = t.advance.get(id)!;
      const next = glyphIds[i + 1];
      const x = (advance + (next === undefined ? 0 : (kern.get(id * 65536 + next) ?? 0))) * scale;
      glyphs.push(glyph(id, glyphCps[i]!));
      positions.push({ xAdvance: x, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance * scale });
      advanceWidth += x;
    }
    return { glyphs, positions, advanceWidth };
  };
}
