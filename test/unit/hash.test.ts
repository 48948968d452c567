import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionnaireHash } from '../../src/load/hash.js';
import { loadQuestionnaire } from '../../src/load/index.js';
import { fixtures, tempDir } from '../helpers.js';

const base = readFileSync(join(fixtures, 'authoring', 'base.yaml'), 'utf8').replace('model: ./model.yaml', `model: ${JSON.stringify(join(fixtures, 'authoring', 'model.yaml'))}`);

function setup(questionnaire: string): { dir: string; hash: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'q.yaml'), questionnaire);
  const hash = questionnaireHash(loadQuestionnaire(join(dir, 'q.yaml')).questionnaire.data);
  return { dir, hash };
}

describe('the questionnaire content hash', () => {
  it('is sha256 of the content, the same whatever the comments, layout or key order', () => {
    const { hash } = setup(base);
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const reformatted = base
      .replace('# A small questionnaire', '# Another comment.\n# A small questionnaire')
      .replace('title: Base questionnaire\nlanguage: en', 'language: en\ntitle: "Base questionnaire"');
    expect(setup(reformatted).hash).toBe(hash);
    expect(setup(base.replace('How much routine work is scripted?', 'How much routine work is automated?')).hash).not.toBe(hash);
  });
});
