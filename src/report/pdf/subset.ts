/*
 * The font subsets a PDF embeds, written from the TrueType tables' bytes. fontkit's TTFSubset decodes every used
 * glyph's outline, the whole loca table and the cvt/fpgm/prep programs into JavaScript objects with restructure,
 * only to encode the same bytes again; that was the largest single cost of embedding a font. This writes the very
 * same file — the same tables in the same order, with the same directory, glyph order and component ids — by
 * copying table bytes. test/unit/pdf-subset.test.ts compares it with fontkit's output byte for byte.
 */

/** The part of a fontkit TrueType font read here: its file's bytes and table directory. */
export interface TrueTypeSource {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
}

/** fontkit's Subset: the glyphs used, in the order of their new ids, and how a glyph gets its new id. */
export interface GlyphSubset {
  glyphs: number[];
  includeGlyph(glyph: number): number;
}

// Composite glyph component flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The tables fontkit's TTFSubset writes, in its order (the ones a PDF's embedded TrueType font needs). */
const TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;
/** Bytes of the fixed tables as fontkit's structures encode them. */
const HEAD_SIZE = 54;
const HHEA_SIZE = 36;
const MAXP_SIZE = 32;

/**
 * The subset font file of `subset`'s glyphs, exactly as fontkit's TTFSubset.encode() writes it. Like fontkit, it
 * adds the components of composite glyphs to the subset as it meets them and renumbers them in the glyph data.
 */
export function encodeTrueTypeSubset(font: TrueTypeSource, subset: GlyphSubset): Uint8Array {
  const bytes = font.stream.buffer;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (tag: string) => {
    const t = font.directory.tables[tag];
    if (!t) throw new Error(`the font has no ${tag.trim()} table`);
    return t;
  };
  const head = at('head').offset;
  const longLoca = view.getInt16(head + 50) === 1;
  const loca = at('loca').offset;
  const offsetOf = (gid: number) => (longLoca ? view.getUint32(loca + 4 * gid) : view.getUint16(loca + 2 * gid) * 2);
  const glyf = at('glyf').offset;
  const hmtx = at('hmtx').offset;
  const metricCount = view.getUint16(at('hhea').offset + 34);
  const bearingCount = (at('hmtx').length - 4 * metricCount) >> 1;

  // The glyph data and metrics, in subset order; composite glyphs may add glyphs as the loop goes.
  const glyphData: Uint8Array[] = [];
  const newOffsets: number[] = [];
  const metrics: number[] = [];
  let size = 0;
  for (let i = 0; i < subset.glyphs.length; i++) {
    const gid = subset.glyphs[i]!;
    const start = offsetOf(gid);
    const end = offsetOf(gid + 1);
    let data = bytes.subarray(glyf + start, glyf + end);
    if (end > start && view.getInt16(glyf + start) < 0) {
      data = copyOf(data);
      const glyph = new DataView(data.buffer, data.byteOffset, data.byteLength);
      let pos = 10;
      let flags: number;
      do {
        flags = glyph.getUint16(pos);
        glyph.setUint16(pos + 2, subset.includeGlyph(glyph.getUint16(pos + 2)));
        pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) pos += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
      } while (flags & MORE_COMPONENTS);
    }
    glyphData.push(data);
    newOffsets.push(size);
    size += data.length;
    // Advance and left side bearing from hmtx, as fontkit's glyph metrics read them.
    if (gid < metricCount) metrics.push(view.getUint16(hmtx + 4 * gid), view.getInt16(hmtx + 4 * gid + 2));
    else {
      const k = gid - metricCount;
      metrics.push(metricCount ? view.getUint16(hmtx + 4 * (metricCount - 1)) : 0, k < bearingCount ? view.getInt16(hmtx + 4 * metricCount + 2 * k) : 0);
    }
  }
  newOffsets.push(size);
  const count = glyphData.length;

  const tables: Array<{ tag: string; data: Uint8Array }> = [];
  const copy = (tag: string, length: number) => copyOf(bytes.subarray(at(tag).offset, at(tag).offset + length));
  for (const tag of TABLES) {
    // The font programs and control values are written when the font has them.
    if ((tag === 'cvt ' || tag === 'prep' || tag === 'fpgm') && !font.directory.tables[tag]) continue;
    let data: Uint8Array;
    if (tag === 'head') {
      data = copy(tag, HEAD_SIZE);
      new DataView(data.buffer).setInt16(50, longLoca ? 1 : 0);
    } else if (tag === 'hhea') {
      data = copy(tag, HHEA_SIZE);
      const d = new DataView(data.buffer);
      // Four reserved fields, which fontkit writes as zeros, then the number of metrics.
      for (let k = 24; k < 32; k += 2) d.setInt16(k, 0);
      d.setUint16(34, count);
    } else if (tag === 'maxp') {
      data = copy(tag, MAXP_SIZE);
      new DataView(data.buffer).setUint16(4, count);
    } else if (tag === 'loca') {
      data = new Uint8Array(newOffsets.length * (longLoca ? 4 : 2));
      const d = new DataView(data.buffer);
      newOffsets.forEach((o, k) => (longLoca ? d.setUint32(4 * k, o) : d.setUint16(2 * k, o >>> 1)));
    } else if (tag === 'glyf') {
      data = new Uint8Array(size);
      let o = 0;
      for (const g of glyphData) {
        data.set(g, o);
        o += g.length;
      }
    } else if (tag === 'hmtx') {
      data = new Uint8Array(2 * metrics.length);
      const d = new DataView(data.buffer);
      for (let k = 0; k < metrics.length; k += 2) {
        d.setUint16(2 * k, metrics[k]!);
        d.setInt16(2 * k + 2, metrics[k + 1]!);
      }
    } else if (tag === 'cvt ') data = copy(tag, at(tag).length & ~1);
    else data = copy(tag, at(tag).length);
    tables.push({ tag, data });
  }

  // The table directory as fontkit writes it: tag 'true', binary search fields, zero checksums, tables in order.
  const header = 12 + 16 * tables.length;
  const out = new Uint8Array(header + tables.reduce((s, t) => s + t.data.length, 0));
  const d = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  ascii(d, 0, 'true');
  d.setUint16(4, tables.length);
  d.setUint16(6, power * 16);
  d.setUint16(8, Math.log2(power));
  d.setUint16(10, tables.length * 16 - power * 16);
  let offset = header;
  tables.forEach((t, k) => {
    ascii(d, 12 + 16 * k, t.tag);
    d.setUint32(12 + 16 * k + 4, 0);
    d.setUint32(12 + 16 * k + 8, offset);
    d.setUint32(12 + 16 * k + 12, t.data.length);
    out.set(t.data, offset);
    offset += t.data.length;
  });
  return out;
}

