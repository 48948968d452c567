import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create as openFont } from 'fontkit';
import { COLORS } from '../charts.js';
import { collectPageContent, plainDestinationOrder } from './content.js';
import { fontMetrics } from './font-metrics.js';
import { breakPoints } from './hyphenate.js';
import { plainShaper } from './shape.js';
import type { Run } from './shape.js';
import { embedFromBytes, preloadLoca } from './subset.js';
import type { EmbeddingFont, TrueTypeSource } from './subset.js';
import type { Figure } from '../charts.js';

/*
 * The PDF report, laid out by hand on top of pdfkit so that we control every page break: headings
 * stay with what follows them, paragraphs do not leave a single line behind, table rows never split
 * between pages unless one row is taller than a page, and table headers repeat on each new page.
 * Text is wrapped and placed word by word; words of right-to-left scripts are shaped and reversed
 * by fontkit, and runs of them are laid out right to left.
 */

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export type Doc = PDFKit.PDFDocument;
type FontkitFont = Parameters<typeof plainShaper>[1] &
  TrueTypeSource & {
    _tables: Record<string, unknown>;
    hasGlyphForCodePoint(cp: number): boolean;
  };
/** pdfkit's embedded font: the fontkit font, the shaped runs of every word it has laid out, and how it shapes one. */
interface EmbeddedFont extends EmbeddingFont<FontkitFont> {
  id: string;
  ascender: number;
  font: FontkitFont;
  layoutCache?: Record<string, unknown>;
  layoutRun(text: string, features?: unknown): Run;
  layoutCached(text: string): Run;
  encode(text: string): [string[], Run['positions']];
  ref(): unknown;
}
/** The parts of pdfkit's document that drawing a word uses directly. */
interface DocInternals {
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): void;
  _fillColor: [string, undefined];
}

/** A number as pdfkit writes it into a content stream (PDFObject.number). */
const num = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * The fonts, opened once per process and given to every document as fontkit fonts, with one cache
 * of shaped words per font. Shaping a word with fontkit is the largest cost of a PDF; a word shapes
 * the same in every document, so a batch shapes each word once. pdfkit never changes a shaped run
 * after caching it. Words of plain Latin text are shaped from the font's tables (shape.ts), the
 * same glyphs and positions fontkit gives, without its OpenType engine.
 */
const shared: Partial<Record<'body' | 'bold', { font: FontkitFont; runs: Record<string, unknown>; plain: (text: string) => Run | undefined }>> = {};

export const PAPER = { a4: [595.28, 841.89], letter: [612, 792] } as const;
const REPLACEMENT = '\uFFFD';
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}\p{N}]/u;

interface Segment {
  text: string;
  bold?: boolean;
}
interface Token {
  text: string;
  bold: boolean;
  width: number;
  /** A space follows this token on the same line. */
  space: boolean;
  rtl: boolean;
}
type Line = Token[];

export class Layout {
  readonly doc: Doc;
  readonly width: number;
  readonly height: number;
  readonly left = 56;
  readonly top = 56;
  readonly right: number;
  readonly bottom: number;
  y = 0;
  private readonly covers: Record<'body' | 'bold', FontkitFont>;
  /** What clean() does with each code point, per font: keep, drop, a space, or U+FFFD. */
  private readonly cleaned: Record<'body' | 'bold', Map<number, string>> = { body: new Map(), bold: new Map() };
  /** Per character below U+0300: 1 if clean() keeps it in either font, 2 if not, 0 not known yet. */
  private readonly keeps = new Uint8Array(0x300);
  /** Code points the fonts have no glyph for. */
  private readonly missing = new Set<number>();
  /** Widths of the strings measured so far, per font and size (tables repeat many strings). */
  private readonly widths: Record<'body' | 'bold', Map<number, Map<string, number>>> = { body: new Map(), bold: new Map() };
  /** This document's embedded fonts, and the text-showing operator of each word drawn so far (null: pdfkit draws it). */
  private readonly embedded = {} as Record<'body' | 'bold', EmbeddedFont>;
  private readonly shown = new Map<string, string | null>();
  /** The numbers of each fill colour's operator (null: pdfkit sets it). */
  private readonly fills = new Map<string, string | null>();
  /** Some character could not be shown and was replaced. */
  replaced = false;

  /** The report language, for hyphenation. */
  readonly lang: string;

