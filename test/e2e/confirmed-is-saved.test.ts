import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtures, tempDir } from '../helpers.js';
import { terminal } from './terminal.js';

/**
 * A ✔ on screen means "on disk": the interview is killed (kill -9, nothing gets to clean up) the
 * moment a detail of the assessment or a new respondent's name shows as confirmed, and the file must
 * already hold it.
 */

const t = terminal('saved');
const mini = join(fixtures, 'interview', 'mini-questionnaire.yaml');

afterAll(() => t.closeAll());

type Saved = { assessment: Record<string, string>; respondents: Array<{ name: string; role?: string }> };
const read = (file: string) => parse(readFileSync(file, 'utf8')) as Saved;

/** kill -9 of the interview holding `file` (its pid is in the lock). */
function kill9(file: string): void {
  process.kill(Number(readFileSync(`${file}.lock`, 'utf8').split('\n')[0]), 'SIGKILL');
}

/** Types `text` and Enter at `prompt`, then kills the interview as soon as the prompt shows as confirmed. */
async function confirmThenKill(name: string, file: string, prompt: string, text: string): Promise<void> {
  await t.waitFor(name, `? ${prompt}`);
  if (text) t.type(name, text);
  t.keys(name, 'Enter');
  await t.waitFor(name, `✔ ${prompt}`);
  kill9(file);
  await t.waitFor(name, 'EXIT=137');
}

it('each detail of a new assessment is on disk when its ✔ appears', async () => {
  const dir = tempDir();
  const file = join(dir, 'acme.yaml');
  const run = (name: string) => t.start(name, ['assess', '--answers', 'acme.yaml', '--questionnaire', mini], dir);

  run('org');
  await confirmThenKill('org', file, 'Organisation', 'Acme Ltd');
  expect(read(file).assessment).toMatchObject({ organisation: 'Acme Ltd' });
  // The file is complete and valid from its first write: the date is today's until one is confirmed.
  expect(read(file).assessment.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  const second = join(dir, 'beta.yaml');
  t.start('scope', ['assess', '--answers', 'beta.yaml', '--questionnaire', mini], dir);
  await t.waitFor('scope', '? Organisation');
  t.type('scope', 'Beta GmbH');
  t.keys('scope', 'Enter');
  await confirmThenKill('scope', second, 'Scope', 'Hosting only');
  expect(read(second).assessment).toMatchObject({ organisation: 'Beta GmbH', scope: 'Hosting only' });

  const third = join(dir, 'gamma.yaml');
  t.start('date', ['assess', '--answers', 'gamma.yaml', '--questionnaire', mini], dir);
  for (const [prompt, text] of [
    ['Organisation', 'Gamma AG'],
    ['Scope', ''],
  ] as const) {
    await t.waitFor('date', `? ${prompt}`);
    if (text) t.type('date', text);
    t.keys('date', 'Enter');
  }
  await confirmThenKill('date', third, 'Assessor', 'Pat Lee');
  expect(read(third).assessment).toMatchObject({ organisation: 'Gamma AG', assessor: 'Pat Lee' });
  expect(read(third).assessment.scope).toBeUndefined();

  const fourth = join(dir, 'delta.yaml');
  t.start('when', ['assess', '--answers', 'delta.yaml', '--questionnaire', mini], dir);
  for (const [prompt, text] of [
    ['Organisation', 'Delta plc'],
    ['Scope', ''],
    ['Assessor', ''],
  ] as const) {
    await t.waitFor('when', `? ${prompt}`);
    if (text) t.type('when', text);
    t.keys('when', 'Enter');
  }
  await t.waitFor('when', '? Date of the assessment');
  // Backspace clears the proposed date; another is typed.
  t.keys('when', 'BSpace');
  await confirmThenKill('when', fourth, 'Date of the assessment', '2026-03-02');
  expect(read(fourth).assessment).toEqual({ organisation: 'Delta plc', date: '2026-03-02' });
}, 180_000);

it('a new respondent is on disk when the name shows ✔, and the role when it does', async () => {
  const dir = tempDir();
  const file = join(dir, 'acme.yaml');
  t.start('name', ['assess', '--answers', 'acme.yaml', '--questionnaire', mini], dir);
  for (const [prompt, text] of [
    ['Organisation', 'Acme Ltd'],
    ['Scope', ''],
    ['Assessor', ''],
    ['Date of the assessment', ''],
  ] as const) {
    await t.waitFor('name', `? ${prompt}`);
    if (text) t.type('name', text);
    t.keys('name', 'Enter');
  }
  await confirmThenKill('name', file, 'Respondent', 'Dana Ortiz');
  expect(read(file).respondents).toEqual([expect.objectContaining({ name: 'Dana Ortiz' })]);

  // Named on the command line: the respondent is written before the role is asked, the role when it shows ✔.
  t.start('role', ['assess', '--answers', 'acme.yaml', '--respondent', 'Lee Chan'], dir);
  await t.waitFor('role', '? Role of Lee Chan');
  expect(read(file).respondents.map((r) => r.name)).toEqual(['Dana Ortiz', 'Lee Chan']);
  await confirmThenKill('role', file, 'Role of Lee Chan', 'CFO');
  expect(read(file).respondents[1]).toMatchObject({ name: 'Lee Chan', role: 'CFO' });
  expect(existsSync(`${file}.lock`)).toBe(true);
}, 120_000);
