import { z } from 'zod';
import { Id, IsoDate, SemVer } from './common.js';

/** A calendar month, YYYY-MM. */
export const YearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM, e.g. 2025-04')
  .describe('A calendar month, YYYY-MM.');

export const Answer = z
  .union([
    z.string().min(1).describe('Shorthand: the chosen option id, or "na" / "dontKnow".'),
    z.strictObject({
      option: z.string().min(1).describe('The chosen option id, or "na" (not applicable) or "dontKnow".'),
      note: z.string().optional().describe('What the respondent said, in their words.'),
    }),
  ])
  .describe('One answer: an option id, or {option, note}.');

export const Respondent = z
  .strictObject({
    name: z.string().min(1).max(200),
    role: z.string().min(1).max(200).optional(),
    completed: z.boolean().optional().describe('Set when the respondent finished the interview.'),
    updated: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/, 'must be a date and time such as 2026-03-12T14:05:00Z')
      .optional()
      .describe('When these answers were last changed (ISO 8601 date and time); written by the survey form and `itaas assess`, used by `itaas merge --prefer newer`.'),
    answers: z.record(Id, Answer).default({}).describe('Answers keyed by question id.'),
  })
  .describe('A person interviewed, and their answers.');

export const Answers = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal('answers').describe('Always "answers".'),
    questionnaire: z
      .strictObject({
        id: Id.describe('The questionnaire id.'),
        version: SemVer.describe('The questionnaire version these answers were given against.'),
        hash: z.string().optional().describe('Content hash of the questionnaire, written by `itaas assess`.'),
        path: z.string().optional().describe('Path of a custom questionnaire file, relative to this file.'),
      })
      .describe('The questionnaire these answers belong to.'),
    assessment: z.strictObject({
      organisation: z.string().min(1).max(200),
      scope: z.string().max(500).optional().describe('What was assessed: the whole IT function, a business unit, ...'),
      date: IsoDate.describe('The date of the assessment.'),
      assessor: z.string().max(200).optional(),
      language: z.string().optional().describe('Preferred report language.'),
    }),
    targets: z.record(Id, z.number().min(0).max(10)).optional().describe('Per-dimension target levels that override the model defaults.'),
    roadmap: z
      .strictObject({
        // A whole number; load/rules.ts says so (JSON Schema validators cannot carry zod's integer check).
        capacity: z
          .number()
          .min(1)
          .max(50)
          .optional()
          .describe("How many initiatives this organisation can run at once (default: the model's `roadmap.parallel`). `itaas report --capacity` overrides it."),
        start: YearMonth.optional().describe(
          'The month the roadmap starts, YYYY-MM (default: the month of the assessment date). The timeline counts real months from it. `itaas report --start` overrides it.',
        ),
      })
      .optional()
      .describe('How the roadmap is scheduled for this organisation.'),
    respondents: z.array(Respondent).default([]),
  })
  .describe('The answers of one assessment: who was asked and what they said.');

export type Answers = z.infer<typeof Answers>;
export type Respondent = z.infer<typeof Respondent>;
export type Answer = z.infer<typeof Answer>;
