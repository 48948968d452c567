/**
 * Chart geometry, computed once and drawn by both the HTML renderer (as SVG) and the PDF renderer
 * (as pdfkit paths). A figure is a list of plain shapes in its own coordinate space; a renderer only
 * has to know how to draw a path, a rectangle, a circle and a block of text.
 */
import type { ReportContext } from './context.js';

export interface Paint {
  fill?: string;
  /** 0..1; only used with fill. */
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  dash?: [number, number];
}

export type Shape =
  | ({ kind: 'path'; points: Array<[number, number]>; closed: boolean } & Paint)
  | ({ kind: 'rect'; x: number; y: number; w: number; h: number } & Paint)
  | ({ kind: 'circle'; cx: number; cy: number; r: number } & Paint)
  | {
      kind: 'text';
      /** Baseline of the first line. */
      x: number;
      y: number;
      lines: string[];
      size: number;
      lineHeight: number;
      anchor: 'start' | 'middle' | 'end';
      bold?: boolean;
      fill: string;
    };

export interface Figure {
  width: number;
  height: number;
  shapes: Shape[];
}

export const COLORS = {
  text: '#1a1a1a',
  muted: '#555555',
  grid: '#c8c8c8',
  current: '#1f5fa8',
  target: '#b3470f',
  reached: '#1f7a3a',
  notReached: '#e6e6e6',
  waves: ['#1f5fa8', '#2f7d6d', '#7a4fa0', '#8a5a00', '#5d6b7a'],
};

/** Average advance of DejaVu Sans per em, rounded up so that estimated text never overflows. */
const CHAR_EM = 0.6;

/** Splits text into lines of at most `max` characters, breaking words that are longer. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while ([...word].length > max) {
      const chars = [...word];
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(chars.slice(0, max).join(''));
      word = chars.slice(max).join('');
    }
    if (!line) line = word;
    else if ([...line].length + 1 + [...word].length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Radar chart of current score and target per dimension. */
export function radarFigure(ctx: ReportContext): Figure {
  const t = ctx.t.report;
  const max = Math.max(...ctx.model.scale.map((s) => s.level));
  const dims = ctx.result.dimensions;
  const width = 720;
  const height = 600;
  const cx = width / 2;
  const cy = 320;
  const R = 200;
  const n = dims.length;
  const shapes: Shape[] = [];
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i: number, v: number): [number, number] => [r1(cx + Math.cos(angle(i)) * (R * v) / max), r1(cy + Math.sin(angle(i)) * (R * v) / max)];

  for (let level = 1; level <= max; level++) {
    shapes.push({ kind: 'path', points: dims.map((_, i) => at(i, level)), closed: true, stroke: COLORS.grid, strokeWidth: level === max ? 1 : 0.6 });
  }
  dims.forEach((_, i) => shapes.push({ kind: 'path', points: [[cx, cy], at(i, max)], closed: false, stroke: COLORS.grid, strokeWidth: 0.6 }));
  for (let level = 1; level <= max; level++) {
    const [x, y] = at(0, level);
    shapes.push({ kind: 'text', x: x + 4, y: y + 12, lines: [String(level)], size: 9, lineHeight: 11, anchor: 'start', fill: COLORS.muted });
  }
  shapes.push({ kind: 'path', points: dims.map((d, i) => at(i, d.target)), closed: true, stroke: COLORS.target, strokeWidth: 2, dash: [6, 4] });
  shapes.push({ kind: 'path', points: dims.map((d, i) => at(i, d.score ?? 0)), closed: true, fill: COLORS.current, fillOpacity: 0.18, stroke: COLORS.current, strokeWidth: 2 });
  dims.forEach((d, i) => {
    const [x, y] = at(i, d.score ?? 0);
    shapes.push(d.score === null ? { kind: 'circle', cx: x, cy: y, r: 3.5, fill: '#ffffff', stroke: COLORS.current, strokeWidth: 1.5 } : { kind: 'circle', cx: x, cy: y, r: 3.5, fill: COLORS.current });
  });

  const size = 11;
  const lineHeight = 13;
  const maxChars = 20;
  dims.forEach((d, i) => {
    const a = angle(i);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const lines = [...wrapText(ctx.dimTitle(d.id), maxChars), `${ctx.num(d.score)} / ${d.target}`];
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    const x = cx + cos * (R + 12);
    // Labels above the centre grow upwards, those below grow downwards, so they keep clear of the web.
    const blockHeight = lines.length * lineHeight;
    let y = cy + sin * (R + 12) + size * 0.35;
    if (sin < -0.2) y -= blockHeight - lineHeight + (Math.abs(cos) < 0.2 ? 4 : 0);
    else if (sin > 0.2) y += Math.abs(cos) < 0.2 ? lineHeight : 2;
    else y -= (blockHeight - lineHeight) / 2;
    shapes.push({ kind: 'text', x: r1(x), y: r1(y), lines, size, lineHeight, anchor, fill: COLORS.text });
  });

  // Legend.
  shapes.push({ kind: 'rect', x: 16, y: 16, w: 22, h: 12, fill: COLORS.current, fillOpacity: 0.18, stroke: COLORS.current, strokeWidth: 2 });
  shapes.push({ kind: 'text', x: 46, y: 26, lines: [t.radarCurrent], size: 12, lineHeight: 14, anchor: 'start', fill: COLORS.text });
  shapes.push({ kind: 'path', points: [[16, 44], [38, 44]], closed: false, stroke: COLORS.target, strokeWidth: 2, dash: [6, 4] });
  shapes.push({ kind: 'text', x: 46, y: 48, lines: [t.radarTarget], size: 12, lineHeight: 14, anchor: 'start', fill: COLORS.text });
  return { width, height, shapes };
}

