import type { Model, Requirement } from '../schema/model.js';
import type { DimensionScore } from './score.js';
import { round1 } from './score.js';

export interface RequirementCheck {
  dimension: string;
  min: number;
  score: number | null;
  met: boolean;
  /** How far the dimension is below the requirement (0 when met). */
  shortfall: number;
}

export interface PhasePlacement {
  /** 0 = not yet the first phase; n = the n-th phase of the model. */
  reached: number;
  reachedId: string | null;
  next: {
    number: number;
    id: string;
    /** 0..100: how much of the next phase's requirements are met, counting partial progress. */
    progress: number;
    /** Unmet requirements of the next phase, weakest first (the first one holds the phase back). */
    blockers: RequirementCheck[];
  } | null;
  phases: Array<{ id: string; number: number; reached: boolean; requirements: RequirementCheck[] }>;
}

export interface StagePlacement {
  id: string;
  attained: boolean;
  /** 0..100 */
  attainment: number;
  requirements: RequirementCheck[];
}

export interface OperatingModelPlacement {
  /** The most advanced attained stage, or the model's baseline stage. */
  predominant: string;
  stages: StagePlacement[];
}

/** The bottom of the model's scale: a score there is no progress at all (scales may start at 1). */
const floorOf = (model: Model): number => Math.min(...model.scale.map((s) => s.level));

function check(reqs: Requirement[], dims: ReadonlyMap<string, DimensionScore>, floor: number): RequirementCheck[] {
  return reqs.map((requirement) => {
    const score = dims.get(requirement.dimension)?.score ?? null;
    const met = score !== null && score >= requirement.min;
    return { dimension: requirement.dimension, min: requirement.min, score, met, shortfall: met ? 0 : round1(requirement.min - (score ?? floor)) };
  });
}

function progress(checks: RequirementCheck[], floor: number): number {
  const total = checks.reduce((s, c) => s + Math.max(0, c.min - floor), 0);
  if (total === 0) return checks.every((c) => c.met) ? 100 : 0;
  const got = checks.reduce((s, c) => s + Math.max(0, Math.min(c.score ?? floor, c.min) - floor), 0);
  return Math.floor((100 * got) / total + 1e-9);
}

const weakestFirst = (a: RequirementCheck, b: RequirementCheck) => b.shortfall - a.shortfall || (a.dimension < b.dimension ? -1 : a.dimension > b.dimension ? 1 : 0);

/** Weakest-link placement on the journey: a phase is reached when it and every earlier phase are met. */
export function placePhase(model: Model, dims: ReadonlyMap<string, DimensionScore>): PhasePlacement {
  const floor = floorOf(model);
  const phases = (model.phases?.list ?? []).map((p, i) => ({ id: p.id, number: i + 1, requirements: check(p.requires, dims, floor) }));
  let reached = 0;
  for (const phase of phases) {
    if (phase.requirements.every((c) => c.met)) reached = phase.number;
    else break;
  }
  const nextPhase = phases[reached];
  // Later phases are met on their own merit but not reached while an earlier one is not.
  const list = phases.map((p) => ({ ...p, reached: p.number <= reached }));
  return {
    reached,
    reachedId: reached ? phases[reached - 1]!.id : null,
    next: nextPhase
      ? {
          number: nextPhase.number,
          id: nextPhase.id,
          progress: progress(nextPhase.requirements, floor),
          blockers: nextPhase.requirements.filter((c) => !c.met).sort(weakestFirst),
        }
      : null,
    phases: list,
  };
}

/** Each operating-model stage is judged on its own: a later stage never implies an earlier one. */
export function placeStages(model: Model, dims: ReadonlyMap<string, DimensionScore>): OperatingModelPlacement {
  const floor = floorOf(model);
  const stages = (model.stages?.list ?? []).map((stage) => {
    const requirements = check(stage.requires, dims, floor);
    return { id: stage.id, attained: requirements.every((c) => c.met), attainment: progress(requirements, floor), requirements };
  });
  const attained = stages.filter((s) => s.attained);
  return { predominant: attained.length ? attained[attained.length - 1]!.id : (model.stages?.baseline.id ?? ''), stages };
}
