import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonReport } from '../../src/schema/report.js';
import { itaas, tempDir } from '../helpers.js';

// A "data-maturity" model on a 1..5 scale with 4 dimensions on 2 axes, 2 phases, 2 stages and 8
// initiatives: nothing about it is ITaaS, and the engine must not care.
const dir = 'test/fixtures/second-model';
const files = ['data-maturity.yaml', 'data-questionnaire.yaml', 'data-answers.yaml'].map((f) => `${dir}/${f}`);

describe('a second maturity model, end to end through the CLI', () => {
  it('validates', () => {
    const r = itaas(['validate', ...files]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain('(model)');
    expect(r.stderr).toContain('(questionnaire)');
    expect(r.stderr).toContain('(answers)');
  });

  const out = tempDir();
  const r = itaas(['report', files[2]!, '--out', out, '--format', 'md,json']);
  const json = () => JsonReport.parse(JSON.parse(readFileSync(join(out, 'data-answers.json'), 'utf8')));
  const md = () => readFileSync(join(out, 'data-answers.md'), 'utf8');

  it('reports', () => {
    expect(r.code, r.stderr).toBe(0);
  });

  it('scores on its own 1..5 scale, with the median, coverage and disagreements', () => {
    const rep = json();
    expect(rep.assessment.model).toEqual({ id: 'data-maturity', version: '2.1.0' });
    const d = Object.fromEntries(rep.dimensions.map((x) => [x.id, x]));
    expect(Object.keys(d)).toEqual(['storage', 'governance', 'analytics', 'literacy']);
    // where-data: warehouse(3), sheets(1), warehouse(3) -> 3
    expect(d.storage).toMatchObject({ score: 3, level: 3, target: 4, gap: 1, spread: 2, disagreements: ['where-data'] });
    // data-owners (weight 2): 2, 4, 1 -> 2; quality-rules: 3, 3 (hidden for Jo) -> (2*2 + 3) / 3
    expect(d.governance).toMatchObject({ score: 2.3, level: 2, spread: 3 });
    expect(d.governance!.coverage).toMatchObject({ questions: 2, scored: 5, skipped: 0 });
    // reporting: 3, don't know, 2 -> 2.5
    expect(d.analytics).toMatchObject({ score: 2.5, level: 2 });
    expect(d.analytics!.coverage).toMatchObject({ scored: 2, dontKnow: 1, answerRatio: 0.67 });
    // literacy target overridden in the answers file
    expect(d.literacy).toMatchObject({ score: 2, target: 4, targetSource: 'assessment', gap: 2 });
    expect(d.literacy!.coverage.na).toBe(1);
    expect(rep.axes.map((a) => [a.id, a.score, a.belowTarget])).toEqual([
      ['foundations', 2.7, 2],
      ['value', 2.3, 2],
    ]);
  });

  it('places the phase and stages from its own gates', () => {
    const rep = json();
    expect(rep.phase).toMatchObject({ reached: 0, id: null, title: 'Data-unaware' });
    expect(rep.phase.next).toMatchObject({ number: 1, id: 'managed', heldBackBy: 'governance', progress: 82 }); // governance 2.3 of the 3 it needs
    expect(rep.operatingModel.predominant).toEqual({ id: 'centralised', title: 'Centralised data team' });
    expect(rep.operatingModel.stages.map((s) => [s.id, s.attained])).toEqual([
      ['centralised', true],
      ['federated', false],
    ]);
  });

  it('plans its own roadmap in its own waves, in dependency order', () => {
    const rep = json();
    const items = rep.roadmap.waves.flatMap((w) => w.items);
    expect(rep.roadmap.waves.map((w) => w.id)).toEqual(['first', 'second']);
    expect(items.map((i) => i.id).sort()).toEqual(['build-warehouse', 'data-training', 'measure-quality', 'name-owners', 'self-service-bi', 'standard-reports']);
    // inventory-data is in place (storage is 3), data-science is beyond the analytics target.
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const it of items) for (const dep of it.dependsOn) expect(byId.get(dep)!.end).toBeLessThanOrEqual(it.start);
    expect(byId.get('standard-reports')!.reason.requiredBy).toEqual(['self-service-bi']);
    // Never more than two at once (parallel: 2).
    for (let t = 0; t < rep.roadmap.months; t++) expect(items.filter((i) => i.start <= t && t < i.end).length).toBeLessThanOrEqual(2);
  });

  it("writes a Markdown report in the model's own words, with nothing left over from the ITaaS model", () => {
    const text = md();
    expect(text).toMatch(/^# Data maturity model assessment: Fabrikam Retail$/m);
    for (const s of ['Data foundations', 'Data value', 'Managed data', 'Centralised data team', 'First quarter', 'Rest of the year', 'Build a warehouse', 'In a central warehouse'])
      expect(text).toContain(s);
    expect(text).not.toMatch(/\bIT\b|ITaaS|Phase I\b/);
    // The ITaaS scale ("0 to 4") must not show; a step such as "from 3.0 to 4.0" is this model's own.
    expect(text).not.toMatch(/(?<![\d.])0 to 4(?![\d.])|service-oriented|virtuali[sz]ation/i);
  });
});
