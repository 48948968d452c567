import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { scoreDimensions, scoreQuestions } from '../../src/core/score.js';
import { buildAnswers, buildModel, buildQuestionnaire } from '../fixtures/build.js';

const model = buildModel({
  dims: [
    { id: 'alpha', axis: 'x', weight: 2, target: 3 },
    { id: 'beta', axis: 'x', target: 2 },
    { id: 'gamma', axis: 'y', target: 4 },
  ],
});

describe('scoring one question across respondents', () => {
  const q = buildQuestionnaire([{ id: 'q1', dimension: 'alpha' }]);

  it('takes the median of an odd number of answers and keeps the spread', () => {
    const [s] = scoreQuestions(q, buildAnswers([{ q1: 'o1' }, { q1: 'o4' }, { q1: 'o2' }]));
    expect(s!.score).toBe(2);
    expect(s!.spread).toBe(3);
    expect(s!.disagreement).toBe(true);
  });

  it('takes the middle of the two central answers for an even count', () => {
    const [s] = scoreQuestions(q, buildAnswers([{ q1: 'o1' }, { q1: 'o2' }]));
    expect(s!.score).toBe(1.5);
    expect(s!.disagreement).toBe(false);
  });

  it('flags disagreement at exactly two levels apart, not at one', () => {
    expect(scoreQuestions(q, buildAnswers([{ q1: 'o1' }, { q1: 'o3' }]))[0]!.disagreement).toBe(true);
    expect(scoreQuestions(q, buildAnswers([{ q1: 'o2' }, { q1: 'o3' }]))[0]!.disagreement).toBe(false);
  });

  it('uses mean or min when asked', () => {
    const a = buildAnswers([{ q1: 'o0' }, { q1: 'o1' }, { q1: 'o4' }]);
    expect(scoreQuestions(q, a, 'mean')[0]!.score).toBe(1.67);
    expect(scoreQuestions(q, a, 'min')[0]!.score).toBe(0);
  });

  it("leaves not-applicable and don't-know out of the score but records them", () => {
    const [s] = scoreQuestions(q, buildAnswers([{ q1: 'na' }, { q1: 'o3' }, { q1: 'dontKnow' }]));
    expect(s!.score).toBe(3);
    expect(s!.spread).toBe(0);
    expect(s!.responses.map((r) => r.status)).toEqual(['na', 'answered', 'dontKnow']);
  });

  it('has no score when nobody gave a scored answer', () => {
    expect(scoreQuestions(q, buildAnswers([{ q1: 'na' }, {}]))[0]!.score).toBeNull();
  });

  it('keeps notes with the response', () => {
    const answers = buildAnswers([{ q1: 'o2' }]);
    answers.respondents[0]!.answers.q1 = { option: 'o2', note: 'only on Tuesdays' };
    expect(scoreQuestions(q, answers)[0]!.responses[0]).toMatchObject({ option: 'o2', level: 2, note: 'only on Tuesdays' });
  });
});

