import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, once, tempDir } from '../helpers.js';
import { meridian, northwind, variant } from '../report-fixtures.js';

const NAME = 'meridian-health-vs-northwind-logistics';

/**
 * The comparison of the two examples in Markdown and JSON, written into a folder by one run, in English and in German;
 * several tests read them. What compare prints on stdout is read from the runs further down.
 */
function compared(lang: string[]) {
  const out = join(tempDir(), 'cmp');
  const r = itaas(['compare', northwind, meridian, '--format', 'md,json', '--out', out, ...lang]);
  const read = (ext: string) => (r.code === 0 ? readFileSync(join(out, `${NAME}.${ext}`), 'utf8') : '');
  return { ...r, md: read('md'), json: read('json') };
}
const english = once(() => compared([]));
const german = once(() => compared(['--lang', 'de']));

describe('itaas compare', () => {
  it('shows per-dimension movement, phase and stage changes, roadmap items and gaps in Markdown', () => {
    const r = { ...english(), stdout: english().md };
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('| Automation | 2.0 | 3.4 | +1.4 | ▲ | 4 | 0.6 |');
    // The model's own words: its name for the overall score and its headings for phases and stages.
    expect(r.stdout).toContain('Overall ITaaS maturity: 1.9 → 3.5 (+1.6), over the 14 dimensions both assessments share');
    expect(r.stdout).toContain('Journey phases: Phase I – IT production → Phase III – IT as a Service (forward).');
    expect(r.stdout).toContain('Operating-model stages: predominantly Process-oriented → Running IT like a business.');
    expect(r.stdout).not.toMatch(/^Phase:|Predominant stage|Overall score/m);
    expect(r.stdout).toContain('| Service-oriented | not attained (66%) | attained (100%) |');
    expect(r.stdout).toContain('- Closed: **Sourcing** (was 1.7 below target)');
    expect(r.stdout).toMatch(/- No longer needed: /);
    expect(r.stdout).toContain('different organisations');
  });

  it("speaks German with --lang de, in the model's German words, with the same JSON keys and numbers", () => {
    const r = { ...german(), stdout: german().md };
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('# Was sich bewegt hat: Meridian Health Group');
    expect(r.stdout).toContain('**Ausgangslage:** Northwind Logistics, 2025-03-12');
    expect(r.stdout).toContain('> Die Bewertungen betreffen verschiedene Organisationen (Northwind Logistics und Meridian Health Group).');
    expect(r.stdout).toContain('ITaaS-Reifegrad insgesamt: 1,9 → 3,5 (+1,6), über die 14 Dimensionen, die beide Bewertungen gemeinsam haben');
    expect(r.stdout).toContain('Phasen des Weges: Phase I – IT-Produktion → Phase III – IT as a Service (vorwärts).');
    expect(r.stdout).toContain('Stufen des Betriebsmodells: Schwerpunkt Prozessorientiert → IT wie ein Unternehmen führen.');
    expect(r.stdout).toContain('| Automatisierung | 2,0 | 3,4 | +1,4 | ▲ | 4 | 0,6 |');
    expect(r.stdout).toContain('| Serviceorientiert | nicht erreicht (66\u00a0%) | erreicht (100\u00a0%) |');
    expect(r.stdout).toContain('- Geschlossen: **Sourcing** (lag 1,7 unter dem Ziel)');
    expect(r.stdout).not.toMatch(/What moved|Baseline|Summary|Before|After|attained|Phase:|overall score/);
    const en = JSON.parse(english().json);
    const de = JSON.parse(german().json);
    expect(Object.keys(de)).toEqual(Object.keys(en));
    expect(de.dimensions.map((d: { delta: number }) => d.delta)).toEqual(en.dimensions.map((d: { delta: number }) => d.delta));
    expect(de.notes).toEqual(['Die Bewertungen betreffen verschiedene Organisationen (Northwind Logistics und Meridian Health Group).']);
    expect(de.overall.title).toBe('ITaaS-Reifegrad insgesamt');
  });

  it('--json prints one comparison document; going backwards shows as down and as new gaps', () => {
    const r = itaas(['compare', meridian, northwind, '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.kind).toBe('comparison');
    const automation = c.dimensions.find((d: { id: string }) => d.id === 'automation');
    expect(automation).toMatchObject({ before: { score: 3.4 }, after: { score: 2 }, delta: -1.4, direction: 'down' });
    expect(c.phase.direction).toBe('down');
    expect(c.gaps.opened.map((g: { dimension: string }) => g.dimension)).toContain('sourcing');
    expect(c.roadmap.added.length).toBeGreaterThan(0);
    expect(c.notCompared).toEqual([]);
  });

  it('compares a JSON report with an answers file, across questionnaire versions, and says what it could not compare', () => {
    const dir = tempDir();
    expect(itaas(['report', northwind, '--out', dir, '--format', 'json']).code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'northwind-logistics.json'), 'utf8'));
    report.assessment.questionnaire.version = '0.9.0';
    report.dimensions = report.dimensions.filter((d: { id: string }) => d.id !== 'elasticity');
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify(report));
    const later = variant(northwind, join(dir, 'later.yaml'), [
      ['server-build-automation:\n        option: documented-manual', 'server-build-automation:\n        option: automated'],
      ['server-build-automation: scripted', 'server-build-automation: automated'],
    ]);
    const r = itaas(['compare', old, later, '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.notes.join(' ')).toContain('questionnaires differ (itaas-core 0.9.0 and itaas-core 2.0.0)');
    expect(c.notCompared).toEqual([{ what: 'dimension', id: 'elasticity', reason: 'only in the current assessment' }]);
    expect(c.dimensions.find((d: { id: string }) => d.id === 'automation').direction).toBe('up');
    expect(c.dimensions.filter((d: { direction: string }) => d.direction === 'same')).toHaveLength(12);
    // Markdown on stdout, as compare prints it without --out.
    const md = itaas(['compare', old, later]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# What moved/);
    expect(md.stdout).toContain('## Not compared');
    expect(md.stdout).toContain('- dimension elasticity: only in the current assessment');
  });

  it('--out writes each requested format into the folder', () => {
    const r = english();
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.md).toContain('# What moved');
    expect(JSON.parse(r.json).kind).toBe('comparison');
  });

  it('refuses a JSON file that is not an itaas report, and several formats on stdout (exit 2)', () => {
    const dir = tempDir();
    const bogus = join(dir, 'bogus.json');
    writeFileSync(bogus, '{"schemaVersion": 2, "hello": "world"}');
    const r = itaas(['compare', bogus, northwind]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a valid itaas JSON report');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    const both = itaas(['compare', northwind, meridian, '--format', 'md,json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('need --out');
  });
});
