import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../helpers.js';
import { mini, miniAnswers } from '../interview-fixtures.js';
import { terminal } from './terminal.js';

/**
 * The terminal window is closed under a running interview (tmux kills the session: the program gets a
 * hang-up and its terminal reads and writes fail). Every confirmed answer must be on disk, the file
 * free for the next interview, no stack trace printed and no half-written file left.
 */

const t = terminal('closed');

afterAll(() => t.closeAll());

function started(): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'acme.yaml');
  writeFileSync(file, miniAnswers());
  return { dir, file };
}

const answersOf = (file: string) => (parse(readFileSync(file, 'utf8')) as { respondents: Array<{ answers: Record<string, unknown> }> }).respondents[0]!.answers;

/** True once the process is gone (or a zombie nobody has reaped yet: it runs no more code). */
function ended(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitUntilEnded(pid: number): Promise<void> {
  const until = Date.now() + 20_000;
  while (!ended(pid)) {
    if (Date.now() > until) throw new Error(`itaas (pid ${pid}) still runs 20 s after its terminal was closed`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Answers two questions, leaves a note half typed, then closes the window; checks what is left behind. */
async function closeMidInterview(name: string, via?: string[]): Promise<void> {
  const { dir, file } = started();
  t.start(name, ['assess', '--answers', 'acme.yaml', '--respondent', 'Dana'], dir, { logErrors: true, ...(via ? { via } : {}) });
  await t.waitFor(name, 'Question 1/4');
  const pid = Number(readFileSync(`${file}.lock`, 'utf8').split('\n')[0]);
  t.keys(name, '3');
  await t.waitFor(name, 'Question 2/5');
  t.keys(name, '1');
  await t.waitFor(name, 'Question 3/5');
  t.keys(name, 'n');
  await t.waitFor(name, 'Note (Enter without text adds none)');
  t.type(name, 'half a thought');
  await t.waitFor(name, 'half a thought');

  t.close(name);
  await waitUntilEnded(pid);

  expect(answersOf(file)).toEqual({ 'virt-share': 'most', 'auto-scaling': 'no' });
  expect(existsSync(`${file}.lock`), 'the answers file is still locked').toBe(false);
  // Nothing half-written next to it, and nothing on stderr that reads like a crash.
  expect(readdirSync(dir).sort()).toEqual(['acme.yaml', 'stderr.log']);
  const stderr = readFileSync(join(dir, 'stderr.log'), 'utf8');
  expect(stderr).not.toMatch(/internal error|bug in itaas|\n\s+at |Error|Assertion failed|stack trace|cannot write/i);
}

it('closing the window mid-interview keeps every confirmed answer, frees the file and prints no stack', async () => {
  await closeMidInterview('hangup');
}, 60_000);

it('a terminal that goes away without a hang-up signal (the program in a session of its own) ends it the same way', async () => {
  await closeMidInterview('eio', ['setsid']);
}, 60_000);

it('closing the window at the first detail of a new assessment leaves no file and no lock', async () => {
  const dir = tempDir();
  t.start('fresh', ['assess', '--answers', 'new.yaml', '--questionnaire', mini], dir, { logErrors: true });
  await t.waitFor('fresh', 'Organisation');
  const pid = Number(readFileSync(join(dir, 'new.yaml.lock'), 'utf8').split('\n')[0]);
  t.type('fresh', 'Acme');
  t.close('fresh');
  await waitUntilEnded(pid);
  expect(readdirSync(dir)).toEqual(['stderr.log']);
  expect(readFileSync(join(dir, 'stderr.log'), 'utf8')).not.toMatch(/internal error|bug in itaas|\n\s+at |Error|Assertion failed|stack trace|cannot write/i);
}, 60_000);
