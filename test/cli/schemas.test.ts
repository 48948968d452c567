import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { JsonReport } from '../../src/schema/report.js';
import { itaas, root, tempDir } from '../helpers.js';

const second = (f: string) => `test/fixtures/second-model/${f}.yaml`;

describe('generated JSON Schemas', () => {
  it('`itaas schema KIND` prints the committed schema', () => {
    const r = itaas(['schema', 'answers']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(root, 'schemas', 'answers.schema.json'), 'utf8'));
  });
});

describe('the JSON report', () => {
  const out = tempDir();
  const r = itaas(['report', 'examples/northwind-logistics.yaml', second('data-answers'), '--out', out, '--format', 'json']);

  it.each(['northwind-logistics', 'data-answers'])('%s.json validates against the zod schema and schemas/report.schema.json', (name) => {
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) as unknown;
    const z = JsonReport.safeParse(report);
    expect(z.success, JSON.stringify(z.error?.issues.slice(0, 3))).toBe(true);
    const committed = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8')) as object);
    expect(committed(report), JSON.stringify(committed.errors?.slice(0, 3))).toBe(true);
  });
});
