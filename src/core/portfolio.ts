import { round2 } from './score.js';

/** One assessment in a portfolio (e.g. a business unit). */
export interface PortfolioUnit {
  /** A unique key, such as the answers file's base name. */
  key: string;
  label: string;
  dimensions: Array<{ id: string; title: string; weight: number; score: number | null; level: number | null; target: number | null; gap: number | null }>;
}

export interface PortfolioDimension {
  id: string;
  title: string;
  assessed: number;
  notAssessed: number;
  min: number | null;
  median: number | null;
  max: number | null;
  mean: number | null;
  belowTarget: number;
  /** How many units sit at each level (the level reached, i.e. the score rounded down). */
  levels: Array<{ level: number; units: number }>;
}

export interface Portfolio {
  units: Array<{ key: string; label: string }>;
  dimensions: PortfolioDimension[];
  /** Scores by unit (rows, in the order given) and dimension (columns, in `dimensions` order). */
  heatmap: Array<{ key: string; label: string; scores: Array<number | null> }>;
  /** Units ranked by their weighted mean gap to target, largest first. */
  furthest: Array<{ key: string; label: string; meanGap: number; belowTarget: number; largest: { dimension: string; gap: number } | null }>;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return round2(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** The roll-up across several assessments. Dimensions are matched by id, in the order they first appear. */
export function buildPortfolio(units: readonly PortfolioUnit[], levels: readonly number[]): Portfolio {
  const order: Array<{ id: string; title: string }> = [];
  const seen = new Set<string>();
  for (const unit of units) for (const d of unit.dimensions) if (!seen.has(d.id)) seen.add(d.id), order.push({ id: d.id, title: d.title });
  const lookup = units.map((u) => new Map(u.dimensions.map((d) => [d.id, d])));

  const dimensions = order.map(({ id, title }) => {
    const ds = lookup.map((m) => m.get(id)).filter((d) => d !== undefined);
    const scores = ds.filter((d) => d.score !== null).map((d) => d.score!);
    const counts = new Map(levels.map((l) => [l, 0]));
    for (const dimension of ds) if (dimension.level !== null) counts.set(dimension.level, (counts.get(dimension.level) ?? 0) + 1);
    return {
      id,
      title,
      assessed: scores.length,
      notAssessed: ds.length - scores.length,
      min: scores.length ? Math.min(...scores) : null,
      median: median(scores),
      max: scores.length ? Math.max(...scores) : null,
      mean: scores.length ? round2(scores.reduce((s, x) => s + x, 0) / scores.length) : null,
      belowTarget: ds.filter((d) => (d.gap ?? 0) > 0).length,
      levels: [...counts].sort((a, b) => a[0] - b[0]).map(([level, n]) => ({ level, units: n })),
    };
  });

  const heatmap = units.map((u, i) => ({ key: u.key, label: u.label, scores: order.map(({ id }) => lookup[i]!.get(id)?.score ?? null) }));

  const furthest = units
    .map((unit) => {
      const scored = unit.dimensions.filter((d) => d.gap !== null);
      const w = scored.reduce((s, d) => s + d.weight, 0);
      const meanGap = w > 0 ? round2(scored.reduce((s, d) => s + d.weight * d.gap!, 0) / w) : 0;
      const worst = [...scored].sort((a, b) => b.gap! - a.gap! || (a.id < b.id ? -1 : 1))[0];
      return {
        key: unit.key,
        label: unit.label,
        meanGap,
        belowTarget: scored.filter((d) => d.gap! > 0).length,
        largest: worst && worst.gap! > 0 ? { dimension: worst.id, gap: worst.gap! } : null,
      };
    })
    .sort((a, b) => b.meanGap - a.meanGap || b.belowTarget - a.belowTarget || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  return { units: units.map((u) => ({ key: u.key, label: u.label })), dimensions, heatmap, furthest };
}
