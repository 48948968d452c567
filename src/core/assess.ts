import type { Answers } from '../schema/answers.js';
import type { Model } from '../schema/model.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { placePhase, placeStages } from './placement.js';
import type { OperatingModelPlacement, PhasePlacement } from './placement.js';
import { planRoadmap } from './roadmap.js';
import type { Roadmap } from './roadmap.js';
import { round1, scoreDimensions, scoreQuestions } from './score.js';
import type { Aggregation, DimensionScore, QuestionScore } from './score.js';

export interface AxisSummary {
  id: string;
  score: number | null;
  target: number;
  belowTarget: number;
  dimensions: string[];
}

/** Everything the reports say about one assessment; pure data, no wording. */
export interface Result {
  /** How the answers of several respondents were combined per question. */
  aggregation: Aggregation;
  questions: QuestionScore[];
  dimensions: DimensionScore[];
  axes: AxisSummary[];
  phase: PhasePlacement;
  operatingModel: OperatingModelPlacement;
  roadmap: Roadmap;
  /** Dimensions with a gap, largest weighted gap first. */
  topGaps: string[];
}

const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((s, x) => s + x, 0) / xs.length) : null);

export function assess(model: Model, questionnaire: Questionnaire, answers: Answers, how: Aggregation = 'median'): Result {
  const questions = scoreQuestions(questionnaire, answers, how);
  const dimensions = scoreDimensions(model, questions, answers.targets);
  const byId = new Map(dimensions.map((d) => [d.id, d]));
  const axes = model.axes.map((a) => {
    const ds = dimensions.filter((d) => d.axis === a.id);
    return {
      id: a.id,
      score: mean(ds.filter((d) => d.score !== null).map((d) => d.score!)),
      target: mean(ds.map((d) => d.target)) ?? 0,
      belowTarget: ds.filter((d) => (d.gap ?? 0) > 0).length,
      dimensions: ds.map((d) => d.id),
    };
  });
  const phase = placePhase(model, byId);
  const topGaps = dimensions
    .filter((d) => (d.gap ?? 0) > 0)
    .sort((a, b) => b.gap! * b.weight - a.gap! * a.weight || (a.id < b.id ? -1 : 1))
    .map((d) => d.id);
  return {
    aggregation: how,
    questions,
    dimensions,
    axes,
    phase,
    operatingModel: placeStages(model, byId),
    roadmap: planRoadmap(model, dimensions, new Set(phase.next?.blockers.map((b) => b.dimension))),
    topGaps,
  };
}
