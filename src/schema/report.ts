import { z } from 'zod';
import { REPORT_SCHEMA_VERSION } from './report-version.js';

export { REPORT_SCHEMA_VERSION };

const Num = z.number();
const NullableNum = z.number().nullable();

const RequirementOut = z.strictObject({
  dimension: z.string(),
  min: Num,
  score: NullableNum,
  met: z.boolean(),
  shortfall: Num,
});

const Coverage = z.strictObject({
  questions: z.number().int().describe('Questions of this dimension in the questionnaire.'),
  asked: z.number().int().describe('Questions shown to at least one respondent.'),
  answered: z.number().int().describe('Questions at least one respondent answered with a scored option.'),
  scored: z.number().int(),
  na: z.number().int(),
  dontKnow: z.number().int(),
  skipped: z.number().int(),
  ratio: Num.describe('answered / asked: share of the questions asked that at least one respondent answered with a scored option, 0..1.'),
  answerRatio: Num.describe("Share of all respondents' answers to the questions asked that were scored (not n/a, don't know or skipped), 0..1."),
});

const ItemOut = z.strictObject({
  id: z.string(),
  title: z.string(),
  rationale: z.string(),
  effort: z.string(),
  start: z.number().int().describe('Months from the start of the roadmap: the item starts at the beginning of this month.'),
  end: z.number().int().describe('Months from the start of the roadmap: the item ends before this month begins.'),
  startMonth: z.string().describe('The calendar month the item starts, YYYY-MM.'),
  endMonth: z.string().describe('The last calendar month of the item, YYYY-MM.'),
  priority: Num,
  dimensions: z.array(z.string()).describe('Dimensions the initiative raises.'),
  raises: z.array(z.strictObject({ dimension: z.string(), from: Num, to: Num })),
  dependsOn: z.array(z.string()),
  alternatives: z.array(z.string()).describe('Initiatives that would reach the same levels another way; this one is proposed in their place.'),
  outcomes: z.array(z.string()).describe('Ids of the outcomes the initiative serves.'),
  blockerPath: z.boolean().describe('On the path to the next phase: it closes a step the phase needs, or comes before one that does.'),
  reason: z.strictObject({
    gaps: z
      .array(
        z.strictObject({
          dimension: z.string(),
          from: Num.describe("The open part of one level step: from the score, or the step's lower level."),
          to: Num.describe("To the target, or the step's upper level."),
          closes: Num.describe("This item's share of the open part; the shares of all items on one step add up to at most to - from."),
          with: z.array(z.string()).describe('Other roadmap items that raise the same step; together they close it.'),
          holdsBackPhase: z.boolean().describe('The step lies below the level the next phase requires; it counts double in ranking.'),
        }),
      )
      .describe('The level steps this initiative serves, one entry per step.'),
    requiredBy: z.array(z.string()),
    text: z.string().describe('Why the item is on the roadmap, in words.'),
  }),
});

