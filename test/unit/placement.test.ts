import { describe, expect, it } from 'vitest';
import { placePhase, placeStages } from '../../src/core/placement.js';
import type { DimensionScore } from '../../src/core/score.js';
import { buildModel } from '../fixtures/build.js';

const dims = [{ id: 'virt' }, { id: 'auto' }, { id: 'tools' }, { id: 'svc' }, { id: 'biz' }];
const model = buildModel({
  dims,
  phases: [
    { id: 'one', requires: [{ dimension: 'virt', min: 3 }] },
    {
      id: 'two',
      requires: [
        { dimension: 'auto', min: 3 },
        { dimension: 'tools', min: 3 },
      ],
    },
    { id: 'three', requires: [{ dimension: 'svc', min: 3 }] },
  ],
  stages: [
    { id: 'process', requires: [{ dimension: 'tools', min: 2 }] },
    { id: 'service', requires: [{ dimension: 'svc', min: 3 }] },
    {
      id: 'business',
      requires: [
        { dimension: 'biz', min: 3 },
        { dimension: 'svc', min: 2 },
      ],
    },
  ],
});

function scores(s: Record<string, number | null>): Map<string, DimensionScore> {
  return new Map(
    Object.entries(s).map(([id, score]) => [
      id,
      {
        id,
        axis: 'main',
        weight: 1,
        score,
        level: score === null ? null : Math.floor(score),
        target: 3,
        targetSource: 'model',
        gap: null,
        spread: 0,
        coverage: { questions: 1, asked: 1, answered: 1, scored: 1, na: 0, dontKnow: 0, skipped: 0, ratio: 1, answerRatio: 1 },
      } satisfies DimensionScore,
    ]),
  );
}

describe('phase reached', () => {
  it('is 0 when the first gate is not met, and names the dimension holding it back', () => {
    const p = placePhase(model, scores({ virt: 2, auto: 4, tools: 4, svc: 4, biz: 4 }));
    expect(p.reached).toBe(0);
    expect(p.reachedId).toBeNull();
    expect(p.next).toMatchObject({ number: 1, id: 'one', progress: 66 });
    expect(p.next!.blockers.map((b) => b.dimension)).toEqual(['virt']);
  });

  it('is weakest-link: one low dimension holds the phase back, later phases met on their own do not count', () => {
    const p = placePhase(model, scores({ virt: 4, auto: 1.5, tools: 4, svc: 4, biz: 0 }));
    expect(p.reached).toBe(1);
    expect(p.next!.id).toBe('two');
    expect(p.next!.blockers).toEqual([{ dimension: 'auto', min: 3, score: 1.5, met: false, shortfall: 1.5 }]);
    expect(p.phases.map((x) => x.reached)).toEqual([true, false, false]);
    expect(p.phases[2]!.requirements[0]!.met).toBe(true);
  });

  it('puts the furthest-behind dimension first among several blockers', () => {
    const p = placePhase(model, scores({ virt: 3, auto: 2.5, tools: 1, svc: 0, biz: 0 }));
    expect(p.next!.blockers.map((b) => b.dimension)).toEqual(['tools', 'auto']);
    // Progress counts partial credit: (2.5 + 1) of (3 + 3)
    expect(p.next!.progress).toBe(58);
  });

  it('reaches the last phase with nothing next', () => {
    const p = placePhase(model, scores({ virt: 3, auto: 3, tools: 3, svc: 3, biz: 0 }));
    expect(p.reached).toBe(3);
    expect(p.reachedId).toBe('three');
    expect(p.next).toBeNull();
  });

  it('treats an unassessed dimension as unmet and the weakest', () => {
    const p = placePhase(model, scores({ virt: 3, auto: null, tools: 2.9, svc: 3, biz: 3 }));
    expect(p.reached).toBe(1);
    expect(p.next!.blockers.map((b) => [b.dimension, b.score, b.met])).toEqual([
      ['auto', null, false],
      ['tools', 2.9, false],
    ]);
  });

  it('measures progress from the bottom of the scale, so a 1..5 scale starts at 0%', () => {
    const m = buildModel({
      dims: [{ id: 'a' }, { id: 'b' }],
      levels: [1, 2, 3, 4, 5],
      phases: [
        {
          id: 'one',
          requires: [
            { dimension: 'a', min: 3 },
            { dimension: 'b', min: 5 },
          ],
        },
      ],
      stages: [{ id: 's', requires: [{ dimension: 'a', min: 3 }] }],
    });
    expect(placePhase(m, scores({ a: 1, b: 1 })).next!.progress).toBe(0);
    // (2 - 1) + (3 - 1) of (3 - 1) + (5 - 1)
    expect(placePhase(m, scores({ a: 2, b: 3 })).next!.progress).toBe(50);
    expect(placeStages(m, scores({ a: 1, b: 1 })).stages[0]!.attainment).toBe(0);
  });
});

describe('operating-model stages', () => {
  it('judges each stage on its own: a later stage can be attained without an earlier one', () => {
    const om = placeStages(model, scores({ virt: 0, auto: 0, tools: 1, svc: 2, biz: 3 }));
    expect(om.stages.map((s) => [s.id, s.attained])).toEqual([
      ['process', false],
      ['service', false],
      ['business', true],
    ]);
    expect(om.predominant).toBe('business');
    expect(om.stages[1]!.attainment).toBe(66);
  });

  it('falls back to the baseline stage when none is attained', () => {
    const om = placeStages(model, scores({ virt: 0, auto: 0, tools: 0, svc: 0, biz: 0 }));
    expect(om.predominant).toBe('base');
    expect(om.stages.every((s) => !s.attained && s.attainment === 0)).toBe(true);
  });

  it('names the most advanced attained stage as predominant', () => {
    const om = placeStages(model, scores({ virt: 0, auto: 0, tools: 2, svc: 3, biz: 1 }));
    expect(om.predominant).toBe('service');
    expect(om.stages[2]).toMatchObject({ attained: false, attainment: 60 });
  });
});