/** The three phases of the journey with the one reached marked, and the operating-model stages with their attainment. */
export function placementFigure(ctx: ReportContext): Figure {
  const t = ctx.t.report;
  const { phase, operatingModel } = ctx.result;
  const width = 720;
  const shapes: Shape[] = [];
  const phases = phase.phases;
  const gap = 10;
  const boxW = (width - gap * (phases.length - 1)) / phases.length;
  const boxH = 64;
  let y = 8;
  shapes.push({ kind: 'text', x: 0, y: y + 12, lines: [t.journeyPhases], size: 13, lineHeight: 16, anchor: 'start', bold: true, fill: COLORS.text });
  y += 24;
  phases.forEach((p, i) => {
    const x = i * (boxW + gap);
    const isCurrent = p.number === phase.reached;
    const tip = i < phases.length - 1 ? 10 : 0;
    shapes.push({
      kind: 'path',
      points: [
        [r1(x), y],
        [r1(x + boxW - tip), y],
        [r1(x + boxW), y + boxH / 2],
        [r1(x + boxW - tip), y + boxH],
        [r1(x), y + boxH],
      ],
      closed: true,
      fill: p.reached ? COLORS.reached : COLORS.notReached,
      stroke: isCurrent ? COLORS.text : p.reached ? COLORS.reached : COLORS.grid,
      strokeWidth: isCurrent ? 2.5 : 1,
    });
    const lines = wrapText(ctx.phaseTitle(p.number), Math.floor((boxW - 24) / (12 * CHAR_EM)));
    if (isCurrent) lines.push(`✓ ${t.phaseReachedMark}`);
    const lh = 14;
    const top = y + boxH / 2 - (lines.length * lh) / 2 + 11;
    shapes.push({ kind: 'text', x: r1(x + 10), y: r1(top), lines, size: 12, lineHeight: lh, anchor: 'start', bold: isCurrent, fill: p.reached ? '#ffffff' : COLORS.text });
  });
  y += boxH + 28;

  shapes.push({ kind: 'text', x: 0, y: y + 12, lines: [t.operatingModelStages], size: 13, lineHeight: 16, anchor: 'start', bold: true, fill: COLORS.text });
  y += 24;
  const labelW = 250;
  const barW = width - labelW - 60;
  const stages = operatingModel.stages;
  for (const st of stages) {
    const lines = wrapText(ctx.stageTitle(st.id) + (st.id === operatingModel.predominant ? ` (${t.predominant})` : ''), Math.floor(labelW / (12 * CHAR_EM)));
    const rowH = Math.max(24, lines.length * 14 + 8);
    shapes.push({ kind: 'text', x: 0, y: y + 15, lines, size: 12, lineHeight: 14, anchor: 'start', bold: st.id === operatingModel.predominant, fill: COLORS.text });
    shapes.push({ kind: 'rect', x: labelW, y: y + 4, w: barW, h: 16, fill: COLORS.notReached });
    if (st.attainment > 0) shapes.push({ kind: 'rect', x: labelW, y: y + 4, w: r1((barW * Math.min(100, st.attainment)) / 100), h: 16, fill: st.attained ? COLORS.reached : COLORS.current });
    shapes.push({ kind: 'text', x: labelW + barW + 8, y: y + 17, lines: [`${st.attainment}%${st.attained ? ' ✓' : ''}`], size: 12, lineHeight: 14, anchor: 'start', fill: COLORS.text });
    y += rowH + 4;
  }
  return { width, height: Math.ceil(y + 4), shapes };
}

