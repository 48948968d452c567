import type { Initiative, Model } from '../schema/model.js';
import type { DimensionScore } from './score.js';
import { round2 } from './score.js';

export interface GapReason {
  dimension: string;
  /** The part of the gap this initiative closes: from the current score (or its start level) to the target (or its end level). */
  from: number;
  to: number;
  closes: number;
  /** The dimension holds back the next phase of the journey, so its gap counts double in ranking. */
  holdsBackPhase: boolean;
}

export interface RoadmapItem {
  id: string;
  effort: string;
  /** Months from the start of the roadmap. */
  start: number;
  end: number;
  wave: string;
  priority: number;
  /** Items on this roadmap that must end before this one starts (prerequisites already in place are left out). */
  dependsOn: string[];
  /** The dimensions the initiative raises, with the level range of each. */
  raises: Array<{ dimension: string; from: number; to: number }>;
  reason: {
    /** Gaps this initiative closes directly. */
    gaps: GapReason[];
    /** Roadmap items that need this one first. */
    requiredBy: string[];
  };
}

export interface Roadmap {
  waves: Array<{ id: string; fromMonth: number; toMonth: number | null; items: RoadmapItem[] }>;
  /** Months from the start until the last item ends. */
  months: number;
}

/** A model with initiatives and the waves and efforts to schedule them. */
export type PlannedModel = Model & { roadmap: NonNullable<Model['roadmap']> };

/** The wave id used for work that cannot start within the model's waves. */
export const LATER_WAVE = 'later';

function gapReasons(it: Initiative, dims: ReadonlyMap<string, DimensionScore>, blockers: ReadonlySet<string>): GapReason[] {
  const out: GapReason[] = [];
  for (const r of it.raises) {
    const d = dims.get(r.dimension);
    if (!d || d.score === null) continue;
    const from = Math.max(r.from, d.score);
    if (d.target === null) continue;
    const to = Math.min(r.to, d.target);
    if (to > from + 1e-9) out.push({ dimension: r.dimension, from: round2(from), to: round2(to), closes: round2(to - from), holdsBackPhase: blockers.has(r.dimension) });
  }
  return out;
}

/** Already achieved: every dimension it raises is at or above its end level. */
function done(it: Initiative, dims: ReadonlyMap<string, DimensionScore>): boolean {
  return it.raises.every((r) => {
    const s = dims.get(r.dimension)?.score;
    return s !== null && s !== undefined && s >= r.to;
  });
}

/** Whether `to` can be reached from `from` by following "comes after" edges. */
function reaches(deps: ReadonlyMap<string, readonly string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === to) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...(deps.get(n) ?? []));
  }
  return false;
}

/**
 * Work on the lower levels of a dimension comes before work on its higher levels (2->3 before 3->4),
 * even where the model names no dependency; skipped where the model's own dependencies say otherwise.
 */
