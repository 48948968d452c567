import { createHash } from 'node:crypto';
import { answerParts } from '../schema/answer-parts.js';
import { COLORS, NARROW_WIDTH, placementAlt, placementFigure, placementTitle, radarFigure, scoreBarsFigure, timelineFigure } from './charts.js';
import type { Figure, Paint } from './charts.js';
import { buildContext } from './context.js';
import type { ReportContext } from './context.js';
import type { RenderOptions } from './formats.js';
import { renderTemplate, templateData } from './templates.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: unknown): string => String(s).replace(/[&<>"']/g, (c) => ESC[c]!);

function paint(spec: Paint): string {
  const attributes: string[] = [];
  attributes.push(`fill="${spec.fill ?? 'none'}"`);
  if (spec.fill && spec.fillOpacity !== undefined) attributes.push(`fill-opacity="${spec.fillOpacity}"`);
  if (spec.stroke) attributes.push(`stroke="${spec.stroke}" stroke-width="${spec.strokeWidth ?? 1}"`);
  if (spec.dash) attributes.push(`stroke-dasharray="${spec.dash.join(' ')}"`);
  return attributes.join(' ');
}

/**
 * Draws a figure as inline SVG: presentation attributes only (no style attributes), so the
 * report's Content-Security-Policy can forbid inline styles other than its one stylesheet.
 */
export function figureSvg(fig: Figure, id: string, title: string, desc: string): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fig.width} ${fig.height}" width="${fig.width}" height="${fig.height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="'DejaVu Sans', Verdana, sans-serif">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(desc)}</desc>`,
  );
  for (const shape of fig.shapes) {
    if (shape.kind === 'path') out.push(`<path d="M${shape.points.map(([x, y]) => `${x} ${y}`).join('L')}${shape.closed ? 'Z' : ''}" ${paint(shape)}/>`);
    else if (shape.kind === 'rect') out.push(`<rect x="${shape.x}" y="${shape.y}" width="${shape.w}" height="${shape.h}" ${paint(shape)}/>`);
    else if (shape.kind === 'circle') out.push(`<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" ${paint(shape)}/>`);
    else {
      const anchor = shape.anchor === 'start' ? '' : ` text-anchor="${shape.anchor}"`;
      const weight = shape.bold ? ' font-weight="bold"' : '';
      const halo = shape.halo ? ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"' : '';
      const spans = shape.lines.map((l, i) => `<tspan x="${shape.x}" dy="${i ? shape.lineHeight : 0}">${escapeHtml(l)}</tspan>`).join('');
      out.push(`<text x="${shape.x}" y="${shape.y}" font-size="${shape.size}" fill="${shape.fill}"${anchor}${weight}${halo}>${spans}</text>`);
    }
  }
  out.push('</svg>');
  return out.join('\n');
}

/**
 * A chart in two layouts: the stylesheet shows the wide one on screens that fit it at full size and
 * in print, the narrow one on phones. Neither is ever drawn smaller than 1:1, so no chart text is
 * smaller than MIN_TEXT px; a screen narrower still scrolls the chart inside its own box.
 */
function chart(wide: Figure, narrow: Figure, id: string, title: string, desc: string, narrowDesc = desc): string {
  return `<div class="chart chart-wide">${figureSvg(wide, id, title, desc)}</div>\n<div class="chart chart-narrow">${figureSvg(narrow, `${id}-narrow`, title, narrowDesc)}</div>`;
}

/** What the HTML template sees as `it`. `<%= %>` escapes HTML; `<%~ %>` is for the SVG and helper output. */
export function htmlData(ctx: ReportContext, css: string) {
  const text = ctx.messages.report;
  const org = ctx.answers.assessment.organisation;
  const items = ctx.result.roadmap?.waves.flatMap((w) => w.items) ?? [];
  const cssHash = createHash('sha256').update(css, 'utf8').digest('base64');
  return {
    ...templateData(ctx, 'html'),
    css,
    /** Nothing may load or run: only the one stylesheet above, whose hash is pinned here. */
    csp: `default-src 'none'; style-src 'sha256-${cssHash}'; img-src 'none'; font-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`,
    colors: COLORS,
    radarSvg: chart(radarFigure(ctx), scoreBarsFigure(ctx), 'radar', text.radarTitle(ctx.hasTargets), text.radarAlt(org, ctx.hasTargets), text.barsAlt(org, ctx.hasTargets)),
    placementAlt: placementAlt(ctx),
    placementSvg: ctx.result.phase || ctx.result.operatingModel ? chart(placementFigure(ctx), placementFigure(ctx, NARROW_WIDTH), 'placement', placementTitle(ctx), placementAlt(ctx)) : '',
    timelineSvg: items.length ? chart(timelineFigure(ctx), timelineFigure(ctx, NARROW_WIDTH), 'timeline', text.timeline, text.timelineAlt(items.length)) : '',
    esc: escapeHtml,
    /** User text inline: escaped and isolated, so right-to-left text or stray direction marks cannot reorder what is around it. */
    bdi: (s: string) => `<bdi>${escapeHtml(s)}</bdi>`,
    fmt: ctx.num,
    pct: (x: number) => ctx.pct(Math.round(x * 100)),
    answerParts,
  };
}

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A batch shares its model and questionnaire: each is searched once. */
const searched = new WeakMap<object, boolean>();
function holdsBidi(value: object): boolean {
  let found = searched.get(value);
  if (found === undefined) searched.set(value, (found = BIDI.test(JSON.stringify(value))));
  return found;
}

/** Each string holding a direction control, wrapped in FSI…PDI: its overrides end where it ends. */
function isolateStrings<T>(value: T): T {
  if (typeof value === 'string') return (BIDI.test(value) ? `\u2068${value}\u2069` : value) as T;
  if (Array.isArray(value)) return value.map(isolateStrings) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isolateStrings(v)])) as T;
  return value;
}

/**
 * Text from the files (organisation, names, notes, model and questionnaire texts) reaches the page in
 * sentences, captions, SVG descriptions and the footer. Where any of it holds a direction control, the
 * report is rendered from copies in which each such text is a Unicode isolate, so that a U+202E in an
 * organisation cannot reverse the words that follow it wherever it is quoted.
 */
function isolatedContext(ctx: ReportContext): ReportContext {
  const { model, questionnaire, answers } = ctx;
  if (![model, questionnaire, answers].some(holdsBidi)) return ctx;
  const safe = buildContext(isolateStrings(model), isolateStrings(questionnaire), isolateStrings(answers), ctx.result, ctx.lang);
  return { ...safe, fallbacks: ctx.fallbacks };
}

export function renderHtml(ctx: ReportContext, opts: RenderOptions = {}): string {
  const css = renderTemplate('report.css', {}, { templatesDir: opts.templatesDir });
  return renderTemplate('report.html.eta', htmlData(isolatedContext(ctx), css), { templatesDir: opts.templatesDir });
}
