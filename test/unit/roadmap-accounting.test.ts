import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { planRoadmap } from '../../src/core/roadmap.js';
import type { Roadmap } from '../../src/core/roadmap.js';
import { Answers } from '../../src/schema/answers.js';
import { buildModel, buildQuestionnaire, dimScores, roadmapIds as ids, roadmapItem as item, roadmapItems as items } from '../fixtures/build.js';

/** What every item claims on each step of each dimension, added up. */
function claimed(r: Roadmap): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of items(r)) for (const g of it.reason.gaps) out.set(`${g.dimension}:${g.from}-${g.to}`, (out.get(`${g.dimension}:${g.from}-${g.to}`) ?? 0) + g.closes);
  return out;
}

describe('gap accounting', () => {
  const model = buildModel({
    dims: [{ id: 'svc' }, { id: 'auto' }],
    initiatives: [
      { id: 'catalogue', raises: [{ dimension: 'svc', from: 2, to: 3 }], effort: 'm' },
      { id: 'owners', raises: [{ dimension: 'svc', from: 2, to: 3 }], effort: 'm' },
      { id: 'maps', raises: [{ dimension: 'svc', from: 2, to: 3 }], effort: 'l' },
      { id: 'orchestrate', raises: [{ dimension: 'auto', from: 2, to: 3 }], effort: 'l' },
      { id: 'routine-ops', raises: [{ dimension: 'auto', from: 3, to: 4 }], effort: 'l', dependsOn: ['orchestrate'] },
      { id: 'pipelines', raises: [{ dimension: 'auto', from: 3, to: 4 }], effort: 'l', dependsOn: ['orchestrate'] },
    ],
  });

  it('shares a step among the items that raise it, so the shares add up to the step and no more', () => {
    const r = planRoadmap(model, dimScores({ svc: [2, 3], auto: [3, 3] }));
    expect(ids(r).sort()).toEqual(['catalogue', 'maps', 'owners']);
    expect(claimed(r).get('svc:2-3')).toBeCloseTo(1, 9);
    for (const id of ['catalogue', 'maps', 'owners']) {
      const [g] = item(r, id).reason.gaps;
      expect(g!.closes).toBeLessThan(0.35);
      expect(g!.with.sort()).toEqual(['catalogue', 'maps', 'owners'].filter((x) => x !== id));
    }
  });

  it('marks only the steps below the level the next phase needs as holding it back', () => {
    // Phase II needs Automation 3: 2->3 holds it back, 3->4 does not.
    const r = planRoadmap(model, dimScores({ svc: [3, 3], auto: [2, 4] }), { gates: [{ dimension: 'auto', min: 3 }] });
    expect(item(r, 'orchestrate').reason.gaps).toEqual([{ dimension: 'auto', from: 2, to: 3, closes: 1, with: [], holdsBackPhase: true }]);
    for (const id of ['routine-ops', 'pipelines']) {
      expect(item(r, id).reason.gaps).toEqual([{ dimension: 'auto', from: 3, to: 4, closes: 0.5, with: [id === 'pipelines' ? 'routine-ops' : 'pipelines'], holdsBackPhase: false }]);
      expect(item(r, id).blockerPath).toBe(false);
    }
    expect(item(r, 'orchestrate').blockerPath).toBe(true);
  });

  it('proposes one of a group of alternatives and names the others', () => {
    const m = buildModel({
      dims: [{ id: 'pay' }],
      initiatives: [
        { id: 'chargeback', raises: [{ dimension: 'pay', from: 3, to: 4 }], effort: 'l', alternatives: ['consumption-billing'] },
        { id: 'consumption-billing', raises: [{ dimension: 'pay', from: 3, to: 4 }], effort: 'm' },
      ],
    });
    const r = planRoadmap(m, dimScores({ pay: [3, 4] }));
    // The cheaper one closes more of the gap per effort point.
    expect(ids(r)).toEqual(['consumption-billing']);
    expect(item(r, 'consumption-billing').alternatives).toEqual(['chargeback']);
    expect(item(r, 'consumption-billing').reason.gaps[0]).toMatchObject({ closes: 1, with: [] });
    // With one of them in place, the step is served: neither is proposed.
    expect(ids(planRoadmap(m, dimScores({ pay: [3, 4] }), { done: new Set(['chargeback']) }))).toEqual([]);
  });
});

