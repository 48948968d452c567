// npm run font-metrics: writes src/report/pdf/font-metrics.ts, the shaping of plain Latin text in the PDF's two
// DejaVu fonts as fontkit does it (a glyph per character, the f-ligatures, pair kerning), so that the PDF lays out
// most words without running fontkit's OpenType engine once per word. Derived from the fonts' own GSUB and GPOS
// tables, then checked against fontkit's shaping of every pair of these characters (and of the ligatures in
// context); it refuses a font or a fontkit whose shaping it cannot reproduce. test/unit/pdf-shape.test.ts
// fails when the committed file no longer matches the installed fonts and compares whole reports' words.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const fontkit = require('fontkit');
const { getScript, isMark } = require('unicode-properties');

// Candidates: Latin letters and the common punctuation, digits and symbols of report text.
const candidates = [];
const range = (a, b) => {
  for (let c = a; c <= b; c++) candidates.push(c);
};
range(0x20, 0x7e);
range(0xa0, 0x17f);
range(0x2010, 0x2027);
range(0x2030, 0x203a);
candidates.push(0x20ac, 0x2122, 0x2190, 0x2191, 0x2192, 0x2193, 0x2212, 0x2264, 0x2265, 0x2713, 0x2717);

// The features fontkit's default shaper applies to horizontal left-to-right text (see its DefaultShaper).
const FEATURES = ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'ltra', 'ltrm'];

function lookupsFor(table, scriptTag) {
  const script = table.scriptList.find((s) => s.tag === scriptTag)?.script;
  if (!script) throw new Error(`no ${scriptTag} script`);
  const out = [];
  for (const fi of script.defaultLangSys.featureIndexes) {
    const f = table.featureList[fi];
    if (FEATURES.includes(f.tag)) for (const li of f.feature.lookupListIndexes) out.push({ tag: f.tag, index: li });
  }
  return out.sort((a, b) => a.index - b.index);
}

function coverageIndex(coverage, gid) {
  if (coverage.version === 1) return coverage.glyphs.indexOf(gid);
  for (const r of coverage.rangeRecords) if (r.start <= gid && gid <= r.end) return r.startCoverageIndex + gid - r.start;
  return -1;
}
function classOf(classDef, gid) {
  if (classDef.version === 1) {
    const i = gid - classDef.startGlyph;
    return i >= 0 && i < classDef.classValueArray.length ? classDef.classValueArray[i] : 0;
  }
  for (const r of classDef.classRangeRecord) if (r.start <= gid && gid <= r.end) return r.class;
  return 0;
}
function coverageGlyphs(coverage) {
  if (coverage.version === 1) return [...coverage.glyphs];
  const out = [];
  for (const r of coverage.rangeRecords) for (let g = r.start; g <= r.end; g++) out.push(g);
  return out;
}

