import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../helpers.js';
import { miniAnswers } from '../interview-fixtures.js';
import { terminal } from './terminal.js';

/** Long notes in a real terminal (tmux): pasted whole, and refused at the prompt when the file cannot take them. */

const t = terminal('notes');
const LIMIT = 2 * 1024 * 1024;

afterAll(() => t.closeAll());

type Saved = { respondents: Array<{ name: string; answers: Record<string, unknown> }> };
const read = (file: string) => parse(readFileSync(file, 'utf8')) as Saved;

/** An answers file for the small questionnaire with Dana to interview, `free` bytes under the size limit. */
function nearlyFull(free: number): string {
  const file = join(tempDir(), 'acme.yaml');
  const archive = ['  - name: Archive', '    answers:', '      virt-share:', '        option: some', '        note: '].join('\n');
  const text = (filler: string) => miniAnswers([`${archive}${filler}`, '  - name: Dana', '    answers: {}']);
  writeFileSync(file, text('workshop-minutes;'.repeat(LIMIT / 16).slice(0, LIMIT - free - Buffer.byteLength(text('')))));
  expect(statSync(file).size).toBe(LIMIT - free);
  return file;
}

it('refuses a note the answers file cannot take at the note prompt, says why, and keeps the note to shorten', async () => {
  const file = nearlyFull(300);
  const before = readFileSync(file, 'utf8');
  t.start('full', ['assess', '--answers', 'acme.yaml', '--respondent', 'Dana'], join(file, '..'));
  await t.waitFor('full', 'Question 1/4');
  t.keys('full', 'n');
  await t.waitFor('full', 'Note (Enter without text adds none)');
  const long = `${'The VMware cluster was sized in 2019 and has not grown since. '.repeat(6)}END`;
  t.type('full', long);
  t.keys('full', 'Enter');
  const s = await t.waitFor('full', /over the 2 MiB limit/);
  // The reason, with what to do, at the prompt; the note is still there to be shortened.
  expect(s).toMatch(/acme\.yaml would grow to [\d,]+ bytes/);
  expect(s).toMatch(/shorten the note by at least [\d,]+ characters/);
  expect(s).toContain('END');
  expect(s).toContain('How much runs virtualized?');
  expect(readFileSync(file, 'utf8')).toBe(before);

  // Shortened (Ctrl-W drops words from the end), the note is taken and saved with the answer.
  t.keys('full', ...Array<string>(55).fill('C-w'));
  t.keys('full', 'Enter');
  await t.waitFor('full', 'Note, saved with the answer: The VMware cluster was sized');
  t.keys('full', '3');
  await t.waitFor('full', 'Question 2/5');
  const saved = read(file).respondents.find((r) => r.name === 'Dana')!.answers['virt-share'] as { option: string; note: string };
  expect(saved.option).toBe('most');
  expect(long.startsWith(saved.note)).toBe(true);
  expect(statSync(file).size).toBeLessThanOrEqual(LIMIT);
  t.keys('full', 'q');
  await t.waitFor('full', 'EXIT=0');
}, 120_000);

it('refuses an answer the file cannot take at the question, with the reason, and keeps the question and its note', async () => {
  const file = nearlyFull(8);
  const before = readFileSync(file, 'utf8');
  t.start('tight', ['assess', '--answers', 'acme.yaml', '--respondent', 'Dana'], join(file, '..'));
  await t.waitFor('tight', 'Question 1/4');
  t.keys('tight', '3');
  // The reason, then the same question again.
  await t.waitFor('tight', /over the 2 MiB limit[\s\S]*Question 1\/4/);
  expect(readFileSync(file, 'utf8')).toBe(before);
  t.keys('tight', 'q');
  await t.waitFor('tight', 'EXIT=0');
}, 60_000);

it('takes a 10 KB pasted note with its lines and tabs whole, with the question still in view', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'acme.yaml'), miniAnswers());
  const lines: string[] = [];
  for (let i = 1; lines.join('\n').length < 10_000; i++) lines.push(`${i}.\tServer ${i} – Grüße, 日本, "quoted" # not a comment: it is all one note, pasted`);
  lines.push('End of the pasted minutes.');
  const note = lines.join('\n');
  t.start('paste', ['assess', '--answers', 'acme.yaml', '--respondent', 'Dana'], dir);
  await t.waitFor('paste', 'Question 1/4');
  t.keys('paste', 'n');
  await t.waitFor('paste', 'Note (Enter without text adds none)');
  t.paste('paste', note);
  let s = await t.waitFor('paste', 'End of the pasted minutes.');
  // The prompt shows the end of the note, not all of it: the question stays on screen.
  expect(s).toContain('How much runs virtualized?');
  t.keys('paste', 'Enter');
  s = await t.waitFor('paste', 'Note, saved with the answer');
  expect(s).toContain('1. Nothing');
  t.keys('paste', '3');
  await t.waitFor('paste', 'Question 2/5');
  expect(read(join(dir, 'acme.yaml')).respondents[0]!.answers['virt-share']).toEqual({ option: 'most', note });
  t.keys('paste', 'q');
  await t.waitFor('paste', 'EXIT=0');
}, 120_000);