  constructor(doc: Doc, paper: readonly [number, number], lang = 'en') {
    this.doc = doc;
    this.lang = lang;
    [this.width, this.height] = paper;
    this.right = this.width - 56;
    this.bottom = this.height - 64;
    collectPageContent(doc as unknown as Parameters<typeof collectPageContent>[0]);
    plainDestinationOrder(doc as unknown as Parameters<typeof plainDestinationOrder>[0]);
    const font = (name: 'body' | 'bold', file: string) => {
      // A fontkit font object is taken as is (see pdfkit's PDFFontFactory.open): no reading and parsing per document.
      let fonts = shared[name];
      if (!fonts) {
        // Opened as pdfkit opens a font file, with the glyph locations read from the bytes.
        const opened = openFont(readFileSync(file)) as FontkitFont;
        preloadLoca(opened);
        doc.registerFont(name, opened as unknown as PDFKit.Mixins.PDFFontSource);
        doc.font(name);
        const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
        fonts = shared[name] = { font: embedded.font, runs: embedded.layoutCache ?? Object.create(null), plain: plainShaper(fontMetrics[name], embedded.font) };
      } else doc.registerFont(name, fonts.font as unknown as PDFKit.Mixins.PDFFontSource);
      doc.font(name);
      const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
      embedded.layoutCache = fonts.runs;
      const { plain } = fonts;
      const fontkitRun = embedded.layoutRun;
      embedded.layoutRun = function (text, features) {
        return (features === undefined && plain(text)) || fontkitRun.call(this, text, features);
      };
      embedFromBytes(embedded);
      this.embedded[name] = embedded;
      return embedded.font;
    };
    this.covers = { bold: font('bold', FONT_BOLD), body: font('body', FONT) };
  }

  get contentWidth(): number {
    return this.right - this.left;
  }

  newPage(): void {
    this.doc.addPage({ size: [this.width, this.height], margin: 0 });
    this.y = this.top;
  }

