import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itaas, tempDir } from '../helpers.js';
import { mini } from '../interview-fixtures.js';
import { terminal } from './terminal.js';

/**
 * Drives the real `itaas assess` in a real terminal (tmux, 80x24), as a consultant would: keys in,
 * screen out. tmux is required (.ci/run installs it); without it this test fails rather than skips.
 */

const term = terminal('e2e');
const { waitFor, keys, type } = term;

/** Starts `itaas assess ARGS` in a fresh 80x24 terminal; the shell prints its exit code when it ends. */
const start = (name: string, args: string[], cwd: string) => term.start(name, ['assess', ...args], cwd);

/** Picks an option by its key: one key answers and moves on. */
async function answerWithoutNote(name: string, key: string): Promise<void> {
  keys(name, key);
}

afterAll(() => term.closeAll());

function answersOf(file: string) {
  return parse(readFileSync(file, 'utf8')) as {
    assessment: Record<string, string>;
    respondents: Array<{ name: string; role?: string; completed?: boolean; answers: Record<string, unknown> }>;
  };
}

it('survives kill -9 mid-interview and resumes with every confirmed answer in place', async () => {
  const dir = tempDir();
  const file = join(dir, 'acme.yaml');
  const note = 'Grüße: "nearly all" # except the old AS/400 – 日本 🚀';

  start('one', ['--answers', 'acme.yaml', '--questionnaire', mini, '--respondent', 'Dana Ortiz', '--role', 'CIO'], dir);
  await waitFor('one', 'Organisation');
  type('one', 'Acme Ltd');
  keys('one', 'Enter');
  await waitFor('one', 'Scope');
  keys('one', 'Enter');
  await waitFor('one', 'Assessor');
  type('one', 'Pat Lee');
  keys('one', 'Enter');
  await waitFor('one', /Date of the assessment \(\d{4}-\d{2}-\d{2}\)/);
  keys('one', 'Enter');

  // Question 1: the screen says where we are, shows the options and the keys; "3" answers at once.
  let s = await waitFor('one', 'Section 1/2 - Question 1/4');
  expect(s).toContain('How much runs virtualized?');
  expect(s).toContain("5. Don't know");
  expect(s).toContain('Every system has its own hardware.');
  expect(s).toContain('n note · s skip · h help · l list · q quit');
  // A note first (with its own key), then one key answers and saves both.
  keys('one', 'n');
  await waitFor('one', 'Note (Enter without text adds none)');
  type('one', note);
  keys('one', 'Enter');
  await waitFor('one', 'Note, saved with the answer');
  keys('one', '3');

  // The answer revealed a conditional question: now 5 questions in all.
  await waitFor('one', 'Section 1/2 - Question 2/5');
  await answerWithoutNote('one', '2');
  await waitFor('one', 'Question 3/5');

  // Back to the previous question, which shows the answer given, and change it.
  keys('one', 'b');
  s = await waitFor('one', 'Question 2/5');
  expect(s).toMatch(/2\. In a pilot \(current answer\)/);
  await answerWithoutNote('one', '1');
  await waitFor('one', 'Question 3/5');
  await answerWithoutNote('one', '2');
  await waitFor('one', 'Section 2/2 - Question 4/5');
  await answerWithoutNote('one', '2');
  // "Published" opens the finance section.
  await waitFor('one', 'Section 2/3 - Question 5/6');
  const confirmed = {
    'virt-share': { option: 'most', note },
    'auto-scaling': 'no',
    'build-automation': 'scripted',
    catalogue: 'published',
  };
  expect(answersOf(file).respondents[0]!.answers).toEqual(confirmed);

  // A second interview on the same file is refused, naming the first.
  const pid = Number(readFileSync(`${file}.lock`, 'utf8').split('\n')[0]);
  expect(pid).toBeGreaterThan(0);
  start('rival', ['--answers', 'acme.yaml'], dir);
  await waitFor('rival', `in use by another itaas assess (pid ${pid}`);
  await waitFor('rival', 'EXIT=2');

  // kill -9: nothing gets a chance to clean up.
  process.kill(pid, 'SIGKILL');
  await waitFor('one', 'EXIT=137');
  expect(existsSync(`${file}.lock`)).toBe(true);
  expect(answersOf(file).respondents[0]!.answers).toEqual(confirmed);

  // Restart: the stale lock is taken over and the interview picks up where it stopped.
  start('two', ['--answers', 'acme.yaml'], dir);
  s = await waitFor('two', 'Who is next?');
  expect(s).toContain('Resume Dana Ortiz (CIO), 4/6 answered');
  keys('two', 'Enter');
  s = await waitFor('two', 'Section 2/3 - Question 5/6');
  expect(s).toContain('Resuming at question 5 of 6; 4 answered so far.');
  expect(s).toContain('Are service levels agreed?');
  await answerWithoutNote('two', '3');
  await waitFor('two', 'Section 3/3 - Question 6/6');
  keys('two', 'n');
  await waitFor('two', 'Note (Enter without text adds none)');
  type('two', 'Showback report since 2024');
  keys('two', 'Enter');
  await waitFor('two', 'Note, saved with the answer');
  keys('two', '2');
  await waitFor('two', 'Every question is answered.');
  keys('two', 'Enter');
  s = await waitFor('two', 'EXIT=0');
  expect(s).toContain('Acme Ltd: scores so far (1 respondent, median)');
  expect(s).toMatch(/Automation\s+2\.0/);
  expect(s).toContain('Phase reached:');
  expect(s).toContain('Next: npx itaas report acme.yaml');
  expect(existsSync(`${file}.lock`)).toBe(false);

  const saved = answersOf(file);
  expect(saved.assessment).toMatchObject({ organisation: 'Acme Ltd', assessor: 'Pat Lee' });
  expect(saved.respondents).toEqual([
    {
      name: 'Dana Ortiz',
      role: 'CIO',
      completed: true,
      // When the answers last changed, for `itaas merge --prefer newer`.
      updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      answers: { ...confirmed, sla: 'all', chargeback: { option: 'showback', note: 'Showback report since 2024' } },
    },
  ]);

  // The command the screen suggests works on the file.
  const report = itaas(['report', 'acme.yaml', '--out', 'reports', '--format', 'md'], { cwd: dir });
  expect(report.stderr).toContain('wrote');
  expect(report.code).toBe(0);
  expect(readFileSync(join(dir, 'reports', 'acme.md'), 'utf8')).toContain('Acme Ltd');
}, 180_000);

