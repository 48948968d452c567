import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { questionnaireHash } from '../src/load/hash.js';
import { loadQuestionnaire } from '../src/load/index.js';
import { UserError } from '../src/errors.js';
import { fixtures, tempDir } from './helpers.js';

/** The small questionnaire the interview and store tests run on, and the assessment details they start with. */
export const mini = join(fixtures, 'interview', 'mini-questionnaire.yaml');
export const info = { organisation: 'Acme', scope: 'Group IT', date: '2025-06-01', assessor: 'Pat' };

/** An answers file for the small questionnaire (Acme's details) with the respondents' lines given: by default Dana, not yet asked. */
export function miniAnswers(respondents: string[] = ['  - name: Dana', '    answers: {}']): string {
  return ['kind: answers', 'questionnaire:', '  id: mini', '  version: 1.2.0', `  path: ${mini}`, 'assessment:', '  organisation: Acme', '  date: 2026-01-15', 'respondents:', ...respondents, ''].join(
    '\n',
  );
}

/** Runs fn and returns the UserError it refuses with; fails the test if it does not refuse that way. */
export function refusal(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a refusal');
}

/** The authoring fixture's base questionnaire, pointing at its model by absolute path so it can be copied anywhere. */
export const authoringBase = readFileSync(join(fixtures, 'authoring', 'base.yaml'), 'utf8').replace('model: ./model.yaml', `model: ${JSON.stringify(join(fixtures, 'authoring', 'model.yaml'))}`);

/** Writes a questionnaire to a fresh folder as q.yaml and returns the folder and the questionnaire's content hash. */
export function questionnaireDir(questionnaire: string): { dir: string; hash: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'q.yaml'), questionnaire);
  const hash = questionnaireHash(loadQuestionnaire(join(dir, 'q.yaml')).questionnaire.data);
  return { dir, hash };
}
