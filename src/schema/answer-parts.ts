import type { Answer } from './answers.js';

/*
 * What reading answers needs at run time, without the zod schemas: the report path checks a valid
 * answers file with a generated validator and loads zod only for a file it rejects.
 */

/** Answer ids every question understands besides its own options. */
export const NOT_APPLICABLE = 'na';
export const DONT_KNOW = 'dontKnow';
export const RESERVED_ANSWERS = [NOT_APPLICABLE, DONT_KNOW] as const;

/** The option id and note of an answer, whichever way it was written. */
export function answerParts(answer: Answer): { option: string; note?: string } {
  return typeof answer === 'string' ? { option: answer } : answer;
}
