import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { AnswersStore } from '../../src/interview/store.js';
import { summaryLines } from '../../src/interview/session.js';
import { loadAssessment } from '../../src/load/index.js';
import { buildContext } from '../../src/report/context.js';
import { buildJsonReport } from '../../src/report/json.js';
import { Answers } from '../../src/schema/answers.js';
import { Model } from '../../src/schema/model.js';
import type { Questionnaire } from '../../src/schema/questionnaire.js';
import { fixtures, tempDir } from '../helpers.js';

const models = join(fixtures, 'models');

describe('a model scored the way OWASP SAMM scores (fractional answers, unanswered counts 0, sum of per-level means)', () => {
  const a = loadAssessment(join(models, 'samm-answers.yaml'));
  const result = assess(a.model.data, a.questionnaire.data, a.answers.data);
  const dim = (id: string) => result.dimensions.find((d) => d.id === id)!;

  // Each practice: level n scores the mean of streams A and B at that level; the practice the sum of
  // its three levels. Answers are worth No 0, some 0.25, half 0.5, most 1; unanswered and "don't know" 0.
  it.each([
    // L1 (most 1 + half .5)/2 = .75; L2 (some .25 + no 0)/2 = .125; L3 (unanswered 0 + no 0)/2 = 0
    ['strategy-metrics', 0.875, 0],
    // L1 (half .5 + some .25)/2 = .375; L2 (some .25 + don't know 0)/2 = .125; L3 (no 0 + unanswered 0) = 0
    ['policy-compliance', 0.5, 0],
    // L1 (1 + 1)/2 = 1; L2 (.5 + .25)/2 = .375; L3 (.25 + 0)/2 = .125
    ['education-guidance', 1.5, 1],
    // L1 (.25 + 0)/2 = .125; levels 2 and 3 unanswered = 0
    ['architecture-assessment', 0.125, 0],
    // L1 (.5 + .5)/2 = .5; L2 (.25 + .25)/2 = .25; L3 0
    ['requirements-testing', 0.75, 0],
    // L1 (1 + .5)/2 = .75; L2 (.5 + 0)/2 = .25; L3 (.25 + unanswered 0)/2 = .125
    ['security-testing', 1.125, 1],
  ])('%s scores %d (level %d)', (id, score, level) => {
    expect(dim(id).score).toBeCloseTo(score, 3);
    expect(dim(id).level).toBe(level);
  });

  it('scores each business function as the mean of its practices, and the overall maturity as the mean of all practices', () => {
    // Governance (.875 + .5 + 1.5)/3 = .958333; Verification (.125 + .75 + 1.125)/3 = .666667
    expect(result.axes.map((x) => [x.id, x.score])).toEqual([
      ['governance', 0.958],
      ['verification', 0.667],
    ]);
    // (.875 + .5 + 1.5 + .125 + .75 + 1.125)/6 = 4.875/6 = .8125, kept to the model's 3 decimals
    expect(result.overall).toBe(0.813);
  });

  it('counts an unanswered question and a "don\'t know" as 0, yet still reports them as unanswered in coverage', () => {
    const q = result.questions.find((x) => x.id === 'sm-a3')!;
    expect(q.responses[0]!.status).toBe('skipped');
    expect(q.score).toBe(0);
    expect(result.questions.find((x) => x.id === 'pc-b2')!.score).toBe(0);
    expect(dim('policy-compliance').coverage).toMatchObject({ questions: 6, answered: 4, dontKnow: 1, skipped: 1 });
  });

  it('names the overall score and shows three decimals in the JSON report, with no phase, stage or roadmap keys', () => {
    const json = buildJsonReport(buildContext(a.model.data, a.questionnaire.data, a.answers.data, result));
    expect(json.overall).toEqual({ title: 'Overall SAMM maturity', score: 0.813, precision: 3 });
    const written = Object.keys(JSON.parse(JSON.stringify(json)));
    expect(written).not.toContain('phase');
    expect(written).not.toContain('operatingModel');
    expect(written).not.toContain('roadmap');
    expect(json.questions.find((x) => x.id === 'st-b1')!.responses[0]).toMatchObject({ option: 'half', level: 0.5 });
  });
});

/** A two-dimension model on a 0..4 scale with the given scoring section. */
function tiny(scoring: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const levels = { '0': 'a', '1': 'b', '2': 'c', '3': 'd', '4': 'e' };
  return Model.parse({
    kind: 'model',
    id: 'tiny',
    version: '1.0.0',
    title: 'Tiny',
    scale: [0, 1, 2, 3, 4].map((level) => ({ level, label: `L${level}` })),
    scoring,
    axes: [{ id: 'all', title: 'All' }],
    dimensions: [
      { id: 'x', axis: 'all', title: 'X', description: 'x', weight: 3, levels },
      { id: 'y', axis: 'all', title: 'Y', description: 'y', weight: 1, levels },
    ],
    ...extra,
  });
}

