import { answerParts } from '../schema/answer-parts.js';
import type { Answers } from '../schema/answers.js';
import type { Combine, Model, Scoring } from '../schema/model.js';
import type { Question, Questionnaire } from '../schema/questionnaire.js';
import { visibleQuestions } from './visibility.js';

/** Question scores are kept to two decimals so that reports are stable across platforms. */
export const round2 = (x: number): number => Math.round(x * 100 + Number.EPSILON * 100) / 100;

/** Rounds to `digits` decimals, halves up as written in decimal (2.65 is 2.7), like round1. */
export const roundTo = (x: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(Number((x * factor).toFixed(6))) / factor;
};

/** The decimals question scores are kept to: two, or the model's display precision where that is finer. */
export const keptDigits = (scoring: Pick<Scoring, 'precision'>): number => Math.max(2, scoring.precision);

/** The scoring rules a model gets when it states none: today's weighted means, answered questions only. */
export const DEFAULT_SCORING: Scoring = {
  unanswered: 'exclude',
  dontKnow: 'exclude',
  dimension: 'weighted-mean',
  axis: 'mean',
  overall: { from: 'dimensions', combine: 'weighted-mean' },
  precision: 1,
  disagreement: 2,
};

/** Combines values (each with a weight) by one of the model's rules; null for none. */
export function combine(values: ReadonlyArray<{ value: number; weight: number }>, how: Combine): number | null {
  if (!values.length) return null;
  if (how === 'min') return Math.min(...values.map((v) => v.value));
  if (how === 'sum') return values.reduce((s, v) => s + v.value, 0);
  if (how === 'mean') return values.reduce((s, v) => s + v.value, 0) / values.length;
  const w = values.reduce((s, v) => s + v.weight, 0);
  return w > 0 ? values.reduce((s, v) => s + v.weight * v.value, 0) / w : null;
}

/**
 * Dimension scores, gaps and the overall score have the precision every report prints: one decimal
 * unless the model's `scoring.precision` says otherwise (roundTo).
 * Levels, gates and comparisons are computed from these same numbers, so nothing a reader sees
 * disagrees with a figure elsewhere (a 2.96 would print as 3.0 yet sit at level 2). Halves round up
 * as written in decimal (2.65 is 2.7), not as the nearest binary double happens to fall.
 */
export const round1 = (x: number): number => Math.round(Number((x * 10).toFixed(6))) / 10;

export type Aggregation = 'median' | 'mean' | 'min';

/** How one respondent answered one question. */
export type ResponseStatus = 'answered' | 'na' | 'dontKnow' | 'skipped' | 'hidden';

export interface QuestionResponse {
  respondent: string;
  status: ResponseStatus;
  option?: string;
  level?: number;
  note?: string;
}

export interface QuestionScore {
  id: string;
  dimension: string;
  weight: number;
  /** The level and stream the question is grouped under when a dimension is scored by level. */
  level?: number;
  stream?: string;
  /** Aggregated level across respondents, or null when nobody gave a scored answer. */
  score: number | null;
  /** Highest minus lowest level given (0 with fewer than two answers). */
  spread: number;
  disagreement: boolean;
  responses: QuestionResponse[];
}

export interface Coverage {
  /** Questions of this dimension in the questionnaire. */
  questions: number;
  /** Questions shown to at least one respondent (the others were hidden by their conditions). */
  asked: number;
  /** Questions with at least one scored answer. */
  answered: number;
  /** Answers that count toward the score. */
  scored: number;
  na: number;
  dontKnow: number;
  /** Questions shown but left unanswered. */
  skipped: number;
  /** answered / asked, 0..1: the share of the questions asked that someone answered with a scored option. */
  ratio: number;
  /** scored / (scored + na + dontKnow + skipped), 0..1: the share of respondents' answers that were scored. */
  answerRatio: number;
}

export interface DimensionScore {
  id: string;
  axis: string | null;
  weight: number;
  score: number | null;
  level: number | null;
  /** Null when neither the model nor the assessment sets a target. */
  target: number | null;
  targetSource: 'model' | 'assessment' | null;
  gap: number | null;
  spread: number;
  coverage: Coverage;
}

