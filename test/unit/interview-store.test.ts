import { copyFileSync, mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/interview/lock.js';
import { AnswersStore } from '../../src/interview/store.js';
import { loadAssessment } from '../../src/load/index.js';
import { schemaComment } from '../../src/load/schema-ref.js';
import { root, tempDir } from '../helpers.js';
import { info, mini, refusal } from '../interview-fixtures.js';

describe('a new answers file', () => {
  it('is written at once, valid, with the questionnaire it was made for', () => {
    const file = join(tempDir(), 'a.yaml');
    const store = AnswersStore.create(file, mini, info);
    const r = store.addRespondent('Dana Ortiz', 'CIO');
    store.setAnswer(r, 'virt-share', 'some');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('saved by `itaas assess` after every answer');
    // Outside the package folder the schema hint is left out (an absolute path would not travel).
    expect(text).not.toContain('yaml-language-server');
    const a = loadAssessment(file);
    expect(a.answers.data.questionnaire).toMatchObject({ id: 'mini', version: '1.2.0', path: expect.stringMatching(/mini-questionnaire\.yaml$/) });
    expect(a.answers.data.assessment).toEqual(info);
    expect(a.answers.data.respondents).toEqual([{ name: 'Dana Ortiz', role: 'CIO', completed: false, answers: { 'virt-share': 'some' } }]);
  });

  it('names the schema by a relative path inside the package folder, and never by an absolute one', () => {
    expect(schemaComment(join(root, 'examples', 'x.yaml'), 'answers', 'itaas')).toBe(' yaml-language-server: $schema=../schemas/answers.schema.json');
    const elsewhere = schemaComment(join(tempDir(), 'x.yaml'), 'answers', 'npx itaas');
    expect(elsewhere).toContain('npx itaas schema answers > answers.schema.json');
    expect(elsewhere).not.toContain(root);
  });

  it("writes the schema line of a new answers file relative to itaas in the project's node_modules", () => {
    const project = tempDir();
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(root, join(project, 'node_modules', 'itaas'));
    const file = join(project, 'acme.yaml');
    AnswersStore.create(file, mini, info);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=node_modules/itaas/schemas/answers.schema.json');
  });

  it('refuses to create over an existing file', () => {
    const file = join(tempDir(), 'a.yaml');
    writeFileSync(file, 'keep me\n');
    expect(refusal(() => AnswersStore.create(file, mini, info)).message).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
  });
});

describe('editing an existing file', () => {
  it('keeps every comment a person added', () => {
    const file = join(tempDir(), 'northwind.yaml');
    copyFileSync(join(root, 'examples', 'northwind-logistics.yaml'), file);
    const before = readFileSync(file, 'utf8');
    const comments = before.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments.length).toBeGreaterThan(5);
    const store = AnswersStore.open(file);
    store.setAnswer(0, 'virtualization-beyond-servers', 'software-defined-dc', 'Changed: storage and network are pooled too.');
    const note = (store.respondent(0).answers['server-virtualization-share'] as { note: string }).note;
    store.setAnswer(0, 'server-virtualization-share', 'most', note);
    const after = readFileSync(file, 'utf8');
    for (const c of comments) expect(after).toContain(c);
    const a = loadAssessment(file).answers.data;
    expect(a.respondents[0]!.answers['virtualization-beyond-servers']).toEqual({ option: 'software-defined-dc', note: 'Changed: storage and network are pooled too.' });
    // An answer changed with its note kept stays where it was, with its note.
    expect(a.respondents[0]!.answers['server-virtualization-share']).toEqual({
      option: 'most',
      note: expect.stringContaining('sorter controllers'),
    });
    // Nothing else changed: every other answer, respondent and setting reads back as before.
    const was = loadAssessment(join(root, 'examples', 'northwind-logistics.yaml')).answers.data;
    const { 'virtualization-beyond-servers': _a, 'server-virtualization-share': _b, ...rest } = a.respondents[0]!.answers;
    const { 'virtualization-beyond-servers': _c, 'server-virtualization-share': _d, ...wasRest } = was.respondents[0]!.answers;
    expect(rest).toEqual(wasRest);
    expect({ ...a, respondents: a.respondents.slice(1) }).toEqual({ ...was, respondents: was.respondents.slice(1) });
  });

  it('lists answers in questionnaire order whatever order they were given in', () => {
    const file = join(tempDir(), 'a.yaml');
    const store = AnswersStore.create(file, mini, info);
    const r = store.addRespondent('Lee');
    store.setAnswer(r, 'sla', 'all');
    store.setAnswer(r, 'virt-share', 'none');
    store.setAnswer(r, 'catalogue', 'dontKnow');
    expect(Object.keys(loadAssessment(file).answers.data.respondents[0]!.answers)).toEqual(['virt-share', 'catalogue', 'sla']);
  });

  const notes = [
    'Grüße aus Köln — naïve café, Ελληνικά, русский, 日本語のメモ, עברית, 🚀👩‍💻',
    'x'.repeat(20_000),
    `${'word '.repeat(500)}end`,
    '- item: value # not a comment',
    'null',
    'yes',
    '~',
    '0x1F',
    '1e3',
    '"double" and \'single\' quotes',
    '{ not: a map } [nor, a list]',
    '&anchor *alias !tag %directive @at `tick`',
    '  leading and trailing spaces  ',
    'two\nlines',
    'tab\there',
    '---',
    '...',
    '#hash first',
    'key: value',
    '\\backslash\\',
    'a\u2028line separator',
  ];
  it.each(notes.map((n) => [n.length > 40 ? `${n.slice(0, 37)}...` : n, n]))('keeps the note %j exactly', (_label, note) => {
    const file = join(tempDir(), 'a.yaml');
    const store = AnswersStore.create(file, mini, info);
    const r = store.addRespondent('Ana');
    store.setAnswer(r, 'virt-share', 'most', note);
    expect(loadAssessment(file).answers.data.respondents[0]!.answers['virt-share']).toEqual({ option: 'most', note });
    expect(AnswersStore.open(file).respondent(0).answers['virt-share']).toEqual({ option: 'most', note });
  });

  it('keeps names with any characters exactly', () => {
    const file = join(tempDir(), 'a.yaml');
    const store = AnswersStore.create(file, mini, { ...info, organisation: 'Müller & Söhne: "IT" #1' });
    store.addRespondent("José Ñúñez-O'Brien", 'CIO: interim');
    const a = loadAssessment(file).answers.data;
    expect(a.assessment.organisation).toBe('Müller & Söhne: "IT" #1');
    expect(a.respondents[0]).toMatchObject({ name: "José Ñúñez-O'Brien", role: 'CIO: interim' });
  });
});

