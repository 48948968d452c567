import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/load/index.js';
import { advance, nextUnanswered, previousQuestion, progress, progressLine, resumePoint, sectionSummary, startState, unanswered, visibleQuestions } from '../../src/interview/state.js';
import type { AnswerMap, InterviewState } from '../../src/interview/state.js';
import { fixtures } from '../helpers.js';

const q = loadQuestionnaire(join(fixtures, 'interview', 'mini-questionnaire.yaml')).questionnaire.data;
const ids = (answers: AnswerMap) => visibleQuestions(q, answers).map((v) => v.question.id);

describe('visible questions', () => {
  it('hides a question and a section until an earlier answer makes them relevant', () => {
    expect(ids({})).toEqual(['virt-share', 'build-automation', 'catalogue', 'sla']);
    expect(ids({ 'virt-share': 'some' })).toEqual(['virt-share', 'auto-scaling', 'build-automation', 'catalogue', 'sla']);
    expect(ids({ 'virt-share': 'none', catalogue: { option: 'published', note: 'yes' } })).toEqual(['virt-share', 'build-automation', 'catalogue', 'sla', 'chargeback']);
  });

  it('recomputes "Section s/S - Question q/Q" as conditions change', () => {
    expect(progressLine(progress(q, {}, 'catalogue'))).toBe('Section 2/2 - Question 3/4');
    const more = { 'virt-share': 'most', catalogue: 'orderable' };
    expect(progressLine(progress(q, more, 'catalogue'))).toBe('Section 2/3 - Question 4/6');
    expect(progressLine(progress(q, more, 'chargeback'))).toBe('Section 3/3 - Question 6/6');
    expect(progress(q, more, 'chargeback').answered).toBe(2);
  });
});

describe('moving through the interview', () => {
  it('asks every shown question in order, then ends', () => {
    const answers: Record<string, string> = {};
    let s: InterviewState = startState(q, answers);
    const asked: string[] = [];
    const pick: Record<string, string> = { 'virt-share': 'some', 'auto-scaling': 'pilot', 'build-automation': 'manual', catalogue: 'none', sla: 'all' };
    while (s.current !== null) {
      asked.push(s.current);
      answers[s.current] = pick[s.current]!;
      s = advance(q, answers, s, { type: 'answered' });
    }
    expect(asked).toEqual(['virt-share', 'auto-scaling', 'build-automation', 'catalogue', 'sla']);
  });

  it('goes back to the previous shown question, and stays put on the first', () => {
    const answers = { 'virt-share': 'none', 'build-automation': 'manual' };
    const s: InterviewState = { current: 'catalogue', skipped: [] };
    expect(advance(q, answers, s, { type: 'back' }).current).toBe('build-automation');
    expect(advance(q, answers, { current: 'virt-share', skipped: [] }, { type: 'back' }).current).toBe('virt-share');
    // From the end, back goes to the last question.
    expect(previousQuestion(q, answers, null)).toBe('sla');
  });

  it('brings back a question that a changed answer makes relevant', () => {
    // virt-share was "none", so auto-scaling was hidden; the respondent goes back and changes it.
    const answers: Record<string, string> = { 'virt-share': 'none', 'build-automation': 'manual', catalogue: 'none' };
    let s: InterviewState = advance(q, answers, { current: 'sla', skipped: [] }, { type: 'back' });
    s = advance(q, answers, s, { type: 'back' });
    s = advance(q, answers, s, { type: 'back' });
    expect(s.current).toBe('virt-share');
    answers['virt-share'] = 'most';
    s = advance(q, answers, s, { type: 'answered' });
    expect(s.current).toBe('auto-scaling');
    answers['auto-scaling'] = 'yes';
    s = advance(q, answers, s, { type: 'answered' });
    // Already answered questions are passed over on the way forward.
    expect(s.current).toBe('sla');
  });

  it('skips a question for later and lists it at the end', () => {
    const answers: Record<string, string> = {};
    let s = startState(q, answers);
    s = advance(q, answers, s, { type: 'skip' });
    expect(s).toEqual({ current: 'build-automation', skipped: ['virt-share'] });
    for (const [id, opt] of [
      ['build-automation', 'manual'],
      ['catalogue', 'none'],
      ['sla', 'some'],
    ] as const) {
      expect(s.current).toBe(id);
      answers[id] = opt;
      s = advance(q, answers, s, { type: 'answered' });
    }
    expect(s.current).toBeNull();
    expect(unanswered(q, answers).map((v) => v.question.id)).toEqual(['virt-share']);
    s = advance(q, answers, s, { type: 'goto', question: 'virt-share' });
    expect(s.current).toBe('virt-share');
    answers['virt-share'] = 'some';
    s = advance(q, answers, s, { type: 'answered' });
    expect(s).toEqual({ current: 'auto-scaling', skipped: [] });
  });

  it('refuses to jump to a hidden or unknown question', () => {
    const s: InterviewState = { current: 'sla', skipped: [] };
    expect(advance(q, {}, s, { type: 'goto', question: 'chargeback' })).toBe(s);
    expect(advance(q, {}, s, { type: 'goto', question: 'nope' })).toBe(s);
  });
});

describe('resume point', () => {
  it('is the first question of a new respondent', () => {
    expect(resumePoint(q, {})).toBe('virt-share');
  });

  it('is the question after the furthest answer, not an earlier one put off', () => {
    expect(resumePoint(q, { 'build-automation': 'manual', catalogue: 'none' })).toBe('sla');
  });

  it('falls back to an earlier unanswered question, and is null when all is answered', () => {
    const answers = { 'build-automation': 'manual', catalogue: 'none', sla: 'some' };
    expect(resumePoint(q, answers)).toBe('virt-share');
    expect(resumePoint(q, { ...answers, 'virt-share': 'none' })).toBeNull();
    expect(nextUnanswered(q, { ...answers, 'virt-share': 'none' }, null)).toBeNull();
  });
});

it('summarises a section with its answers', () => {
  const rows = sectionSummary(q, { 'virt-share': { option: 'some', note: 'n' } }, 0);
  expect(rows.map((r) => [r.question.id, r.answer])).toEqual([
    ['virt-share', { option: 'some', note: 'n' }],
    ['auto-scaling', undefined],
    ['build-automation', undefined],
  ]);
});
