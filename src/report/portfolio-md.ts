import type { Portfolio } from '../core/portfolio.js';
import { fmtScore as score } from './context.js';
import { mdCell, mdEscape, table } from './markdown.js';

/** The roll-up across several assessments as Markdown. */
export function renderPortfolioMarkdown(p: Portfolio, opts: { furthest?: number } = {}): string {
  const out: string[] = [];
  const n = p.units.length;
  out.push('# Portfolio of assessments', '');
  out.push(`${n} assessment${n === 1 ? '' : 's'}: ${p.units.map((u) => mdEscape(u.label)).join(', ')}.`, '');

  out.push('## Furthest from target', '');
  out.push('Ranked by the weighted mean gap to target over the assessed dimensions.', '');
  out.push(
    table(
      ['Unit', 'Mean gap', 'Dimensions below target', 'Largest gap'],
      p.furthest
        .slice(0, opts.furthest ?? 5)
        .map((u) => [
          mdCell(u.label),
          u.meanGap.toFixed(2),
          String(u.belowTarget),
          u.largest ? mdCell(`${p.dimensions.find((d) => d.id === u.largest!.dimension)?.title ?? u.largest.dimension} (${u.largest.gap.toFixed(1)})`) : 'none',
        ]),
      ['---', '---:', '---:', '---'],
    ),
    '',
  );

  out.push('## Distribution per dimension', '');
  const levels = p.dimensions[0]?.levels.map((l) => l.level) ?? [];
  out.push(
    table(
      ['Dimension', 'Min', 'Median', 'Max', 'Below target', ...levels.map((l) => `Level ${l}`), 'Not assessed'],
      p.dimensions.map((d) => [mdCell(d.title), score(d.min), score(d.median), score(d.max), `${d.belowTarget}/${n}`, ...d.levels.map((l) => String(l.units)), String(d.notAssessed)]),
      ['---', '---:', '---:', '---:', '---:', ...levels.map(() => '---:'), '---:'],
    ),
    '',
  );

  out.push('## Heatmap', '');
  out.push('Scores by unit and dimension (0 to 4; – not assessed).', '');
  out.push(
    table(
      ['Unit', ...p.dimensions.map((d) => mdCell(d.title))],
      p.heatmap.map((r) => [mdCell(r.label), ...r.scores.map(score)]),
      ['---', ...p.dimensions.map(() => '---:')],
    ),
    '',
  );
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderPortfolioJson(p: Portfolio): string {
  return `${JSON.stringify({ kind: 'portfolio', schemaVersion: 1, ...p }, null, 2)}\n`;
}