describe('a file that cannot be used', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['broken YAML', 'kind: answers\nquestionnaire: {id: mini\n', /a\.yaml:\d+:\d+/],
    ['an empty file', '', /is empty/],
    ['wrong types', 'kind: answers\nquestionnaire: {id: mini, version: 1.2.0}\nassessment: {organisation: A, date: 2025-13-45}\n', /date/],
    ['a questionnaire file', readFileSync(mini, 'utf8'), /is a questionnaire, but an answers file was expected here/],
  ];
  it.each(cases)('is refused and left byte for byte as it was: %s', (_what, content, why) => {
    const file = join(tempDir(), 'a.yaml');
    writeFileSync(file, content);
    const msg = refusal(() => AnswersStore.open(file)).message;
    expect(msg).toMatch(why);
    expect(msg).toContain('The file was left unchanged');
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('is refused when written for another questionnaire', () => {
    const file = join(tempDir(), 'a.yaml');
    copyFileSync(join(root, 'examples', 'northwind-logistics.yaml'), file);
    const before = readFileSync(file, 'utf8');
    expect(refusal(() => AnswersStore.open(file, mini)).message).toContain('answers are for questionnaire "itaas-core", but "mini" was given');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('is refused when written for another version, saying how to go on', () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    AnswersStore.create(file, mini, info);
    const old = readFileSync(file, 'utf8').replace('version: 1.2.0', 'version: 1.0.0');
    writeFileSync(file, old);
    const msg = refusal(() => AnswersStore.open(file)).message;
    expect(msg).toContain('version 1.0.0, but the questionnaire is version 1.2.0');
    expect(msg).toContain('--questionnaire FILE');
    expect(readFileSync(file, 'utf8')).toBe(old);
  });
});

describe('the lock', () => {
  it('waits on a lock being written, and takes over an old unreadable one', () => {
    const file = join(tempDir(), 'a.yaml');
    writeFileSync(`${file}.lock`, '');
    expect(refusal(() => acquireLock(file)).message).toContain('is being opened by another itaas command');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    acquireLock(file).release();
  });

  it('refuses a lock held on another machine', () => {
    const file = join(tempDir(), 'a.yaml');
    writeFileSync(`${file}.lock`, `123\nother-laptop\n2025-01-01T00:00:00.000Z\n`);
    expect(refusal(() => acquireLock(file)).message).toContain('(pid 123) on other-laptop');
  });
});
