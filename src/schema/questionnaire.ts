import { z } from 'zod';
import { Id, LanguageCode, SemVer, Text } from './common.js';

/** Answer ids every question understands besides its own options. */
export const NOT_APPLICABLE = 'na';
export const DONT_KNOW = 'dontKnow';
export const RESERVED_ANSWERS = [NOT_APPLICABLE, DONT_KNOW] as const;

export type Condition =
  | { question: string; in: string[] }
  | { question: string; notIn: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/**
 * A declarative condition on earlier answers. A question is shown when its condition holds for the
 * current respondent. `in` holds when the respondent chose one of the listed option ids (which may
 * include "na" and "dontKnow").
 */
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ question: Id, in: z.array(z.string()).min(1) }).describe('Holds when the earlier question was answered with one of these option ids.'),
    z.strictObject({ question: Id, notIn: z.array(z.string()).min(1) }).describe('Holds when the earlier question was answered, with none of these option ids.'),
    z.strictObject({ all: z.array(Condition).min(1) }).describe('Holds when every condition holds.'),
    z.strictObject({ any: z.array(Condition).min(1) }).describe('Holds when at least one condition holds.'),
    z.strictObject({ not: Condition }).describe('Holds when the condition does not.'),
  ]),
);

export const Option = z
  .strictObject({
    id: Id,
    level: z.number().int().min(0).max(10).describe('The maturity level this answer indicates.'),
    label: Text.describe('The answer as the respondent sees it.'),
    description: Text.optional().describe('One line that makes the answer concrete, shown when it is highlighted.'),
  })
  .describe('One possible answer.');

export const Question = z
  .strictObject({
    id: Id,
    dimension: Id.describe('The model dimension this question measures.'),
    weight: z.number().positive().max(10).default(1).describe('Weight within its dimension (default 1).'),
    text: Text.describe('The question, as read to the respondent.'),
    help: Text.optional().describe('Extra explanation shown on demand.'),
    options: z.array(Option).min(2),
    allowNa: z.boolean().default(true).describe('Offer "Not applicable" (default true).'),
    allowDontKnow: z.boolean().default(true).describe('Offer "Don\'t know" (default true).'),
    when: Condition.optional().describe('Show this question only when the condition holds.'),
  })
  .describe('A question that measures one dimension.');

export const Section = z
  .strictObject({
    id: Id,
    title: Text,
    description: Text.optional(),
    when: Condition.optional().describe('Show this section only when the condition holds.'),
    questions: z.array(Question).min(1),
  })
  .describe('A group of questions asked together.');

export const Questionnaire = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal('questionnaire').describe('Always "questionnaire".'),
    id: Id,
    version: SemVer,
    title: Text,
    description: Text.optional(),
    language: LanguageCode.default('en').describe('The language of plain-string texts in this file.'),
    model: z
      .string()
      .min(1)
      .describe('The model this questionnaire measures: a built-in model id (e.g. "itaas") or a path relative to this file.'),
    sections: z.array(Section).min(1),
  })
  .describe('An interview: sections of questions, each measuring a model dimension.');

export type Questionnaire = z.infer<typeof Questionnaire>;
export type Section = z.infer<typeof Section>;
export type Question = z.infer<typeof Question>;
export type Option = z.infer<typeof Option>;