/** A copy of its own (fontkit's font bytes are a Buffer, whose slice() would share them). */
function copyOf(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  out.set(data);
  return out;
}

function ascii(d: DataView, at: number, text: string): void {
  for (let k = 0; k < 4; k++) d.setUint8(at + k, text.charCodeAt(k));
}

/** The parts of pdfkit's EmbeddedFont that embedding it uses. */
export interface EmbeddingFont<F extends TrueTypeSource> {
  font: F;
  subset: GlyphSubset & { encode(): Uint8Array };
  embed(): unknown;
}

/**
 * Makes pdfkit embed `embedded` with the subset written here, and with the two values it reads from the font's
 * post table (fixed pitch, italic angle) taken from the table's header: fontkit would decode the whole table,
 * glyph names and all, which took longer than the rest of the embedding. What pdfkit writes stays the same.
 */
export function embedFromBytes<F extends TrueTypeSource>(embedded: EmbeddingFont<F>): void {
  const { subset } = embedded;
  subset.encode = () => encodeTrueTypeSubset(embedded.font, subset);
  const embed = embedded.embed;
  embedded.embed = function (this: EmbeddingFont<F>) {
    const font = this.font;
    this.font = Object.create(font, { post: { value: postHeader(font) } }) as F;
    try {
      return embed.call(this);
    } finally {
      this.font = font;
    }
  };
}

/** The post table's header fields pdfkit reads, as fontkit decodes them (italicAngle is a 16.16 fixed number). */
function postHeader(font: TrueTypeSource): { italicAngle: number; isFixedPitch: number } {
  const post = font.directory.tables.post;
  if (!post) throw new Error('the font has no post table');
  const bytes = font.stream.buffer;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { italicAngle: view.getInt32(post.offset + 4) / 65536, isFixedPitch: view.getUint32(post.offset + 12) };
}

/**
 * Gives fontkit the loca table (where each glyph's data starts) read straight from the font's bytes, the same
 * numbers its decoder would give; fontkit decodes the whole table with restructure the first time a glyph's
 * metrics are asked for, which pdfkit does as it opens the font.
 */
export function preloadLoca(font: TrueTypeSource & { _tables: Record<string, unknown> }): void {
  const loca = font.directory.tables.loca;
  const head = font.directory.tables.head;
  if (!loca || !head || 'loca' in font._tables) return;
  const bytes = font.stream.buffer;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const long = view.getInt16(head.offset + 50) === 1;
  const offsets = Array.from({ length: loca.length >> (long ? 2 : 1) }, (_, k) => (long ? view.getUint32(loca.offset + 4 * k) : view.getUint16(loca.offset + 2 * k) * 2));
  // A short table's offsets are stored halved; fontkit doubles them once and marks the table processed.
  font._tables.loca = long ? { version: 1, offsets } : { version: 0, offsets, _processed: true };
}
