import { z } from 'zod';
import { Id, LanguageCode, SemVer, Text } from './common.js';

export type Condition = { question: string; in: string[] } | { question: string; notIn: string[] } | { all: Condition[] } | { any: Condition[] } | { not: Condition };

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
    level: z
      .number()
      .min(0)
      .max(10)
      .describe("What this answer scores, anywhere on the model's scale; fractions are allowed (e.g. 0.25). The level shown for it is the highest scale level at or below this value."),
    label: Text.describe('The answer as the respondent sees it.'),
    description: Text.optional().describe('One line that makes the answer concrete, shown when it is highlighted.'),
  })
  .describe('One possible answer.');

export const Question = z
  .strictObject({
    id: Id,
    dimension: Id.describe('The model dimension this question measures.'),
    weight: z.number().positive().max(10).default(1).describe('Weight within its dimension (default 1).'),
    level: z.number().int().min(0).max(10).optional().describe('The maturity level this question belongs to, for models that score a dimension by level (scoring.dimension: levels).'),
    stream: Id.optional().describe('The stream this question belongs to within its level, for models that score a dimension by level: a level scores the mean of its streams.'),
    text: Text.describe('The question, as read to the respondent.'),
    help: Text.optional().describe('Extra explanation shown on demand.'),
    options: z.array(Option).min(2),
    allowNa: z.boolean().default(true).describe('Offer "Not applicable" (default true).'),
    allowDontKnow: z.boolean().default(true).describe('Offer "Don\'t know" (default true).'),
    when: Condition.optional().describe('Show this question only when the condition holds.'),
  })
  .describe('A question that measures one dimension.')
  .meta({ id: 'Question' });

export const Section = z
  .strictObject({
    id: Id,
    title: Text,
    description: Text.optional(),
    when: Condition.optional().describe('Show this section only when the condition holds.'),
    questions: z.array(Question).min(1),
  })
  .describe('A group of questions asked together.')
  .meta({ id: 'Section' });

export const Questionnaire = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal('questionnaire').describe('Always "questionnaire".'),
    id: Id,
    version: SemVer,
    title: Text,
    description: Text.optional(),
    language: LanguageCode.default('en').describe('The language of plain-string texts in this file.'),
    model: z.string().min(1).describe('The model this questionnaire measures: a built-in model id (e.g. "itaas") or a path relative to this file.'),
    sections: z.array(Section).min(1),
  })
  .describe('An interview: sections of questions, each measuring a model dimension.');

/** Adds a section (after another, or at the end) or a question into a section (after another, or at its end). */
export const AddChange = z
  .union([
    z
      .strictObject({
        section: Section,
        after: Id.optional().describe('Put the new section after this section (default: at the end).'),
      })
      .describe('Add a whole new section.'),
    z
      .strictObject({
        question: Question,
        into: Id.describe('The section the question goes into: one of the extended questionnaire or one added here.'),
        after: Id.optional().describe('Put the new question after this question of the section (default: at the end of the section).'),
      })
      .describe('Add a question to a section.'),
  ])
  .describe('Something to add to the extended questionnaire.');

/** Replaces a question or a section of the extended questionnaire, keeping its place. */
export const ReplaceChange = z
  .union([
    z.strictObject({ question: Question }).describe('Replace the question with this id, in its place.'),
    z.strictObject({ section: Section }).describe('Replace the section with this id, in its place, questions and all.'),
  ])
  .describe('A question or section that takes the place of the one with the same id.');

/**
 * A questionnaire as written in a file: either complete (with `sections`), or extending another one
 * (`extends`) and changing it by id with `drop`, `replace` and `add`.
 */
export const QuestionnaireFile = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal('questionnaire').describe('Always "questionnaire".'),
    id: Id,
    version: SemVer,
    extends: z
      .string()
      .min(1)
      .optional()
      .describe('Start from another questionnaire: a built-in id (e.g. "itaas-core") or a path relative to this file. Its sections are changed by drop, replace and add, in that order.'),
    title: Text.optional().describe('Required unless the questionnaire extends another (whose title it then keeps).'),
    description: Text.optional(),
    language: LanguageCode.optional().describe('The language of plain-string texts in this file (default "en", or that of the extended questionnaire).'),
    model: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The model this questionnaire measures: a built-in model id (e.g. "itaas") or a path relative to this file. Required unless the questionnaire extends another (whose model it then uses).',
      ),
    drop: z.array(Id).optional().describe('Ids of questions or sections of the extended questionnaire to leave out.'),
    replace: z.array(ReplaceChange).optional().describe('Questions or sections that take the place of those with the same id in the extended questionnaire.'),
    add: z.array(AddChange).optional().describe('New sections, and new questions in existing sections.'),
    sections: z.array(Section).min(1).optional().describe('The sections, in interview order. Required unless the questionnaire extends another.'),
  })
  .superRefine((parsed, ctx) => {
    if (parsed.extends === undefined) {
      for (const key of ['title', 'model', 'sections'] as const) {
        if (parsed[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `is required (unless the questionnaire extends another with "extends:")` });
      }
      for (const key of ['drop', 'replace', 'add'] as const) {
        if (parsed[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `only works together with "extends:" (the questionnaire to change)` });
      }
    } else if (parsed.sections !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'a questionnaire that extends another changes it with drop, replace and add; add new sections with "add: [{section: ...}]"' });
    }
  })
  .describe('An interview: sections of questions, each measuring a model dimension. Either complete, or extending another questionnaire.');

export type Questionnaire = z.infer<typeof Questionnaire>;
export type QuestionnaireFile = z.infer<typeof QuestionnaireFile>;
export type Section = z.infer<typeof Section>;
export type Question = z.infer<typeof Question>;
export type Option = z.infer<typeof Option>;
