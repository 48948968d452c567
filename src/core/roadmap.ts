import type { Initiative, Model } from '../schema/model.js';
import type { DimensionScore } from './score.js';
import { round2 } from './score.js';

/**
 * One item's part in closing one level step of a dimension (for example Automation 2->3). Every item
 * that raises the step shares its open part, so the shares on one step add up to at most the step.
 */
export interface GapReason {
  dimension: string;
  /** The open part of the step: from the current score (or the step's lower level) to the target (or its upper level). */
  from: number;
  to: number;
  /** This item's share of that part. */
  closes: number;
  /** Other items on the roadmap that raise the same step; together they close it. */
  with: string[];
  /** The step lies below the level the next phase requires of the dimension. */
  holdsBackPhase: boolean;
}

export interface RoadmapItem {
  id: string;
  effort: string;
  /** Months from the start of the roadmap: starts at the beginning of month `start`, ends before month `end`. */
  start: number;
  end: number;
  wave: string;
  priority: number;
  /** Items on this roadmap that must end before this one starts (prerequisites already in place are left out). */
  dependsOn: string[];
  /** The dimensions the initiative raises, with the level range of each. */
  raises: Array<{ dimension: string; from: number; to: number }>;
  /** Initiatives that would reach the same levels another way; this one is proposed in their place. */
  alternatives: string[];
  /** The outcomes the initiative serves. */
  outcomes: string[];
  /** On the path to the next phase: it closes a step the phase needs, or comes before one that does. */
  blockerPath: boolean;
  reason: {
    /** The level steps this initiative serves, with its share of each. */
    gaps: GapReason[];
    /** Roadmap items that need this one first. */
    requiredBy: string[];
  };
}

export interface RoadmapWave {
  id: string;
  /** The real span of the wave: from the first start to the last end of its items. */
  fromMonth: number;
  toMonth: number;
  items: RoadmapItem[];
}

export interface Roadmap {
  waves: RoadmapWave[];
  /** Months from the start until the last item ends. */
  months: number;
  /** Initiatives that may run at once. */
  capacity: number;
  /** The month the roadmap starts, YYYY-MM. */
  start: string;
  /** The end of the model's last wave: the time the plan is meant to fit in. */
  horizon: number;
  /** When the plan runs past the horizon: the smallest capacity that would fit it, or null if none up to 50 does. */
  capacityToFit: number | null;
  /** Months the longest chain of dependencies takes on its own, whatever the capacity. */
  criticalPath: number;
  /** Initiatives already in place (their done-condition holds), in model order. */
  inPlace: string[];
}

/** A model with initiatives and the waves and efforts to schedule them. */
export type PlannedModel = Model & { roadmap: NonNullable<Model['roadmap']> };

export interface RoadmapOptions {
  /** Unmet requirements of the next phase, the one holding it back most first. */
  gates?: ReadonlyArray<{ dimension: string; min: number }>;
  /** Initiatives whose done-condition holds. */
  done?: ReadonlySet<string>;
  /** Initiatives at once (default: the model's `roadmap.parallel`). */
  capacity?: number;
  /** The month the roadmap starts, YYYY-MM. */
  start?: string;
}

/** The wave id used for work that starts after the model's last wave. */
export const LATER_WAVE = 'later';

const EPS = 1e-9;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The open part of each level step between a dimension's score and its target. */
function openSteps(dimension: DimensionScore): Array<{ step: number; from: number; to: number }> {
  if (dimension.score === null || dimension.target === null || dimension.target <= dimension.score + EPS) return [];
  const out: Array<{ step: number; from: number; to: number }> = [];
  for (let k = Math.floor(dimension.score + EPS); k < dimension.target - EPS; k++) {
    const from = Math.max(k, dimension.score);
    const to = Math.min(k + 1, dimension.target);
    if (to > from + EPS) out.push({ step: k, from, to });
  }
  return out;
}

const serves = (it: Initiative, dimension: string, step: number) => it.raises.some((r) => r.dimension === dimension && r.from <= step && r.to >= step + 1);

/** Already achieved by score: every dimension it raises is at or above its end level. */
function reachedByScore(it: Initiative, dims: ReadonlyMap<string, DimensionScore>): boolean {
  return it.raises.every((step) => {
    const score = dims.get(step.dimension)?.score;
    return score !== null && score !== undefined && score >= step.to;
  });
}