describe('scoring dimensions', () => {
  const q = buildQuestionnaire([
    { id: 'a1', dimension: 'alpha', weight: 3 },
    { id: 'a2', dimension: 'alpha' },
    { id: 'b1', dimension: 'beta' },
    { id: 'b2', dimension: 'beta', when: { question: 'b1', in: ['o4'] } },
    { id: 'g1', dimension: 'gamma' },
  ]);

  it('weights questions within a dimension', () => {
    const qs = scoreQuestions(q, buildAnswers([{ a1: 'o4', a2: 'o0', b1: 'o1', g1: 'o2' }]));
    const alpha = scoreDimensions(model, qs, undefined).find((d) => d.id === 'alpha')!;
    expect(alpha.score).toBe(3); // (3*4 + 1*0) / 4
    expect(alpha.level).toBe(3);
  });

  it('gives the level as the score rounded down', () => {
    const qs = scoreQuestions(q, buildAnswers([{ a1: 'o3', a2: 'o0' }]));
    const alpha = scoreDimensions(model, qs, undefined).find((d) => d.id === 'alpha')!;
    expect(alpha.score).toBe(2.3); // 2.25, to the one decimal every report prints
    expect(alpha.level).toBe(2);
    expect(alpha.gap).toBe(0.7);
  });

  it("counts coverage: scored, not applicable, don't know, skipped; hidden questions are not counted", () => {
    const qs = scoreQuestions(
      q,
      buildAnswers([
        { a1: 'na', a2: 'o2', b1: 'o1' },
        { a1: 'dontKnow', b1: 'o4' },
      ]),
    );
    const dims = scoreDimensions(model, qs, undefined);
    const alpha = dims.find((d) => d.id === 'alpha')!;
    expect(alpha.score).toBe(2); // only a2 is scored; na and dontKnow are left out
    expect(alpha.coverage).toMatchObject({ questions: 2, asked: 2, answered: 1, scored: 1, na: 1, dontKnow: 1, skipped: 1 });
    // One of the two questions has a scored answer; one of the four answers is scored.
    expect(alpha.coverage).toMatchObject({ ratio: 0.5, answerRatio: 0.25 });
    const beta = dims.find((d) => d.id === 'beta')!;
    // b2 is shown only to R2 (who chose o4) and R2 did not answer it: skipped once, hidden for R1.
    expect(beta.coverage).toMatchObject({ questions: 2, asked: 2, answered: 1, scored: 2, skipped: 1, ratio: 0.5, answerRatio: 0.67 });
    // With no one choosing o4, b2 is never asked and does not count against coverage.
    const unasked = scoreDimensions(model, scoreQuestions(q, buildAnswers([{ b1: 'o1' }])), undefined).find((d) => d.id === 'beta')!;
    expect(unasked.coverage).toMatchObject({ questions: 2, asked: 1, answered: 1, ratio: 1, answerRatio: 1 });
    expect(beta.score).toBe(2.5);
  });

  it('leaves a dimension without scored answers unscored, with no gap', () => {
    const qs = scoreQuestions(q, buildAnswers([{ a1: 'o1', g1: 'na' }]));
    const gamma = scoreDimensions(model, qs, undefined).find((d) => d.id === 'gamma')!;
    expect(gamma).toMatchObject({ score: null, level: null, gap: null });
    expect(gamma.coverage.na).toBe(1);
  });

  it('uses the model target unless the answers override it, and never a negative gap', () => {
    const qs = scoreQuestions(q, buildAnswers([{ a1: 'o4', a2: 'o4', b1: 'o3', g1: 'o1' }]));
    const dims = scoreDimensions(model, qs, { gamma: 2 });
    expect(dims.find((d) => d.id === 'alpha')).toMatchObject({ target: 3, targetSource: 'model', gap: 0 });
    expect(dims.find((d) => d.id === 'gamma')).toMatchObject({ target: 2, targetSource: 'assessment', gap: 1 });
  });

  it('keeps the widest spread of any question as the dimension spread', () => {
    const qs = scoreQuestions(
      q,
      buildAnswers([
        { a1: 'o1', a2: 'o0' },
        { a1: 'o2', a2: 'o3' },
      ]),
    );
    expect(scoreDimensions(model, qs, undefined).find((d) => d.id === 'alpha')!.spread).toBe(3);
  });
});

describe('axis summaries and top gaps', () => {
  const q = buildQuestionnaire([
    { id: 'a1', dimension: 'alpha' },
    { id: 'b1', dimension: 'beta' },
    { id: 'g1', dimension: 'gamma' },
  ]);

  it('averages the scored dimensions of each axis and counts those below target', () => {
    const r = assess(model, q, buildAnswers([{ a1: 'o1', b1: 'o4', g1: 'o2' }]));
    expect(r.axes).toEqual([
      { id: 'x', score: 2.5, target: 2.5, belowTarget: 1, dimensions: ['alpha', 'beta'] },
      { id: 'y', score: 2, target: 4, belowTarget: 1, dimensions: ['gamma'] },
    ]);
  });

  it('ranks gaps by size times dimension weight', () => {
    // alpha: gap 2 x weight 2 = 4; gamma: gap 2 x weight 1 = 2
    const r = assess(model, q, buildAnswers([{ a1: 'o1', b1: 'o4', g1: 'o2' }]));
    expect(r.topGaps).toEqual(['alpha', 'gamma']);
  });
});

describe('answers to questions that no longer apply', () => {
  it('keeps them on record but leaves them out of the score', () => {
    // b2 applies only when b1 is o4; R1 answered b2 earlier, then changed b1 to o1.
    const q = buildQuestionnaire([
      { id: 'b1', dimension: 'beta' },
      { id: 'b2', dimension: 'beta', when: { question: 'b1', in: ['o4'] } },
    ]);
    const qs = scoreQuestions(q, buildAnswers([{ b1: 'o1', b2: 'o4' }]));
    const b2 = qs.find((x) => x.id === 'b2')!;
    expect(b2.responses[0]).toMatchObject({ status: 'hidden', option: 'o4' });
    expect(b2.score).toBeNull();
    const beta = scoreDimensions(model, qs, undefined).find((d) => d.id === 'beta')!;
    expect(beta.score).toBe(1);
  });
});

describe('the aggregation used is part of the result', () => {
  it('records median, mean or min so the report can say which', () => {
    const q = buildQuestionnaire([{ id: 'a1', dimension: 'alpha' }]);
    const a = buildAnswers([{ a1: 'o0' }, { a1: 'o4' }, { a1: 'o4' }]);
    expect(assess(model, q, a).aggregation).toBe('median');
    expect(assess(model, q, a, 'mean').aggregation).toBe('mean');
  });
});
