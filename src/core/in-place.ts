import type { Model } from '../schema/model.js';
import { conditionLeaves, holds } from './conditions.js';
import type { Aggregation, QuestionScore } from './score.js';

/**
 * The answer that stands for all respondents on each question: the median one by level (the lower of
 * the two middle answers when their number is even, so work is credited only when at least half say
 * so), or the lowest with `min`. Questions nobody answered with a scored option are left out.
 */
export function representativeChoices(questions: readonly QuestionScore[], how: Aggregation): Map<string, string> {
  const out = new Map<string, string>();
  for (const questionScore of questions) {
    const answered = questionScore.responses.filter((r) => r.status === 'answered' && r.level !== undefined);
    if (!answered.length) continue;
    const sorted = [...answered].sort((a, b) => a.level! - b.level!);
    out.set(questionScore.id, sorted[how === 'min' ? 0 : (sorted.length - 1) >> 1]!.option!);
  }
  return out;
}

export interface InPlace {
  id: string;
  /** The questions whose answers show it, in the order the condition names them. */
  evidence: string[];
}

/** Initiatives whose done-condition holds for the representative answers, in model order. */
export function initiativesInPlace(model: Model, choices: ReadonlyMap<string, string>): InPlace[] {
  return model.initiatives
    .filter((i) => i.doneWhen !== undefined && holds(i.doneWhen, choices))
    .map((i) => ({ id: i.id, evidence: [...new Set(conditionLeaves(i.doneWhen!).map((l) => l.question))] }));
}
