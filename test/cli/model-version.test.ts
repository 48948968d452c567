import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itaas, root, tempDir } from '../helpers.js';
import { northwind } from '../report-fixtures.js';

// The built-in model's level descriptors and Pay per use levels changed with questionnaire 2.0.0, so a
// score of the same number can mean something else than under model 1.0.0. Every report records the
// model version it was scored with, and what reads reports back notices a different one.

const modelVersion = (parse(readFileSync(join(root, 'models', 'itaas.yaml'), 'utf8')) as { version: string }).version;

describe('model version', () => {
  it('is 2.0.0, after the change of what its levels mean', () => {
    expect(modelVersion).toBe('2.0.0');
  });

  it('is recorded in the Markdown, HTML and JSON reports', () => {
    const out = tempDir('itaas-model-version-');
    const r = itaas(['report', northwind, '--out', out, '--format', 'md,html,json']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'northwind-logistics.md'), 'utf8')).toContain(`**Model:** itaas ${modelVersion}`);
    expect(readFileSync(join(out, 'northwind-logistics.html'), 'utf8')).toContain(`<dt>Model</dt><dd>itaas ${modelVersion}</dd>`);
    expect(JSON.parse(readFileSync(join(out, 'northwind-logistics.json'), 'utf8')).assessment.model).toEqual({ id: 'itaas', version: modelVersion });
  });

  it('compare says when a baseline was scored with another version of the model, and what that means', () => {
    const out = tempDir('itaas-model-version-');
    expect(itaas(['report', northwind, '--out', out, '--format', 'json']).code).toBe(0);
    const file = join(out, 'northwind-logistics.json');
    const old = JSON.parse(readFileSync(file, 'utf8'));
    old.assessment.model.version = '1.0.0';
    const baseline = join(out, 'baseline.json');
    writeFileSync(baseline, JSON.stringify(old));
    const r = itaas(['compare', baseline, northwind]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`The model versions differ (1.0.0 and ${modelVersion})`);
    expect(r.stdout).toContain('what a level means may have changed');
  });

  it('report --check finds a JSON report scored with the earlier model stale', () => {
    const out = tempDir('itaas-model-version-');
    expect(itaas(['report', northwind, '--out', out, '--format', 'json']).code).toBe(0);
    const file = join(out, 'northwind-logistics.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"version": "${modelVersion}"`, '"version": "1.0.0"'));
    const r = itaas(['report', northwind, '--out', out, '--format', 'json', '--check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`stale: ${file}`);
  });
});
