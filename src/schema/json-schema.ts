import { z } from 'zod';
import { Answers } from './answers.js';
import { Model } from './model.js';
import { QuestionnaireFile } from './questionnaire.js';
import { JsonReport } from './report.js';

export const SCHEMA_KINDS = ['model', 'questionnaire', 'answers', 'report'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

const sources: Record<SchemaKind, { schema: z.ZodType; title: string; io: 'input' | 'output' }> = {
  model: { schema: Model, title: 'itaas maturity model', io: 'input' },
  questionnaire: { schema: QuestionnaireFile, title: 'itaas questionnaire', io: 'input' },
  answers: { schema: Answers, title: 'itaas answers file', io: 'input' },
  report: { schema: JsonReport, title: 'itaas JSON report', io: 'output' },
};

/** The JSON Schema (draft-07, which editors read) generated from the one zod schema. */
export function jsonSchemaFor(kind: SchemaKind): Record<string, unknown> {
  const { schema, title, io } = sources[kind];
  const js = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema: js.$schema, title, ...js };
}

export function jsonSchemaText(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`;
}
