import { createRequire } from 'node:module';
import { answerParts } from '../schema/answers.js';
import { COLORS, placementFigure, radarFigure, timelineFigure } from './charts.js';
import type { Figure } from './charts.js';
import type { ReportContext } from './context.js';
import type { RenderOptions } from './index.js';
import { summary } from './summary.js';

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

type Doc = PDFKit.PDFDocument;
interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
}

const PAPER = { a4: [595.28, 841.89], letter: [612, 792] } as const;
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

export interface PdfOptions extends RenderOptions {
  /** Seconds since the epoch to stamp as the creation date (SOURCE_DATE_EPOCH); else the assessment date. */
  sourceDateEpoch?: string;
}

/** The creation date: SOURCE_DATE_EPOCH when set, else midnight UTC of the assessment date; never the clock. */
export function pdfDate(assessmentDate: string, epoch = process.env.SOURCE_DATE_EPOCH): Date {
  if (epoch && /^\d{1,12}$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date(`${assessmentDate}T00:00:00Z`);
}

class Layout {
  readonly doc: Doc;
  readonly width: number;
  readonly height: number;
  readonly left = 56;
  readonly top = 56;
  readonly right: number;
  readonly bottom: number;
  y = 0;
  private readonly covers: Record<'body' | 'bold', FontkitFont>;
  /** Some character could not be shown and was replaced. */
  replaced = false;

  constructor(doc: Doc, paper: readonly [number, number]) {
    this.doc = doc;
    [this.width, this.height] = paper;
    this.right = this.width - 56;
    this.bottom = this.height - 64;
    doc.registerFont('body', FONT);
    doc.registerFont('bold', FONT_BOLD);
    const font = (name: string) => {
      doc.font(name);
      return (doc as unknown as { _font: { font: FontkitFont } })._font.font;
    };
    this.covers = { bold: font('bold'), body: font('body') };
  }

  get contentWidth(): number {
    return this.right - this.left;
  }

  newPage(): void {
    this.doc.addPage({ size: [this.width, this.height], margin: 0 });
    this.y = this.top;
  }

  /** Starts a new page unless `h` points still fit on this one. */
  ensure(h: number): void {
    if (this.y + h > this.bottom) this.newPage();
  }

  /**
   * Text as the embedded font can show it: control characters become spaces, invisible format
   * characters (direction overrides, zero-width joiners) are dropped, and anything the font has no
   * glyph for becomes U+FFFD, so nothing is ever drawn as a wrong glyph.
   */
  clean(s: string, bold = false): string {
    const font = this.covers[bold ? 'bold' : 'body'];
    let out = '';
    for (const ch of s.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      if (ch === '\n') out += ch;
      else if (/\p{Cc}/u.test(ch)) out += ' ';
      else if (/\p{Cf}|\p{Mn}(?<=[\uFE00-\uFE0F])/u.test(ch) || (cp >= 0x1f3fb && cp <= 0x1f3ff)) continue;
      else if (font.hasGlyphForCodePoint(cp)) out += ch;
      else {
        out += REPLACEMENT;
        this.replaced = true;
      }
    }
    return out;
  }

  measure(text: string, bold: boolean, size: number): number {
    return this.doc.font(bold ? 'bold' : 'body').fontSize(size).widthOfString(text);
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
      paragraphs.forEach((para, pi) => {
        if (pi > 0) push();
        const words = para.split(/[ \t]+/);
        words.forEach((word, wi) => {
          const trailing = wi < words.length - 1 || /[ \t]$/.test(para);
          if (!word) return;
          let w = this.measure(word, bold, size);
          const sp = space(bold);
          if (x > 0 && x + w > width) push();
          while (w > width) {
            // A word wider than the line: cut it at the last character that fits.
            const chars = [...word];
            let n = 1;
            while (n < chars.length && this.measure(chars.slice(0, n + 1).join(''), bold, size) <= width) n++;
            const head = chars.slice(0, n).join('');
            if (x > 0) push();
            line.push({ text: head, bold, width: this.measure(head, bold, size), space: false, rtl: RTL.test(head) });
            push();
            word = chars.slice(n).join('');
            w = this.measure(word, bold, size);
          }
          if (!word) return;
          if (x > 0 && x + w > width) push();
          const rtl = RTL.test(word) && !/^[^\p{L}]*[A-Za-z]/u.test(word);
          // Punctuation after a right-to-left word belongs to the surrounding text, not inside the word.
          const tail = rtl ? (/[^\p{L}\p{M}\p{N}]+$/u.exec(word)?.[0] ?? '') : '';
          if (tail && tail.length < word.length) {
            const head = word.slice(0, -tail.length);
            const hw = this.measure(head, bold, size);
            line.push({ text: head, bold, width: hw, space: false, rtl: true });
            line.push({ text: tail, bold, width: w - hw, space: trailing, rtl: false });
          } else line.push({ text: word, bold, width: w, space: trailing, rtl });
          x += w + (trailing ? sp : 0);
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
    const gap = (t: Token, i: number) => (i < order.length - 1 && t.space ? this.measure(' ', t.bold, size) : 0);
    const total = order.reduce((s, t, i) => s + t.width + gap(t, i), 0);
    let cx = align === 'right' ? x + width - total : x;
    doc.fillColor(color);
    order.forEach((t, i) => {
      doc.font(t.bold ? 'bold' : 'body').fontSize(size).text(t.text, cx, y, { lineBreak: false });
      cx += t.width + gap(t, i);
    });
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
      const n = Math.min(fit, left);
      for (let k = 0; k < n; k++, i++) {
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
    for (const l of lines) {
      this.drawLine(l, this.left, this.y, size, '#10243e');
      this.y += lh;
    }
    if (level === 1) {
      this.doc.moveTo(this.left, this.y + 1).lineTo(this.right, this.y + 1).lineWidth(1.2).strokeColor('#10243e').stroke();
      this.y += 8;
    } else this.y += 3;
  }

  /**
   * A table whose rows move to the next page whole (a row taller than a page is split between
   * lines), with the header row repeated at the top of every page it continues on.
   */
  table(cols: Array<{ header: string; width: number; align?: 'left' | 'right' }>, rows: Array<Array<string | Segment[]>>, opts: { size?: number; after?: number; title?: string; level?: 2 | 3 } = {}): void {
    const size = opts.size ?? 8.5;
    const lh = size * 1.35;
    const pad = 3;
    const total = cols.reduce((s, c) => s + c.width, 0);
    const widths = cols.map((c) => (c.width / total) * this.contentWidth);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const cellLines = (cells: Array<string | Segment[]>, bold: boolean) =>
      cells.map((c, i) => this.wrap(typeof c === 'string' ? [{ text: c, bold }] : c, widths[i]! - 2 * pad, size));
    const head = cellLines(cols.map((c) => c.header), true);
    const headH = Math.max(...head.map((l) => l.length)) * lh + 2 * pad;
    const drawRow = (lines: Line[][], h: number, header: boolean, from = 0, count = Infinity) => {
      const doc = this.doc;
      if (header) doc.rect(this.left, this.y, this.contentWidth, h).fillColor('#eef2f7').fill();
      lines.forEach((cl, i) => {
        cl.slice(from, from + count).forEach((l, k) => this.drawLine(l, xs[i]! + pad, this.y + pad + k * lh, size, COLORS.text, cols[i]!.align === 'right' ? 'right' : 'left', widths[i]! - 2 * pad));
      });
      doc.lineWidth(0.5).strokeColor('#b0b0b0');
      xs.forEach((x, i) => doc.rect(x, this.y, widths[i]!, h).stroke());
      this.y += h;
    };
    const header = () => drawRow(head, headH, true);
    const firstRowH = rows.length ? Math.max(...cellLines(rows[0]!, false).map((l) => l.length)) * lh + 2 * pad : 0;
    // The title, the header row and the first row go on one page (all of the first row if a page can hold it).
    const start = headH + (firstRowH <= this.bottom - this.top - headH - 60 ? firstRowH : 4 * lh + 2 * pad);
    if (opts.title) this.heading(opts.title, opts.level ?? 3, start + 2);
    this.ensure(start);
    header();
    for (const row of rows) {
      const lines = cellLines(row, false);
      const n = Math.max(...lines.map((l) => l.length));
      const h = n * lh + 2 * pad;
      if (this.y + h <= this.bottom) {
        drawRow(lines, h, false);
        continue;
      }
      if (h <= this.bottom - this.top - headH) {
        this.newPage();
        header();
        drawRow(lines, h, false);
        continue;
      }
      // Taller than a page: fill this page, continue below a repeated header.
      let from = 0;
      while (from < n) {
        let fit = Math.floor((this.bottom - this.y - 2 * pad) / lh);
        if (fit < 2) {
          this.newPage();
          header();
          fit = Math.floor((this.bottom - this.y - 2 * pad) / lh);
        }
        const count = Math.min(fit, n - from);
        drawRow(lines, count * lh + 2 * pad, false, from, count);
        from += count;
      }
    }
    this.y += opts.after ?? 10;
  }

  /** Draws a chart scaled to the content width (and to the page height if need be), kept whole on one page. */
  figure(fig: Figure, maxWidth = this.contentWidth): void {
    const scale = Math.min(maxWidth / fig.width, (this.bottom - this.top) / fig.height);
    const h = fig.height * scale;
    this.ensure(h + 4);
    const x = this.left + (this.contentWidth - fig.width * scale) / 2;
    drawFigure(this, fig, x, this.y, scale);
    this.y += h + 8;
  }
}

/** Draws chart geometry (see charts.ts) with pdfkit paths. */
function drawFigure(l: Layout, fig: Figure, x: number, y: number, scale: number): void {
  const doc = l.doc;
  doc.save();
  doc.translate(x, y).scale(scale);
  for (const s of fig.shapes) {
    if (s.kind === 'text') {
      const lineTokens = s.lines.map((line) => l.wrap([{ text: line, bold: !!s.bold }], 1e6, s.size)[0] ?? []);
      lineTokens.forEach((tokens, i) => {
        const w = tokens.reduce((sum, t, k) => sum + t.width + (k < tokens.length - 1 && t.space ? l.measure(' ', t.bold, s.size) : 0), 0);
        const dx = s.anchor === 'middle' ? -w / 2 : s.anchor === 'end' ? -w : 0;
        // Shape text is positioned by its baseline; pdfkit places the top of the line box.
        const ascent = s.size * 0.93;
        l.drawLine(tokens, s.x + dx, s.y + i * s.lineHeight - ascent, s.size, s.fill);
      });
      continue;
    }
    if (s.kind === 'path') {
      const [first, ...rest] = s.points;
      doc.moveTo(first![0], first![1]);
      for (const [px, py] of rest) doc.lineTo(px, py);
      if (s.closed) doc.closePath();
    } else if (s.kind === 'rect') doc.rect(s.x, s.y, s.w, s.h);
    else doc.circle(s.cx, s.cy, s.r);
    if (s.dash) doc.dash(s.dash[0], { space: s.dash[1] });
    else doc.undash();
    if (s.stroke) doc.lineWidth(s.strokeWidth ?? 1).strokeColor(s.stroke);
    if (s.fill) doc.fillColor(s.fill).fillOpacity(s.fillOpacity ?? 1);
    if (s.fill && s.stroke) doc.fillAndStroke();
    else if (s.fill) doc.fill();
    else if (s.stroke) doc.stroke();
    doc.fillOpacity(1).undash();
  }
  doc.restore();
}

export async function renderPdf(ctx: ReportContext, opts: PdfOptions = {}): Promise<Buffer> {
  const t = ctx.t;
  const r = t.report;
  const { result, model, answers } = ctx;
  const a = answers.assessment;
  const s = summary(ctx);
  const title = r.title(ctx.m(model.title), a.organisation);
  const date = pdfDate(a.date, opts.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH);
  // pdfkit's types describe a CommonJS export; under ESM the class is the default export.
  const Ctor = ((await import('pdfkit')) as unknown as { default: new (o: PDFKit.PDFDocumentOptions) => Doc }).default;
  const doc = new Ctor({
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: ctx.lang,
    displayTitle: true,
    info: { Title: title, Author: a.assessor ?? '', Subject: ctx.m(model.title), Creator: 'itaas', Producer: 'itaas', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const paper = PAPER[opts.paper ?? 'a4'];
  const l = new Layout(doc, paper);
  const toc: Array<{ title: string; page: number; level: number; dest: string }> = [];
  const section = (title: string, dest: string) => {
    l.heading(title, 1, 60);
    // The heading may have moved to a new page; record where it landed.
    toc.push({ title, page: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1, level: 1, dest });
    doc.addNamedDestination(dest, 'XYZ', l.left, Math.max(0, l.y - 40), 0);
    doc.outline.addItem(title);
  };
  const dims = new Map(result.dimensions.map((d) => [d.id, d]));
  const reqs = (list: Array<{ dimension: string; score: number | null; min: number; met: boolean }>) =>
    list.map((q) => `${ctx.dimTitle(q.dimension)} ${ctx.num(q.score)} / ${q.min}${q.met ? ' ✓' : ' ✗'}`).join('; ');

  // Cover.
  l.newPage();
  doc.rect(0, 0, l.width, 10).fillColor(COLORS.current).fill();
  l.y = 150;
  l.paragraph(ctx.m(model.title).toUpperCase(), { size: 11, color: '#444444', after: 10 });
  l.paragraph([{ text: a.organisation, bold: true }], { size: 26, lineHeight: 32, after: 24 });
  const meta: Array<[string, string]> = [];
  if (a.scope) meta.push([r.scope, a.scope]);
  meta.push([r.date, a.date]);
  if (a.assessor) meta.push([r.assessor, a.assessor]);
  meta.push([r.respondents, answers.respondents.length ? answers.respondents.map((p) => r.respondent(p.name, p.role)).join(', ') : t.none]);
  meta.push([r.questionnaire, `${ctx.questionnaire.id} ${ctx.questionnaire.version}`]);
  for (const [k, v] of meta) l.paragraph([{ text: `${k}: `, bold: true }, { text: v }], { size: 11, after: 4 });
  l.y += 20;
  l.paragraph(s.paragraphs[0] ?? '', { size: 11, color: '#333333' });

  // Contents: one page, filled in once every section knows its page.
  l.newPage();
  const tocPage = doc.bufferedPageRange().count - 1;

  l.newPage();
  section(r.executiveSummary, 'summary');
  for (const p of s.paragraphs) l.paragraph(p);
  if (s.topGaps.length) {
    l.heading(r.largestGaps.replace(/:$/, ''), 3);
    for (const g of s.topGaps) l.paragraph([{ text: '•  ' }, { text: g.title, bold: true }, { text: `: ${r.gapLine(ctx.num(g.score), g.target, g.levelLabel)}` }], { indent: 8, after: 2 });
    l.y += 4;
  }
  if (s.firstWave.length) {
    l.heading(r.startWith.replace(/:$/, ''), 3);
    s.firstWave.forEach((it, i) => l.paragraph([{ text: `${i + 1}.  ` }, { text: ctx.initiativeTitle(it.id), bold: true }, { text: `: ${ctx.reasonText(it)}` }], { indent: 8, after: 3 }));
    l.y += 4;
  }
  for (const w of s.warnings) l.paragraph([{ text: '!  ', bold: true }, { text: w }], { color: '#7a2e0b' });
  l.heading(r.radarTitle, 3, 300);
  l.figure(radarFigure(ctx));
  l.paragraph(r.radarAlt(a.organisation), { size: 8.5, color: '#444444' });

  l.newPage();
  section(r.whereItStands, 'position');
  l.figure(placementFigure(ctx));
  l.table(
    [{ header: r.phase, width: 3 }, { header: r.reachedCol, width: 1.2 }, { header: r.requires, width: 5 }],
    result.phase.phases.map((p) => [ctx.phaseTitle(p.number), p.reached ? t.yes : t.no, reqs(p.requirements)]),
    { title: r.journeyPhases, level: 3 },
  );
  l.heading(r.operatingModelStages, 3, 80);
  l.paragraph(r.stagesIntro);
  l.table(
    [{ header: r.stage, width: 3 }, { header: r.attainedCol, width: 1.2 }, { header: r.progress, width: 1.2, align: 'right' }, { header: r.requires, width: 5 }],
    result.operatingModel.stages.map((st) => [ctx.stageTitle(st.id), st.attained ? t.yes : t.no, `${st.attainment}%`, reqs(st.requirements)]),
  );

  l.newPage();
  section(r.scoresByAxis, 'scores');
  l.paragraph(r.scoresIntro, { size: 9, color: '#333333' });
  for (const axis of result.axes) {
    l.heading(ctx.axisTitle(axis.id), 2, 80);
    const desc = ctx.m(model.axes.find((x) => x.id === axis.id)?.description);
    if (desc) l.paragraph(desc, { size: 9.5 });
    l.paragraph(r.axisLine(ctx.num(axis.score), ctx.num(axis.target), axis.belowTarget, axis.dimensions.length), { size: 9.5 });
    l.table(
      [
        { header: r.dimension, width: 3 },
        { header: r.score, width: 1, align: 'right' },
        { header: r.level, width: 1.8 },
        { header: r.target, width: 1, align: 'right' },
        { header: r.gap, width: 0.9, align: 'right' },
        { header: r.coverage, width: 2.4 },
        { header: r.spread, width: 1, align: 'right' },
      ],
      axis.dimensions.map((id) => {
        const d = dims.get(id)!;
        return [
          ctx.dimTitle(id),
          ctx.num(d.score),
          d.level === null ? t.notAssessed : `${d.level} ${ctx.levelLabel(d.level)}`,
          `${d.target}${d.targetSource === 'assessment' ? '*' : ''}`,
          d.gap === null ? '–' : d.gap > 0 ? ctx.num(d.gap) : t.met,
          r.coverageValue(`${Math.round(d.coverage.ratio * 100)}%`, d.coverage.answered, d.coverage.questions),
          d.spread >= 2 ? [{ text: String(d.spread), bold: true }] : String(d.spread),
        ];
      }),
    );
  }
  if (result.dimensions.some((d) => d.targetSource === 'assessment')) l.paragraph(`* ${r.targetOverridden}`, { size: 8.5, color: '#444444' });

  l.newPage();
  section(r.dimensionSection, 'dimensions');
  for (const d of result.dimensions) {
    l.heading(`${ctx.dimTitle(d.id)} · ${ctx.axisTitle(d.axis)}`, 2, 70);
    l.paragraph(
      [
        { text: `${r.score}: `, bold: true },
        { text: `${ctx.num(d.score)}   ` },
        { text: `${r.level}: `, bold: true },
        { text: `${d.level === null ? t.notAssessed : `${d.level} ${ctx.levelLabel(d.level)}`}   ` },
        { text: `${r.target}: `, bold: true },
        { text: `${d.target}${d.targetSource === 'assessment' ? '*' : ''}   ` },
        { text: `${r.gap}: `, bold: true },
        { text: `${d.gap === null ? '–' : d.gap > 0 ? ctx.num(d.gap) : t.met}   ` },
        { text: `${r.coverage}: `, bold: true },
        { text: `${r.coverageValue(`${Math.round(d.coverage.ratio * 100)}%`, d.coverage.answered, d.coverage.questions)}   ` },
        { text: `${r.spread}: `, bold: true },
        { text: String(d.spread) },
      ],
      { size: 9 },
    );
    if (d.level !== null) l.paragraph([{ text: `${r.descriptor}: `, bold: true }, { text: ctx.levelDescriptor(d.id, d.level) }], { size: 9.5 });
    const qs = result.questions.filter((x) => x.dimension === d.id);
    const dis = qs.filter((x) => x.disagreement);
    if (dis.length) {
      l.heading(r.dimensionDisagreements, 3, 28);
      for (const x of dis) l.paragraph(`•  ${ctx.questionText(x.id)} (${r.disagreementMeta(ctx.dimTitle(x.dimension), x.spread, ctx.result.aggregation, ctx.num(x.score))})`, { size: 9, indent: 6, after: 3 });
    }
    const notes = qs.flatMap((x) => x.responses.filter((p) => p.note).map((p) => ({ q: x.id, p })));
    l.heading(r.notes, 3, 28);
    if (!notes.length) l.paragraph(r.noNotes, { size: 9, color: '#555555' });
    for (const n of notes) {
      // Who said it and to which question stays on the page with the start of what they said.
      l.ensure(56);
      l.paragraph([{ text: `${n.p.respondent}: `, bold: true }, { text: ctx.questionText(n.q) }], { size: 8.5, color: '#444444', after: 1 });
      l.paragraph(n.p.note!, { size: 9.5, indent: 10, after: 6 });
    }
  }

  l.newPage();
  section(r.disagreements, 'disagreements');
  const disagreements = result.questions.filter((x) => x.disagreement);
  if (!disagreements.length) l.paragraph(r.noDisagreements);
  else {
    l.paragraph(r.disagreementsIntro(disagreements.length, ctx.result.aggregation));
    for (const x of disagreements) {
      l.heading(ctx.questionText(x.id), 3, 50);
      l.paragraph(r.disagreementMeta(ctx.dimTitle(x.dimension), x.spread, ctx.result.aggregation, ctx.num(x.score)), { size: 9, color: '#444444' });
      for (const p of x.responses.filter((p) => p.status === 'answered' || p.status === 'na' || p.status === 'dontKnow')) {
        l.ensure(p.note ? 42 : 14);
        l.paragraph([{ text: `${p.respondent}: `, bold: true }, { text: `${ctx.optionLabel(x.id, p.option!)}${p.level !== undefined ? ` (${r.levelWord(p.level)})` : ''}` }], { size: 9.5, indent: 6, after: p.note ? 1 : 4 });
        if (p.note) l.paragraph(`“${p.note}”`, { size: 9.5, indent: 16, after: 5 });
      }
    }
  }

  l.newPage();
  section(r.roadmap, 'roadmap');
  const items = result.roadmap.waves.flatMap((w) => w.items);
  if (!items.length) l.paragraph(r.noRoadmap);
  else {
    l.paragraph(r.roadmapIntro(items.length, result.roadmap.months, model.roadmap.parallel));
    l.heading(r.timeline, 2, 200);
    l.figure(timelineFigure(ctx));
    l.paragraph(r.timelineAlt(items.length), { size: 8.5, color: '#444444' });
    l.heading(r.byWave, 2, 160);
    for (const w of result.roadmap.waves) {
      if (!w.items.length) {
        l.heading(ctx.waveTitle(w.id), 3);
        l.paragraph(r.emptyWave);
        continue;
      }
      l.table(
        [
          { header: r.initiative, width: 5.2 },
          { header: r.effort, width: 1.2 },
          { header: r.start, width: 0.9, align: 'right' },
          { header: r.end, width: 0.9, align: 'right' },
          { header: r.why.replace(/:$/, ''), width: 3.6 },
          { header: r.dependsOn, width: 2.4 },
        ],
        w.items.map((it) => [
          [{ text: ctx.initiativeTitle(it.id), bold: true }, { text: `\n${ctx.m(model.initiatives.find((i) => i.id === it.id)?.rationale).replace(/\s+/g, ' ').trim()}` }],
          ctx.effortLabel(it.effort),
          r.monthShort(it.start),
          r.monthShort(it.end),
          ctx.reasonText(it),
          it.dependsOn.length ? it.dependsOn.map((d) => ctx.initiativeTitle(d)).join(', ') : '–',
        ]),
        { title: ctx.waveTitle(w.id), level: 3 },
      );
    }
  }

  l.newPage();
  section(r.appendix, 'appendix');
  const questions = ctx.questionnaire.sections.flatMap((sec) => sec.questions);
  for (const p of answers.respondents) {
    const rows = questions.filter((x) => p.answers[x.id] !== undefined);
    if (!rows.length) {
      l.heading(r.respondent(p.name, p.role), 2);
      l.paragraph(r.noAnswers);
      continue;
    }
    l.table(
      [
        { header: r.asked, width: 4.2 },
        { header: r.answer, width: 2.2 },
        { header: r.level, width: 0.9, align: 'right' },
        { header: r.note, width: 3.6 },
      ],
      rows.map((x) => {
        const { option, note } = answerParts(p.answers[x.id]!);
        const level = x.options.find((o) => o.id === option)?.level;
        return [[{ text: ctx.questionText(x.id) }, { text: `\n${x.id}` }], ctx.optionLabel(x.id, option), level === undefined ? '–' : String(level), note ?? ''];
      }),
      { title: r.respondent(p.name, p.role), level: 2 },
    );
  }
  if (l.replaced) l.paragraph(r.missingGlyphs, { size: 8.5, color: '#444444' });

  // Contents, now that every section has its page.
  const range = doc.bufferedPageRange();
  doc.switchToPage(tocPage);
  l.y = l.top;
  l.heading(r.contents, 1, 0);
  for (const e of toc) {
    const y = l.y;
    const num = String(e.page + 1);
    const lines = l.wrap([{ text: e.title }], l.contentWidth - 60, 11);
    l.drawLine(lines[0]!, l.left, y, 11, COLORS.text);
    const nw = l.measure(num, false, 11);
    l.drawLine(l.wrap([{ text: num }], 100, 11)[0]!, l.right - nw, y, 11, COLORS.text);
    doc.goTo(l.left, y, l.contentWidth, 14, e.dest);
    l.y += 20;
  }

  // Footers: "Page X of Y" on every page but the cover.
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = l.height - 40;
    doc.moveTo(l.left, y - 6).lineTo(l.right, y - 6).lineWidth(0.5).strokeColor('#c8c8c8').stroke();
    // The running title is the organisation; a long one is shortened visibly (the cover has it whole).
    const orgLines = l.wrap([{ text: a.organisation }], l.contentWidth - 120, 8);
    const left = orgLines.length > 1 ? l.wrap([{ text: `${orgLines[0]!.map((tk) => tk.text).join(' ')} …` }], l.contentWidth - 100, 8)[0]! : orgLines[0]!;
    l.drawLine(left, l.left, y, 8, '#555555');
    const page = r.page(i + 1, range.count);
    l.drawLine(l.wrap([{ text: page }], 200, 8)[0]!, l.right - l.measure(page, false, 8), y, 8, '#555555');
  }
  doc.end();
  return done;
}