it('Ctrl-C says where the answers are and exits 130; SIGTERM exits quietly and frees the file; SIGINT from outside acts as Ctrl-C', async () => {
  const dir = tempDir();
  const file = join(dir, 'a.yaml');
  start('c1', ['--answers', 'a.yaml', '--questionnaire', mini, '--respondent', 'Lee'], dir);
  await waitFor('c1', 'Organisation');
  type('c1', 'Beta GmbH');
  keys('c1', 'Enter');
  for (const prompt of ['Scope', 'Assessor', 'Date of the assessment']) {
    await waitFor('c1', prompt);
    keys('c1', 'Enter');
  }
  await waitFor('c1', 'Role of Lee');
  keys('c1', 'Enter');
  await waitFor('c1', 'Question 1/4');
  await answerWithoutNote('c1', '1');
  await waitFor('c1', 'Question 2/4');
  keys('c1', 'C-c');
  const s = await waitFor('c1', 'EXIT=130');
  expect(s).toContain('Every confirmed answer is saved in a.yaml');
  expect(s).toContain('Resume with: npx itaas assess --answers a.yaml');
  expect(existsSync(`${file}.lock`)).toBe(false);
  expect(answersOf(file).respondents[0]!.answers).toEqual({ 'virt-share': 'none' });

  start('c2', ['--answers', 'a.yaml', '--respondent', 'Lee'], dir);
  await waitFor('c2', 'Question 2/4');
  const pid = Number(readFileSync(`${file}.lock`, 'utf8').split('\n')[0]);
  process.kill(pid, 'SIGTERM');
  await waitFor('c2', 'EXIT=143');
  expect(existsSync(`${file}.lock`)).toBe(false);
  expect(answersOf(file).respondents[0]!.answers).toEqual({ 'virt-share': 'none' });

  // SIGINT sent from outside (kill -INT) while a note is being typed: as Ctrl-C, with the typed note not saved.
  start('c3', ['--answers', 'a.yaml', '--respondent', 'Lee'], dir);
  await waitFor('c3', 'Question 2/4');
  keys('c3', 'n');
  await waitFor('c3', 'Note (Enter without text adds none)');
  type('c3', 'half a thought');
  await waitFor('c3', 'half a thought');
  process.kill(Number(readFileSync(`${file}.lock`, 'utf8').split('\n')[0]), 'SIGINT');
  const c3 = await waitFor('c3', 'EXIT=130');
  expect(c3).toContain('Every confirmed answer is saved in a.yaml');
  expect(existsSync(`${file}.lock`)).toBe(false);
  expect(readFileSync(file, 'utf8')).not.toContain('half a thought');
}, 120_000);

