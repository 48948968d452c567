import { describe, expect, it } from 'vitest';
import { belowTarget, evaluateGates, overallScore, parseThreshold, regressions, under } from '../../src/core/gates.js';

const dims = [
  { id: 'automation', weight: 2, score: 2, target: 4 },
  { id: 'sourcing', weight: 1, score: 3.5, target: 3 },
  { id: 'elasticity', weight: 1, score: null, target: 2 },
];

describe('gates (pure)', () => {
  it('finds dimensions below target, and treats an unassessed one as not meeting it', () => {
    expect(belowTarget(dims)).toEqual([
      { kind: 'below-target', dimension: 'automation', actual: 2, required: 4, by: 2 },
      { kind: 'below-target', dimension: 'elasticity', actual: null, required: 2, by: 2 },
    ]);
  });

  it('weights the overall score by dimension weight and ignores unassessed dimensions', () => {
    expect(overallScore(dims)).toBe(2.5);
    expect(overallScore([{ id: 'x', weight: 1, score: null, target: 1 }])).toBeNull();
  });

  it('parses overall and per-dimension thresholds and rejects anything else', () => {
    expect(parseThreshold('2.5')).toEqual({ dimension: null, level: 2.5 });
    expect(parseThreshold('automation=3')).toEqual({ dimension: 'automation', level: 3 });
    expect(parseThreshold('automation=high')).toMatch(/not a level or DIMENSION=LEVEL/);
    expect(parseThreshold('-1')).toMatch(/not a level/);
  });

  it('fails thresholds that are not met, with how far short', () => {
    expect(
      under(dims, [
        { dimension: null, level: 3 },
        { dimension: 'sourcing', level: 3 },
        { dimension: 'automation', level: 2.5 },
      ]),
    ).toEqual([
      { kind: 'under', dimension: null, actual: 2.5, required: 3, by: 0.5 },
      { kind: 'under', dimension: 'automation', actual: 2, required: 2.5, by: 0.5 },
    ]);
  });

  it('reports regressions only for dimensions the baseline assessed', () => {
    const baseline = new Map<string, number | null>([
      ['automation', 2.25],
      ['sourcing', 3.5],
      ['elasticity', null],
    ]);
    // A baseline with two decimals (a report from before scores had one) is compared as it prints now.
    expect(regressions(dims, baseline)).toEqual([{ kind: 'regression', dimension: 'automation', actual: 2, required: 2.3, by: 0.3 }]);
  });

  it('evaluates nothing that was not asked for', () => {
    expect(evaluateGates(dims, {})).toEqual([]);
  });
});
