import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPortfolio } from '../src/core/portfolio.js';
import { itaas, tempDir } from './helpers.js';
import { meridian, northwind, variant } from './report-fixtures.js';

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
    expect(p.dimensions[1]!.levels).toEqual([{ level: 0, units: 1 }, { level: 1, units: 0 }, { level: 2, units: 2 }, { level: 3, units: 0 }, { level: 4, units: 0 }]);
    expect(p.heatmap.map((r) => r.scores)).toEqual([[1, 2], [3, 0.5], [null, 2.5]]);
    // y: (0*1 + 1.5*3)/4 = 1.13; x: (2*1 + 0*3)/4 = 0.5; z: 0
    expect(p.furthest.map((u) => [u.key, u.meanGap])).toEqual([['y', 1.13], ['x', 0.5], ['z', 0]]);
  });

  it('report --portfolio writes one roll-up across several answers files', () => {
    const dir = tempDir();
    const south = variant(northwind, join(dir, 'south.yaml'), [['organisation: Northwind Logistics', 'organisation: Northwind South'], ['automation: 4', 'automation: 2']]);
    const out = join(dir, 'reports');
    const r = itaas(['report', northwind, meridian, south, '--out', out, '--portfolio']);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'portfolio.md'), 'utf8');
    expect(md).toContain('3 assessments: Northwind Logistics, Meridian Health Group, Northwind South.');
    expect(md).toContain('| Northwind Logistics | 3.4 | 2.0 | 3.0 |');
    expect(md).toMatch(/\| Automation \| 2\.0 \| 2\.0 \| 3\.4 \| 2\/3 \|/);
    const json = JSON.parse(readFileSync(join(out, 'portfolio.json'), 'utf8'));
    expect(json.furthest.map((u: { key: string }) => u.key)).toEqual(['northwind-logistics', 'south', 'meridian-health']);
    expect(json.heatmap).toHaveLength(3);
  });

  it('refuses an answers file whose reports would collide with the portfolio', () => {
    const dir = tempDir();
    const p = variant(northwind, join(dir, 'portfolio.yaml'));
    const r = itaas(['report', p, meridian, '--out', join(dir, 'out'), '--portfolio']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('would replace the report of');
  });
});
