import { describe, expect, it } from 'vitest';
import { authoringBase, questionnaireDir } from '../interview-fixtures.js';

describe('the questionnaire content hash', () => {
  it('is sha256 of the content, the same whatever the comments, layout or key order', () => {
    const { hash } = questionnaireDir(authoringBase);
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const reformatted = authoringBase
      .replace('# A small questionnaire', '# Another comment.\n# A small questionnaire')
      .replace('title: Base questionnaire\nlanguage: en', 'language: en\ntitle: "Base questionnaire"');
    expect(questionnaireDir(reformatted).hash).toBe(hash);
    expect(questionnaireDir(authoringBase.replace('How much routine work is scripted?', 'How much routine work is automated?')).hash).not.toBe(hash);
  });
});
