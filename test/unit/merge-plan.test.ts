import { describe, expect, it } from 'vitest';
import { planMerge } from '../../src/core/merge.js';
import type { Respondent } from '../../src/schema/answers.js';

const dana = (answers: Respondent['answers'], extra: Partial<Respondent> = {}): Respondent => ({ name: 'Dana', answers, ...extra });

describe('planning a merge', () => {
  it('adds answers only one side has; a note where there was none is an addition, not a conflict', () => {
    const plan = planMerge({ name: 't', respondents: [dana({ a: 'x', b: 'y' })] }, [{ name: 'i', respondents: [dana({ a: 'x', b: { option: 'y', note: 'why' }, c: 'z' })] }]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.changes).toEqual([
      expect.objectContaining({
        name: 'Dana',
        isNew: false,
        changed: 1,
        answers: [
          { question: 'b', answer: { option: 'y', note: 'why' } },
          { question: 'c', answer: { option: 'z' } },
        ],
      }),
    ]);
  });

  it('keeps a note when the other side gives the same option without one', () => {
    const plan = planMerge({ name: 't', respondents: [dana({ a: { option: 'x', note: 'kept' } })] }, [{ name: 'i', respondents: [dana({ a: 'x' })] }]);
    expect(plan.changes).toEqual([]);
    expect(plan.unchanged).toEqual([{ name: 'Dana', source: 'i' }]);
  });

  it('finds conflicts between two inputs for a respondent the target does not have', () => {
    const plan = planMerge({ name: 't', respondents: [] }, [
      { name: 'laptop', respondents: [dana({ a: 'x' })] },
      { name: 'form', respondents: [dana({ a: 'y' })] },
    ]);
    expect(plan.conflicts).toEqual([
      { respondent: 'Dana', field: 'a', ours: { source: 'laptop', value: 'x', answer: { option: 'x' } }, theirs: { source: 'form', value: 'y', answer: { option: 'y' } } },
    ]);
  });

  it('newer cannot decide without two stamps, and leaves the conflict open', () => {
    const plan = planMerge({ name: 't', respondents: [dana({ a: 'x' })] }, [{ name: 'i', respondents: [dana({ a: 'y' }, { updated: '2026-01-01T00:00:00Z' })] }], 'newer');
    expect(plan.conflicts[0]!.kept).toBeUndefined();
    const decided = planMerge(
      { name: 't', respondents: [dana({ a: 'x' })], modified: Date.parse('2025-12-01T00:00:00Z') },
      [{ name: 'i', respondents: [dana({ a: 'y' }, { updated: '2026-01-01T00:00:00Z' })] }],
      'newer',
    );
    expect(decided.conflicts[0]!.kept).toBe('theirs');
    expect(decided.changes[0]!.answers).toEqual([{ question: 'a', answer: { option: 'y' } }]);
  });
});
