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
export function renderPortfolioMarkdown(portfolio: Portfolio, { messages: catalogue, scale, precision }: PortfolioWording, opts: { furthest?: number } = {}): string {
  const text = catalogue.portfolio;
  const num = (x: number | null, digits = precision) => (x === null ? '–' : x.toFixed(digits).replace('.', catalogue.decimal));
  const out: string[] = [];
  const unitCount = portfolio.units.length;
  out.push(`# ${text.title}`, '');
  out.push(
    text.units(
      unitCount,
      portfolio.units.map((u) => mdEscape(u.label)),
    ),
    '',
  );

  out.push(`## ${text.furthest}`, '');
  out.push(text.furthestIntro, '');
  out.push(
    table(
      [text.unit, text.meanGap, text.dimensionsBelowTarget, text.largestGap],
      portfolio.furthest
        .slice(0, opts.furthest ?? 5)
        .map((u) => [
          mdCell(u.label),
          num(u.meanGap, Math.max(2, precision)),
          String(u.belowTarget),
          u.largest ? mdCell(`${portfolio.dimensions.find((d) => d.id === u.largest!.dimension)?.title ?? u.largest.dimension} (${num(u.largest.gap)})`) : catalogue.none,
        ]),
      ['---', '---:', '---:', '---'],
    ),
    '',
  );

  out.push(`## ${text.distribution}`, '');
  const levels = portfolio.dimensions[0]?.levels.map((l) => l.level) ?? [];
  out.push(
    table(
      [catalogue.report.dimension, text.min, text.median, text.max, text.belowTarget, ...levels.map((l) => text.levelColumn(num(l, Number.isInteger(l) ? 0 : precision))), text.notAssessed],
      portfolio.dimensions.map((d) => [mdCell(d.title), num(d.min), num(d.median), num(d.max), `${d.belowTarget}/${unitCount}`, ...d.levels.map((l) => String(l.units)), String(d.notAssessed)]),
      ['---', '---:', '---:', '---:', '---:', ...levels.map(() => '---:'), '---:'],
    ),
    '',
  );

  out.push(`## ${text.heatmap}`, '');
  const lowest = Math.min(...scale);
  const highest = Math.max(...scale);
  out.push(text.heatmapIntro(num(lowest, Number.isInteger(lowest) ? 0 : precision), num(highest, Number.isInteger(highest) ? 0 : precision)), '');
  out.push(
    table(
      [text.unit, ...portfolio.dimensions.map((d) => mdCell(d.title))],
      portfolio.heatmap.map((r) => [mdCell(r.label), ...r.scores.map((x) => num(x))]),
      ['---', ...portfolio.dimensions.map(() => '---:')],
    ),
    '',
  );
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderPortfolioJson(portfolio: Portfolio): string {
  return `${JSON.stringify({ kind: 'portfolio', schemaVersion: 1, ...portfolio }, null, 2)}\n`;
}