export const JsonReport = z
  .strictObject({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    assessment: z.strictObject({
      organisation: z.string(),
      scope: z.string().nullable(),
      date: z.string(),
      assessor: z.string().nullable(),
      language: z.string(),
      questionnaire: z.strictObject({ id: z.string(), version: z.string() }),
      model: z.strictObject({ id: z.string(), version: z.string() }),
      respondents: z.array(z.strictObject({ name: z.string(), role: z.string().nullable(), completed: z.boolean() })),
    }),
    dimensions: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        axis: z.string().nullable().describe('Null when the model has no axes.'),
        weight: Num,
        score: NullableNum,
        level: z.number().int().nullable(),
        target: NullableNum.describe('Null when neither the model nor the assessment sets a target.'),
        targetSource: z.enum(['model', 'assessment']).nullable(),
        gap: NullableNum,
        spread: Num,
        coverage: Coverage,
        disagreements: z.array(z.string()).describe("Ids of questions where respondents differ by the model's disagreement threshold or more (2 levels unless the model says otherwise)."),
      }),
    ),
    axes: z
      .array(z.strictObject({ id: z.string(), title: z.string(), score: NullableNum, target: NullableNum, belowTarget: z.number().int(), dimensions: z.array(z.string()) }))
      .describe('Empty when the model has no axes.'),
    overall: z
      .strictObject({
        title: z.string().describe("The model's name for the overall score, in the report language."),
        score: NullableNum.describe(
          "By the model's scoring rule (default: the mean of the dimension scores weighted by dimension weight); null when nothing was assessed. `--fail-under LEVEL` tests this number.",
        ),
        precision: z.number().int().describe('Decimals the reports show scores with.'),
      })
      .describe('The overall score.'),
    phase: z
      .strictObject({
        reached: z.number().int().describe('0 = not yet the first phase.'),
        id: z.string().nullable(),
        title: z.string(),
        next: z
          .strictObject({
            number: z.number().int(),
            id: z.string(),
            title: z.string(),
            progress: z.number().int().describe('0..100'),
            heldBackBy: z.string().nullable().describe('The dimension furthest below what the next phase needs.'),
            blockers: z.array(RequirementOut),
          })
          .nullable(),
      })
      .optional()
      .describe('Left out when the model has no phases.'),
    operatingModel: z
      .strictObject({
        predominant: z.strictObject({ id: z.string(), title: z.string() }),
        stages: z.array(z.strictObject({ id: z.string(), title: z.string(), attained: z.boolean(), attainment: z.number().int(), requirements: z.array(RequirementOut) })),
      })
      .optional()
      .describe('Left out when the model has no stages.'),
    topGaps: z.array(z.string()),
    disagreements: z.array(
      z.strictObject({
        question: z.string(),
        dimension: z.string(),
        spread: Num,
        answers: z.array(z.strictObject({ respondent: z.string(), option: z.string(), level: Num.describe('The value of the option chosen.') })),
      }),
    ),
    roadmap: z
      .strictObject({
        months: z.number().int().describe('Months from the start until the last item ends.'),
        start: z.string().describe("The month the roadmap starts, YYYY-MM (the answers file's `roadmap.start`, `--start`, or the month of the assessment)."),
        capacity: z.number().int().describe("Initiatives that may run at once (the answers file's `roadmap.capacity`, `--capacity`, or the model's default)."),
        horizon: z.number().int().describe("Months the model's waves cover; a plan longer than this overruns."),
        capacityToFit: z.number().int().nullable().describe('When the plan overruns the horizon: the smallest capacity that would fit it, or null.'),
        criticalPath: z.number().int().describe('Months the longest chain of dependent initiatives takes on its own.'),
        waves: z
          .array(
            z.strictObject({
              id: z.string(),
              title: z.string(),
              fromMonth: z.number().int().describe("The first start among the wave's items."),
              toMonth: z.number().int().describe("The last end among the wave's items."),
              items: z.array(ItemOut),
            }),
          )
          .describe('Initiatives grouped by the wave they start in; each wave spans its items.'),
        outcomes: z
          .array(
            z.strictObject({
              id: z.string(),
              title: z.string(),
              items: z.array(z.string()).describe('Proposed initiatives serving the outcome, in schedule order.'),
              fromMonth: z.number().int(),
              toMonth: z.number().int(),
              inPlace: z.array(z.string()).describe('Initiatives serving the outcome that are already in place.'),
            }),
          )
          .describe('The roadmap summarised by the outcomes the model names.'),
      })
      .optional()
      .describe('Left out when the model has no initiatives.'),
    strengths: z
      .array(
        z.strictObject({
          id: z.string(),
          title: z.string(),
          evidence: z.array(
            z.strictObject({
              question: z.string(),
              text: z.string(),
              answer: z.string().nullable().describe('The answer that stands for all respondents (the median one).'),
              responses: z.array(
                z.strictObject({
                  respondent: z.string(),
                  answer: z.string(),
                  note: z.string().nullable(),
                  noteNumber: z.number().int().nullable().describe('The number the note is printed under in the appendix of the other formats.'),
                }),
              ),
            }),
          ),
        }),
      )
      .describe('Initiatives the answers show to be in place already; the roadmap does not propose them.'),
    questions: z.array(
      z.strictObject({
        id: z.string(),
        dimension: z.string(),
        score: NullableNum,
        spread: Num,
        responses: z.array(
          z.strictObject({
            respondent: z.string(),
            status: z.enum(['answered', 'na', 'dontKnow', 'skipped', 'hidden']),
            option: z.string().nullable(),
            level: NullableNum.describe('The value of the option chosen (fractions allowed); null for no scored answer.'),
            note: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .describe('The machine-readable itaas assessment report.');

export type JsonReport = z.infer<typeof JsonReport>;
