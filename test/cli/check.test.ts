import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, tempDir } from '../helpers.js';
import { meridian, northwind } from '../report-fixtures.js';

const formats = ['--format', 'md,json,csv'];

describe('report --check', () => {
  it('passes on fresh reports and touches nothing', () => {
    const out = join(tempDir(), 'reports');
    expect(itaas(['report', northwind, meridian, '--out', out, ...formats, '--portfolio']).code).toBe(0);
    const before = statSync(join(out, 'northwind-logistics.md')).mtimeMs;
    const r = itaas(['report', northwind, meridian, '--out', out, ...formats, '--portfolio', '--check']);
    expect(r.stderr).toContain('every report in');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('wrote');
    expect(statSync(join(out, 'northwind-logistics.md')).mtimeMs).toBe(before);
  });

  it('exits 1 listing stale and missing reports, and changes none of them', () => {
    const out = join(tempDir(), 'reports');
    expect(itaas(['report', northwind, meridian, '--out', out, ...formats, '--portfolio']).code).toBe(0);
    const md = join(out, 'northwind-logistics.md');
    writeFileSync(md, `${readFileSync(md, 'utf8')}\nedited by hand\n`);
    const edited = readFileSync(md, 'utf8');
    rmSync(join(out, 'meridian-health.answers.csv'));
    rmSync(join(out, 'portfolio.json'));
    const r = itaas(['report', northwind, meridian, '--out', out, ...formats, '--portfolio', '--check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`stale: ${join(out, 'northwind-logistics.md')}`);
    expect(r.stderr).toContain(`missing: ${join(out, 'meridian-health.answers.csv')}`);
    expect(r.stderr).toContain(`missing: ${join(out, 'portfolio.json')}`);
    expect(r.stderr).toMatch(/3 reports stale or missing/);
    expect(r.stderr).not.toContain('meridian-health.md');
    expect(readFileSync(md, 'utf8')).toBe(edited);
    expect(existsSync(join(out, 'meridian-health.answers.csv'))).toBe(false);
  });

  it('on an empty folder lists every report as missing and creates nothing', () => {
    const out = join(tempDir(), 'never-made');
    const r = itaas(['report', northwind, '--out', out, '--format', 'md,json', '--check', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.check).toEqual({ stale: [], missing: [join(out, 'northwind-logistics.md'), join(out, 'northwind-logistics.json')] });
    expect(existsSync(out)).toBe(false);
  });

  it('checks only the formats asked for', () => {
    const out = join(tempDir(), 'reports');
    expect(itaas(['report', northwind, '--out', out, '--format', 'json']).code).toBe(0);
    expect(itaas(['report', northwind, '--out', out, '--format', 'json', '--check']).code).toBe(0);
    const r = itaas(['report', northwind, '--out', out, '--format', 'md', '--check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing: ');
  });
});
