import { z } from 'zod';
import { Answers } from './answers.js';
import { Model } from './model.js';
import { QuestionnaireFile } from './questionnaire.js';
import { JsonReport } from './report.js';
import { ReportRunSummary } from './run-summary.js';

export const SCHEMA_KINDS = ['model', 'questionnaire', 'answers', 'report'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
/** Every schema written to schemas/: the file kinds, and the document `itaas report --json` prints. */
export const GENERATED_SCHEMAS = [...SCHEMA_KINDS, 'report-run'] as const;
type GeneratedSchema = (typeof GENERATED_SCHEMAS)[number];

const sources: Record<GeneratedSchema, { schema: z.ZodType; title: string; io: 'input' | 'output' }> = {
  model: { schema: Model, title: 'itaas maturity model', io: 'input' },
  questionnaire: { schema: QuestionnaireFile, title: 'itaas questionnaire', io: 'input' },
  answers: { schema: Answers, title: 'itaas answers file', io: 'input' },
  report: { schema: JsonReport, title: 'itaas JSON report', io: 'output' },
  'report-run': { schema: ReportRunSummary, title: 'itaas report --json run summary', io: 'output' },
};

/** The JSON Schema (draft-07, which editors read) generated from the one zod schema. */
export function jsonSchemaFor(kind: GeneratedSchema): Record<string, unknown> {
  const { schema, title, io } = sources[kind];
  const js = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema: js.$schema, title, ...js };
}

export function jsonSchemaText(kind: GeneratedSchema): string {
  return `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`;
}
