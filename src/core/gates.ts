import { round1 } from './score.js';

/** What the gates need of one assessment: its dimension scores and targets. */
export interface GateDimension {
  id: string;
  weight: number;
  score: number | null;
  /** Null when the dimension has no target. */
  target: number | null;
}

/** A threshold from `--fail-under`: the overall score, or one dimension. */
export interface Threshold {
  dimension: string | null;
  level: number;
}

export type GateKind = 'below-target' | 'under' | 'regression';

/** One gate that failed. `actual` is null when the dimension was not assessed. */
export interface GateFailure {
  kind: GateKind;
  /** The dimension id, or null for the overall score. */
  dimension: string | null;
  actual: number | null;
  required: number;
  /** How far below `required` the actual score is (all of `required` when not assessed). */
  by: number;
}

/**
 * The overall score: the weighted mean of the assessed dimensions, by dimension weight, to one
 * decimal as the reports print it; null when nothing was assessed.
 */
export function overallScore(dimensions: readonly GateDimension[]): number | null {
  const scored = dimensions.filter((d) => d.score !== null);
  const w = scored.reduce((s, d) => s + d.weight, 0);
  if (!scored.length || w <= 0) return null;
  return round1(scored.reduce((s, d) => s + d.weight * round1(d.score!), 0) / w);
}

/** Parses one `--fail-under` value: `2.5` (overall) or `automation=3`. Returns a message when it is not one. */
export function parseThreshold(raw: string): Threshold | string {
  const match = /^\s*(?:([a-z][a-z0-9-]*)\s*=\s*)?([0-9]+(?:\.[0-9]+)?)\s*$/.exec(raw);
  if (!match) return `--fail-under "${raw}" is not a level or DIMENSION=LEVEL (e.g. --fail-under 2.5 or --fail-under automation=3)`;
  return { dimension: match[1] ?? null, level: Number(match[2]) };
}

const shortBy = (required: number, actual: number | null) => round1(required - (actual ?? 0));

/**
 * Every dimension below its target. A dimension that was not assessed cannot show it meets its target, so it
 * fails too; a dimension without a target has none to fall below.
 */
export function belowTarget(dimensions: readonly GateDimension[]): GateFailure[] {
  return dimensions
    .filter((d): d is GateDimension & { target: number } => d.target !== null && (d.score === null || d.score < d.target - 1e-9))
    .map((d) => ({ kind: 'below-target', dimension: d.id, actual: d.score, required: d.target, by: shortBy(d.target, d.score) }));
}

/**
 * Thresholds not met; thresholds naming a dimension the assessment does not have are the caller's to reject first.
 * `overall` is the overall score the report shows (by the model's rule); without it, the weighted mean.
 */
export function under(dimensions: readonly GateDimension[], thresholds: readonly Threshold[], overall: number | null = overallScore(dimensions)): GateFailure[] {
  const byId = new Map(dimensions.map((d) => [d.id, d]));
  const out: GateFailure[] = [];
  for (const threshold of thresholds) {
    const actual = threshold.dimension === null ? overall : (byId.get(threshold.dimension)?.score ?? null);
    if (actual === null || actual < threshold.level - 1e-9) out.push({ kind: 'under', dimension: threshold.dimension, actual, required: threshold.level, by: shortBy(threshold.level, actual) });
  }
  return out;
}

/**
 * Dimensions scored lower than in the baseline. Only dimensions the baseline assessed are compared;
 * one that was assessed then and is not now counts as a regression.
 */
export function regressions(dimensions: readonly GateDimension[], baseline: ReadonlyMap<string, number | null>): GateFailure[] {
  const out: GateFailure[] = [];
  for (const current of dimensions) {
    const before = baseline.get(current.id);
    if (before === undefined || before === null) continue;
    // A baseline report written before scores had one decimal is compared as it would print now.
    const was = round1(before);
    if (current.score === null || current.score < was - 1e-9) out.push({ kind: 'regression', dimension: current.id, actual: current.score, required: was, by: shortBy(was, current.score) });
  }
  return out;
}

export interface GateSettings {
  belowTarget?: boolean;
  under?: readonly Threshold[];
  /** The overall score as reported; the weighted mean of the dimensions when left out. */
  overall?: number | null;
  baseline?: ReadonlyMap<string, number | null>;
}

/** All gate failures of one assessment, in a stable order: target, thresholds, regressions. */
export function evaluateGates(dimensions: readonly GateDimension[], settings: GateSettings): GateFailure[] {
  return [
    ...(settings.belowTarget ? belowTarget(dimensions) : []),
    ...(settings.under?.length ? under(dimensions, settings.under, settings.overall === undefined ? overallScore(dimensions) : settings.overall) : []),
    ...(settings.baseline ? regressions(dimensions, settings.baseline) : []),
  ];
}
