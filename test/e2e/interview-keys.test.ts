import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../helpers.js';
import { terminal } from './terminal.js';

/**
 * What the interview costs in keys, in a real terminal (tmux, 80x30): one key per answer, a note on
 * its own key with the question in view, the section list closed with Esc or q, one line per question.
 */

const term = terminal('keys');
const { screen, keys, type } = term;
const waitFor = (name: string, want: string | RegExp) => term.waitFor(name, want, 20_000);

/** An answers file with its details filled in, so the interview starts at the first question of the built-in questionnaire. */
function start(name: string): string {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'acme.yaml'),
    [
      'kind: answers',
      'questionnaire:',
      '  id: itaas-core',
      '  version: 2.0.0',
      'assessment:',
      '  organisation: Acme',
      '  date: 2026-01-15',
      'respondents:',
      '  - name: Dana',
      '    answers: {}',
      '',
    ].join('\n'),
  );
  term.start(name, ['assess', '--answers', 'acme.yaml', '--respondent', 'Dana'], dir, { rows: 30 });
  return join(dir, 'acme.yaml');
}

const answersOf = (file: string) => (parse(readFileSync(file, 'utf8')) as { respondents: Array<{ answers: Record<string, unknown> }> }).respondents[0]!.answers;

afterAll(() => term.closeAll());

it('answers ten questions with exactly ten key presses, each saved as it is given', async () => {
  const file = start('ten');
  let s = await waitFor('ten', 'Question 1/');
  // Nothing to go back to on the first question.
  expect(s).not.toContain('Back');
  expect(s).not.toContain('b back');
  expect(s).toContain('n note');
  for (let i = 1; i <= 10; i++) {
    await waitFor('ten', new RegExp(`Question ${i}/`));
    keys('ten', '2');
    await waitFor('ten', new RegExp(`Question ${i + 1}/`));
    expect(Object.keys(answersOf(file))).toHaveLength(i);
  }
  s = screen('ten');
  expect(s.match(/^✔ \d+\. /gm)).toHaveLength(10);
  expect(s).toContain('b back');
  keys('ten', 'q');
  await waitFor('ten', 'EXIT=0');
}, 120_000);

it('takes a note on its own key before or after answering, with the question and answer in view; a changed answer keeps one line', async () => {
  const file = start('note');
  await waitFor('note', 'Question 1/');
  // Before answering: the question stays on screen, and the note is saved with the answer.
  keys('note', 'n');
  let s = await waitFor('note', 'Note (Enter without text adds none)');
  expect(s).toContain('What share of your server workloads');
  expect(s).toContain('Not answered yet: the note is saved with the answer.');
  type('note', 'Except the sorters');
  keys('note', 'Enter');
  s = await waitFor('note', 'Note, saved with the answer: Except the sorters');
  keys('note', '3');
  await waitFor('note', 'Question 2/');
  const first = Object.keys(answersOf(file))[0]!;
  expect(answersOf(file)[first]).toMatchObject({ note: 'Except the sorters' });

  // After answering: back to it, the chosen answer in view while typing, then on to where we were.
  keys('note', '1');
  await waitFor('note', 'Question 3/');
  keys('note', 'b');
  await waitFor('note', 'Question 2/');
  keys('note', 'n');
  s = await waitFor('note', 'Note (Enter without text adds none)');
  expect(s).toMatch(/→ Answer: /);
  type('note', 'Checked with ops');
  keys('note', 'Enter');
  await waitFor('note', 'Question 3/');
  const second = Object.keys(answersOf(file))[1]!;
  expect(answersOf(file)[second]).toMatchObject({ note: 'Checked with ops' });

  // Changing an answer rewrites its line: still one line for question 2.
  keys('note', 'b');
  await waitFor('note', /Question 2\/.*\n[\s\S]*\(current answer\)/);
  keys('note', '2');
  s = await waitFor('note', 'Question 3/');
  expect(s.match(/^✔ 2\. /gm)).toHaveLength(1);
  expect(s.match(/^✔ 1\. /gm)).toHaveLength(1);
  expect(s).toContain('✎ Checked with ops');

  // The section list closes with Esc and with q, back on the same question.
  for (const key of ['Escape', 'q']) {
    keys('note', 'l');
    await waitFor('note', 'Esc or q close');
    keys('note', key);
    s = await waitFor('note', /n note · b back/);
    expect(s).not.toContain('Esc or q close');
    expect(s).toContain('Question 3/');
  }
  keys('note', 'q');
  await waitFor('note', 'EXIT=0');
}, 120_000);