function metrics(file) {
  const font = fontkit.openSync(file);
  const gsub = font.GSUB;
  const gpos = font.GPOS;
  const markClass = (gid) => (font.GDEF?.glyphClassDef ? classOf(font.GDEF.glyphClassDef, gid) : 0);
  // The candidates' glyphs, before knowing which of them substitutions leave alone.
  const maybe = new Map();
  for (const cp of candidates) {
    const script = getScript(cp);
    if ((script !== 'Latin' && script !== 'Common') || isMark(cp) || !font.hasGlyphForCodePoint(cp)) continue;
    const g = font.glyphForCodePoint(cp).id;
    if (g !== 0 && markClass(g) !== 3) maybe.set(cp, g);
  }
  const plain = new Set(maybe.values());
  // Glyphs that a substitution other than a ligature may change under these features, in a text of plain glyphs
  // only: their characters are left to fontkit. A contextual rule counts when every class or coverage it asks for
  // has a plain glyph (so a rule that needs a combining mark after an "i" does not count).
  const touched = new Set();
  const ligatureLookups = { latn: [], DFLT: [] };
  const someIn = (classDef, cls) => [...plain].some((g) => classOf(classDef, g) === cls);
  for (const script of ['latn', 'DFLT']) {
    for (const { index } of lookupsFor(gsub, script)) {
      const lookup = gsub.lookupList.get(index);
      for (const st of lookup.subTables) {
        if (lookup.lookupType === 4) ligatureLookups[script].push({ st, flags: lookup.flags });
        else if (lookup.lookupType === 6 && st.version === 2) {
          for (const g of coverageGlyphs(st.coverage)) {
            if (!plain.has(g)) continue;
            const rules = st.chainClassSet[classOf(st.inputClassDef, g)] ?? [];
            const possible = (rule) =>
              rule.backtrack.every((c) => someIn(st.backtrackClassDef, c)) && rule.input.every((c) => someIn(st.inputClassDef, c)) && rule.lookahead.every((c) => someIn(st.lookaheadClassDef, c));
            if (rules.some(possible)) touched.add(g);
          }
        } else if (lookup.lookupType === 6 && st.version === 3) {
          const hit = (cov) => coverageGlyphs(cov).some((g) => plain.has(g));
          if (st.backtrackCoverage.every(hit) && st.inputCoverage.every(hit) && st.lookaheadCoverage.every(hit)) for (const g of coverageGlyphs(st.inputCoverage[0])) touched.add(g);
        } else if (lookup.lookupType <= 3) for (const g of coverageGlyphs(st.coverage)) touched.add(g);
        else throw new Error(`GSUB lookup ${index} of type ${lookup.lookupType} (format ${st.version}) is not understood here`);
      }
    }
  }
  if (ligatureLookups.DFLT.length) throw new Error('ligatures for the default script are not supported');
  const chars = [];
  for (const [cp, gid] of maybe) {
    const ch = String.fromCodePoint(cp);
    const script = getScript(cp);
    const g = font.getGlyph(gid);
    if (touched.has(g.id)) continue;
    const run = font.layout(ch);
    if (run.glyphs.length !== 1 || run.glyphs[0].id !== g.id) continue;
    const p = run.positions[0];
    if (p.xAdvance !== g.advanceWidth || p.yAdvance || p.xOffset || p.yOffset || g.advanceWidth === 0) continue;
    chars.push({ cp, gid: g.id, latin: script === 'Latin' });
  }
  const inS = new Set(chars.map((c) => c.gid));
  // Ligatures (latn only) whose glyphs are all plain characters, in the font's order.
  const ligatures = [];
  for (const { st, flags } of ligatureLookups.latn) {
    if (flags.ignoreBaseGlyphs || flags.ignoreLigatures || flags.markAttachmentType || flags.useMarkFilteringSet) throw new Error('unsupported ligature lookup flags');
    for (const first of coverageGlyphs(st.coverage)) {
      if (!inS.has(first)) continue;
      for (const lig of st.ligatureSets.get(coverageIndex(st.coverage, first))) {
        // One with another glyph never matches a word of plain characters.
        if (lig.components.every((c) => inS.has(c))) ligatures.push([first, [...lig.components], lig.glyph]);
      }
    }
  }
  const ligGlyphs = [...new Set(ligatures.map((l) => l[2]))];
  const glyphs = [...inS, ...ligGlyphs];
  // Read from hmtx directly: a glyph object made here would be fontkit's cached one, without its characters.
  const advances = new Map(glyphs.map((g) => [g, font.hmtx.metrics.get(g).advance]));
  // Pair kerning as fontkit applies it: per lookup, the first subtable that covers the first glyph.
  const kernFor = (script) => {
    const lookups = lookupsFor(gpos, script).filter((l) => l.tag === 'kern');
    const out = new Map();
    for (const { index } of lookups) {
      const lookup = gpos.lookupList.get(index);
      if (lookup.lookupType !== 2) throw new Error(`kern lookup ${index} is of type ${lookup.lookupType}`);
      if (lookup.flags.ignoreBaseGlyphs || lookup.flags.ignoreLigatures) throw new Error('unsupported kern lookup flags');
      for (const a of glyphs) {
        for (const st of lookup.subTables) {
          const ci = coverageIndex(st.coverage, a);
          if (ci === -1) continue;
          const vf2 = st.valueFormat2;
          if (Object.values(vf2).some(Boolean)) throw new Error('kerning that moves the second glyph is not supported');
          const vf1 = st.valueFormat1;
          if (vf1.xPlacement || vf1.yPlacement || vf1.yAdvance || vf1.xPlaDevice || vf1.yPlaDevice || vf1.xAdvDevice || vf1.yAdvDevice) throw new Error('unsupported kern values');
          for (const b of glyphs) {
            let d = 0;
            if (st.version === 1) {
              const pair = st.pairSets.get(ci).find((p) => p.secondGlyph === b);
              if (!pair) continue; // fontkit tries the next subtable
              d = pair.value1.xAdvance ?? 0;
              out.set(`${a},${b}`, (out.get(`${a},${b}`) ?? 0) + d);
              continue;
            }
            const rec = st.classRecords.get(classOf(st.classDef1, a)).get(classOf(st.classDef2, b));
            d = rec.value1.xAdvance ?? 0;
            out.set(`${a},${b}`, (out.get(`${a},${b}`) ?? 0) + d);
          }
          if (st.version === 2) break;
          throw new Error('format 1 pair kerning is not supported');
        }
      }
    }
    return [...out].filter(([, d]) => d !== 0).flatMap(([k, d]) => [...k.split(',').map(Number), d]);
  };
  const data = {
    unitsPerEm: font.unitsPerEm,
    chars: chars.map((c) => c.cp),
    glyphs: chars.map((c) => c.gid),
    latin: chars.filter((c) => c.latin).map((c) => c.cp),
    advances: [...advances].flat(),
    ligatures,
    kern: { latn: kernFor('latn'), DFLT: kernFor('DFLT') },
  };
  return { font, data };
}

