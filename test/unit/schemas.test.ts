import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';
import { Answers } from '../../src/schema/answers.js';
import { GENERATED_SCHEMAS, jsonSchemaFor, jsonSchemaText } from '../../src/schema/json-schema.js';
import type { SchemaKind } from '../../src/schema/json-schema.js';
import { Model } from '../../src/schema/model.js';
import { Questionnaire } from '../../src/schema/questionnaire.js';
import { JsonReport } from '../../src/schema/report.js';
import { root } from '../helpers.js';

const zodFor: Record<SchemaKind, z.ZodType> = { model: Model, questionnaire: Questionnaire, answers: Answers, report: JsonReport };

// Each schema compiled once and each file parsed once for the whole file (the mutations work on copies).
const compiled = new Map<SchemaKind, ValidateFunction>();
function ajvFor(kind: (typeof GENERATED_SCHEMAS)[number]): ValidateFunction {
  if (!compiled.has(kind)) compiled.set(kind, new Ajv({ strict: false, allErrors: true }).compile(jsonSchemaFor(kind)));
  return compiled.get(kind)!;
}

const parsed = new Map<string, unknown>();
const yamlFile = (p: string): unknown => {
  if (!parsed.has(p)) parsed.set(p, parse(readFileSync(join(root, p), 'utf8'), { version: '1.2' }));
  return structuredClone(parsed.get(p));
};
const second = (f: string) => `test/fixtures/second-model/${f}.yaml`;

/** Valid files, and shape-level mutations of them that both schemas must refuse. */
const valid: Array<[SchemaKind, string]> = [
  ['model', 'models/itaas.yaml'],
  ['model', second('data-maturity')],
  ['questionnaire', 'questionnaires/itaas-core.yaml'],
  ['questionnaire', second('data-questionnaire')],
  ['answers', 'examples/northwind-logistics.yaml'],
  ['answers', 'examples/meridian-health.yaml'],
  ['answers', second('data-answers')],
];

// biome-ignore lint/suspicious/noExplicitAny: the tests break parsed files at any depth
type Obj = Record<string, any>;
const invalid: Array<[SchemaKind, string, string, (d: Obj) => void]> = [
  ['model', second('data-maturity'), 'weight is a string', (d) => (d.dimensions[0].weight = 'heavy')],
  ['model', second('data-maturity'), 'unknown key', (d) => (d.roadmap.paralel = 2)],
  ['model', second('data-maturity'), 'kind is wrong', (d) => (d.kind = 'modle')],
  ['model', second('data-maturity'), 'id not a slug', (d) => (d.dimensions[1].id = 'Data Governance')],
  ['model', second('data-maturity'), 'no phases', (d) => (d.phases.list = [])],
  ['model', second('data-maturity'), 'negative effort points', (d) => (d.roadmap.efforts[0].points = -1)],
  ['questionnaire', second('data-questionnaire'), 'one option only', (d) => d.sections[0].questions[0].options.splice(1)],
  ['questionnaire', second('data-questionnaire'), 'condition with both in and notIn', (d) => (d.sections[0].questions[2].when = { question: 'data-owners', in: ['all'], notIn: ['none'] })],
  ['questionnaire', second('data-questionnaire'), 'option level beyond any scale', (d) => (d.sections[0].questions[0].options[0].level = 10.5)],
  ['questionnaire', second('data-questionnaire'), 'text with a bad language code', (d) => (d.title = { English: 'x' })],
  ['answers', second('data-answers'), 'date not ISO', (d) => (d.assessment.date = '30/06/2025')],
  ['answers', second('data-answers'), 'answer is a number', (d) => (d.respondents[0].answers['where-data'] = 3)],
  ['answers', second('data-answers'), 'long-form answer with extra key', (d) => (d.respondents[0].answers['where-data'] = { option: 'sheets', level: 1 })],
  ['answers', second('data-answers'), 'version not semver', (d) => (d.questionnaire.version = 'v1')],
  ['answers', second('data-answers'), 'missing organisation', (d) => delete d.assessment.organisation],
];

describe('generated JSON Schemas', () => {
  it.each(GENERATED_SCHEMAS)('schemas/%s.schema.json matches the zod schema (run `npm run schemas` after changing one)', (kind) => {
    expect(readFileSync(join(root, 'schemas', `${kind}.schema.json`), 'utf8')).toBe(jsonSchemaText(kind));
  });

  it.each(GENERATED_SCHEMAS)('%s: is draft-07 and compiles with ajv', (kind) => {
    expect(jsonSchemaFor(kind).$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => ajvFor(kind)).not.toThrow();
  });
});

describe('ajv with the JSON Schema agrees with zod', () => {
  it.each(valid)('%s %s: valid for both', (kind, file) => {
    const data = yamlFile(file);
    const check = ajvFor(kind);
    expect(zodFor[kind].safeParse(data).success).toBe(true);
    expect(check(data), JSON.stringify(check.errors)).toBe(true);
  });

  it.each(invalid)('%s %s, %s: refused by both', (kind, file, _what, mutate) => {
    const data = structuredClone(yamlFile(file)) as Obj;
    mutate(data);
    expect(zodFor[kind].safeParse(data).success).toBe(false);
    expect(ajvFor(kind)(data)).toBe(false);
  });

  it('semantic rules are not shape: a broken reference is valid for both schemas and caught by validate', () => {
    const data = structuredClone(yamlFile(second('data-maturity'))) as Obj;
    data.phases.list[0].requires[0].dimension = 'no-such-dimension';
    expect(zodFor.model.safeParse(data).success).toBe(true);
    expect(ajvFor('model')(data)).toBe(true);
  });
});