it('speaks German with --lang de, to the last line, and names the commands to run next with --lang de', async () => {
  const dir = tempDir();
  start('de1', ['--answers', 'de.yaml', '--questionnaire', mini, '--respondent', 'Lee', '--lang', 'de'], dir);
  await waitFor('de1', 'Organisation');
  type('de1', 'Beta GmbH');
  keys('de1', 'Enter');
  for (const prompt of ['Umfang', 'Bewertet von', 'Datum der Bewertung', 'Rolle von Lee']) {
    await waitFor('de1', prompt);
    keys('de1', 'Enter');
  }
  await waitFor('de1', 'Abschnitt 1/2 - Frage 1/4');
  keys('de1', 'q');
  let s = await waitFor('de1', 'EXIT=0');
  expect(s).toContain('Gespeichert in de.yaml: 0 von 4 Fragen für Lee beantwortet.');
  expect(s).toContain('Fortsetzen mit: npx itaas assess --answers de.yaml --lang de\n');
  expect(s).not.toMatch(/Saved:|Resume with/);

  start('de2', ['--answers', 'de.yaml', '--respondent', 'Lee', '--lang', 'de'], dir);
  for (const question of ['Frage 1/4', 'Frage 2/4', 'Frage 3/4', 'Frage 4/4']) {
    await waitFor('de2', question);
    keys('de2', '1');
  }
  await waitFor('de2', 'Alle Fragen sind beantwortet.');
  keys('de2', 'Enter');
  s = await waitFor('de2', 'EXIT=0');
  expect(s).toContain('Beta GmbH: bisherige Werte (1 befragte Person, Median)');
  expect(s).toContain('Phase erreicht:');
  expect(s).toContain('Das Interview mit Lee ist abgeschlossen; die Antworten stehen in de.yaml.');
  expect(s).toContain('Als Nächstes: npx itaas report de.yaml --lang de');
  expect(s).toContain('Weitere befragte Person: npx itaas assess --answers de.yaml --lang de');
  expect(s).not.toMatch(/scores so far|Phase reached|interview is complete|Next:|Another respondent/);
}, 120_000);

it("asks a new file's details in the questionnaire's language when --lang is not given", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'german.yaml'), readFileSync(mini, 'utf8').replace('language: en', 'language: de'));
  start('de3', ['--answers', 'neu.yaml', '--questionnaire', 'german.yaml'], dir);
  await waitFor('de3', 'Eine neue Bewertung.');
  await waitFor('de3', 'Organisation');
  keys('de3', 'C-c');
  const s = await waitFor('de3', 'EXIT=130');
  expect(s).toContain('Abgebrochen, bevor etwas gespeichert wurde; neu.yaml wurde nicht angelegt.');
  expect(existsSync(join(dir, 'neu.yaml'))).toBe(false);
}, 60_000);

it('refuses a corrupt answers file in the terminal too, and leaves it as it was', async () => {
  const dir = tempDir();
  const file = join(dir, 'bad.yaml');
  const text = 'kind: answers\nquestionnaire: {id: mini\n';
  writeFileSync(file, text);
  start('bad', ['--answers', 'bad.yaml'], dir);
  const s = await waitFor('bad', 'EXIT=2');
  expect(s).toContain('bad.yaml cannot be used for this interview');
  expect(s).toContain('The file was left unchanged');
  expect(readFileSync(file, 'utf8')).toBe(text);
  expect(existsSync(`${file}.lock`)).toBe(false);
}, 60_000);
