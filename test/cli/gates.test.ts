import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, once, tempDir } from '../helpers.js';
import { everyTarget, meridian, northwind, variant } from '../report-fixtures.js';

/**
 * Gates that all pass, in one run: Northwind's answers with every target at 1 (each dimension meets it), over the
 * overall level 1.5 and virtualization 3, and no lower than the same answers as a baseline. Each test below that
 * needs a passing gate reads its part of it.
 */
const passing = once(() => {
  const dir = tempDir();
  const easy = variant(northwind, join(dir, 'easy.yaml'), [['targets:\n  automation: 4', everyTarget(1)]]);
  const args = ['--fail-below-target', '--fail-under', '1.5', '--fail-under', 'virtualization=3', '--fail-on-regression', northwind];
  return itaas(['report', '--format', 'md', easy, '--out', join(dir, 'out'), ...args]);
});

/** Gates that fail in one run: under the overall level 2.5 and automation 3, and below Meridian's scores. */
const failing = once(() => itaas(['report', '--format', 'md', northwind, '--out', tempDir(), '--fail-under', '2.5', '--fail-under', 'automation=3', '--fail-on-regression', meridian]));

/** Meridian's JSON report, a baseline for the tests that read one. */
const meridianReport = once(() => {
  const out = tempDir();
  expect(itaas(['report', meridian, '--out', out, '--format', 'json']).code).toBe(0);
  return join(out, 'meridian-health.json');
});

describe('report gates (CLI)', () => {
  it('--fail-below-target exits 1 and lists each dimension below target and by how much', () => {
    const out = tempDir();
    const r = itaas(['report', '--format', 'md', northwind, '--out', out, '--fail-below-target']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('northwind-logistics.yaml: automation 2.0 is below its target 4 by 2.0');
    expect(r.stderr).toContain('pay-per-use 1.0 is below its target 3 by 2.0');
    expect(r.stderr).toMatch(/error: 12 gates failed/);
    // The reports are still written: the gate judges them, it does not block them.
    expect(readFileSync(join(out, 'northwind-logistics.md'), 'utf8')).toContain('Northwind Logistics');
  });

  it('--fail-below-target passes when every dimension meets its target', () => {
    const r = passing();
    expect(r.stderr).not.toContain('fail:');
    expect(r.code, r.stderr).toBe(0);
  });

  it('--fail-under checks the overall score and single dimensions', () => {
    const ok = passing();
    expect(ok.code, ok.stderr).toBe(0);
    const bad = failing();
    expect(bad.code).toBe(1);
    // The overall score goes by the model's name for it.
    expect(bad.stderr).toContain('Overall ITaaS maturity 1.9 is under 2.5 by 0.6 (--fail-under 2.5)');
    expect(bad.stderr).toContain('automation 2.0 is under 3 by 1.0 (--fail-under automation=3)');
  });

  it('--fail-under with an unknown dimension or a malformed level is a usage error (exit 2)', () => {
    const out = tempDir();
    const unknown = itaas(['report', '--format', 'md', northwind, '--out', out, '--fail-under', 'automaton=3']);
    expect(unknown.code).toBe(2);
    // Named as the flag the user typed, with the likely meaning; not as a problem of the answers file.
    expect(unknown.stderr).toContain('--fail-under automaton=3: model itaas has no dimension "automaton"; did you mean "automation"?');
    expect(unknown.stderr).not.toContain('could not be reported');
    expect(unknown.stderr).not.toContain('northwind-logistics.yaml');
    expect(unknown.stdout).toBe('');
    const malformed = itaas(['report', '--format', 'md', northwind, '--out', out, '--fail-under', 'high']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--fail-under "high" is not a level or DIMENSION=LEVEL');
  });

  it('--fail-on-regression compares with a baseline answers file', () => {
    const r = failing();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/automation 2\.0 fell from 3\.4 in .*meridian-health\.yaml by 1\.4/);
    // The same answers as the baseline: nothing fell.
    const same = passing();
    expect(same.stderr).not.toMatch(/fell from/);
    expect(same.code, same.stderr).toBe(0);
  });

  it('--fail-on-regression reads a JSON report as the baseline', () => {
    const r = itaas(['report', '--format', 'md', northwind, '--out', tempDir(), '--fail-on-regression', meridianReport()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sourcing 1\.3 fell from 3\.7 in .*meridian-health\.json by 2\.4/);
  });

  it('refuses a baseline that is not a current JSON report, before writing anything', () => {
    const dir = tempDir();
    const report = JSON.parse(readFileSync(meridianReport(), 'utf8'));
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ ...report, schemaVersion: 99 }));
    const r = itaas(['report', '--format', 'md', northwind, '--out', join(dir, 'out'), '--fail-on-regression', old]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('schemaVersion 99');
    expect(() => readFileSync(join(dir, 'out', 'northwind-logistics.md'))).toThrow();
  });

  it('--json prints one JSON document with the failures; messages stay on stderr', () => {
    const out = tempDir();
    const r = itaas(['report', '--format', 'md', northwind, meridian, '--out', out, '--fail-under', 'automation=3', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.exitCode).toBe(1);
    expect(doc.gates.failures).toEqual([
      { file: northwind, kind: 'under', dimension: 'automation', actual: 2, required: 3, by: 1, message: 'automation 2.0 is under 3 by 1.0 (--fail-under automation=3)' },
    ]);
    expect(doc.files.map((f: { status: string }) => f.status)).toEqual(['ok', 'ok']);
    expect(r.stderr).toContain('fail:');
  });

  it('bad input wins over failed gates: exit 2, and the gate failures are still listed', () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'kind: answers\nrespondents: [\n');
    const r = itaas(['report', '--format', 'md', northwind, broken, '--out', join(dir, 'out'), '--fail-below-target']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.yaml');
    expect(r.stderr).toContain('automation 2.0 is below its target 4 by 2.0');
    expect(r.stderr).toContain('bad input takes precedence, exit 2');
  });
});