const options = [0, 1, 2, 3, 4].map((level) => ({ id: `o${level}`, level, label: `${level}` }));
const tinyQuestionnaire = {
  kind: 'questionnaire',
  id: 'tq',
  version: '1.0.0',
  title: 'T',
  language: 'en',
  model: 'tiny',
  sections: [
    {
      id: 's',
      title: 'S',
      questions: [
        { id: 'x1', dimension: 'x', weight: 3, text: 'x1', options, allowNa: true, allowDontKnow: true },
        { id: 'x2', dimension: 'x', weight: 1, text: 'x2', options, allowNa: true, allowDontKnow: true },
        { id: 'x3', dimension: 'x', weight: 1, text: 'x3', options, allowNa: true, allowDontKnow: true },
        { id: 'y1', dimension: 'y', weight: 1, text: 'y1', options, allowNa: true, allowDontKnow: true },
      ],
    },
  ],
} as Questionnaire;
// x1 = 4 (weight 3), x2 = 1, x3 "don't know"; y1 unanswered.
const tinyAnswers = Answers.parse({
  kind: 'answers',
  questionnaire: { id: 'tq', version: '1.0.0' },
  assessment: { organisation: 'T', date: '2026-01-01' },
  respondents: [{ name: 'R', answers: { x1: 'o4', x2: 'o1', x3: 'dontKnow' } }],
});
const score = (scoring: Record<string, unknown>) => assess(tiny(scoring), tinyQuestionnaire, tinyAnswers);

describe('the scoring section', () => {
  it('defaults to today: weighted mean of answered questions, unanswered and "don\'t know" left out', () => {
    const r = score({});
    // (3*4 + 1*1)/4 = 3.25, shown (and kept) to one decimal, halves up; y not assessed
    expect(r.dimensions.map((d) => d.score)).toEqual([3.3, null]);
    expect(r.overall).toBe(3.3);
  });

  it('"mean" ignores question weights and "min" takes the weakest question', () => {
    expect(score({ dimension: 'mean' }).dimensions[0]!.score).toBe(2.5);
    expect(score({ dimension: 'min' }).dimensions[0]!.score).toBe(1);
  });

  it('counts "don\'t know" and unanswered questions as the bottom of the scale when told to', () => {
    const r = score({ dontKnow: 'lowest', unanswered: 'lowest' });
    // (3*4 + 1 + 0)/5 = 2.6; y's unanswered question counts 0
    expect(r.dimensions.map((d) => d.score)).toEqual([2.6, 0]);
    // weighted by dimension weight: (3*2.6 + 0)/4 = 1.95, to one decimal 2.0
    expect(r.overall).toBe(2);
  });

  it('combines dimensions into axes and the overall score by the rule asked for', () => {
    const r = score({ unanswered: 'lowest', axis: 'sum', overall: { from: 'axes', combine: 'min' } });
    // x 3.3 (unanswered questions of x: none) plus y 0
    expect(r.axes[0]!.score).toBe(3.3);
    expect(r.overall).toBe(3.3);
    expect(score({ unanswered: 'lowest', overall: { combine: 'min' } }).overall).toBe(0);
    // (3.3 + 0)/2 = 1.65, to one decimal 1.7
    expect(score({ unanswered: 'lowest', overall: { combine: 'mean' } }).overall).toBe(1.7);
  });

  it("flags disagreements at the model's threshold", () => {
    const two = Answers.parse({ ...tinyAnswers, respondents: [...tinyAnswers.respondents, { name: 'S', answers: { x1: 'o3' } }] });
    expect(assess(tiny({}), tinyQuestionnaire, two).questions[0]!.disagreement).toBe(false);
    expect(assess(tiny({ disagreement: 1 }), tinyQuestionnaire, two).questions[0]!.disagreement).toBe(true);
  });

  it('keeps scores to the display precision', () => {
    // (4 + 1 + 0)/3
    expect(score({ dimension: 'mean', precision: 3, dontKnow: 'lowest' }).dimensions[0]!.score).toBe(1.667);
    expect(score({ dimension: 'mean', dontKnow: 'lowest' }).dimensions[0]!.score).toBe(1.7);
  });
});

describe('a model with dimensions only', () => {
  const a = loadAssessment(join(models, 'accessibility-answers.yaml'));
  const result = assess(a.model.data, a.questionnaire.data, a.answers.data);

  it('places nothing, plans nothing and has no targets, yet scores every dimension and overall', () => {
    expect(result.phase).toBeNull();
    expect(result.operatingModel).toBeNull();
    expect(result.roadmap).toBeNull();
    expect(result.axes).toEqual([]);
    expect(result.topGaps).toEqual([]);
    expect(result.dimensions.every((d) => d.target === null && d.gap === null && d.axis === null && d.score !== null)).toBe(true);
    expect(result.overall).not.toBeNull();
  });

  it('ends an interview with the scores and the overall score, and no line about phases or targets', () => {
    const store = AnswersStore.open(join(models, 'accessibility-answers.yaml'));
    const text = summaryLines(store, 'en', false).join('\n');
    expect(text).toContain('Communications');
    expect(text).toMatch(/Overall score: \d\.\d/);
    expect(text).not.toMatch(/phase|target/i);
  });

  it("writes a header comment into a new answers file in the model's own words", () => {
    const dir = tempDir();
    AnswersStore.create(join(dir, 'a.yaml'), join(models, 'accessibility-questionnaire.yaml'), { organisation: 'X', date: '2026-01-01' });
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toContain('# Answers of a maturity assessment, saved by');
    AnswersStore.create(join(dir, 'b.yaml'), join(models, 'samm-questionnaire.yaml'), { organisation: 'X', date: '2026-01-01' });
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toContain('# Answers of an OWASP SAMM assessment, saved by');
  });
});
