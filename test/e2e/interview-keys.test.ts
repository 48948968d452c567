import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bin, tempDir } from '../helpers.js';

/**
 * What the interview costs in keys, in a real terminal (tmux, 80x30): one key per answer, a note on
 * its own key with the question in view, the section list closed with Esc or q, one line per question.
 */

const socket = `itaas-keys-${process.pid}`;

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (r.error) throw new Error(`tmux is needed for this test (apt-get install tmux): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const screen = (name: string) => tmux('capture-pane', '-p', '-t', name);
const keys = (name: string, ...k: string[]) => tmux('send-keys', '-t', name, ...k);
const type = (name: string, text: string) => tmux('send-keys', '-t', name, '-l', text);

async function waitFor(name: string, want: string | RegExp, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = screen(name);
    if (typeof want === 'string' ? last.includes(want) : want.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${String(want)}; the screen shows:\n${last}`);
}

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
  const cmd = `cd ${q(dir)} && env NO_COLOR=1 ${q(process.execPath)} ${q(bin)} assess --answers acme.yaml --respondent Dana; echo "EXIT=$?"; sleep 120`;
  tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '30', cmd);
  return join(dir, 'acme.yaml');
}

const answersOf = (file: string) => (parse(readFileSync(file, 'utf8')) as { respondents: Array<{ answers: Record<string, unknown> }> }).respondents[0]!.answers;

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
});

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
