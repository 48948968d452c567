import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswersStore, TooLarge } from '../../src/interview/store.js';
import { loadAssessment } from '../../src/load/index.js';
import { tempDir } from '../helpers.js';
import { info, mini, refusal } from '../interview-fixtures.js';

function started() {
  const file = join(tempDir(), 'acme.yaml');
  const store = AnswersStore.create(file, mini, info);
  const r = store.addRespondent('Dana', 'CIO');
  store.setAnswer(r, 'virt-share', 'some');
  return { file, store, r };
}

describe('an answers file edited by hand while an interview runs', () => {
  it('keeps the edits (organisation, a comment, another respondent) and adds the new answer', () => {
    const { file, store, r } = started();
    const edited = readFileSync(file, 'utf8')
      .replace('organisation: Acme', 'organisation: Acme Group # renamed in March')
      .concat('  - name: Lee\n    completed: false\n    answers:\n      virt-share: most\n');
    writeFileSync(file, edited);
    store.setAnswer(r, 'virt-share', 'most');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# renamed in March');
    const a = loadAssessment(file).answers.data;
    expect(a.assessment.organisation).toBe('Acme Group');
    expect(a.respondents.map((x) => [x.name, x.answers['virt-share']])).toEqual([
      ['Dana', 'most'],
      ['Lee', 'most'],
    ]);
  });

  it('stops with a clear message, and saves nothing, when the same respondent was edited there too', () => {
    const { file, store, r } = started();
    const edited = readFileSync(file, 'utf8').replace('virt-share: some', 'virt-share: none');
    writeFileSync(file, edited);
    expect(refusal(() => store.setAnswer(r, 'virt-share', 'most')).message).toMatch(/was changed on disk .* the answers of "Dana" were changed there too/);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('stops, and saves nothing, when the file no longer reads as answers', () => {
    const { file, store, r } = started();
    writeFileSync(file, 'kind: answers\nrespondents: [oops\n');
    expect(refusal(() => store.setAnswer(r, 'virt-share', 'most')).message).toContain('no longer reads as a valid answers file');
    expect(readFileSync(file, 'utf8')).toBe('kind: answers\nrespondents: [oops\n');
  });
});

describe('saving', () => {
  it('refuses a save that would take the file over the size every command accepts', () => {
    const { file, store, r } = started();
    const before = readFileSync(file, 'utf8');
    const e = refusal(() => store.setAnswer(r, 'virt-share', 'most', 'x'.repeat(2.2 * 1024 * 1024)));
    expect(e).toBeInstanceOf(TooLarge);
    expect(e.message).toMatch(/over the 2097152-byte limit/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('drops a refused change: it does not come back with the next answer', () => {
    const { file, store, r } = started();
    expect(refusal(() => store.setAnswer(r, 'virt-share', 'most', 'x'.repeat(2.2 * 1024 * 1024)))).toBeInstanceOf(TooLarge);
    store.setAnswer(r, 'build-automation', 'scripted');
    const answers = loadAssessment(file).answers.data.respondents[0]!.answers;
    expect(answers).toEqual({ 'virt-share': 'some', 'build-automation': 'scripted' });
  });

  it('tells before an answer whether a note typed for it would fit, and changes nothing', () => {
    const { file, store, r } = started();
    const before = readFileSync(file, 'utf8');
    const e = refusal(() => store.checkAnswer(r, 'build-automation', 'scripted', 'y'.repeat(2.1 * 1024 * 1024))) as TooLarge;
    expect(e).toBeInstanceOf(TooLarge);
    expect(e.over).toBeGreaterThan(0.09 * 1024 * 1024);
    store.checkAnswer(r, 'build-automation', 'scripted', 'fits');
    expect(readFileSync(file, 'utf8')).toBe(before);
    store.setAnswer(r, 'build-automation', 'scripted');
    expect(loadAssessment(file).answers.data.respondents[0]!.answers['build-automation']).toBe('scripted');
  });

  it('keeps the CRLF line endings of a file written on Windows', () => {
    const { file } = started();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const store = AnswersStore.open(file);
    store.setAnswer(0, 'virt-share', 'most', 'first line\nsecond line');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\r\n/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(loadAssessment(file).answers.data.respondents[0]!.answers['virt-share']).toEqual({ option: 'most', note: 'first line\nsecond line' });
  });
});

describe('respondent names', () => {
  it('are stored trimmed, without zero-width characters, in NFC', () => {
    const { store } = started();
    const i = store.addRespondent('  Jose\u0301  Ma\u200brti ');
    expect(store.respondent(i).name).toBe('José Marti');
  });

  it.each([['Dana '], ['Da\u200bna'], ['dana'], ['Ｄａｎａ']])('refuses %j next to "Dana"', (name) => {
    const { store } = started();
    expect(refusal(() => store.addRespondent(name)).message).toContain('already has a respondent named "Dana"');
  });

  it('treats NFC and NFD spellings as one person', () => {
    const { store } = started();
    store.addRespondent('Jos\u00e9');
    expect(refusal(() => store.addRespondent('Jose\u0301')).message).toContain('already has a respondent');
  });
});

describe('a UTF-16 file', () => {
  it('is named as UTF-16, with what to do, not called binary', () => {
    const file = join(tempDir(), 'utf16.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: answers\n', 'utf16le')]));
    const e = refusal(() => loadAssessment(file));
    const text = [e.message, ...e.problems.map((p) => p.message)].join('\n');
    expect(text).toMatch(/UTF-16/);
    expect(text).toMatch(/UTF-8/);
    expect(text).not.toMatch(/binary/);
  });
});