function addLevelOrder(deps: Map<string, string[]>, selected: ReadonlyMap<string, { it: Initiative }>): void {
  const ids = [...selected.keys()].sort();
  for (const later of ids) {
    for (const earlier of ids) {
      if (later === earlier || deps.get(later)!.includes(earlier)) continue;
      const follows = selected.get(later)!.it.raises.some((l) =>
        selected.get(earlier)!.it.raises.some((e) => e.dimension === l.dimension && e.to <= l.from),
      );
      if (follows && !reaches(deps, earlier, later)) deps.get(later)!.push(earlier);
    }
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The roadmap for an assessment: initiatives that close gaps plus their unmet prerequisites, in
 * dependency order (ties broken by priority: gap closed times dimension weight, per effort point,
 * doubled for the dimensions that hold back the next phase),
 * scheduled with at most `parallel` running at once and bucketed into the model's waves.
 */
export function planRoadmap(model: PlannedModel, dimensions: DimensionScore[], phaseBlockers: ReadonlySet<string> = new Set()): Roadmap {
  const dims = new Map(dimensions.map((d) => [d.id, d]));
  const inits = new Map(model.initiatives.map((i) => [i.id, i]));
  const efforts = new Map(model.roadmap.efforts.map((e) => [e.id, e]));
  const weights = new Map(model.dimensions.map((d) => [d.id, d.weight]));

  const selected = new Map<string, { it: Initiative; gaps: GapReason[]; requiredBy: Set<string> }>();
  for (const it of model.initiatives) {
    const gaps = gapReasons(it, dims, phaseBlockers);
    if (gaps.length) selected.set(it.id, { it, gaps, requiredBy: new Set() });
  }
  // Pull in unmet prerequisites, transitively.
  const queue = [...selected.keys()].sort();
  while (queue.length) {
    const id = queue.shift()!;
    for (const dep of inits.get(id)!.dependsOn) {
      const d = inits.get(dep);
      if (!d || done(d, dims)) continue;
      let entry = selected.get(dep);
      if (!entry) {
        entry = { it: d, gaps: gapReasons(d, dims, phaseBlockers), requiredBy: new Set() };
        selected.set(dep, entry);
        queue.push(dep);
      }
      entry.requiredBy.add(id);
    }
  }
  const priority = (id: string): number => {
    const e = selected.get(id)!;
    const points = efforts.get(e.it.effort)?.points ?? 1;
    return round2(e.gaps.reduce((s, g) => s + g.closes * (weights.get(g.dimension) ?? 1) * (g.holdsBackPhase ? 2 : 1), 0) / points);
  };
  // A prerequisite inherits the urgency of what waits for it, so it is not scheduled last.
  const urgency = new Map<string, number>();
  const urgencyOf = (id: string, seen = new Set<string>()): number => {
    const cached = urgency.get(id);
    if (cached !== undefined) return cached;
    seen.add(id);
    let u = priority(id);
    for (const r of selected.get(id)!.requiredBy) if (!seen.has(r)) u = Math.max(u, urgencyOf(r, seen));
    urgency.set(id, u);
    return u;
  };

  // Kahn's algorithm, most urgent ready item first.
  const deps = new Map([...selected.keys()].map((id) => [id, selected.get(id)!.it.dependsOn.filter((d) => selected.has(d))]));
  addLevelOrder(deps, selected);
  const remaining = new Map([...deps].map(([id, ds]) => [id, ds.length]));
  const ready = [...remaining].filter(([, n]) => n === 0).map(([id]) => id);
  const order: string[] = [];
  const rank = (a: string, b: string) => urgencyOf(b) - urgencyOf(a) || priority(b) - priority(a) || (a < b ? -1 : a > b ? 1 : 0);
  while (ready.length) {
    ready.sort(rank);
    const id = ready.shift()!;
    order.push(id);
    for (const [other, ds] of deps) {
      if (ds.includes(id)) {
        const n = remaining.get(other)! - 1;
        remaining.set(other, n);
        if (n === 0) ready.push(other);
      }
    }
  }
  // Validation refuses cycles; if one slipped through, its members are left out rather than looping.

  const parallel = model.roadmap.parallel;
  const scheduled: Array<{ id: string; start: number; end: number }> = [];
  const ends = new Map<string, number>();
  const running = (t: number) => scheduled.filter((s) => s.start <= t && t < s.end).length;
  const items: RoadmapItem[] = order.map((id) => {
    const e = selected.get(id)!;
    const months = efforts.get(e.it.effort)?.months ?? 1;
    const earliest = Math.max(0, ...deps.get(id)!.map((d) => ends.get(d)!));
    const candidates = [earliest, ...scheduled.map((s) => s.end).filter((t) => t > earliest)].sort((a, b) => a - b);
    let start = earliest;
    for (const c of candidates) {
      const points = [c, ...scheduled.map((s) => s.start).filter((t) => t > c && t < c + months)];
      if (points.every((t) => running(t) < parallel)) {
        start = c;
        break;
      }
    }
    const end = start + months;
    scheduled.push({ id, start, end });
    ends.set(id, end);
    const wave = model.roadmap.waves.find((w) => start >= w.fromMonth && start < w.toMonth)?.id ?? LATER_WAVE;
    return {
      id,
      effort: e.it.effort,
      start,
      end,
      wave,
      priority: priority(id),
      // Only what it waits for on this roadmap: a prerequisite already in place is not listed, so a reader
      // never looks for an item that is not there.
      dependsOn: [...deps.get(id)!].sort(),
      raises: e.it.raises.map((r) => ({ dimension: r.dimension, from: r.from, to: r.to })),
      reason: { gaps: e.gaps, requiredBy: [...e.requiredBy].sort() },
    };
  });
  const waves: Roadmap['waves'] = model.roadmap.waves.map((w) => ({
    id: w.id,
    fromMonth: w.fromMonth,
    toMonth: w.toMonth as number | null,
    items: items.filter((i) => i.wave === w.id).sort((a, b) => a.start - b.start || order.indexOf(a.id) - order.indexOf(b.id)),
  }));
  const later = items.filter((i) => i.wave === LATER_WAVE);
  if (later.length) {
    waves.push({ id: LATER_WAVE, fromMonth: model.roadmap.waves[model.roadmap.waves.length - 1]!.toMonth, toMonth: null, items: later.sort((a, b) => a.start - b.start || byId(a, b)) });
  }
  return { waves, months: Math.max(0, ...items.map((i) => i.end)) };
}