describe('credit for what is in place', () => {
  const model = buildModel({
    dims: [{ id: 'cost' }, { id: 'svc' }],
    initiatives: [
      { id: 'allocate', raises: [{ dimension: 'cost', from: 0, to: 2 }], effort: 's', doneWhen: { question: 'cost-statement', in: ['o2', 'o3', 'o4'] } },
      { id: 'cost-model', raises: [{ dimension: 'cost', from: 2, to: 3 }], effort: 'l', dependsOn: ['allocate'] },
      { id: 'portal', raises: [{ dimension: 'svc', from: 2, to: 3 }], effort: 'l', doneWhen: { question: 'portal', in: ['o2', 'o3', 'o4'] } },
    ],
  });
  const questionnaire = buildQuestionnaire([
    { id: 'cost-statement', dimension: 'cost' },
    { id: 'cost-detail', dimension: 'cost' },
    { id: 'portal', dimension: 'svc' },
    { id: 'speed', dimension: 'svc' },
  ]);
  const answers = (people: Array<Record<string, string>>) =>
    Answers.parse({
      kind: 'answers',
      questionnaire: { id: 'tiny-q', version: '1.0.0' },
      assessment: { organisation: 'Acme', date: '2025-03-12' },
      respondents: people.map((a, n) => ({ name: `R${n}`, answers: a })),
    });

  it('does not propose an initiative whose done-condition holds for the median answer, nor pull it in as a prerequisite', () => {
    // Median of o2, o2, o0 is o2: the yearly statement exists, although the cost score is still low.
    const r = assess(
      model,
      questionnaire,
      answers([
        { 'cost-statement': 'o2', 'cost-detail': 'o0', portal: 'o3', speed: 'o1' },
        { 'cost-statement': 'o2', 'cost-detail': 'o1', portal: 'o1', speed: 'o1' },
        { 'cost-statement': 'o0', 'cost-detail': 'o0', portal: 'o2', speed: 'o1' },
      ]),
    );
    expect(r.inPlace.map((i) => i.id)).toEqual(['allocate', 'portal']);
    expect(r.inPlace[0]!.evidence).toEqual(['cost-statement']);
    const planned = r.roadmap.waves.flatMap((w) => w.items).map((i) => i.id);
    expect(planned).toEqual(['cost-model']);
    expect(r.roadmap.waves[0]!.items[0]!.dependsOn).toEqual([]);
    expect(r.roadmap.inPlace).toEqual(['allocate', 'portal']);
  });

  it('credits nothing when fewer than half the respondents give an answer that shows it', () => {
    const r = assess(
      model,
      questionnaire,
      answers([
        { 'cost-statement': 'o2', portal: 'o0' },
        { 'cost-statement': 'o0', portal: 'o0' },
      ]),
    );
    expect(r.inPlace).toEqual([]);
    expect(r.roadmap.waves.flatMap((w) => w.items).map((i) => i.id)).toContain('allocate');
  });
});

describe('a plan that can be scheduled', () => {
  const model = buildModel({
    dims: [{ id: 'auto' }, { id: 'svc' }, { id: 'cost' }, { id: 'pay' }, { id: 'base' }],
    phases: [{ id: 'p2', requires: [{ dimension: 'auto', min: 3 }] }],
    initiatives: [
      // Cheap, high-value work elsewhere would come first on urgency alone.
      { id: 'svc-quick', raises: [{ dimension: 'svc', from: 0, to: 3 }], effort: 's' },
      { id: 'cost-quick', raises: [{ dimension: 'cost', from: 0, to: 3 }], effort: 's' },
      { id: 'pay-quick', raises: [{ dimension: 'pay', from: 0, to: 3 }], effort: 's' },
      { id: 'templates', raises: [{ dimension: 'base', from: 0, to: 1 }], effort: 'l' },
      { id: 'orchestrate', raises: [{ dimension: 'auto', from: 2, to: 3 }], effort: 'l', dependsOn: ['templates'] },
    ],
    waves: [
      ['w1', 0, 6],
      ['w2', 6, 12],
    ],
    parallel: 1,
  });
  const scores = dimScores({ auto: [2, 3], svc: [0, 3], cost: [0, 3], pay: [0, 3], base: [0, 1] });

  it('starts the path to the next phase first, prerequisites included', () => {
    const r = planRoadmap(model, scores, { gates: [{ dimension: 'auto', min: 3 }] });
    expect(ids(r).slice(0, 2)).toEqual(['templates', 'orchestrate']);
    expect(item(r, 'templates').start).toBe(0);
    expect(item(r, 'templates').blockerPath).toBe(true);
    expect(r.waves[0]!.items[0]!.id).toBe('templates');
  });

  it('keeps every item inside the span of its wave and says when the plan overruns the horizon', () => {
    const r = planRoadmap(model, scores, { gates: [{ dimension: 'auto', min: 3 }] });
    for (const w of r.waves) for (const i of w.items) expect(w.fromMonth <= i.start && i.end <= w.toMonth, `${i.id} in ${w.id}`).toBe(true);
    expect(r.waves[r.waves.length - 1]!.toMonth).toBe(r.months);
    expect(r.months).toBe(18);
    expect(r.horizon).toBe(12);
    expect(r.criticalPath).toBe(12);
    expect(r.capacityToFit).toBe(2);
  });

  it('runs more at once when the organisation can', () => {
    const gates = [{ dimension: 'auto', min: 3 }];
    const slow = planRoadmap(model, scores, { gates, capacity: 1 });
    const fast = planRoadmap(model, scores, { gates, capacity: 3 });
    expect(fast.capacity).toBe(3);
    expect(fast.months).toBeLessThan(slow.months);
    expect(fast.months).toBeLessThanOrEqual(fast.horizon);
    expect(fast.capacityToFit).toBeNull();
  });
});