export interface TimelineRow {
  id: string;
  y: number;
  h: number;
}

/** The roadmap as bars per initiative on a month axis, grouped by wave, with arrows for dependencies. */
export function timelineFigure(ctx: ReportContext): Figure {
  const t = ctx.t.report;
  const { roadmap } = ctx.result;
  const width = 720;
  const labelW = 260;
  const x0 = labelW + 10;
  const x1 = width - 18;
  const months = Math.max(roadmap.months, 1);
  const mx = (m: number) => r1(x0 + ((x1 - x0) * m) / months);
  const shapes: Shape[] = [];
  const top = 28;
  const size = 10.5;
  const lh = 12.5;
  const maxChars = Math.floor((labelW - 8) / (size * CHAR_EM));
  const rows = new Map<string, { y: number; h: number; start: number; end: number }>();
  const body: Shape[] = [];
  let y = top;
  roadmap.waves.forEach((w, wi) => {
    if (!w.items.length) return;
    const color = COLORS.waves[wi % COLORS.waves.length]!;
    body.push({ kind: 'text', x: 0, y: y + 14, lines: [ctx.waveTitle(w.id)], size: 11.5, lineHeight: 14, anchor: 'start', bold: true, fill: COLORS.text });
    y += 20;
    for (const it of w.items) {
      const lines = wrapText(ctx.initiativeTitle(it.id), maxChars);
      const h = Math.max(20, lines.length * lh + 6);
      body.push({ kind: 'text', x: 8, y: r1(y + (h - lines.length * lh) / 2 + size * 0.85), lines, size, lineHeight: lh, anchor: 'start', fill: COLORS.text });
      body.push({ kind: 'rect', x: mx(it.start), y: r1(y + h / 2 - 6), w: Math.max(2, r1(mx(it.end) - mx(it.start))), h: 12, fill: color });
      rows.set(it.id, { y: y + h / 2, h, start: it.start, end: it.end });
      y += h;
    }
    y += 6;
  });
  const height = Math.ceil(y + 8);

  // Month grid and axis labels behind the bars.
  const step = months <= 12 ? 3 : months <= 36 ? 6 : 12;
  for (let m = 0; m <= months; m += step) {
    shapes.push({ kind: 'path', points: [[mx(m), top - 6], [mx(m), height - 4]], closed: false, stroke: COLORS.grid, strokeWidth: 0.6 });
    shapes.push({ kind: 'text', x: mx(m), y: top - 10, lines: [t.monthShort(m)], size: 10, lineHeight: 12, anchor: 'middle', fill: COLORS.muted });
  }
  shapes.push({ kind: 'text', x: 0, y: top - 10, lines: [t.months], size: 10, lineHeight: 12, anchor: 'start', fill: COLORS.muted });
  shapes.push(...body);

  // Dependencies: from the end of the prerequisite's bar to the start of the dependent's.
  for (const w of roadmap.waves) {
    for (const it of w.items) {
      const to = rows.get(it.id)!;
      for (const dep of it.dependsOn) {
        const from = rows.get(dep);
        if (!from) continue;
        const xa = mx(from.end);
        const xb = mx(to.start);
        const xm = r1(Math.max(xa + 3, xb - 5));
        const ya = r1(from.y);
        const yb = r1(to.y);
        shapes.push({
          kind: 'path',
          points: [
            [xa, ya],
            [xm, ya],
            [xm, yb],
            [r1(Math.max(xb, xm + 3)), yb],
          ],
          closed: false,
          stroke: COLORS.muted,
          strokeWidth: 0.8,
        });
        const xe = r1(Math.max(xb, xm + 3));
        shapes.push({ kind: 'path', points: [[xe, yb], [r1(xe - 4), r1(yb - 2.5)], [r1(xe - 4), r1(yb + 2.5)]], closed: true, fill: COLORS.muted });
      }
    }
  }
  return { width, height, shapes };
}
