import { z } from 'zod';
import { Id, LanguageCode, SemVer, Text } from './common.js';
import { Condition } from './questionnaire.js';

/** One rung of the maturity scale shared by every dimension. */
export const ScaleLevel = z
  .strictObject({
    level: z.number().int().min(0).max(10).describe('The level number.'),
    label: Text.describe('Short name of the level, e.g. "Defined".'),
  })
  .describe('A level of the maturity scale.');

export const Axis = z
  .strictObject({
    id: Id,
    title: Text,
    description: Text.optional(),
  })
  .describe('A group of dimensions reported together (e.g. the technology journey).');

export const Dimension = z
  .strictObject({
    id: Id,
    axis: Id.optional().describe('The id of the axis this dimension belongs to; required when the model has axes.'),
    title: Text,
    description: Text.describe('What this dimension measures, in one or two sentences.'),
    weight: z.number().positive().max(10).default(1).describe('Relative importance in roadmap ranking (default 1).'),
    target: z.number().min(0).max(10).optional().describe('Default target level for this dimension; without one, the reports show no target or gap for it unless an assessment sets one.'),
    levels: z.record(z.string().regex(/^\d+$/, 'level keys must be level numbers'), Text).describe('What each level looks like in this dimension, keyed by level number; one entry per scale level.'),
  })
  .describe('Something that gets a score.');

export const Requirement = z
  .strictObject({
    dimension: Id.describe('The dimension to test.'),
    min: z.number().min(0).max(10).describe('The score the dimension must reach.'),
  })
  .describe('A dimension that must reach a minimum score.');

export const Phase = z
  .strictObject({
    id: Id,
    title: Text,
    description: Text,
    requires: z.array(Requirement).min(1).describe('Weakest-link rule: every requirement must hold, and so must every earlier phase.'),
  })
  .describe('A phase of the journey, reached in order.');

export const Stage = z
  .strictObject({
    id: Id,
    title: Text,
    description: Text,
    requires: z.array(Requirement).min(1).describe('Every requirement must hold for the stage to be attained.'),
  })
  .describe('An operating-model stage; each is attained on its own, not necessarily in order.');

export const Raise = z
  .strictObject({
    dimension: Id,
    from: z.number().int().min(0).max(10).describe('The level this initiative starts from.'),
    to: z.number().int().min(0).max(10).describe('The level this initiative brings the dimension to.'),
  })
  .refine((r) => r.to > r.from, { message: '"to" must be greater than "from"', path: ['to'] })
  .describe('The level range of one dimension that an initiative moves.');

export const Initiative = z
  .strictObject({
    id: Id,
    title: Text,
    rationale: Text.describe('Why this matters and what it involves, in plain words.'),
    raises: z.array(Raise).min(1),
    effort: Id.describe('The id of an effort size declared under roadmap.efforts.'),
    dependsOn: z.array(Id).default([]).describe('Ids of initiatives that must be done first.'),
    doneWhen: Condition.optional().describe(
      'Answers that show the initiative is already in place, in the condition language of questions (evaluated on the answer that represents the respondents: the median one). An initiative in place is not proposed; the report lists it as a strength, with the answers and notes as evidence.',
    ),
    alternatives: z.array(Id).default([]).describe('Initiatives that reach the same levels another way; the roadmap proposes one of the group and names the others as alternatives.'),
    outcomes: z.array(Id).default([]).describe('Ids of the outcomes (declared under `outcomes`) this initiative serves.'),
  })
  .describe('A piece of work that raises one or more dimensions.');

export const Outcome = z
  .strictObject({
    id: Id,
    title: Text.describe('The outcome in a few words, e.g. "CapEx savings".'),
    description: Text.optional().describe('What the business gains, and where the model takes it from.'),
  })
  .describe('A business outcome the roadmap serves; the report summarises the roadmap by outcome.');

export const Wave = z
  .strictObject({
    id: Id,
    title: Text,
    fromMonth: z.number().int().min(0),
    toMonth: z.number().int().positive(),
  })
  .refine((w) => w.toMonth > w.fromMonth, { message: '"toMonth" must be after "fromMonth"', path: ['toMonth'] });

export const Effort = z.strictObject({
  id: Id,
  label: Text,
  points: z.number().positive().describe('Relative cost, used to rank initiatives.'),
  months: z.number().int().positive().describe('Typical duration in months, used to schedule the roadmap.'),
});

/** How answers combine: into a question score across respondents is --aggregate; these are the steps after it. */
export const Combine = z.enum(['mean', 'weighted-mean', 'min', 'sum']);
export type Combine = z.infer<typeof Combine>;

