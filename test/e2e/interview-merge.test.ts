import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itaas, tempDir } from '../helpers.js';
import { miniAnswers } from '../interview-fixtures.js';
import { terminal } from './terminal.js';

/**
 * An interview stamps when each respondent's answers last changed, as the survey form does, so that
 * `itaas merge --prefer newer` keeps the answer given last even when a copy gave the file a new date.
 */

const t = terminal('stamp');

afterAll(() => t.closeAll());

type Saved = { respondents: Array<{ name: string; updated?: string; answers: Record<string, unknown> }> };
const read = (file: string) => parse(readFileSync(file, 'utf8')) as Saved;

it('stamps each answer with the time it was given, and merge --prefer newer goes by it', async () => {
  const dir = tempDir();
  const laptop = join(dir, 'laptop.yaml');
  writeFileSync(laptop, miniAnswers());
  const before = Date.now();
  t.start('stamp', ['assess', '--answers', 'laptop.yaml', '--respondent', 'Dana'], dir);
  await t.waitFor('stamp', 'Question 1/4');
  t.keys('stamp', '3');
  await t.waitFor('stamp', 'Question 2/5');
  t.keys('stamp', 'q');
  await t.waitFor('stamp', 'EXIT=0');
  const dana = read(laptop).respondents[0]!;
  expect(dana.answers).toEqual({ 'virt-share': 'most' });
  const stamp = Date.parse(dana.updated ?? '');
  expect(stamp).toBeGreaterThanOrEqual(before - 1000);
  expect(stamp).toBeLessThanOrEqual(Date.now());

  // Later, Dana changed her mind in the survey form; the interview file was copied afterwards, so its
  // date on disk is the newest of all.
  const form = join(dir, 'form.yaml');
  const later = new Date(Math.max(Date.now(), stamp + 1000)).toISOString();
  writeFileSync(form, miniAnswers(['  - name: Dana', `    updated: ${later}`, '    answers:', '      virt-share: some']));
  const copied = new Date(Date.now() + 3600_000);
  utimesSync(laptop, copied, copied);

  const r = itaas(['merge', form, laptop, '--prefer', 'newer'], { cwd: dir });
  expect(r.code).toBe(0);
  expect(read(form).respondents[0]!.answers['virt-share']).toBe('some');
}, 60_000);
