import { answerParts } from '../schema/answer-parts.js';
import type { Answers } from '../schema/answers.js';
import type { Model } from '../schema/model.js';
import type { Question, Questionnaire } from '../schema/questionnaire.js';
import { holds } from './conditions.js';

/** Scores are kept to two decimals so that reports are stable across platforms. */
export const round2 = (x: number): number => Math.round(x * 100 + Number.EPSILON * 100) / 100;

/**
 * Dimension scores, gaps and the overall score have one decimal: the precision every report prints.
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
  axis: string;
  weight: number;
  score: number | null;
  level: number | null;
  target: number;
  targetSource: 'model' | 'assessment';
  gap: number | null;
  spread: number;
  coverage: Coverage;
}

export const DISAGREEMENT_THRESHOLD = 2;

function aggregate(levels: number[], how: Aggregation): number {
  const sorted = [...levels].sort((a, b) => a - b);
  if (how === 'min') return sorted[0]!;
  if (how === 'mean') return sorted.reduce((s, x) => s + x, 0) / sorted.length;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What each respondent chose so far, for evaluating conditions. */
export function choicesOf(r: Answers['respondents'][number]): Map<string, string> {
  return new Map(Object.entries(r.answers).map(([q, a]) => [q, answerParts(a).option]));
}

export function allQuestions(q: Questionnaire): Array<{ question: Question; section: Questionnaire['sections'][number] }> {
  return q.sections.flatMap((section) => section.questions.map((question) => ({ question, section })));
}

export function scoreQuestions(q: Questionnaire, answers: Answers, how: Aggregation = 'median'): QuestionScore[] {
  const perRespondent = answers.respondents.map((r) => ({ r, choices: choicesOf(r) }));
  return allQuestions(q).map(({ question, section }) => {
    const responses: QuestionResponse[] = perRespondent.map(({ r, choices }) => {
      const raw = r.answers[question.id];
      const shown = holds(section.when, choices) && holds(question.when, choices);
      if (raw === undefined) return { respondent: r.name, status: shown ? 'skipped' : 'hidden' };
      const { option, note } = answerParts(raw);
      // An answer kept from before a changed answer hid the question: on record, but not scored.
      const base: QuestionResponse = !shown
        ? { respondent: r.name, status: 'hidden', option }
        : option === 'na' || option === 'dontKnow'
          ? { respondent: r.name, status: option, option }
          : { respondent: r.name, status: 'answered', option, level: question.options.find((o) => o.id === option)!.level };
      if (note !== undefined && note !== '') base.note = note;
      return base;
    });
    const levels = responses.filter((x) => x.level !== undefined).map((x) => x.level!);
    const spread = levels.length > 1 ? Math.max(...levels) - Math.min(...levels) : 0;
    return {
      id: question.id,
      dimension: question.dimension,
      weight: question.weight,
      score: levels.length ? round2(aggregate(levels, how)) : null,
      spread,
      disagreement: spread >= DISAGREEMENT_THRESHOLD,
      responses,
    };
  });
}

export function scoreDimensions(model: Model, questions: QuestionScore[], targets: Answers['targets']): DimensionScore[] {
  return model.dimensions.map((d) => {
    const qs = questions.filter((x) => x.dimension === d.id);
    const scored = qs.filter((x) => x.score !== null);
    const totalWeight = scored.reduce((s, x) => s + x.weight, 0);
    const score = scored.length ? round1(scored.reduce((s, x) => s + x.weight * x.score!, 0) / totalWeight) : null;
    const count = (st: ResponseStatus) => qs.reduce((n, x) => n + x.responses.filter((r) => r.status === st).length, 0);
    const cov = { scored: count('answered'), na: count('na'), dontKnow: count('dontKnow'), skipped: count('skipped') };
    const answers = cov.scored + cov.na + cov.dontKnow + cov.skipped;
    const asked = qs.filter((x) => x.responses.some((r) => r.status !== 'hidden')).length;
    const override = targets?.[d.id];
    const target = override ?? d.target;
    return {
      id: d.id,
      axis: d.axis,
      weight: d.weight,
      score,
      level: score === null ? null : Math.floor(score + 1e-9),
      target,
      targetSource: override === undefined ? 'model' : 'assessment',
      gap: score === null ? null : round1(Math.max(0, target - score)),
      spread: qs.reduce((m, x) => Math.max(m, x.spread), 0),
      coverage: {
        questions: qs.length,
        asked,
        answered: scored.length,
        ...cov,
        ratio: asked ? round2(scored.length / asked) : 0,
        answerRatio: answers ? round2(cov.scored / answers) : 0,
      },
    };
  });
}