// Checks the tables and the PDF's shaping code (built: dist/) against fontkit.
async function check(font, data) {
  const { plainShaper } = await import('../dist/report/pdf/shape.js');
  const shape = plainShaper(data, font);
  const chars = data.chars.map((c) => String.fromCodePoint(c));
  const texts = [];
  for (const a of chars) for (const b of chars) texts.push(a + b);
  const lig = data.ligatures.map(([f, c]) => [f, ...c].map((g) => chars[data.glyphs.indexOf(g)]).join(''));
  for (const l of lig) for (const a of chars) texts.push(a + l, l + a, `a${a}${l}`, `${l}${a}1`);
  const scale = 1000 / font.unitsPerEm;
  const gl = (run, i) => run.glyphs[i].advanceWidth;
  let bad = 0;
  for (const t of texts) {
    const run = font.layout(t);
    const mine = shape(t);
    const same =
      mine &&
      run.glyphs.length === mine.glyphs.length &&
      run.glyphs.every((gl, i) => gl === mine.glyphs[i]) &&
      run.positions.every((p, i) => p.xAdvance * scale === mine.positions[i].xAdvance && !p.yAdvance && !p.xOffset && !p.yOffset && gl(run, i) * scale === mine.positions[i].advanceWidth);
    if (!same && bad++ < 3)
      console.error('differs:', JSON.stringify(t), JSON.stringify(run.glyphs.map((x) => [x.id, x.advanceWidth, x.codePoints])), JSON.stringify(run.positions), JSON.stringify(mine));
  }
  if (bad) throw new Error(`${bad} of ${texts.length} texts shape differently`);
  return texts.length;
}

export const FONTS = { body: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };
const fontsDir = dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

/** The generated module's text; with `verify`, after checking the tables against fontkit. */
export async function fontMetricsSource({ verify = false } = {}) {
  const out = {};
  for (const [name, file] of Object.entries(FONTS)) {
    const { font, data } = metrics(join(fontsDir, file));
    if (verify) {
      const n = await check(font, data);
      console.log(
        `${file}: ${data.chars.length} characters, ${data.ligatures.length} ligatures, ${data.kern.latn.length / 3} + ${data.kern.DFLT.length / 3} kerning pairs; ${n} texts shape as fontkit shapes them`,
      );
    }
    out[name] = data;
  }
  const lines = Object.entries(out).map(([name, d]) => `  ${name}: ${JSON.stringify(d)},`);
  return `// Generated by \`npm run font-metrics\` (scripts/font-metrics.mjs) from the DejaVu fonts; do not edit.
import type { FontMetrics } from './shape.js';

export const fontMetrics: Record<'body' | 'bold', FontMetrics> = {
${lines.join('\n')}
};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(root, 'src', 'report', 'pdf', 'font-metrics.ts'), await fontMetricsSource({ verify: true }));
}
