/**
 * Chart geometry, computed once and drawn by both the HTML renderer (as SVG) and the PDF renderer
 * (as pdfkit paths). A figure is a list of plain shapes in its own coordinate space; a renderer only
 * has to know how to draw a path, a rectangle, a circle and a block of text.
 */
import type { ReportContext } from './context.js';
import { breakPoints } from './pdf/hyphenate.js';

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
      /** Outlined in white where lines may run behind it (a renderer may ignore this). */
      halo?: boolean;
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

/**
 * Splits text into lines of at most `max` characters; a longer word is broken where the language's
 * hyphenation allows (with a hyphen), and cut only where a syllable alone is longer than a line.
 */
export function wrapText(text: string, max: number, lang = 'en'): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while ([...word].length > max) {
      const chars = [...word];
      if (line) {
        lines.push(line);
        line = '';
      }
      const fit = breakPoints(word, lang)
        .filter((p) => p.at + (p.hyphen ? 1 : 0) <= max)
        .pop();
      const at = fit ? fit.at : max;
      lines.push(fit ? word.slice(0, at) + (fit.hyphen ? '-' : '') : chars.slice(0, max).join(''));
      word = fit ? word.slice(at) : chars.slice(max).join('');
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

/** No chart text is smaller than this (in figure units, which the HTML never draws smaller than 1:1). */
export const MIN_TEXT = 11;

/** Width of the figures drawn for narrow screens: fits a 360 px phone with its page margins. */
export const NARROW_WIDTH = 340;

/**
 * The radar for narrow screens: a radar's labels cannot stay legible around a web 340 units wide, so
 * each dimension gets a row with its name above a bar for the current score and a mark at the target.
 */
export function scoreBarsFigure(ctx: ReportContext): Figure {
  const report = ctx.messages.report;
  const max = Math.max(...ctx.model.scale.map((s) => s.level));
  const width = NARROW_WIDTH;
  const valueW = 64;
  const trackW = width - valueW;
  const tx = (value: number) => r1((trackW * value) / max);
  const shapes: Shape[] = [];
  const size = 12;
  const lh = 14;
  // Legend.
  shapes.push({ kind: 'rect', x: 0, y: 4, w: 22, h: 12, fill: COLORS.current, fillOpacity: 0.18, stroke: COLORS.current, strokeWidth: 2 });
  shapes.push({ kind: 'text', x: 30, y: 14, lines: [report.radarCurrent], size, lineHeight: lh, anchor: 'start', fill: COLORS.text });
  if (ctx.hasTargets) {
    shapes.push({
      kind: 'path',
      points: [
        [0, 32],
        [22, 32],
      ],
      closed: false,
      stroke: COLORS.target,
      strokeWidth: 2,
      dash: [6, 4],
    });
    shapes.push({ kind: 'text', x: 30, y: 36, lines: [report.radarTarget], size, lineHeight: lh, anchor: 'start', fill: COLORS.text });
  }
  let y = ctx.hasTargets ? 56 : 34;
  // Scale along the top.
  for (let level = 0; level <= max; level++) {
    shapes.push({
      kind: 'text',
      x: tx(level),
      y: y + 10,
      lines: [String(level)],
      size: MIN_TEXT,
      lineHeight: 13,
      anchor: level === 0 ? 'start' : level === max ? 'end' : 'middle',
      fill: COLORS.muted,
    });
  }
  y += 18;
  const gridTop = y;
  const body: Shape[] = [];
  for (const dimension of ctx.result.dimensions) {
    const lines = wrapText(ctx.dimTitle(dimension.id), Math.floor(width / (size * CHAR_EM)));
    body.push({ kind: 'text', x: 0, y: y + size, lines, size, lineHeight: lh, anchor: 'start', fill: COLORS.text });
    y += lines.length * lh + 4;
    body.push({ kind: 'rect', x: 0, y, w: trackW, h: 12, fill: COLORS.notReached });
    if (dimension.score !== null && dimension.score > 0)
      body.push({ kind: 'rect', x: 0, y, w: tx(dimension.score), h: 12, fill: COLORS.current, fillOpacity: 0.55, stroke: COLORS.current, strokeWidth: 1 });
    if (dimension.target !== null)
      body.push({
        kind: 'path',
        points: [
          [tx(dimension.target), y - 3],
          [tx(dimension.target), y + 15],
        ],
        closed: false,
        stroke: COLORS.target,
        strokeWidth: 2.5,
      });
    body.push({
      kind: 'text',
      x: width,
      y: y + 11,
      lines: [dimension.target === null ? ctx.num(dimension.score) : `${ctx.num(dimension.score)} / ${dimension.target}`],
      size,
      lineHeight: lh,
      anchor: 'end',
      fill: COLORS.text,
    });
    y += 26;
  }
  for (let level = 1; level < max; level++) {
    shapes.push({
      kind: 'path',
      points: [
        [tx(level), gridTop],
        [tx(level), y - 10],
      ],
      closed: false,
      stroke: COLORS.grid,
      strokeWidth: 0.6,
      dash: [2, 3],
    });
  }
  shapes.push(...body);
  return { width, height: Math.ceil(y), shapes };
}

/** Radar chart of current score and target per dimension. */
export function radarFigure(ctx: ReportContext): Figure {
  const report = ctx.messages.report;
  const max = Math.max(...ctx.model.scale.map((s) => s.level));
  const dims = ctx.result.dimensions;
  const width = 720;
  const height = 600;
  const cx = width / 2;
  const cy = 320;
  const radius = 200;
  const spokes = dims.length;
  const shapes: Shape[] = [];
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / spokes;
  const at = (i: number, value: number): [number, number] => [r1(cx + (Math.cos(angle(i)) * (radius * value)) / max), r1(cy + (Math.sin(angle(i)) * (radius * value)) / max)];

  for (let level = 1; level <= max; level++) {
    shapes.push({ kind: 'path', points: dims.map((_, i) => at(i, level)), closed: true, stroke: COLORS.grid, strokeWidth: level === max ? 1 : 0.6 });
  }
  dims.forEach((_, i) => shapes.push({ kind: 'path', points: [[cx, cy], at(i, max)], closed: false, stroke: COLORS.grid, strokeWidth: 0.6 }));
  for (let level = 1; level <= max; level++) {
    const [x, y] = at(0, level);
    shapes.push({ kind: 'text', x: x + 4, y: y + 12, lines: [String(level)], size: MIN_TEXT, lineHeight: 13, anchor: 'start', fill: COLORS.muted });
  }
  // Dimensions without a target are drawn at the centre of the target line; a model without targets has none.
  if (ctx.hasTargets) shapes.push({ kind: 'path', points: dims.map((d, i) => at(i, d.target ?? 0)), closed: true, stroke: COLORS.target, strokeWidth: 2, dash: [6, 4] });
  shapes.push({ kind: 'path', points: dims.map((d, i) => at(i, d.score ?? 0)), closed: true, fill: COLORS.current, fillOpacity: 0.18, stroke: COLORS.current, strokeWidth: 2 });
  dims.forEach((dimension, i) => {
    const [x, y] = at(i, dimension.score ?? 0);
    shapes.push(
      dimension.score === null ? { kind: 'circle', cx: x, cy: y, r: 3.5, fill: '#ffffff', stroke: COLORS.current, strokeWidth: 1.5 } : { kind: 'circle', cx: x, cy: y, r: 3.5, fill: COLORS.current },
    );
  });

  const size = 11;
  const lineHeight = 13;
  const maxChars = 20;
  dims.forEach((dimension, i) => {
    const spokeAngle = angle(i);
    const cos = Math.cos(spokeAngle);
    const sin = Math.sin(spokeAngle);
    const lines = [...wrapText(ctx.dimTitle(dimension.id), maxChars, ctx.lang), dimension.target === null ? ctx.num(dimension.score) : `${ctx.num(dimension.score)} / ${dimension.target}`];
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    const x = cx + cos * (radius + 12);
    // Labels above the centre grow upwards, those below grow downwards, so they keep clear of the web.
    const blockHeight = lines.length * lineHeight;
    let y = cy + sin * (radius + 12) + size * 0.35;
    if (sin < -0.2) y -= blockHeight - lineHeight + (Math.abs(cos) < 0.2 ? 4 : 0);
    else if (sin > 0.2) y += Math.abs(cos) < 0.2 ? lineHeight : 2;
    else y -= (blockHeight - lineHeight) / 2;
    shapes.push({ kind: 'text', x: r1(x), y: r1(y), lines, size, lineHeight, anchor, fill: COLORS.text });
  });

  // Legend.
  shapes.push({ kind: 'rect', x: 16, y: 16, w: 22, h: 12, fill: COLORS.current, fillOpacity: 0.18, stroke: COLORS.current, strokeWidth: 2 });
  shapes.push({ kind: 'text', x: 46, y: 26, lines: [report.radarCurrent], size: 12, lineHeight: 14, anchor: 'start', fill: COLORS.text });
  if (ctx.hasTargets) {
    shapes.push({
      kind: 'path',
      points: [
        [16, 44],
        [38, 44],
      ],
      closed: false,
      stroke: COLORS.target,
      strokeWidth: 2,
      dash: [6, 4],
    });
    shapes.push({ kind: 'text', x: 46, y: 48, lines: [report.radarTarget], size: 12, lineHeight: 14, anchor: 'start', fill: COLORS.text });
  }
  return { width, height, shapes };
}

/** The placement chart's title: the model's names for what it places. */
export function placementTitle(ctx: ReportContext): string {
  const { phase, operatingModel } = ctx.result;
  return ctx.messages.report.placementTitle([...(phase ? [ctx.words.phasesTitle] : []), ...(operatingModel ? [ctx.words.stagesTitle] : [])]);
}

/** The placement chart in words. */
export function placementAlt(ctx: ReportContext): string {
  const { phase, operatingModel } = ctx.result;
  const words = ctx.words;
  return ctx.messages.report.placementAlt(
    phase && { title: words.phasesTitle, noun: words.phase, reached: ctx.phaseTitle(phase.reached) },
    operatingModel && { title: words.stagesTitle, noun: words.stage, predominant: ctx.stageTitle(operatingModel.predominant) },
  );
}

/**
 * The phases with the one reached marked, and the stages with their attainment; either may be absent.
 * Narrower than 500 units, the phases stack and each stage's name sits above its bar.
 */
export function placementFigure(ctx: ReportContext, width = 720): Figure {
  const report = ctx.messages.report;
  const { phase, operatingModel } = ctx.result;
  const narrow = width < 500;
  const shapes: Shape[] = [];
  const phases = phase?.phases ?? [];
  const gap = 10;
  const boxW = narrow ? width : (width - gap * (phases.length - 1)) / Math.max(1, phases.length);
  const boxH = narrow ? 44 : 64;
  const tip = 10;
  let y = 8;
  if (phase) {
    shapes.push({ kind: 'text', x: 0, y: y + 12, lines: [ctx.words.phasesTitle], size: 13, lineHeight: 16, anchor: 'start', bold: true, fill: COLORS.text });
    y += 24;
    phases.forEach((phaseEntry, i) => {
      const x = narrow ? 0 : i * (boxW + gap);
      const isCurrent = phaseEntry.number === phase.reached;
      const last = i === phases.length - 1;
      // Each phase points to the next one: to the right side by side, downwards when stacked.
      const points: Array<[number, number]> = narrow
        ? [
            [0, y],
            [width, y],
            [width, y + boxH - (last ? 0 : tip)],
            [width / 2, y + boxH],
            [0, y + boxH - (last ? 0 : tip)],
          ]
        : [
            [r1(x), y],
            [r1(x + boxW - (last ? 0 : tip)), y],
            [r1(x + boxW), y + boxH / 2],
            [r1(x + boxW - (last ? 0 : tip)), y + boxH],
            [r1(x), y + boxH],
          ];
      shapes.push({
        kind: 'path',
        points,
        closed: true,
        fill: phaseEntry.reached ? COLORS.reached : COLORS.notReached,
        stroke: isCurrent ? COLORS.text : phaseEntry.reached ? COLORS.reached : COLORS.grid,
        strokeWidth: isCurrent ? 2.5 : 1,
      });
      const lines = wrapText(ctx.phaseTitle(phaseEntry.number), Math.floor((boxW - 24) / (12 * CHAR_EM)));
      if (isCurrent) lines.push(`✓ ${report.phaseReachedMark}`);
      const lh = 14;
      const mid = narrow ? y + (boxH - (last ? 0 : tip)) / 2 : y + boxH / 2;
      const top = mid - (lines.length * lh) / 2 + 11;
      shapes.push({ kind: 'text', x: r1(x + 10), y: r1(top), lines, size: 12, lineHeight: lh, anchor: 'start', bold: isCurrent, fill: phaseEntry.reached ? '#ffffff' : COLORS.text });
      y += narrow ? boxH + 4 : 0;
    });
    y += narrow ? 20 : boxH + 28;
  }
  if (!operatingModel) return { width, height: Math.ceil(y - 24), shapes };

  shapes.push({ kind: 'text', x: 0, y: y + 12, lines: [ctx.words.stagesTitle], size: 13, lineHeight: 16, anchor: 'start', bold: true, fill: COLORS.text });
  y += 24;
  const valueW = 60;
  const labelW = narrow ? width : 250;
  const barX = narrow ? 0 : labelW;
  const barW = width - barX - valueW;
  for (const st of operatingModel.stages) {
    const lines = wrapText(ctx.stageTitle(st.id) + (st.id === operatingModel.predominant ? ` (${report.predominant})` : ''), Math.floor(labelW / (12 * CHAR_EM)));
    const bold = st.id === operatingModel.predominant;
    shapes.push({ kind: 'text', x: 0, y: y + 15, lines, size: 12, lineHeight: 14, anchor: 'start', bold, fill: COLORS.text });
    const barY = narrow ? y + lines.length * 14 + 6 : y + 4;
    shapes.push({ kind: 'rect', x: barX, y: barY, w: barW, h: 16, fill: COLORS.notReached });
    if (st.attainment > 0) shapes.push({ kind: 'rect', x: barX, y: barY, w: r1((barW * Math.min(100, st.attainment)) / 100), h: 16, fill: st.attained ? COLORS.reached : COLORS.current });
    shapes.push({ kind: 'text', x: barX + barW + 8, y: barY + 13, lines: [`${ctx.pct(st.attainment)}${st.attained ? ' ✓' : ''}`], size: 12, lineHeight: 14, anchor: 'start', fill: COLORS.text });
    y += narrow ? lines.length * 14 + 30 : Math.max(24, lines.length * 14 + 8) + 4;
  }
  return { width, height: Math.ceil(y + 4), shapes };
}

/**
 * The roadmap as bars per initiative on a month axis, grouped by wave, with a line from the end of
 * each prerequisite to the start of what depends on it. Narrower than 500 units, each initiative's
 * name sits above its bar instead of beside it.
 *
 * A dependency line drops from just inside the end of the prerequisite's bar and turns into the
 * dependent's row, so the lines leaving one bar form a tree down its own lane and arrive from the
 * left in rows that are empty there. Prerequisites that end in the same month get lanes side by
 * side, and each line takes its prerequisite's wave colour; a dot marks where a line branches, so a
 * branch cannot be mistaken for two lines crossing.
 */
export function timelineFigure(ctx: ReportContext, width = 720): Figure {
  const report = ctx.messages.report;
  const roadmap = ctx.result.roadmap ?? { waves: [], months: 0 };
  const narrow = width < 500;
  const labelW = narrow ? 0 : 260;
  const x0 = narrow ? 4 : labelW + 10;
  const x1 = width - (narrow ? 14 : 18);
  const months = Math.max(roadmap.months, 1);
  const mx = (month: number) => r1(x0 + ((x1 - x0) * month) / months);
  const shapes: Shape[] = [];
  const top = 28;
  const size = MIN_TEXT;
  const lh = 13;
  const barH = 12;
  const maxChars = Math.floor((narrow ? width : labelW - 8) / (size * CHAR_EM));
  const rows = new Map<string, { y: number; start: number; end: number; color: string }>();
  const body: Shape[] = [];
  let y = top;
  roadmap.waves.forEach((wave, wi) => {
    if (!wave.items.length) return;
    const color = COLORS.waves[wi % COLORS.waves.length]!;
    body.push({ kind: 'text', x: 0, y: y + 14, lines: [ctx.waveTitle(wave.id)], size: 12, lineHeight: 14, anchor: 'start', bold: true, fill: COLORS.text });
    y += 20;
    for (const item of wave.items) {
      const lines = wrapText(ctx.initiativeTitle(item.id), maxChars);
      let barY: number;
      if (narrow) {
        body.push({ kind: 'text', x: 0, y: r1(y + size), lines, size, lineHeight: lh, anchor: 'start', fill: COLORS.text, halo: true });
        barY = y + lines.length * lh + 4;
        y = barY + barH + 8;
      } else {
        const rowHeight = Math.max(20, lines.length * lh + 6);
        body.push({ kind: 'text', x: 8, y: r1(y + (rowHeight - lines.length * lh) / 2 + size * 0.85), lines, size, lineHeight: lh, anchor: 'start', fill: COLORS.text });
        barY = y + rowHeight / 2 - barH / 2;
        y += rowHeight;
      }
      body.push({ kind: 'rect', x: mx(item.start), y: r1(barY), w: Math.max(2, r1(mx(item.end) - mx(item.start))), h: barH, fill: color });
      rows.set(item.id, { y: barY + barH / 2, start: item.start, end: item.end, color });
    }
    y += 6;
  });
  const height = Math.ceil(y + 8);

  // Month grid and axis labels behind the bars.
  const step = narrow ? (months <= 12 ? 3 : months <= 24 ? 6 : 12) : months <= 12 ? 3 : months <= 36 ? 6 : 12;
  for (let month = 0; month <= months; month += step) {
    shapes.push({
      kind: 'path',
      points: [
        [mx(month), top - 6],
        [mx(month), height - 4],
      ],
      closed: false,
      stroke: COLORS.grid,
      strokeWidth: 0.6,
    });
    shapes.push({ kind: 'text', x: mx(month), y: top - 10, lines: [ctx.monthLabel(month)], size, lineHeight: lh, anchor: month === 0 && narrow ? 'start' : 'middle', fill: COLORS.muted });
  }
  if (!narrow) shapes.push({ kind: 'text', x: 0, y: top - 10, lines: [report.months], size, lineHeight: lh, anchor: 'start', fill: COLORS.muted });
  // Beside their names the lines run clear of text and go over the bars; under their names (narrow)
  // they pass behind the names, which are outlined to stay readable.
  const lines = dependencyLines(
    roadmap.waves.flatMap((w) => w.items),
    rows,
    mx,
    barH,
  );
  if (narrow) shapes.push(...lines, ...body);
  else shapes.push(...body, ...lines);
  return { width, height, shapes };
}

function dependencyLines(
  items: Array<{ id: string; dependsOn: string[] }>,
  rows: Map<string, { y: number; start: number; end: number; color: string }>,
  mx: (month: number) => number,
  barH: number,
): Shape[] {
  // One lane per prerequisite that has dependents, side by side among those ending in the same month.
  const targets = new Map<string, Array<{ y: number; x: number }>>();
  for (const item of items) {
    const to = rows.get(item.id);
    if (!to) continue;
    for (const dep of item.dependsOn) if (rows.has(dep)) targets.set(dep, [...(targets.get(dep) ?? []), { y: to.y, x: mx(to.start) }]);
  }
  const sources = [...targets.keys()].sort((a, b) => rows.get(a)!.end - rows.get(b)!.end || rows.get(a)!.y - rows.get(b)!.y);
  const lanesAt = new Map<number, number>();
  const shapes: Shape[] = [];
  for (const id of sources) {
    const from = rows.get(id)!;
    const lane = lanesAt.get(from.end) ?? 0;
    lanesAt.set(from.end, lane + 1);
    const barStart = mx(from.start);
    const xl = r1(Math.max(barStart + 1, mx(from.end) - 2 - lane * 5));
    const color = from.color;
    const ends = targets.get(id)!;
    const below = ends.filter((e) => e.y > from.y).sort((a, b) => a.y - b.y);
    const above = ends.filter((e) => e.y < from.y).sort((a, b) => b.y - a.y);
    for (const [group, edge] of [
      [below, from.y + barH / 2],
      [above, from.y - barH / 2],
    ] as const) {
      if (!group.length) continue;
      const far = group[group.length - 1]!;
      shapes.push({
        kind: 'path',
        points: [
          [xl, r1(edge)],
          [xl, r1(far.y)],
        ],
        closed: false,
        stroke: color,
        strokeWidth: 1.2,
      });
      group.forEach((end, i) => {
        const xe = r1(Math.max(end.x, xl + 5));
        shapes.push({
          kind: 'path',
          points: [
            [xl, r1(end.y)],
            [r1(xe - 4), r1(end.y)],
          ],
          closed: false,
          stroke: color,
          strokeWidth: 1.2,
        });
        shapes.push({
          kind: 'path',
          points: [
            [xe, r1(end.y)],
            [r1(xe - 5), r1(end.y - 3)],
            [r1(xe - 5), r1(end.y + 3)],
          ],
          closed: true,
          fill: color,
        });
        if (i < group.length - 1) shapes.push({ kind: 'circle', cx: xl, cy: r1(end.y), r: 2, fill: color });
      });
    }
  }
  return shapes;
}
