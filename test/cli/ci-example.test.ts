import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, itaas, once, root, tempDir } from '../helpers.js';
import { everyTarget, meridian, northwind, variant } from '../report-fixtures.js';

const script = join(root, 'examples', 'ci', 'check-reports.sh');
/** A repository with answers and their committed reports, made once; each test works on its own copy. */
function makeRepo(): string {
  const dir = tempDir('itaas-ci-');
  mkdirSync(join(dir, 'answers'));
  const targets = `${everyTarget(1)}\n`;
  variant(northwind, join(dir, 'answers', 'northwind.yaml'), [['targets:\n  automation: 4\n', targets]]);
  variant(meridian, join(dir, 'answers', 'meridian.yaml'), [['targets:\n  pay-per-use: 4\n  elasticity: 4\n', targets]]);
  expect(itaas(['report', 'answers/meridian.yaml', 'answers/northwind.yaml', '--out', 'reports'], { cwd: dir }).code).toBe(0);
  return dir;
}

let template = '';
function repo(): string {
  const dir = tempDir('itaas-ci-');
  cpSync(template, dir, { recursive: true, preserveTimestamps: true });
  return dir;
}

const run = (cwd: string, env: Record<string, string> = {}) =>
  spawnSync('sh', [script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ITAAS: `${process.execPath} ${bin}`, ...env }, timeout: 180_000 });

/** The script with a gate that Northwind fails, on fresh reports: one run that several tests read. */
const gated = once(() => {
  const dir = repo();
  return { dir, ...run(dir, { GATES: '--fail-under automation=3' }) };
});

describe('examples/ci/check-reports.sh', () => {
  beforeAll(() => {
    template = makeRepo();
  });

  it('passes when the committed reports are fresh and on target', () => {
    const r = run(repo());
    expect(r.stderr).toContain('every report in reports is up to date');
    expect(r.status).toBe(0);
  });

  it('fails (exit 1) when an answers file changed but its report was not regenerated', () => {
    const dir = repo();
    const f = join(dir, 'answers', 'northwind.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('organisation: Northwind Logistics', 'organisation: Northwind Logistics AB'));
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('stale: reports/northwind.md');
    expect(r.stderr).toContain('stale: reports/northwind.json');
    expect(r.stderr).toContain('To refresh the reports:');
  });

  it('fails (exit 1) when a dimension is below its target', () => {
    const r = gated();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('answers/northwind.yaml: automation 2.0 is under 3 by 1.0');
  });

  it('GATES="" switches the gates off: a fresh report below target passes', () => {
    const { dir, status } = gated();
    expect(status).toBe(1);
    const r = run(dir, { GATES: '' });
    expect(r.stderr).toContain('every report in reports is up to date');
    expect(r.status).toBe(0);
  });

  it('does not tell anyone to refresh the reports when only a gate failed', () => {
    const r = gated();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/automation 2(\.0)? is under 3/);
    expect(r.stderr).not.toContain('To refresh the reports');
  });

  it('stops with exit 2 on an invalid answers file', () => {
    const dir = repo();
    writeFileSync(join(dir, 'answers', 'broken.yaml'), 'kind: answers\n');
    const r = run(dir);
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toContain('broken.yaml');
  });
});