/** Whether `to` can be reached from `from` by following "comes after" edges. */
function reaches(deps: ReadonlyMap<string, readonly string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const next = stack.pop()!;
    if (next === to) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(deps.get(next) ?? []));
  }
  return false;
}

/**
 * Work on the lower levels of a dimension comes before work on its higher levels (2->3 before 3->4),
 * even where the model names no dependency; skipped where the model's own dependencies say otherwise.
 */
function addLevelOrder(deps: Map<string, string[]>, selected: ReadonlyMap<string, Initiative>): void {
  const ids = [...selected.keys()].sort();
  for (const later of ids) {
    for (const earlier of ids) {
      if (later === earlier || deps.get(later)!.includes(earlier)) continue;
      const follows = selected.get(later)!.raises.some((l) => selected.get(earlier)!.raises.some((e) => e.dimension === l.dimension && e.to <= l.from));
      if (follows && !reaches(deps, earlier, later)) deps.get(later)!.push(earlier);
    }
  }
}

/** Groups of alternatives (the symmetric, transitive closure of `alternatives`), keyed by member. */
function alternativeGroups(model: Model): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const it of model.initiatives) {
    for (const other of it.alternatives) {
      const ours = groups.get(it.id) ?? new Set([it.id]);
      const theirs = groups.get(other) ?? new Set([other]);
      const merged = new Set([...ours, ...theirs]);
      for (const id of merged) groups.set(id, merged);
    }
  }
  const order = new Map(model.initiatives.map((i, n) => [i.id, n]));
  return new Map([...groups].map(([id, group]) => [id, [...group].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0))]));
}

/** List scheduling: each item in `order` starts as early as its prerequisites and the capacity allow. */
function schedule(order: readonly string[], deps: ReadonlyMap<string, readonly string[]>, months: ReadonlyMap<string, number>, capacity: number): Map<string, { start: number; end: number }> {
  const placed: Array<{ start: number; end: number }> = [];
  const out = new Map<string, { start: number; end: number }>();
  const running = (t: number) => placed.filter((s) => s.start <= t && t < s.end).length;
  for (const id of order) {
    const length = months.get(id)!;
    const earliest = Math.max(0, ...deps.get(id)!.map((d) => out.get(d)!.end));
    const candidates = [earliest, ...placed.map((s) => s.end).filter((t) => t > earliest)].sort((a, b) => a - b);
    let start = candidates[candidates.length - 1]!;
    for (const candidate of candidates) {
      const points = [candidate, ...placed.map((s) => s.start).filter((t) => t > candidate && t < candidate + length)];
      if (points.every((t) => running(t) < capacity)) {
        start = candidate;
        break;
      }
    }
    const slot = { start, end: start + length };
    placed.push(slot);
    out.set(id, slot);
  }
  return out;
}

const span = (slots: Iterable<{ end: number }>) => Math.max(0, ...[...slots].map((s) => s.end));

/**
 * The roadmap for an assessment. Initiatives already in place are left out. The rest that raise a
 * level step still open between a dimension's score and its target are proposed (one per group of
 * alternatives), with their unmet prerequisites; items on one step share it. Items are ordered by
 * dependency, the path to the next phase first, then by urgency (share of the gaps closed times the
 * dimension's weight, per effort point, doubled for steps the next phase needs; a prerequisite
 * inherits the urgency of what waits for it), scheduled with at most `capacity` at once, and grouped
 * into waves by start month, each wave spanning its items from first start to last end.
 */
