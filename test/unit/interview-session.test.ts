import { join } from 'node:path';
import { expect, it } from 'vitest';
import { askAssessment, interviewRespondent, pickRespondent, summaryLines } from '../../src/interview/session.js';
import { AnswersStore } from '../../src/interview/store.js';
import { loadAssessment } from '../../src/load/index.js';
import { tempDir } from '../helpers.js';
import type { ChooseConfig, QuestionAction } from '../../src/interview/prompts.js';
import { scripted } from './scripted-ui.js';
import { mini } from '../interview-fixtures.js';

const answer = (option: string) => () => ({ type: 'answer', option }) as QuestionAction;
const names = (c: ChooseConfig<unknown>) => c.choices.filter((x) => x !== 'separator').map((x) => (x as { name: string }).name);

it('skips, helps, lists a section, offers what is unanswered at the end, quits, and resumes', async () => {
  const file = join(tempDir(), 'a.yaml');
  const ui = scripted([
    { text: (c) => (expect(c.message).toBe('Organisation'), 'Acme') },
    { text: () => '' },
    { text: () => 'Pat' },
    { text: (c) => (expect(c.default).toBe('2025-06-01'), c.default!) },
  ]);
  const store = await askAssessment(ui, '2025-06-01', (info) => AnswersStore.create(file, mini, info));
  const who = scripted([{ text: (c) => (expect(c.message).toContain('Role of Dana'), 'CIO') }]);
  const ri = await pickRespondent(store, who, { respondent: 'Dana' });

  const run = scripted([
    { question: (v) => (expect(v.progress).toBe('Section 1/2 - Question 1/4'), { type: 'skip' }) },
    { question: (v) => (expect(v.text).toBe('How are new servers built?'), { type: 'help' }) },
    // A note before answering stays pending and is saved with the answer, which takes one key.
    { question: (v) => (expect(v.progress).toBe('Section 1/2 - Question 2/4'), { type: 'note' }) },
    { note: 'by hand today' },
    { question: (v) => (expect(v.pendingNote).toBe('by hand today'), { type: 'answer', option: 'manual' }) },
    { question: (v) => (expect(v.section).toBe('Services'), { type: 'summary' }) },
    {
      choose: (c) => {
        expect(names(c)).toEqual(['· Is there a service catalogue? → not answered', '· Are service levels agreed? → not answered']);
        return 'sla';
      },
    },
    { question: (v) => (expect(v.text).toBe('Are service levels agreed?'), { type: 'answer', option: 'none' }) },
    {
      choose: (c) => {
        expect(c.message).toContain('2 questions are not answered yet');
        expect(names(c)).toEqual(['1. How much runs virtualized?', '3. Is there a service catalogue?', 'Finish anyway (unanswered questions do not count)', 'Save and quit (finish later)']);
        return { type: 'goto', question: 'virt-share' };
      },
    },
    { question: answer('most') },
    // The changed answer brought a question in; then the respondent stops for now.
    { question: (v) => (expect(v.progress).toBe('Section 1/2 - Question 2/5'), { type: 'quit' }) },
  ]);
  expect(await interviewRespondent(store, ri, run, 'en')).toBe('quit');
  expect(run.printed.join('\n')).toContain('Help: How are new servers built?');
  expect(run.printed.join('\n')).toContain('» 1. skipped for now');
  expect(loadAssessment(file).answers.data.respondents[0]).toEqual({
    name: 'Dana',
    role: 'CIO',
    completed: false,
    answers: { 'virt-share': 'most', 'build-automation': { option: 'manual', note: 'by hand today' }, sla: 'none' },
  });

  // Next run: the file is reopened and the interview goes on at the question that came in.
  const again = AnswersStore.open(file);
  const pick = scripted([{ choose: (c) => (expect(names(c)[0]).toBe('Resume Dana (CIO), 3/5 answered'), 0) }]);
  expect(await pickRespondent(again, pick, {})).toBe(0);
  const rest = scripted([
    { question: (v) => (expect(v.text).toBe('Does capacity scale automatically?'), { type: 'back' }) },
    { question: (v) => (expect(v.current).toBe('most'), { type: 'answer', option: 'most' }) },
    { question: answer('pilot') },
    { question: (v) => (expect(v.text).toBe('Is there a service catalogue?'), { type: 'answer', option: 'none' }) },
    { choose: (c) => (expect(c.message).toBe('Every question is answered.'), { type: 'finish' }) },
  ]);
  expect(await interviewRespondent(again, 0, rest, 'en')).toBe('finished');
  expect(rest.printed[1]).toBe('Resuming at question 2 of 5; 3 answered so far.');
  expect(loadAssessment(file).answers.data.respondents[0]!.completed).toBe(true);
  const summary = summaryLines(again, 'en', false).join('\n');
  expect(summary).toContain('Acme: scores so far (1 respondent, median)');
  expect(summary).toMatch(/Virtualization\s+4\.0/);
  expect(summary).toContain('Phase reached:');
});

it('offers no way back on the first question, and goes nowhere if asked anyway', async () => {
  const file = join(tempDir(), 'a.yaml');
  const store = AnswersStore.create(file, mini, { organisation: 'A', date: '2025-01-01' });
  const ri = store.addRespondent('Kim');
  const ui = scripted([{ question: (v) => (expect(v.first).toBe(true), { type: 'back' }) }, { question: (v) => (expect(v.progress).toBe('Section 1/2 - Question 1/4'), { type: 'quit' }) }]);
  expect(await interviewRespondent(store, ri, ui, 'en')).toBe('quit');
  expect(ui.printed).toContain('This is the first question.');
});

it('speaks the language asked for where the questionnaire has it', async () => {
  const file = join(tempDir(), 'a.yaml');
  const store = AnswersStore.create(file, mini, { organisation: 'A', date: '2025-01-01' });
  const ri = store.addRespondent('Kim');
  const ui = scripted([
    {
      question: (v) => {
        expect(v.section).toBe('Infrastruktur');
        expect(v.text).toBe('Wie viel läuft virtualisiert?');
        return { type: 'quit' };
      },
    },
  ]);
  await interviewRespondent(store, ri, ui, 'de');
});

it('will not add a second respondent of the same name', async () => {
  const file = join(tempDir(), 'a.yaml');
  const store = AnswersStore.create(file, mini, { organisation: 'A', date: '2025-01-01' });
  store.addRespondent('Kim');
  const ui = scripted([
    { choose: (c) => (expect(names(c)).toEqual(['Resume Kim, 0/4 answered', 'Add a new respondent']), -1) },
    {
      text: (c) => {
        expect(c.validate!('Kim')).toContain('already in this file');
        expect(c.validate!('Kim Lee')).toBe(true);
        return 'Kim Lee';
      },
    },
    { text: () => '' },
  ]);
  expect(await pickRespondent(store, ui, {})).toBe(1);
  expect(store.data.respondents.map((r) => r.name)).toEqual(['Kim', 'Kim Lee']);
});
