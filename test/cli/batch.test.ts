import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, tempDir } from '../helpers.js';
import { copy, meridian, northwind, variant } from '../report-fixtures.js';

describe('report on many answers files', () => {
  it('reports every good file, lists every bad one, and exits 2 at the end', () => {
    const dir = tempDir();
    const answers = join(dir, 'answers');
    mkdirSync(answers);
    copy(northwind, join(answers, 'a-north.yaml'));
    writeFileSync(join(answers, 'b-broken.yaml'), 'kind: answers\nquestionnaire: {id: itaas-core, version: 2.0.0}\nrespondents: [\n');
    copy(meridian, join(answers, 'c-meridian.yaml'));
    variant(northwind, join(answers, 'd-wrong-option.yaml'), [['server-build-automation:\n        option: automated', 'server-build-automation:\n        option: teleported']]);
    const out = join(dir, 'reports');
    const files = ['a-north', 'b-broken', 'c-meridian', 'd-wrong-option'].map((f) => join(answers, `${f}.yaml`));
    const r = itaas(['report', ...files, '--out', out, '--format', 'md,json']);
    expect(r.code).toBe(2);
    for (const f of ['a-north', 'c-meridian']) {
      expect(existsSync(join(out, `${f}.md`))).toBe(true);
      expect(existsSync(join(out, `${f}.json`))).toBe(true);
    }
    expect(existsSync(join(out, 'b-broken.md'))).toBe(false);
    expect(existsSync(join(out, 'd-wrong-option.md'))).toBe(false);
    expect(r.stderr).toMatch(/b-broken\.yaml:\d+:\d+: /);
    expect(r.stderr).toMatch(/d-wrong-option\.yaml:43:\d+: .*teleported/);
    expect(r.stderr).toContain('2 of 4 answers files could not be reported');
    // No progress line without a terminal.
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toMatch(/\d+\/4 /);
  });

  it('refuses two answers files whose reports would overwrite each other', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    mkdirSync(join(dir, 'y'));
    const a = copy(northwind, join(dir, 'x', 'same.yaml'));
    const b = copy(meridian, join(dir, 'y', 'same.yaml'));
    const r = itaas(['report', a, b, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${b}: its reports would replace those of ${a}`);
  });

  it('validate --json prints one JSON document on stdout', () => {
    const r = itaas(['validate', northwind, meridian, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).valid).toBe(true);
  });
});