export function planRoadmap(model: PlannedModel, dimensions: DimensionScore[], opts: RoadmapOptions = {}): Roadmap {
  const dims = new Map(dimensions.map((d) => [d.id, d]));
  const inits = new Map(model.initiatives.map((i) => [i.id, i]));
  const efforts = new Map(model.roadmap.efforts.map((e) => [e.id, e]));
  const weights = new Map(model.dimensions.map((d) => [d.id, d.weight]));
  const gates = opts.gates ?? [];
  const gateLevel = new Map(gates.map((g) => [g.dimension, g.min]));
  const done = opts.done ?? new Set<string>();
  const capacity = opts.capacity ?? model.roadmap.parallel;
  const steps = new Map(dimensions.map((d) => [d.id, openSteps(d)]));
  const pointsOf = (it: Initiative) => efforts.get(it.effort)?.points ?? 1;

  // Alternatives: one member of a group is proposed; none is when one of them is already in place.
  const groups = alternativeGroups(model);
  const standIn = new Map<string, string>(); // rejected alternative -> the one proposed instead
  const served = new Set<string>(); // a group member is in place
  const openValue = (it: Initiative) =>
    it.raises.reduce((s, r) => s + (steps.get(r.dimension) ?? []).filter((x) => serves(it, r.dimension, x.step)).reduce((a, x) => a + (x.to - x.from), 0) * (weights.get(r.dimension) ?? 1), 0) /
    pointsOf(it);
  for (const group of new Set(groups.values())) {
    if (group.some((id) => done.has(id))) {
      for (const id of group) if (!done.has(id)) served.add(id);
      continue;
    }
    const best = [...group].filter((id) => inits.has(id)).sort((a, b) => openValue(inits.get(b)!) - openValue(inits.get(a)!))[0];
    for (const id of group) if (best !== undefined && id !== best) standIn.set(id, best);
  }
  const out = (id: string) => done.has(id) || served.has(id) || standIn.has(id);

  // Proposed: what serves an open step, then unmet prerequisites, transitively.
  const selected = new Map<string, Initiative>();
  const requiredBy = new Map<string, Set<string>>();
  for (const it of model.initiatives) {
    if (out(it.id)) continue;
    if (it.raises.some((r) => (steps.get(r.dimension) ?? []).some((x) => serves(it, r.dimension, x.step)))) selected.set(it.id, it);
  }
  const prereqs = (id: string) => [...new Set(inits.get(id)!.dependsOn.map((d) => standIn.get(d) ?? d))].filter((d) => inits.has(d) && !done.has(d) && !served.has(d));
  const queue = [...selected.keys()].sort();
  while (queue.length) {
    const id = queue.shift()!;
    for (const dep of prereqs(id)) {
      const dependency = inits.get(dep)!;
      if (reachedByScore(dependency, dims)) continue;
      if (!selected.has(dep)) {
        selected.set(dep, dependency);
        queue.push(dep);
      }
      const set = requiredBy.get(dep) ?? new Set<string>();
      set.add(id);
      requiredBy.set(dep, set);
    }
  }

  // Shares: the open part of each step divided evenly (in hundredths) among the items that raise it.
  const gaps = new Map<string, GapReason[]>([...selected.keys()].map((id) => [id, []]));
  for (const scored of dimensions) {
    for (const step of steps.get(scored.id)!) {
      const on = [...selected.values()]
        .filter((it) => serves(it, scored.id, step.step))
        .map((it) => it.id)
        .sort(byId);
      if (!on.length) continue;
      const hundredths = Math.round((step.to - step.from) * 100);
      const base = Math.floor(hundredths / on.length);
      on.forEach((id, position) => {
        const share = (base + (position < hundredths - base * on.length ? 1 : 0)) / 100;
        const level = gateLevel.get(scored.id);
        gaps
          .get(id)!
          .push({ dimension: scored.id, from: round2(step.from), to: round2(step.to), closes: share, with: on.filter((o) => o !== id), holdsBackPhase: level !== undefined && step.step < level });
      });
    }
  }

  const priority = (id: string): number => {
    const points = pointsOf(selected.get(id)!);
    return round2(gaps.get(id)!.reduce((s, g) => s + g.closes * (weights.get(g.dimension) ?? 1) * (g.holdsBackPhase ? 2 : 1), 0) / points);
  };
  const urgency = new Map<string, number>();
  const urgencyOf = (id: string, seen = new Set<string>()): number => {
    const cached = urgency.get(id);
    if (cached !== undefined) return cached;
    seen.add(id);
    let highest = priority(id);
    for (const dependent of requiredBy.get(id) ?? []) if (!seen.has(dependent)) highest = Math.max(highest, urgencyOf(dependent, seen));
    urgency.set(id, highest);
    return highest;
  };

  const deps = new Map([...selected.keys()].map((id) => [id, prereqs(id).filter((d) => selected.has(d))]));
  addLevelOrder(deps, selected);

  // The path to the next phase: items on a step a gate needs, and everything they wait for. Rank 0 is
  // the path of the requirement that holds the phase back most, so the summary and the plan agree.
  const pathRank = new Map<string, number>();
  gates.forEach((requirement, position) => {
    const stack = [...selected.keys()].filter((id) => gaps.get(id)!.some((x) => x.dimension === requirement.dimension && x.holdsBackPhase));
    while (stack.length) {
      const id = stack.pop()!;
      if ((pathRank.get(id) ?? Infinity) <= position) continue;
      pathRank.set(id, position);
      stack.push(...deps.get(id)!);
    }
  });

  // Kahn's algorithm: the most pressing ready item first.
  const remaining = new Map([...deps].map(([id, ds]) => [id, ds.length]));
  const ready = [...remaining].filter(([, n]) => n === 0).map(([id]) => id);
  const order: string[] = [];
  const rank = (a: string, b: string) => (pathRank.get(a) ?? Infinity) - (pathRank.get(b) ?? Infinity) || urgencyOf(b) - urgencyOf(a) || priority(b) - priority(a) || byId(a, b);
  while (ready.length) {
    ready.sort(rank);
    const id = ready.shift()!;
    order.push(id);
    for (const [other, ds] of deps) {
      if (ds.includes(id)) {
        const waiting = remaining.get(other)! - 1;
        remaining.set(other, waiting);
        if (waiting === 0) ready.push(other);
      }
    }
  }
  // Validation refuses cycles; if one slipped through, its members are left out rather than looping.

  const months = new Map(order.map((id) => [id, efforts.get(selected.get(id)!.effort)?.months ?? 1]));
  const slots = schedule(order, deps, months, capacity);
  const total = span(slots.values());
  const lastWave = model.roadmap.waves[model.roadmap.waves.length - 1];
  const horizon = lastWave?.toMonth ?? total;
  const criticalPath = span(schedule(order, deps, months, Number.MAX_SAFE_INTEGER).values());
  let capacityToFit: number | null = null;
  if (total > horizon && criticalPath <= horizon) {
    for (let tried = capacity + 1; tried <= 50 && capacityToFit === null; tried++) if (span(schedule(order, deps, months, tried).values()) <= horizon) capacityToFit = tried;
  }

  const alternativesOf = (id: string) => [...standIn].filter(([, to]) => to === id).map(([from]) => from);
  const items: RoadmapItem[] = order.map((id) => {
    const it = selected.get(id)!;
    const { start, end } = slots.get(id)!;
    return {
      id,
      effort: it.effort,
      start,
      end,
      wave: model.roadmap.waves.find((w) => start >= w.fromMonth && start < w.toMonth)?.id ?? LATER_WAVE,
      priority: priority(id),
      // Only what it waits for on this roadmap: a prerequisite already in place is not listed, so a reader
      // never looks for an item that is not there.
      dependsOn: [...deps.get(id)!].sort(),
      raises: it.raises.map((r) => ({ dimension: r.dimension, from: r.from, to: r.to })),
      alternatives: alternativesOf(id),
      outcomes: [...it.outcomes],
      blockerPath: pathRank.has(id),
      reason: { gaps: gaps.get(id)!, requiredBy: [...(requiredBy.get(id) ?? [])].filter((r) => selected.has(r)).sort() },
    };
  });
  const inWave = (w: string) => items.filter((i) => i.wave === w).sort((a, b) => a.start - b.start || order.indexOf(a.id) - order.indexOf(b.id));
  const waves: RoadmapWave[] = [...model.roadmap.waves.map((w) => w.id), LATER_WAVE]
    .map((id) => ({ id, items: inWave(id) }))
    .filter((w) => w.items.length)
    .map((w) => ({ id: w.id, fromMonth: Math.min(...w.items.map((i) => i.start)), toMonth: span(w.items), items: w.items }));
  return {
    waves,
    months: total,
    capacity,
    start: opts.start ?? '',
    horizon,
    capacityToFit,
    criticalPath,
    inPlace: model.initiatives.filter((i) => done.has(i.id)).map((i) => i.id),
  };
}
