import { describe, expect, it } from 'vitest';
import { LATER_WAVE, planRoadmap } from '../../src/core/roadmap.js';
import { buildModel, dimScores, roadmapIds as ids, roadmapItem as item, roadmapItems as items } from '../fixtures/build.js';

const model = buildModel({
  dims: [{ id: 'auto', weight: 2 }, { id: 'svc' }, { id: 'cost' }, { id: 'virt' }],
  initiatives: [
    { id: 'virt-platform', raises: [{ dimension: 'virt', from: 0, to: 2 }], effort: 's' },
    { id: 'scripts', raises: [{ dimension: 'auto', from: 0, to: 2 }], effort: 's', dependsOn: ['virt-platform'] },
    { id: 'orchestrate', raises: [{ dimension: 'auto', from: 2, to: 3 }], effort: 'm', dependsOn: ['scripts'] },
    { id: 'catalogue', raises: [{ dimension: 'svc', from: 1, to: 3 }], effort: 'm' },
    { id: 'cost-model', raises: [{ dimension: 'cost', from: 0, to: 2 }], effort: 'm', dependsOn: ['catalogue'] },
    { id: 'chargeback', raises: [{ dimension: 'cost', from: 2, to: 3 }], effort: 's', dependsOn: ['cost-model'] },
  ],
});

describe('roadmap', () => {
  it('is empty when every dimension meets its target', () => {
    const r = planRoadmap(model, dimScores({ auto: [3, 3], svc: [3, 3], cost: [4, 3], virt: [3, 3] }));
    expect(items(r)).toEqual([]);
    expect(r.months).toBe(0);
  });

  it('picks initiatives that close gaps and says which gap each closes', () => {
    const r = planRoadmap(model, dimScores({ auto: [2, 3, 2], svc: [3, 3], cost: [4, 3], virt: [3, 3] }));
    expect(ids(r)).toEqual(['orchestrate']);
    expect(item(r, 'orchestrate').reason).toEqual({ gaps: [{ dimension: 'auto', from: 2, to: 3, closes: 1, with: [], holdsBackPhase: false }], requiredBy: [] });
  });

  it('counts only the part of the range between the current score and the target, step by step', () => {
    const r = planRoadmap(model, dimScores({ auto: [3, 3], svc: [1.6, 2.5], cost: [4, 3], virt: [3, 3] }));
    expect(item(r, 'catalogue').reason.gaps).toEqual([
      { dimension: 'svc', from: 1.6, to: 2, closes: 0.4, with: [], holdsBackPhase: false },
      { dimension: 'svc', from: 2, to: 2.5, closes: 0.5, with: [], holdsBackPhase: false },
    ]);
  });

  it('pulls in unmet prerequisites, transitively, and says what needs them', () => {
    // chargeback closes the cost gap (svc has none, so catalogue would only be there as a prerequisite).
    const r = planRoadmap(model, dimScores({ auto: [3, 3], svc: [1, 1], cost: [2, 3], virt: [3, 3] }));
    expect(ids(r)).toEqual(['chargeback']);
    // Here cost-model is done (cost is already 2), so it is skipped, and so is catalogue, which only it needed.
    // With cost at 1, cost-model and then catalogue are pulled in although svc has no gap.
    const r2 = planRoadmap(model, dimScores({ auto: [3, 3], svc: [1, 1], cost: [1, 3], virt: [3, 3] }));
    expect(ids(r2)).toEqual(['catalogue', 'cost-model', 'chargeback']);
    expect(item(r2, 'catalogue').reason).toEqual({ gaps: [], requiredBy: ['cost-model'] });
    expect(item(r2, 'cost-model').reason.requiredBy).toEqual(['chargeback']);
  });

  it('skips prerequisites that are already done', () => {
    const r = planRoadmap(model, dimScores({ auto: [0, 3], svc: [3, 3], cost: [3, 3], virt: [2, 2] }));
    expect(ids(r)).toEqual(['scripts', 'orchestrate']);
    // virt-platform is already in place: not on the roadmap, so not listed as something to wait for.
    expect(item(r, 'scripts').dependsOn).toEqual([]);
    expect(item(r, 'scripts').start).toBe(0);
  });

  it('never starts an item before everything it depends on has ended', () => {
    const r = planRoadmap(model, dimScores({ auto: [0, 3], svc: [1, 3], cost: [0, 3], virt: [0, 2] }));
    const all = items(r);
    expect(all).toHaveLength(6);
    const pos = new Map(ids(r).map((id, i) => [id, i]));
    for (const it of all) {
      for (const d of it.dependsOn) {
        expect(pos.get(d)!, `${d} listed before ${it.id}`).toBeLessThan(pos.get(it.id)!);
        expect(item(r, d).end, `${it.id} starts after ${d} ends`).toBeLessThanOrEqual(it.start);
      }
    }
    expect(r.months).toBe(Math.max(...all.map((i) => i.end)));
  });

  it('ranks by gap closed times dimension weight per effort point', () => {
    const m = buildModel({
      dims: [{ id: 'a', weight: 3 }, { id: 'b' }, { id: 'c' }],
      initiatives: [
        { id: 'small-b', raises: [{ dimension: 'b', from: 0, to: 3 }], effort: 's' }, // 3 x 1 / 1 = 3
        { id: 'large-a', raises: [{ dimension: 'a', from: 0, to: 3 }], effort: 'l' }, // 3 x 3 / 4 = 2.25
        { id: 'medium-c', raises: [{ dimension: 'c', from: 0, to: 3 }], effort: 'm' }, // 3 x 1 / 2 = 1.5
      ],
      parallel: 1,
    });
    const r = planRoadmap(m, dimScores({ a: [0, 3, 3], b: [0, 3], c: [0, 3] }));
    expect(ids(r)).toEqual(['small-b', 'large-a', 'medium-c']);
    expect(items(r).map((i) => i.priority)).toEqual([3, 2.25, 1.5]);
  });

  it('runs at most `parallel` items at once', () => {
    const inits = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id: `do-${id}`, raises: [{ dimension: id, from: 0, to: 3 }], effort: 'm' }));
    const dims = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    const scores = dimScores({ a: [0, 3], b: [0, 3], c: [0, 3], d: [0, 3], e: [0, 3] });
    for (const parallel of [1, 2, 5]) {
      const r = planRoadmap(buildModel({ dims, initiatives: inits, parallel }), scores);
      const all = items(r);
      for (let t = 0; t < r.months; t++) expect(all.filter((i) => i.start <= t && t < i.end).length).toBeLessThanOrEqual(parallel);
      expect(r.months).toBe(4 * Math.ceil(5 / parallel));
    }
  });

  it('groups items into the model waves by start month, each spanning its items, with a later bucket past the last wave', () => {
    const inits = ['a', 'b', 'c'].map((id) => ({ id: `do-${id}`, raises: [{ dimension: id, from: 0, to: 3 }], effort: 'l' }));
    const m = buildModel({
      dims: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      initiatives: inits,
      parallel: 1,
      waves: [
        ['now', 0, 6],
        ['soon', 6, 12],
      ],
    });
    const r = planRoadmap(m, dimScores({ a: [0, 3], b: [0, 3], c: [0, 3] }));
    expect(r.waves.map((w) => [w.id, w.fromMonth, w.toMonth, w.items.map((i) => i.start)])).toEqual([
      ['now', 0, 6, [0]],
      ['soon', 6, 12, [6]],
      [LATER_WAVE, 12, 18, [12]],
    ]);
    expect(r.months).toBe(18);
  });

  it('leaves out initiatives for unassessed dimensions', () => {
    const r = planRoadmap(model, dimScores({ auto: [null, 3], svc: [3, 3], cost: [3, 3], virt: [3, 3] }));
    expect(items(r)).toEqual([]);
  });

  it('gives the same plan whatever the order of the initiatives in the model', () => {
    const scores = dimScores({ auto: [0, 3], svc: [1, 3], cost: [0, 3], virt: [0, 2] });
    const reversed = { ...model, initiatives: [...model.initiatives].reverse() };
    expect(planRoadmap(reversed, scores)).toEqual(planRoadmap(model, scores));
  });
});