  /** Starts a new page unless `h` points still fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  /**
   * Text as the embedded font can show it: control characters become spaces, invisible format
   * characters (direction overrides, zero-width joiners) are dropped, and anything the font has no
   * glyph for becomes U+FFFD, so nothing is ever drawn as a wrong glyph.
   */
  clean(text: string, bold = false): string {
    if (this.unchanged(text)) return text;
    const font = this.covers[bold ? 'bold' : 'body'];
    const seen = this.cleaned[bold ? 'bold' : 'body'];
    let out = '';
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      let as = seen.get(cp);
      if (as === undefined) {
        if (ch === '\n') as = ch;
        else if (/\p{Cc}/u.test(ch)) as = ' ';
        else if (/\p{Cf}|\p{Mn}(?<=[\uFE00-\uFE0F])/u.test(ch) || (cp >= 0x1f3fb && cp <= 0x1f3ff)) as = '';
        else if (font.hasGlyphForCodePoint(cp)) as = ch;
        else {
          as = REPLACEMENT;
          this.missing.add(cp);
        }
        seen.set(cp, as);
      }
      if (this.missing.has(cp)) this.replaced = true;
      out += as;
    }
    return out;
  }

  /**
   * Whether clean() leaves `s` as it is because every character is below U+0300 (where NFC changes nothing), a
   * newline or a visible character both fonts have (so none is replaced or dropped in either).
   */
  private unchanged(text: string): boolean {
    const keeps = this.keeps;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= keeps.length) return false;
      let verdict = keeps[code]!;
      if (verdict === 0) {
        const ch = String.fromCharCode(code);
        verdict = keeps[code] = code === 10 || (!/\p{Cc}|\p{Cf}/u.test(ch) && this.covers.body.hasGlyphForCodePoint(code) && this.covers.bold.hasGlyphForCodePoint(code)) ? 1 : 2;
      }
      if (verdict !== 1) return false;
    }
    return true;
  }

  /**
   * The width of `text` at `size`, as pdfkit's widthOfString gives it. A single word is measured from its shaped
   * run (the run pdfkit's layout caches and draws), with pdfkit's arithmetic; text with spaces goes to pdfkit.
   */
  measure(text: string, bold: boolean, size: number): number {
    const cache = this.widths[bold ? 'bold' : 'body'];
    let bySize = cache.get(size);
    if (!bySize) cache.set(size, (bySize = new Map()));
    let width = bySize.get(text);
    if (width === undefined) {
      width =
        text && !/[ \t]/.test(text)
          ? ((this.embedded[bold ? 'bold' : 'body'].layoutCached(text).advanceWidth * (size / 1000) + 0) * 100) / 100
          : this.doc
              .font(bold ? 'bold' : 'body')
              .fontSize(size)
              .widthOfString(text);
      bySize.set(text, width);
    }
    return width;
  }

  /** Breaks rich text into lines no wider than `width`; words longer than a line are split. */
  wrap(segments: Segment[], width: number, size: number): Line[] {
    const lines: Line[] = [];
    let line: Line = [];
    let x = 0;
    const space = (bold: boolean) => this.measure(' ', bold, size);
    const push = () => {
      if (line.length) line[line.length - 1]!.space = false;
      lines.push(line);
      line = [];
      x = 0;
    };
    for (const seg of segments) {
      const bold = !!seg.bold;
      const text = this.clean(seg.text, bold);
      const paragraphs = text.split('\n');
      // The space's width in this segment's font, measured after its first word (as each word's space used to be).
      let sp: number | undefined;
      paragraphs.forEach((para, pi) => {
        if (pi > 0) push();
        const words = para.split(/[ \t]+/);
        words.forEach((word, wi) => {
          const trailing = wi < words.length - 1 || /[ \t]$/.test(para);
          if (!word) return;
          let wordWidth = this.measure(word, bold, size);
          sp ??= space(bold);
          if (x > 0 && x + wordWidth > width) push();
          while (wordWidth > width) {
            // A word wider than the line: break it at the last point the language's hyphenation
            // allows that fits (with its hyphen); only a syllable wider than the line is cut.
            const fits = breakPoints(word, this.lang)
              .map((p) => ({ p, head: word.slice(0, p.at) + (p.hyphen ? '-' : '') }))
              .filter(({ head }) => this.measure(head, bold, size) <= width)
              .pop();
            let head: string;
            let rest: string;
            if (fits) {
              head = fits.head;
              rest = word.slice(fits.p.at);
            } else {
              const chars = [...word];
              let count = 1;
              while (count < chars.length && this.measure(chars.slice(0, count + 1).join(''), bold, size) <= width) count++;
              head = chars.slice(0, count).join('');
              rest = chars.slice(count).join('');
            }
            if (x > 0) push();
            line.push({ text: head, bold, width: this.measure(head, bold, size), space: false, rtl: RTL.test(head) });
            push();
            word = rest;
            wordWidth = this.measure(word, bold, size);
          }
          if (!word) return;
          if (x > 0 && x + wordWidth > width) push();
          const rtl = RTL.test(word) && !/^[^\p{L}]*[A-Za-z]/u.test(word);
          // Punctuation after a right-to-left word belongs to the surrounding text, not inside the word.
          const tail = rtl ? (/[^\p{L}\p{M}\p{N}]+$/u.exec(word)?.[0] ?? '') : '';
          if (tail && tail.length < word.length) {
            const head = word.slice(0, -tail.length);
            const hw = this.measure(head, bold, size);
            line.push({ text: head, bold, width: hw, space: false, rtl: true });
            line.push({ text: tail, bold, width: wordWidth - hw, space: trailing, rtl: false });
          } else line.push({ text: word, bold, width: wordWidth, space: trailing, rtl });
          x += wordWidth + (trailing ? sp : 0);
        });
      });
    }
    if (line.length || !lines.length) push();
    return lines;
  }

  /** Draws one line with its left edge at x and its top at y. */
  drawLine(line: Line, x: number, y: number, size: number, color: string, align: 'left' | 'right' = 'left', width = 0): void {
    const doc = this.doc;
    // Runs of right-to-left words are placed right to left; fontkit shapes and reverses each word.
    const order: Token[] = [];
    for (let i = 0; i < line.length; ) {
      if (!line[i]!.rtl) {
        order.push(line[i]!);
        i++;
        continue;
      }
      let j = i;
      while (j < line.length && (line[j]!.rtl || !STRONG.test(line[j]!.text))) j++;
      while (j > i + 1 && !line[j - 1]!.rtl) j--;
      const run = line.slice(i, j);
      // Reversed, each word takes the space that followed the word now to its right.
      order.push(...run.map((_, k) => ({ ...run[run.length - 1 - k]!, space: k < run.length - 1 ? run[run.length - 2 - k]!.space : run[run.length - 1]!.space })));
      i = j;
    }
    const spaces: Partial<Record<'body' | 'bold', number>> = {};
    const gap = (token: Token, i: number) => (i < order.length - 1 && token.space ? (spaces[token.bold ? 'bold' : 'body'] ??= this.measure(' ', token.bold, size)) : 0);
    const total = order.reduce((s, t, i) => s + t.width + gap(t, i), 0);
    let cx = align === 'right' ? x + width - total : x;
    this.fillColor(color);
    order.forEach((token, i) => {
      this.show(token.text, token.bold, size, cx, y);
      cx += token.width + gap(token, i);
    });
    if (order.length) doc.font(order[order.length - 1]!.bold ? 'bold' : 'body').fontSize(size);
  }

  /** Sets the fill colour with the operators pdfkit's fillColor writes for it, worked out once per colour. */
  private fillColor(color: string): void {
    let ops = this.fills.get(color);
    if (ops === undefined) {
      // pdfkit's _normalizeColor and _setColorCore for a colour written #rrggbb.
      const hex = /^#[0-9a-f]{6}$/i.test(color) ? parseInt(color.slice(1), 16) : undefined;
      ops = hex === undefined ? null : [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255).join(' ');
      this.fills.set(color, ops);
    }
    if (ops === null) {
      this.doc.fillColor(color);
      return;
    }
    const doc = this.doc as unknown as DocInternals;
    doc.addContent('/DeviceRGB cs');
    doc.addContent(`${ops} scn`);
    doc._fillColor = [color, undefined];
  }

  /**
   * Draws one word with its top left corner at x, y: the very operators pdfkit's text() writes for it (a PDF is
   * the same byte for byte), without text()'s option handling and measuring, and with the encoded word kept for
   * its next use in this document. A word whose glyphs need offsets (combining marks) is left to pdfkit.
   */
  private show(text: string, bold: boolean, size: number, x: number, y: number): void {
    if (!text) return;
    const font = this.embedded[bold ? 'bold' : 'body'];
    const key = `${bold ? 'b' : 'r'}${text}`;
    let tj = this.shown.get(key);
    if (tj === undefined) {
      const [encoded, positions] = font.encode(text);
      if (positions.some((p) => p.xOffset || p.yOffset)) tj = null;
      else {
        // pdfkit's _fragment: runs of glyphs, each followed by the kerning after its last glyph.
        const commands: string[] = [];
        let last = 0;
        const segment = (cur: number) => {
          if (last < cur) commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-(positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth))}`);
          last = cur;
        };
        positions.forEach((position, i) => {
          if (position.xAdvance - position.advanceWidth !== 0) segment(i + 1);
        });
        segment(positions.length);
        tj = commands.length ? `[${commands.join(' ')}] TJ\n` : '';
      }
      this.shown.set(key, tj);
    }
    if (tj === null) {
      this.doc
        .font(bold ? 'bold' : 'body')
        .fontSize(size)
        .text(text, x, y, { lineBreak: false });
      return;
    }
    const doc = this.doc as unknown as DocInternals;
    const page = doc.page;
    page.fonts[font.id] ??= font.ref();
    const top = page.height - y - (font.ascender / 1000) * size;
    doc.addContent(`q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(top)} Tm\n/${font.id} ${num(size)} Tf\n${tj}ET\nQ`);
  }

  /** A paragraph that flows over pages, never leaving one line alone at either end. */
  paragraph(segments: Segment[] | string, opts: { size?: number; color?: string; indent?: number; after?: number; lineHeight?: number } = {}): void {
    const size = opts.size ?? 10;
    const lh = opts.lineHeight ?? size * 1.4;
    const indent = opts.indent ?? 0;
    const segs = typeof segments === 'string' ? [{ text: segments }] : segments;
    const lines = this.wrap(segs, this.contentWidth - indent, size);
    let i = 0;
    while (i < lines.length) {
      const left = lines.length - i;
      let fit = Math.floor((this.bottom - this.y) / lh);
      if (fit < Math.min(2, left)) {
        this.newPage();
        continue;
      }
      if (fit < left && left - fit === 1 && fit >= 3) fit--;
      const onPage = Math.min(fit, left);
      for (let k = 0; k < onPage; k++, i++) {
        this.drawLine(lines[i]!, this.left + indent, this.y, size, opts.color ?? COLORS.text);
        this.y += lh;
      }
      if (i < lines.length) this.newPage();
    }
    this.y += opts.after ?? 6;
  }

  /** A heading kept together with at least `keep` points of what follows. */
  heading(text: string, level: 1 | 2 | 3, keep = 42): void {
    const size = level === 1 ? 17 : level === 2 ? 13 : 11;
    const lh = size * 1.3;
    const lines = this.wrap([{ text, bold: true }], this.contentWidth, size);
    const before = level === 1 ? 0 : level === 2 ? 12 : 8;
    if (this.y > this.top) this.y += before;
    this.ensure(lines.length * lh + 6 + keep);
    for (const line of lines) {
      this.drawLine(line, this.left, this.y, size, '#10243e');
      this.y += lh;
    }
    if (level === 1) {
      this.doc
        .moveTo(this.left, this.y + 1)
        .lineTo(this.right, this.y + 1)
        .lineWidth(1.2)
        .strokeColor('#10243e')
        .stroke();
      this.y += 8;
    } else this.y += 3;
  }

  /**
   * Column widths sized to their content, as browsers lay out tables: each column gets at least its
   * longest word (so words are not broken where they could fit), the rest of the width goes to the
   * columns whose text would wrap, in proportion to how much they have to say; when everything fits
   * on one line, the spare width follows the widths given. Deterministic: measurements only.
   */
  private columnWidths(cols: Array<{ header: string; width: number }>, rows: Array<Array<string | Segment[]>>, size: number, pad: number): number[] {
    const avail = this.contentWidth;
    const segs = (cell: string | Segment[], bold: boolean): Segment[] => (typeof cell === 'string' ? [{ text: cell, bold }] : cell);
    const word = new Array<number>(cols.length).fill(0);
    const line = new Array<number>(cols.length).fill(0);
    const take = (i: number, cell: Segment[]) => {
      let longestLine = 0;
      for (const sg of cell) {
        const text = this.clean(sg.text, !!sg.bold);
        for (const para of text.split('\n')) {
          longestLine = Math.max(longestLine, this.measure(para.trim(), !!sg.bold, size));
          for (const part of para.split(/[ \t]+/)) if (part) word[i] = Math.max(word[i]!, this.measure(part, !!sg.bold, size));
        }
      }
      line[i] = Math.max(line[i]!, longestLine);
    };
    cols.forEach((c, i) => take(i, segs(c.header, true)));
    for (const row of rows) row.forEach((c, i) => take(i, segs(c, false)));
    // A single long word may not claim more than 40% of the page; it is hyphenated instead.
    const min = word.map((w) => Math.min(w + 2 * pad + 1, avail * 0.4));
    const max = line.map((w, i) => Math.max(min[i]!, w + 2 * pad + 1));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    if (sum(max) <= avail) {
      const hint = sum(cols.map((c) => c.width));
      const spare = avail - sum(max);
      return max.map((m, i) => m + (spare * cols[i]!.width) / hint);
    }
    if (sum(min) >= avail) return min.map((m) => (m * avail) / sum(min));
    const want = max.map((m, i) => m - min[i]!);
    const spare = avail - sum(min);
    return min.map((m, i) => m + (spare * want[i]!) / sum(want));
  }

  /**
   * A table whose rows move to the next page whole (a row taller than a page is split between
   * lines), with the header row repeated at the top of every page it continues on.
   */
  table(
    cols: Array<{ header: string; width: number; align?: 'left' | 'right' }>,
    rows: Array<Array<string | Segment[]>>,
    opts: { size?: number; after?: number; title?: string; level?: 2 | 3 } = {},
  ): void {
    const size = opts.size ?? 8.5;
    const lh = size * 1.35;
    const pad = 3;
    const widths = this.columnWidths(cols, rows, size, pad);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const cellLines = (cells: Array<string | Segment[]>, bold: boolean) => cells.map((c, i) => this.wrap(typeof c === 'string' ? [{ text: c, bold }] : c, widths[i]! - 2 * pad, size));
    const head = cellLines(
      cols.map((c) => c.header),
      true,
    );
    const headH = Math.max(...head.map((l) => l.length)) * lh + 2 * pad;
    const drawRow = (lines: Line[][], rowHeight: number, header: boolean, from = 0, count = Infinity) => {
      const doc = this.doc;
      if (header) doc.rect(this.left, this.y, this.contentWidth, rowHeight).fillColor('#eef2f7').fill();
      lines.forEach((cl, i) => {
        cl.slice(from, from + count).forEach((l, k) => this.drawLine(l, xs[i]! + pad, this.y + pad + k * lh, size, COLORS.text, cols[i]!.align === 'right' ? 'right' : 'left', widths[i]! - 2 * pad));
      });
      doc.lineWidth(0.5).strokeColor('#b0b0b0');
      xs.forEach((x, i) => doc.rect(x, this.y, widths[i]!, rowHeight).stroke());
      this.y += rowHeight;
    };
    const header = () => drawRow(head, headH, true);
    // Each cell is wrapped once, before anything is placed.
    const laid = rows.map((row) => cellLines(row, false));
    const firstRowH = laid.length ? Math.max(...laid[0]!.map((l) => l.length)) * lh + 2 * pad : 0;
    // The title, the header row and the first row go on one page (all of the first row if a page can hold it).
    const start = headH + (firstRowH <= this.bottom - this.top - headH - 60 ? firstRowH : 4 * lh + 2 * pad);
    if (opts.title) this.heading(opts.title, opts.level ?? 3, start + 2);
    this.ensure(start);
    header();
    for (const lines of laid) {
      const lineCount = Math.max(...lines.map((l) => l.length));
      const rowHeight = lineCount * lh + 2 * pad;
      if (this.y + rowHeight <= this.bottom) {
        drawRow(lines, rowHeight, false);
        continue;
      }
      if (rowHeight <= this.bottom - this.top - headH) {
        this.newPage();
        header();
        drawRow(lines, rowHeight, false);
        continue;
      }
      // Taller than a page: fill this page, continue below a repeated header.
      let from = 0;
      while (from < lineCount) {
        let fit = Math.floor((this.bottom - this.y - 2 * pad) / lh);
        if (fit < 2) {
          this.newPage();
          header();
          fit = Math.floor((this.bottom - this.y - 2 * pad) / lh);
        }
        const count = Math.min(fit, lineCount - from);
        drawRow(lines, count * lh + 2 * pad, false, from, count);
        from += count;
      }
    }
    this.y += opts.after ?? 10;
  }

  /** Draws a chart scaled to the content width (and to the page height if need be), kept whole on one page. */
  figure(fig: Figure, maxWidth = this.contentWidth): void {
    const scale = Math.min(maxWidth / fig.width, (this.bottom - this.top) / fig.height);
    const figureHeight = fig.height * scale;
    this.ensure(figureHeight + 4);
    const x = this.left + (this.contentWidth - fig.width * scale) / 2;
    drawFigure(this, fig, x, this.y, scale);
    this.y += figureHeight + 8;
  }
}

/** Draws chart geometry (see charts.ts) with pdfkit paths. */
function drawFigure(layout: Layout, fig: Figure, x: number, y: number, scale: number): void {
  const doc = layout.doc;
  doc.save();
  doc.translate(x, y).scale(scale);
  for (const shape of fig.shapes) {
    if (shape.kind === 'text') {
      const lineTokens = shape.lines.map((line) => layout.wrap([{ text: line, bold: !!shape.bold }], 1e6, shape.size)[0] ?? []);
      lineTokens.forEach((tokens, i) => {
        const lineWidth = tokens.reduce((sum, t, k) => sum + t.width + (k < tokens.length - 1 && t.space ? layout.measure(' ', t.bold, shape.size) : 0), 0);
        const dx = shape.anchor === 'middle' ? -lineWidth / 2 : shape.anchor === 'end' ? -lineWidth : 0;
        // Shape text is positioned by its baseline; pdfkit places the top of the line box.
        const ascent = shape.size * 0.93;
        layout.drawLine(tokens, shape.x + dx, shape.y + i * shape.lineHeight - ascent, shape.size, shape.fill);
      });
      continue;
    }
    if (shape.kind === 'path') {
      const [first, ...rest] = shape.points;
      doc.moveTo(first![0], first![1]);
      for (const [px, py] of rest) doc.lineTo(px, py);
      if (shape.closed) doc.closePath();
    } else if (shape.kind === 'rect') doc.rect(shape.x, shape.y, shape.w, shape.h);
    else doc.circle(shape.cx, shape.cy, shape.r);
    if (shape.dash) doc.dash(shape.dash[0], { space: shape.dash[1] });
    else doc.undash();
    if (shape.stroke) doc.lineWidth(shape.strokeWidth ?? 1).strokeColor(shape.stroke);
    if (shape.fill) doc.fillColor(shape.fill).fillOpacity(shape.fillOpacity ?? 1);
    if (shape.fill && shape.stroke) doc.fillAndStroke();
    else if (shape.fill) doc.fill();
    else if (shape.stroke) doc.stroke();
    doc.fillOpacity(1).undash();
  }
  doc.restore();
}