export const Scoring = z
  .strictObject({
    unanswered: z
      .enum(['exclude', 'lowest'])
      .default('exclude')
      .describe('A question shown to a respondent but left unanswered: "exclude" leaves it out of the score (default); "lowest" counts it as the lowest level of the scale.'),
    dontKnow: z.enum(['exclude', 'lowest']).default('exclude').describe('A "don\'t know" answer: "exclude" leaves it out of the score (default); "lowest" counts it as the lowest level of the scale.'),
    dimension: z
      .enum(['weighted-mean', 'mean', 'min', 'levels'])
      .default('weighted-mean')
      .describe(
        'How question scores combine into a dimension score: "weighted-mean" by question weight (default), "mean", "min" (the weakest question), or "levels": questions are grouped by their `level` (and within a level by `stream`); each level scores the mean of its streams (each stream the weighted mean of its questions) and the dimension scores the sum over its levels.',
      ),
    axis: Combine.default('mean').describe('How dimension scores combine into an axis score: "mean" (default), "weighted-mean" by dimension weight, "min" or "sum".'),
    overall: z
      .strictObject({
        from: z.enum(['dimensions', 'axes']).default('dimensions').describe('Combine the dimension scores (default) or the axis scores.'),
        combine: Combine.default('weighted-mean').describe('"weighted-mean" by dimension weight (default; axes weigh the same), "mean", "min" or "sum".'),
      })
      .prefault({})
      .describe('How the overall score is computed.'),
    precision: z.number().int().min(0).max(4).default(1).describe('Decimals shown for scores in the reports (default 1). Scores are kept to at least two decimals, or this many if more.'),
    disagreement: z.number().positive().max(10).default(2).describe('Respondents whose answers to one question differ by this much or more are flagged as a disagreement (default 2 levels).'),
  })
  .describe('How answers become scores. Every field is optional; the defaults are the weighted mean of the answered questions.');
export type Scoring = z.infer<typeof Scoring>;

/** Nouns and sentences the reports use for this model's own concepts, each in the model's languages. */
export const Terms = z
  .strictObject({
    overallScore: Text.optional().describe('The name of the overall score (default "Overall score").'),
    phase: Text.optional().describe('What one phase is called, in a sentence (default "phase").'),
    phases: Text.optional().describe('What several phases are called, in a sentence (default "phases").'),
    phasesTitle: Text.optional().describe('The heading of the phases section and chart (default "Phases").'),
    lastPhase: Text.optional().describe('The sentence for an organisation that has reached the last phase.'),
    stage: Text.optional().describe('What one stage is called, in a sentence (default "stage").'),
    stages: Text.optional().describe('What several stages are called, in a sentence (default "stages").'),
    stagesTitle: Text.optional().describe('The heading of the stages section and chart (default "Stages").'),
    stagesSubject: Text.optional().describe('What the stages describe, as the subject of a sentence such as "… is predominantly at the “Process-oriented” stage" (default "The organisation").'),
    assessment: Text.optional().describe('What an assessment with this model is, for the comment at the top of an answers file (default "a maturity assessment").'),
  })
  .describe("The words the reports use for this model's concepts; each falls back to a neutral default.");
export type Terms = z.infer<typeof Terms>;

export const Model = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal('model').describe('Always "model".'),
    id: Id,
    version: SemVer,
    title: Text,
    description: Text.optional(),
    language: LanguageCode.default('en').describe('The language of plain-string texts in this file.'),
    scale: z.array(ScaleLevel).min(2).describe('The maturity scale, lowest level first.'),
    scoring: Scoring.prefault({}).describe('How answers become scores (all optional).'),
    terms: Terms.default({}),
    axes: z.array(Axis).default([]).describe('Groups of dimensions reported together (optional).'),
    dimensions: z.array(Dimension).min(1),
    phases: z
      .strictObject({
        none: z.strictObject({ title: Text, description: Text }).describe('Where an organisation stands before the first phase.'),
        list: z.array(Phase).min(1).describe('The phases in the order they are reached.'),
      })
      .optional()
      .describe('Phases reached in order, each gated on dimension scores (optional).'),
    stages: z
      .strictObject({
        baseline: z.strictObject({ id: Id, title: Text, description: Text }).describe('The stage of an organisation that has attained none of the listed stages.'),
        list: z.array(Stage).min(1).describe('The stages, least advanced first; each is scored on its own.'),
      })
      .optional()
      .describe('Stages, each attained on its own (optional).'),
    roadmap: z
      .strictObject({
        waves: z.array(Wave).min(1).describe('Time buckets for the roadmap, in order.'),
        efforts: z.array(Effort).min(1).describe('Effort sizes initiatives may use.'),
        parallel: z.number().int().positive().max(50).default(3).describe('How many initiatives can run at once.'),
      })
      .optional()
      .describe('How the roadmap is scheduled; required when the model has initiatives.'),
    outcomes: z.array(Outcome).default([]).describe('The business outcomes initiatives serve, in the order the report lists them.'),
    initiatives: z.array(Initiative).default([]),
  })
  .describe('A maturity model: what gets scored and what to do about it.');

export type Model = z.infer<typeof Model>;
export type Dimension = z.infer<typeof Dimension>;
export type Initiative = z.infer<typeof Initiative>;
export type Requirement = z.infer<typeof Requirement>;
export type Outcome = z.infer<typeof Outcome>;
export type Phase = z.infer<typeof Phase>;
export type Stage = z.infer<typeof Stage>;