function aggregate(levels: number[], how: Aggregation): number {
  const sorted = [...levels].sort((a, b) => a - b);
  if (how === 'min') return sorted[0]!;
  if (how === 'mean') return sorted.reduce((s, x) => s + x, 0) / sorted.length;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What each respondent chose so far, for evaluating conditions. */
export function choicesOf(respondent: Answers['respondents'][number]): Map<string, string> {
  return new Map(Object.entries(respondent.answers).map(([questionId, answer]) => [questionId, answerParts(answer).option]));
}

export function allQuestions(questionnaire: Questionnaire): Array<{ question: Question; section: Questionnaire['sections'][number] }> {
  return questionnaire.sections.flatMap((section) => section.questions.map((question) => ({ question, section })));
}

/** The highest level of the scale at or below a score: the level a score (or a fractional option value) shows as. */
export function levelOf(scale: readonly number[], value: number): number {
  let best = Math.min(...scale);
  for (const level of scale) if (level <= value + 1e-9 && level > best) best = level;
  return best;
}

export function scoreQuestions(questionnaire: Questionnaire, answers: Answers, how: Aggregation = 'median', scoring: Scoring = DEFAULT_SCORING, lowest = 0): QuestionScore[] {
  const digits = keptDigits(scoring);
  // Which questions each respondent was shown: the one rule of core/visibility.
  const perRespondent = answers.respondents.map((r) => ({
    r,
    shownIds: new Set(visibleQuestions<Question, Questionnaire['sections'][number]>(questionnaire, choicesOf(r)).map((v) => v.question.id)),
  }));
  return allQuestions(questionnaire).map(({ question }) => {
    const responses: QuestionResponse[] = perRespondent.map(({ r: person, shownIds }) => {
      const raw = person.answers[question.id];
      const shown = shownIds.has(question.id);
      if (raw === undefined) return { respondent: person.name, status: shown ? 'skipped' : 'hidden' };
      const { option, note } = answerParts(raw);
      // An answer kept from before a changed answer hid the question: on record, but not scored.
      const base: QuestionResponse = !shown
        ? { respondent: person.name, status: 'hidden', option }
        : option === 'na' || option === 'dontKnow'
          ? { respondent: person.name, status: option, option }
          : { respondent: person.name, status: 'answered', option, level: question.options.find((o) => o.id === option)!.level };
      if (note !== undefined && note !== '') base.note = note;
      return base;
    });
    const levels = responses.filter((x) => x.level !== undefined).map((x) => x.level!);
    const spread = levels.length > 1 ? roundTo(Math.max(...levels) - Math.min(...levels), digits) : 0;
    // Unanswered and "don't know" count as the bottom of the scale where the model says so.
    const counted = [
      ...levels,
      ...responses.filter((x) => (x.status === 'skipped' && scoring.unanswered === 'lowest') || (x.status === 'dontKnow' && scoring.dontKnow === 'lowest')).map(() => lowest),
    ];
    return {
      id: question.id,
      dimension: question.dimension,
      weight: question.weight,
      ...(question.level !== undefined ? { level: question.level } : {}),
      ...(question.stream !== undefined ? { stream: question.stream } : {}),
      score: counted.length ? roundTo(aggregate(counted, how), digits) : null,
      spread,
      disagreement: spread >= scoring.disagreement - 1e-9,
      responses,
    };
  });
}

/**
 * Per level, the mean of its streams (each the weighted mean of its questions); the sum over levels.
 * Questions without a stream form one stream of their level.
 */
function byLevels(scored: readonly QuestionScore[]): number | null {
  if (!scored.length) return null;
  const levels = new Map<number, Map<string, QuestionScore[]>>();
  for (const questionScore of scored) {
    const streams = levels.get(questionScore.level ?? 0) ?? new Map<string, QuestionScore[]>();
    streams.set(questionScore.stream ?? '', [...(streams.get(questionScore.stream ?? '') ?? []), questionScore]);
    levels.set(questionScore.level ?? 0, streams);
  }
  let total = 0;
  for (const streams of levels.values()) {
    const means = [...streams.values()].map(
      (qs) =>
        combine(
          qs.map((x) => ({ value: x.score!, weight: x.weight })),
          'weighted-mean',
        )!,
    );
    total += means.reduce((s, x) => s + x, 0) / means.length;
  }
  return total;
}

export function scoreDimensions(model: Model, questions: QuestionScore[], targets: Answers['targets']): DimensionScore[] {
  const scoring = model.scoring ?? DEFAULT_SCORING;
  const shown = scoring.precision;
  const scale = model.scale.map((s) => s.level);
  return model.dimensions.map((dimension) => {
    const qs = questions.filter((x) => x.dimension === dimension.id);
    const scored = qs.filter((x) => x.score !== null);
    // Answered by someone: a question counted at the bottom of the scale for want of an answer is scored, not answered.
    const answered = qs.filter((x) => x.responses.some((r) => r.status === 'answered'));
    const raw =
      scoring.dimension === 'levels'
        ? byLevels(scored)
        : combine(
            scored.map((x) => ({ value: x.score!, weight: x.weight })),
            scoring.dimension,
          );
    const score = raw === null ? null : roundTo(raw, shown);
    const count = (st: ResponseStatus) => qs.reduce((n, x) => n + x.responses.filter((r) => r.status === st).length, 0);
    const cov = { scored: count('answered'), na: count('na'), dontKnow: count('dontKnow'), skipped: count('skipped') };
    const answers = cov.scored + cov.na + cov.dontKnow + cov.skipped;
    const asked = qs.filter((x) => x.responses.some((r) => r.status !== 'hidden')).length;
    const override = targets?.[dimension.id];
    const target = override ?? dimension.target ?? null;
    return {
      id: dimension.id,
      axis: dimension.axis ?? null,
      weight: dimension.weight,
      score,
      level: score === null ? null : levelOf(scale, score),
      target,
      targetSource: override !== undefined ? 'assessment' : target === null ? null : 'model',
      gap: score === null || target === null ? null : roundTo(Math.max(0, target - score), shown),
      spread: qs.reduce((m, x) => Math.max(m, x.spread), 0),
      coverage: {
        questions: qs.length,
        asked,
        answered: answered.length,
        ...cov,
        ratio: asked ? round2(answered.length / asked) : 0,
        answerRatio: answers ? round2(cov.scored / answers) : 0,
      },
    };
  });
}
