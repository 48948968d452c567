import { z } from 'zod';

/**
 * The one JSON document `itaas report --json` prints on stdout: what each answers file gave, what
 * --check found, which gates failed and why, and the exit code the run ends with.
 */
export const ReportRunSummary = z
  .object({
    ok: z.boolean().describe('true when the run exits 0'),
    exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]).describe('0 ok; 1 a report is stale or missing, or a gate failed; 2 bad input'),
    check: z
      .object({
        stale: z.array(z.string()).describe('reports in --out that differ from what would be written now'),
        missing: z.array(z.string()).describe('reports that --out does not have'),
      })
      .strict()
      .nullable()
      .describe('what --check found; null without --check'),
    gates: z
      .object({
        failBelowTarget: z.boolean(),
        failUnder: z.array(z.object({ dimension: z.string().nullable(), level: z.number() }).strict()).describe('each --fail-under: a dimension id, or null for the overall score'),
        failOnRegression: z.string().nullable().describe('the baseline given to --fail-on-regression'),
        failures: z.array(
          z
            .object({
              file: z.string(),
              kind: z.enum(['below-target', 'under', 'regression']),
              dimension: z.string().nullable().describe('the dimension id, or null for the overall score'),
              actual: z.number().nullable().describe('null when the dimension was not assessed'),
              required: z.number(),
              by: z.number().describe('how far below the required score'),
              message: z.string(),
            })
            .strict(),
        ),
      })
      .strict()
      .nullable()
      .describe('the gates asked for and those that failed; null when no gate was asked for'),
    files: z.array(
      z
        .object({
          file: z.string(),
          status: z.enum(['ok', 'error']),
          reports: z.array(z.string()).describe('the reports written (or checked) for this file'),
          overall: z.number().nullable().describe("the overall score by the model's rule (its scoring.overall); null when nothing was assessed or the file has errors"),
          errors: z.array(z.string()),
        })
        .strict(),
    ),
    portfolio: z.array(z.string()).nullable().describe('the portfolio reports; null without --portfolio'),
  })
  .strict();
export type ReportRunSummary = z.infer<typeof ReportRunSummary>;
