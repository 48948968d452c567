import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { notePrompt } from '../../src/interview/note-prompt.js';
import { choosePrompt, questionPrompt, textPrompt } from '../../src/interview/prompts.js';
import type { QuestionView } from '../../src/interview/prompts.js';

const view: QuestionView = {
  progress: 'Section 1/2 - Question 1/4',
  section: 'Infrastructure',
  text: 'How much runs virtualized?',
  options: [
    { id: 'none', label: 'Nothing', description: 'Every system has its own hardware.' },
    { id: 'some', label: 'Some', description: 'Test systems and a few others.' },
    { id: 'most', label: 'Nearly all' },
  ],
  allowNa: true,
  allowDontKnow: true,
};

describe('the question prompt', () => {
  it('shows where the respondent is, the options, the built-in answers, the moves and the keys', async () => {
    const { answer, events, getScreen } = await render(questionPrompt, view);
    const screen = getScreen();
    expect(screen).toContain('Section 1/2 - Question 1/4  Infrastructure');
    expect(screen).toContain('How much runs virtualized?');
    expect(screen).toMatch(/1\. Nothing[\s\S]*2\. Some[\s\S]*3\. Nearly all[\s\S]*4\. Not applicable[\s\S]*5\. Don't know[\s\S]*← Back[\s\S]*✎ Add a note[\s\S]*✕ Save and quit/);
    // The description of the highlighted option, and the keys.
    expect(screen).toContain('Every system has its own hardware.');
    expect(screen).toContain('1-5 answer · n note · b back · s skip · h help · l list · q quit');
    events.keypress('down');
    expect(getScreen()).toContain('Test systems and a few others.');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ type: 'answer', option: 'some' });
  });

  it('answers with one digit', async () => {
    const { answer, events } = await render(questionPrompt, view);
    events.type('4');
    await expect(answer).resolves.toEqual({ type: 'answer', option: 'na' });
  });

  it.each([
    ['b', 'back'],
    ['left', 'back'],
    ['n', 'note'],
    ['s', 'skip'],
    ['right', 'skip'],
    ['h', 'help'],
    ['?', 'help'],
    ['l', 'summary'],
    ['q', 'quit'],
  ])('moves with the key %s (%s)', async (key, type) => {
    const { answer, events } = await render(questionPrompt, view);
    events.keypress(key);
    await expect(answer).resolves.toEqual({ type });
  });

  it('offers the moves as entries too', async () => {
    const { answer, events } = await render(questionPrompt, view);
    for (let i = 0; i < 7; i++) events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ type: 'skip' });
  });

  it('highlights and marks the answer given before', async () => {
    const { answer, events, getScreen } = await render(questionPrompt, { ...view, current: 'dontKnow' });
    expect(getScreen()).toMatch(/❯ 5\. Don't know \(current answer\)/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ type: 'answer', option: 'dontKnow' });
  });

  it('leaves out "Not applicable" where the question does not allow it', async () => {
    const { answer, events, getScreen } = await render(questionPrompt, { ...view, allowNa: false });
    expect(getScreen()).not.toContain('Not applicable');
    expect(getScreen()).toContain('1-4 answer');
    events.type('4');
    await expect(answer).resolves.toEqual({ type: 'answer', option: 'dontKnow' });
  });

  it('fits a 24-line terminal', async () => {
    const many = { ...view, options: Array.from({ length: 8 }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` })), rows: 24 };
    const { answer, events, getScreen } = await render(questionPrompt, many);
    expect(getScreen().split('\n').length).toBeLessThanOrEqual(23);
    events.keypress('q');
    await expect(answer).resolves.toEqual({ type: 'quit' });
  });

  it('colours only when colour is on', async () => {
    const sgr = /\x1b\[[0-9;]*m/;
    const plain = await render(questionPrompt, { ...view, color: false });
    expect(plain.getScreen({ raw: true })).not.toMatch(sgr);
    plain.events.keypress('q');
    await plain.answer;
    const coloured = await render(questionPrompt, { ...view, color: true });
    expect(coloured.getScreen({ raw: true })).toMatch(sgr);
    coloured.events.keypress('q');
    await coloured.answer;
  });
});

describe('the note prompt', () => {
  it('keeps the question and the answer chosen in view, and adds nothing with a quick Enter', async () => {
    const { answer, events, getScreen } = await render(notePrompt, { question: 'How much runs virtualized?', answer: 'Nearly all' });
    expect(getScreen()).toMatch(/How much runs virtualized\?\n→ Answer: Nearly all\nNote \(Enter without text adds none\):/);
    events.keypress('enter');
    await expect(answer).resolves.toBeUndefined();
  });

  it('takes any text', async () => {
    const { answer, events } = await render(notePrompt, {});
    events.type('Jörg patches – 日本 🚀 "#: -');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Jörg patches – 日本 🚀 "#: -');
  });

  it('keeps the note given before with Enter, and clears it with Backspace', async () => {
    const keep = await render(notePrompt, { current: 'said so' });
    expect(keep.getScreen()).toContain('Enter keeps it');
    keep.events.keypress('enter');
    await expect(keep.answer).resolves.toBe('said so');
    const clear = await render(notePrompt, { current: 'said so' });
    clear.events.keypress('backspace');
    clear.events.keypress('enter');
    await expect(clear.answer).resolves.toBeUndefined();
  });
});

describe('a long or pasted note', () => {
  const settle = () => new Promise((r) => setImmediate(r));

  it('takes a bracketed paste whole, line breaks and tabs included, and shows only the end of it', async () => {
    const { answer, input, getScreen } = await render(notePrompt, { question: 'How much runs virtualized?', columns: 60 });
    const lines = Array.from({ length: 200 }, (_, i) => `Line ${i + 1}\twith some words in it`);
    input.write(`\x1b[200~${lines.join('\r')}\x1b[201~`);
    await settle();
    const screen = getScreen();
    expect(screen).toContain('How much runs virtualized?');
    expect(screen).toContain('Line 200 with some words in it');
    expect(screen).not.toContain('Line 1 with');
    expect(screen).toMatch(/… [\d,]+ more characters above/);
    expect(screen.split('\n').length).toBeLessThanOrEqual(10);
    input.write('\r');
    await expect(answer).resolves.toBe(lines.join('\n'));
  });

  it('edits where the cursor is: arrows, Home/End, Ctrl-W, Ctrl-U, Delete', async () => {
    const { answer, input, events } = await render(notePrompt, {});
    input.write('two words');
    for (let i = 0; i < 5; i++) events.keypress('left');
    input.write('good ');
    events.keypress({ name: 'end' });
    events.keypress({ name: 'w', ctrl: true });
    input.write('notes');
    events.keypress({ name: 'home' });
    events.keypress('delete');
    input.write('T');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Two good notes');
  });

  it('shows a refusal at the prompt and keeps the note there to shorten', async () => {
    const tried: Array<string | undefined> = [];
    const { answer, input, events, getScreen } = await render(notePrompt, {
      save: (n: string | undefined) => (tried.push(n), (n ?? '').length > 10 ? 'acme.yaml would grow past its limit: shorten the note.' : true),
    });
    input.write('much too long a note');
    events.keypress('enter');
    await settle();
    expect(getScreen()).toContain('shorten the note');
    expect(getScreen()).toContain('much too long a note');
    events.keypress({ name: 'u', ctrl: true });
    input.write('short');
    events.keypress('enter');
    await expect(answer).resolves.toBe('short');
    expect(tried).toEqual(['much too long a note', 'short']);
  });
});

describe('metadata prompts', () => {
  it('offers a default and validates', async () => {
    const { answer, events, getScreen } = await render(textPrompt, {
      message: 'Date',
      default: '2025-06-01',
      validate: (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? true : 'Write the date as YYYY-MM-DD.'),
    });
    expect(getScreen()).toContain('Date (2025-06-01)');
    events.type('June');
    events.keypress('enter');
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(getScreen()).toContain('Write the date as YYYY-MM-DD.');
    for (let i = 0; i < 4; i++) events.keypress('backspace');
    events.keypress('enter');
    await expect(answer).resolves.toBe('2025-06-01');
  });

  it('insists on a required answer', async () => {
    const { answer, events, getScreen } = await render(textPrompt, { message: 'Organisation', required: true });
    events.keypress('enter');
    await new Promise((r) => setImmediate(r));
    expect(getScreen()).toMatch(/Please type an answer|You must provide a value/);
    events.type('Acme');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Acme');
  });

  it('saves before it shows ✔; a refused save is shown at the prompt and what was typed stays to be changed', async () => {
    const saved: string[] = [];
    const { answer, events, getScreen } = await render(textPrompt, {
      message: 'Organisation',
      save: (v: string) => (v.length > 4 ? 'Too long for the file; shorten it.' : (saved.push(v), true)),
    });
    events.type('Acme Ltd');
    events.keypress('enter');
    await new Promise((r) => setImmediate(r));
    expect(getScreen()).toContain('Too long for the file; shorten it.');
    expect(getScreen()).toContain('Organisation Acme Ltd');
    expect(getScreen()).not.toContain('✔');
    expect(saved).toEqual([]);
    for (let i = 0; i < 4; i++) events.keypress('backspace');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Acme');
    expect(saved).toEqual(['Acme']);
    expect(getScreen()).toContain('✔ Organisation Acme');
  });

  it('ends with the error when saving fails for another reason than a refusal', async () => {
    const { answer, events } = await render(textPrompt, {
      message: 'Organisation',
      save: () => {
        throw new Error('disk on fire');
      },
    });
    events.type('Acme');
    events.keypress('enter');
    await expect(answer).rejects.toThrow('disk on fire');
  });

  it('chooses from a list', async () => {
    const { answer, events, getScreen } = await render(choosePrompt<string>, {
      message: 'Who is next?',
      choices: [{ value: 'resume', name: 'Resume Dana' }, 'separator', { value: 'new', name: 'Add a new respondent' }],
    });
    expect(getScreen()).toContain('Resume Dana');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('new');
  });

  it.each(['escape', 'q'])('closes a list that can be closed with %s, giving its cancel value', async (key) => {
    const { answer, events, getScreen } = await render(choosePrompt<string>, {
      message: 'Services: 1 of 2 answered.',
      choices: [
        { value: 'a', name: 'First' },
        { value: 'b', name: 'Second' },
      ],
      default: 'b',
      cancel: 'b',
    });
    expect(getScreen()).toContain('Esc or q close');
    events.keypress('up');
    events.keypress(key);
    await expect(answer).resolves.toBe('b');
  });
});

describe('the first question', () => {
  it('offers no way back: no entry, no key, not in the hint', async () => {
    const { answer, events, getScreen } = await render(questionPrompt, { ...view, first: true });
    expect(getScreen()).not.toContain('Back');
    expect(getScreen()).not.toContain('b back');
    events.keypress('b');
    events.keypress('s');
    await expect(answer).resolves.toEqual({ type: 'skip' });
  });
});
