import type { Answers } from '../schema/answers.js';
import type { Model, Scoring } from '../schema/model.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { initiativesInPlace, representativeChoices } from './in-place.js';
import type { InPlace } from './in-place.js';
import { placePhase, placeStages } from './placement.js';
import type { OperatingModelPlacement, PhasePlacement } from './placement.js';
import { planRoadmap } from './roadmap.js';
import type { PlannedModel, Roadmap } from './roadmap.js';
import { combine, DEFAULT_SCORING, roundTo, scoreDimensions, scoreQuestions } from './score.js';
import type { Aggregation, DimensionScore, QuestionScore } from './score.js';

export interface AxisSummary {
  id: string;
  score: number | null;
  /** Null when none of its dimensions has a target. */
  target: number | null;
  belowTarget: number;
  dimensions: string[];
}

/** Everything the reports say about one assessment; pure data, no wording. */
export interface Result {
  /** How the answers of several respondents were combined per question. */
  aggregation: Aggregation;
  /** The model's scoring rules, defaults filled in. */
  scoring: Scoring;
  questions: QuestionScore[];
  dimensions: DimensionScore[];
  /** Empty when the model has no axes. */
  axes: AxisSummary[];
  /** The overall score by the model's rule; null when nothing was assessed. */
  overall: number | null;
  /** Null when the model has no phases. */
  phase: PhasePlacement | null;
  /** Null when the model has no stages. */
  operatingModel: OperatingModelPlacement | null;
  /** Null when the model has no initiatives. */
  roadmap: Roadmap | null;
  /** Dimensions with a gap, largest weighted gap first. */
  topGaps: string[];
  /** Initiatives the answers show to be in place already, with the questions that show it. */
  inPlace: InPlace[];
  /** The answer that stands for all respondents on each question (done-conditions are judged on it). */
  representative: Map<string, string>;
}

/** How the roadmap is scheduled; each field overrides the answers file's `roadmap` settings. */
export interface PlanOptions {
  capacity?: number;
  /** YYYY-MM */
  start?: string;
}

/** The overall score of an assessment by the model's rule: over its dimensions or over its axes. */
export function overallOf(scoring: Scoring, dimensions: readonly DimensionScore[], axes: readonly AxisSummary[]): number | null {
  const parts =
    scoring.overall.from === 'axes' && axes.length
      ? axes.filter((a) => a.score !== null).map((a) => ({ value: a.score!, weight: 1 }))
      : dimensions.filter((d) => d.score !== null).map((d) => ({ value: d.score!, weight: d.weight }));
  const overall = combine(parts, scoring.overall.combine);
  return overall === null ? null : roundTo(overall, scoring.precision);
}

export function assess(model: Model, questionnaire: Questionnaire, answers: Answers, how: Aggregation = 'median', plan: PlanOptions = {}): Result {
  const scoring = model.scoring ?? DEFAULT_SCORING;
  const digits = scoring.precision;
  const lowest = Math.min(...model.scale.map((s) => s.level));
  const questions = scoreQuestions(questionnaire, answers, how, scoring, lowest);
  const dimensions = scoreDimensions(model, questions, answers.targets);
  const byId = new Map(dimensions.map((d) => [d.id, d]));
  const rounded = (v: number | null) => (v === null ? null : roundTo(v, digits));
  const axes = (model.axes ?? []).map((axis) => {
    const ds = dimensions.filter((d) => d.axis === axis.id);
    const targeted = ds.filter((d) => d.target !== null);
    return {
      id: axis.id,
      score: rounded(
        combine(
          ds.filter((d) => d.score !== null).map((d) => ({ value: d.score!, weight: d.weight })),
          scoring.axis,
        ),
      ),
      target: rounded(
        combine(
          targeted.map((d) => ({ value: d.target!, weight: d.weight })),
          scoring.axis,
        ),
      ),
      belowTarget: ds.filter((d) => (d.gap ?? 0) > 0).length,
      dimensions: ds.map((d) => d.id),
    };
  });
  const phase = model.phases ? placePhase(model, byId) : null;
  const topGaps = dimensions
    .filter((d) => (d.gap ?? 0) > 0)
    .sort((a, b) => b.gap! * b.weight - a.gap! * a.weight || (a.id < b.id ? -1 : 1))
    .map((d) => d.id);
  const representative = representativeChoices(questions, how);
  const inPlace = initiativesInPlace(model, representative);
  const roadmap =
    model.initiatives.length && model.roadmap
      ? planRoadmap(model as PlannedModel, dimensions, {
          gates: phase?.next?.blockers.map((b) => ({ dimension: b.dimension, min: b.min })) ?? [],
          done: new Set(inPlace.map((i) => i.id)),
          capacity: plan.capacity ?? answers.roadmap?.capacity,
          start: plan.start ?? answers.roadmap?.start ?? answers.assessment.date.slice(0, 7),
        })
      : null;
  return {
    aggregation: how,
    scoring,
    questions,
    dimensions,
    axes,
    overall: overallOf(scoring, dimensions, axes),
    phase,
    operatingModel: model.stages ? placeStages(model, byId) : null,
    roadmap,
    topGaps,
    inPlace,
    representative,
  };
}
