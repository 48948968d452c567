import type { Portfolio } from '../core/portfolio.js';
import type { Messages } from '../i18n/index.js';
import { mdCell, mdEscape, table } from './markdown.js';

/** What a portfolio is worded with: the catalogue of its language, and the model's scale and precision. */
export interface PortfolioWording {
  /** The catalogue of the roll-up's language. */
  messages: Messages;
  /** The scale's levels, lowest first. */
  scale: readonly number[];
  /** Decimals of the scores (the model's precision). */
  precision: number;
}

/** The roll-up across several assessments as Markdown, in the language of `wording`. */
export function renderPortfolioMarkdown(p: Portfolio, { messages: t, scale, precision }: PortfolioWording, opts: { furthest?: number } = {}): string {
  const w = t.portfolio;
  const num = (x: number | null, digits = precision) => (x === null ? '–' : x.toFixed(digits).replace('.', t.decimal));
  const out: string[] = [];
  const n = p.units.length;
  out.push(`# ${w.title}`, '');
  out.push(
    w.units(
      n,
      p.units.map((u) => mdEscape(u.label)),
    ),
    '',
  );

  out.push(`## ${w.furthest}`, '');
  out.push(w.furthestIntro, '');
  out.push(
    table(
      [w.unit, w.meanGap, w.dimensionsBelowTarget, w.largestGap],
      p.furthest
        .slice(0, opts.furthest ?? 5)
        .map((u) => [
          mdCell(u.label),
          num(u.meanGap, Math.max(2, precision)),
          String(u.belowTarget),
          u.largest ? mdCell(`${p.dimensions.find((d) => d.id === u.largest!.dimension)?.title ?? u.largest.dimension} (${num(u.largest.gap)})`) : t.none,
        ]),
      ['---', '---:', '---:', '---'],
    ),
    '',
  );

  out.push(`## ${w.distribution}`, '');
  const levels = p.dimensions[0]?.levels.map((l) => l.level) ?? [];
  out.push(
    table(
      [t.report.dimension, w.min, w.median, w.max, w.belowTarget, ...levels.map((l) => w.levelColumn(num(l, Number.isInteger(l) ? 0 : precision))), w.notAssessed],
      p.dimensions.map((d) => [mdCell(d.title), num(d.min), num(d.median), num(d.max), `${d.belowTarget}/${n}`, ...d.levels.map((l) => String(l.units)), String(d.notAssessed)]),
      ['---', '---:', '---:', '---:', '---:', ...levels.map(() => '---:'), '---:'],
    ),
    '',
  );

  out.push(`## ${w.heatmap}`, '');
  const lowest = Math.min(...scale);
  const highest = Math.max(...scale);
  out.push(w.heatmapIntro(num(lowest, Number.isInteger(lowest) ? 0 : precision), num(highest, Number.isInteger(highest) ? 0 : precision)), '');
  out.push(
    table(
      [w.unit, ...p.dimensions.map((d) => mdCell(d.title))],
      p.heatmap.map((r) => [mdCell(r.label), ...r.scores.map((x) => num(x))]),
      ['---', ...p.dimensions.map(() => '---:')],
    ),
    '',
  );
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderPortfolioJson(p: Portfolio): string {
  return `${JSON.stringify({ kind: 'portfolio', schemaVersion: 1, ...p }, null, 2)}\n`;
}
