import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interviewRespondent, pickRespondent } from '../../src/interview/session.js';
import { AnswersStore } from '../../src/interview/store.js';
import { tempDir } from '../helpers.js';
import { scripted } from './scripted-ui.js';
import { info, mini } from '../interview-fixtures.js';

describe('the interview shows text from the answers file inertly', () => {
  it('makes escape sequences in respondent names visible in the menu and the header', async () => {
    const file = join(tempDir(), 'a.yaml');
    const store = AnswersStore.create(file, mini, info);
    store.addRespondent('Eve\u001b]2;owned\u0007', 'CIO\u009b2J');
    const ui = scripted([{ choose: () => 0 }, { question: () => ({ type: 'quit' }) }]);
    const ri = await pickRespondent(store, ui, {});
    await interviewRespondent(store, ri, ui, 'en');
    const shown = [...ui.asked, ...ui.printed].join('\n');
    expect(shown).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(shown).toContain('Eve␛]2;owned␇');
    expect(shown).toContain('<U+009B>2J');
  });
});