describe('ordering within one dimension and the next phase', () => {
  const m = buildModel({
    dims: [{ id: 'auto' }, { id: 'svc' }],
    initiatives: [
      { id: 'auto-basics', raises: [{ dimension: 'auto', from: 1, to: 2 }], effort: 'm' },
      // Nothing in the model says so, but 2->3 work must not come before 1->2 work.
      { id: 'auto-advanced', raises: [{ dimension: 'auto', from: 2, to: 3 }], effort: 'm' },
      { id: 'svc-catalogue', raises: [{ dimension: 'svc', from: 1, to: 3 }], effort: 'm' },
    ],
  });

  it('does lower levels of a dimension before higher ones', () => {
    const r = planRoadmap(m, dimScores({ auto: [1, 3], svc: [3, 3] }));
    expect(ids(r)).toEqual(['auto-basics', 'auto-advanced']);
    expect(item(r, 'auto-advanced').start).toBeGreaterThanOrEqual(item(r, 'auto-basics').end);
    expect(item(r, 'auto-advanced').dependsOn).toEqual(['auto-basics']);
  });

  it('ranks the gap that holds back the next phase first and says so', () => {
    // auto closes 1 level for 2 effort points (0.5); svc closes 1.5 for 2 (0.75); doubled, auto's is 1.0.
    const plain = planRoadmap(m, dimScores({ auto: [2, 3], svc: [1.5, 3] }));
    expect(ids(plain)[0]).toBe('svc-catalogue');
    const focused = planRoadmap(m, dimScores({ auto: [2, 3], svc: [1.5, 3] }), { gates: [{ dimension: 'auto', min: 3 }] });
    expect(ids(focused)[0]).toBe('auto-advanced');
    expect(item(focused, 'auto-advanced').reason.gaps[0]).toMatchObject({ dimension: 'auto', holdsBackPhase: true });
    expect(item(focused, 'svc-catalogue').reason.gaps[0]!.holdsBackPhase).toBe(false);
  });
});
