import { describe, expect, it } from 'vitest';
import { buildPortfolio } from '../../src/core/portfolio.js';

describe('portfolio roll-up', () => {
  it('computes distribution, heatmap and the units furthest from target', () => {
    const unit = (key: string, a: number | null, b: number | null) => ({
      key,
      label: key.toUpperCase(),
      dimensions: [
        { id: 'a', title: 'A', weight: 1, score: a, level: a === null ? null : Math.floor(a), target: 3, gap: a === null ? null : Math.max(0, 3 - a) },
        { id: 'b', title: 'B', weight: 3, score: b, level: b === null ? null : Math.floor(b), target: 2, gap: b === null ? null : Math.max(0, 2 - b) },
      ],
    });
    const p = buildPortfolio([unit('x', 1, 2), unit('y', 3, 0.5), unit('z', null, 2.5)], [0, 1, 2, 3, 4]);
    expect(p.dimensions[0]).toMatchObject({ id: 'a', assessed: 2, notAssessed: 1, min: 1, median: 2, max: 3, belowTarget: 1 });
    expect(p.dimensions[1]!.levels).toEqual([
      { level: 0, units: 1 },
      { level: 1, units: 0 },
      { level: 2, units: 2 },
      { level: 3, units: 0 },
      { level: 4, units: 0 },
    ]);
    expect(p.heatmap.map((r) => r.scores)).toEqual([
      [1, 2],
      [3, 0.5],
      [null, 2.5],
    ]);
    // y: (0*1 + 1.5*3)/4 = 1.13; x: (2*1 + 0*3)/4 = 0.5; z: 0
    expect(p.furthest.map((u) => [u.key, u.meanGap])).toEqual([
      ['y', 1.13],
      ['x', 0.5],
      ['z', 0],
    ]);
  });
});
