import type { Condition } from '../schema/questionnaire.js';

/** The option ids a respondent chose so far, keyed by question id. */
export type Choices = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function choiceOf(choices: Choices, question: string): string | undefined {
  return choices instanceof Map ? choices.get(question) : (choices as Record<string, string>)[question];
}

/** Whether a condition holds for the given answers. An unanswered question satisfies neither `in` nor `notIn`. */
export function holds(cond: Condition | undefined, choices: Choices): boolean {
  if (!cond) return true;
  if ('all' in cond) return cond.all.every((c) => holds(c, choices));
  if ('any' in cond) return cond.any.some((c) => holds(c, choices));
  if ('not' in cond) return !holds(cond.not, choices);
  const chosen = choiceOf(choices, cond.question);
  if (chosen === undefined) return false;
  if ('in' in cond) return cond.in.includes(chosen);
  return !cond.notIn.includes(chosen);
}

/** Every `{question, in|notIn}` leaf of a condition, with its path inside the condition. */
export function conditionLeaves(cond: Condition, path: Array<string | number> = []): Array<{ question: string; values: string[]; path: Array<string | number>; key: 'in' | 'notIn' }> {
  if ('all' in cond) return cond.all.flatMap((c, i) => conditionLeaves(c, [...path, 'all', i]));
  if ('any' in cond) return cond.any.flatMap((c, i) => conditionLeaves(c, [...path, 'any', i]));
  if ('not' in cond) return conditionLeaves(cond.not, [...path, 'not']);
  if ('in' in cond) return [{ question: cond.question, values: cond.in, path, key: 'in' }];
  return [{ question: cond.question, values: cond.notIn, path, key: 'notIn' }];
}
