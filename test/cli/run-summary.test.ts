import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ReportRunSummary } from '../../src/schema/run-summary.js';
import { itaas, root, tempDir } from '../helpers.js';
import { meridian, northwind } from '../report-fixtures.js';

const committed = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(join(root, 'schemas', 'report-run.schema.json'), 'utf8')) as object);

describe('report --json', () => {
  it.each([
    ['a passing run', ['--format', 'json'], 0],
    ['failed gates', ['--format', 'json', '--fail-below-target', '--fail-under', 'automation=3'], 1],
    ['a stale --check', ['--check', '--format', 'md'], 1],
    ['a bad answers file beside a good one', ['--format', 'json', '--portfolio', join(root, 'test', 'fixtures', 'malformed', 'empty.yaml')], 2],
  ])('prints a summary that matches schemas/report-run.schema.json: %s', (_what, args, code) => {
    const r = itaas(['report', northwind, meridian, '--out', tempDir(), '--json', ...args]);
    expect(r.code, r.stderr).toBe(code);
    const summary = JSON.parse(r.stdout) as unknown;
    expect(ReportRunSummary.parse(summary).exitCode).toBe(code);
    expect(committed(summary), JSON.stringify(committed.errors?.slice(0, 3))).toBe(true);
  });
});
