import { createPrompt, makeTheme, useKeypress, usePrefix, useRef, useState } from '@inquirer/core';
import type { KeypressEvent, Status } from '@inquirer/core';
import { messages } from '../i18n/index.js';
import type { InterviewMessages } from '../i18n/index.js';
import { visible } from '../io/terminal-text.js';
import type { PromptContext } from './prompts.js';
import { palette } from '../ui.js';
import { theme } from './theme.js';

/**
 * The note prompt: a small line editor of its own rather than @inquirer's `input`, because a note can be
 * pasted, and long. `input` redraws the whole text after every character, which made a 10 KB paste take
 * minutes, and takes the first line break of a paste as Enter. Here a paste (bracketed, as terminals
 * send it when asked) is taken in one piece with its line breaks, and the screen shows only the part of
 * the note around the cursor, so each redraw costs the same however long the note is.
 */

export interface NoteConfig {
  /** The note given before, kept with Enter. */
  current?: string;
  /** What stays on screen above the note while it is typed: the question and the answer chosen (if any). */
  question?: string;
  answer?: string;
  /**
   * Saves the note (undefined: none) before the prompt closes. A refusal (a message) is shown at the
   * prompt and the note stays there to be changed.
   */
  save?: (note: string | undefined) => true | string;
  color?: boolean;
  words?: InterviewMessages;
  columns?: number;
}

type Key = KeypressEvent & { sequence?: string; meta?: boolean };

/** Asks terminals to mark pasted text (ESC[200~ … ESC[201~) while the note prompt is open. */
const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';

/** How many terminal rows of the note are shown before and after the cursor's line. */
const ROWS_BEFORE = 4;
const ROWS_AFTER = 2;

/** The editor's state; mutable, so that a key costs no copy of a long note. */
interface Editor {
  text: string;
  cursor: number;
  /** The note given before, until Backspace on an empty line clears it. */
  fallback: string;
  pasting: boolean;
  pasted: string[];
}

const wordLeft = /^\s*(?:[^\w\s]+|\w+)?/u;

function deleteWordLeft(editor: Editor): void {
  const before = editor.text.slice(0, editor.cursor);
  const match = [...before].reverse().join('').match(wordLeft);
  const cut = match ? match[0].length : 0;
  editor.text = editor.text.slice(0, editor.cursor - cut) + editor.text.slice(editor.cursor);
  editor.cursor -= cut;
}

/** The length of the character (code point) before or after `at`. */
function charBefore(text: string, at: number): number {
  return at >= 2 && /[\udc00-\udfff]/.test(text[at - 1]!) && /[\ud800-\udbff]/.test(text[at - 2]!) ? 2 : at > 0 ? 1 : 0;
}
function charAfter(text: string, at: number): number {
  return at < text.length - 1 && /[\ud800-\udbff]/.test(text[at]!) && /[\udc00-\udfff]/.test(text[at + 1]!) ? 2 : at < text.length ? 1 : 0;
}

function insert(editor: Editor, text: string): void {
  editor.text = editor.text.slice(0, editor.cursor) + text + editor.text.slice(editor.cursor);
  editor.cursor += text.length;
}

/** Text as it is shown: tabs as a space, control characters visible, nothing that moves the cursor. */
const shown = (s: string) => visible(s.replace(/\t/g, ' '));

/** One key; returns true if the note changed or the cursor moved. */
function edit(editor: Editor, key: Key): boolean {
  const lineStart = editor.text.lastIndexOf('\n', editor.cursor - 1) + 1;
  const lineEnd = editor.text.indexOf('\n', editor.cursor) < 0 ? editor.text.length : editor.text.indexOf('\n', editor.cursor);
  switch (key.ctrl ? `^${key.name}` : key.meta ? `M-${key.name}` : key.name) {
    case 'backspace':
      if (!editor.text) editor.fallback = '';
      else {
        const width = charBefore(editor.text, editor.cursor);
        editor.text = editor.text.slice(0, editor.cursor - width) + editor.text.slice(editor.cursor);
        editor.cursor -= width;
      }
      return true;
    case 'delete':
    case '^d':
      editor.text = editor.text.slice(0, editor.cursor) + editor.text.slice(editor.cursor + charAfter(editor.text, editor.cursor));
      return true;
    case 'left':
    case '^b':
      editor.cursor -= charBefore(editor.text, editor.cursor);
      return true;
    case 'right':
    case '^f':
      editor.cursor += charAfter(editor.text, editor.cursor);
      return true;
    case 'home':
    case '^a':
      editor.cursor = lineStart;
      return true;
    case 'end':
    case '^e':
      editor.cursor = lineEnd;
      return true;
    case '^u':
      editor.text = editor.text.slice(0, lineStart) + editor.text.slice(editor.cursor);
      editor.cursor = lineStart;
      return true;
    case '^k':
      editor.text = editor.text.slice(0, editor.cursor) + editor.text.slice(lineEnd);
      return true;
    case '^w':
    case 'M-backspace':
      deleteWordLeft(editor);
      return true;
    case 'tab':
      // Tab puts the note given before into the line, to edit it.
      if (editor.text || !editor.fallback) return false;
      editor.text = editor.fallback;
      editor.cursor = editor.text.length;
      return true;
    default: {
      const sequence = key.sequence ?? '';
      if (key.ctrl || key.meta || !sequence || /[\u0000-\u001f\u007f-\u009f]/.test(sequence)) return false;
      insert(editor, sequence);
      return true;
    }
  }
}

/** What a pasted key adds: its text, line breaks as line breaks, tabs kept; other controls dropped. */
function pastedText(key: Key): string {
  if (key.name === 'return' || key.name === 'enter') return '\n';
  if (key.name === 'tab') return '\t';
  const sequence = key.sequence ?? '';
  return /[\u0000-\u001f\u007f-\u009f]/.test(sequence) ? '' : sequence;
}

/**
 * The part of the note on screen: up to ROWS_BEFORE rows before the cursor and ROWS_AFTER after, the
 * rest counted. `line` is the cursor's line up to the cursor, `after` the rest of it (the terminal
 * cursor is put between them), `below` what follows.
 */
function onScreen(editor: Editor, columns: number, words: InterviewMessages): { above: string[]; line: string; after: string; below: string[] } {
  const start = editor.text.lastIndexOf('\n', editor.cursor - 1) + 1;
  const endAt = editor.text.indexOf('\n', editor.cursor);
  const end = endAt < 0 ? editor.text.length : endAt;
  const rowsOf = (s: string) => Math.max(1, Math.ceil(s.length / columns));
  let line = editor.text.slice(start, editor.cursor);
  let after = editor.text.slice(editor.cursor, end);
  let hiddenBefore = 0;
  let hiddenAfter = 0;
  const beforeRoom = ROWS_BEFORE * columns;
  if (line.length > beforeRoom) {
    hiddenBefore += line.length - beforeRoom;
    line = `…${line.slice(line.length - beforeRoom)}`;
  }
  if (after.length > columns) {
    hiddenAfter += after.length - columns;
    after = `${after.slice(0, columns)}…`;
  }
  const above: string[] = [];
  let room = ROWS_BEFORE - rowsOf(line) + 1;
  let at = start - 1;
  while (at > 0 && room > 0) {
    const from = editor.text.lastIndexOf('\n', at - 1) + 1;
    const text = editor.text.slice(from, at);
    room -= rowsOf(text);
    if (room < 0) break;
    above.unshift(shown(text));
    at = from - 1;
  }
  if (at > 0) hiddenBefore += at + 1;
  const below: string[] = [];
  let next = end + 1;
  room = ROWS_AFTER;
  while (next <= editor.text.length && endAt >= 0 && room > 0) {
    const to = editor.text.indexOf('\n', next) < 0 ? editor.text.length : editor.text.indexOf('\n', next);
    const text = editor.text.slice(next, to);
    room -= rowsOf(text);
    if (room < 0) break;
    below.push(shown(text));
    next = to + 1;
    if (to === editor.text.length) break;
  }
  if (endAt >= 0 && next <= editor.text.length) hiddenAfter += editor.text.length - next + 1;
  if (hiddenBefore) above.unshift(words.noteHidden(hiddenBefore, 'before'));
  if (hiddenAfter) below.push(words.noteHidden(hiddenAfter, 'after'));
  return { above, line: shown(line), after: shown(after), below };
}

const editorPrompt = createPrompt<string | undefined, NoteConfig>((config, done) => {
  const colors = palette(config.color ?? false);
  const words = config.words ?? messages('en').interview;
  const look = makeTheme(theme(config.color ?? false));
  const [status, setStatus] = useState<Status>('idle');
  const [error, setError] = useState<string | undefined>(undefined);
  const [, setTick] = useState(0);
  const editor = useRef<Editor>({ text: '', cursor: 0, fallback: config.current ?? '', pasting: false, pasted: [] }).current;
  const redraw = useRef({ pending: false, settled: false }).current;
  // Readline keeps a line of its own and redraws it on every key: it is kept to what follows the
  // cursor on screen (a few characters), so that it costs nothing and the terminal cursor is drawn
  // where the next character goes.
  const readline = useRef({
    rl: undefined as { line: string; cursor: number } | undefined,
    after: '',
    put() {
      if (!this.rl) return;
      this.rl.line = this.after;
      this.rl.cursor = 0;
    },
  }).current;
  const prefix = usePrefix({ status, theme: look });
  const columns = Math.max(20, (config.columns ?? 80) - 1);

  // Redraw once for all the keys of one read from the terminal, not once per key.
  const refresh = () => {
    if (redraw.pending) return;
    redraw.pending = true;
    setImmediate(() => {
      redraw.pending = false;
      if (!redraw.settled) setTick((t) => t + 1);
    });
  };

  useKeypress((event, rl) => {
    const key = event as Key;
    readline.rl = rl as unknown as { line: string; cursor: number };
    readline.put();
    if (status !== 'idle') return;
    if (key.name === 'paste-start') {
      editor.pasting = true;
      return;
    }
    if (key.name === 'paste-end') {
      editor.pasting = false;
      insert(editor, editor.pasted.join(''));
      editor.pasted = [];
      setError(undefined);
      refresh();
      return;
    }
    if (editor.pasting) {
      editor.pasted.push(pastedText(key));
      return;
    }
    if (key.name === 'return' || key.name === 'enter') {
      const value = editor.text || editor.fallback;
      const note = value === '' ? undefined : value;
      const verdict = config.save ? config.save(note) : true;
      if (verdict !== true) {
        setError(verdict);
        return;
      }
      redraw.settled = true;
      setStatus('done');
      done(note);
      return;
    }
    if (edit(editor, key)) {
      setError(undefined);
      refresh();
    }
  });

  const hint = editor.fallback ? words.noteKeep : words.noteSkip;
  const about = config.question === undefined ? '' : `${config.question}\n${colors.cyan(config.answer === undefined ? words.noteBeforeAnswer : `→ ${words.noteFor(config.answer)}`)}\n`;
  const message = look.style.message(`${about}${words.note} ${colors.dim(`(${hint})`)}:`, status);
  if (status === 'done') {
    const note = editor.text || editor.fallback;
    return `${prefix} ${message} ${look.style.answer(shown(note.replace(/\s+/g, ' ').slice(0, columns)))}`;
  }
  const shownDefault = !editor.text && editor.fallback ? ` ${look.style.defaultAnswer(shown(editor.fallback.replace(/\s+/g, ' ').slice(0, columns)))}` : '';
  const view = onScreen(editor, columns, words);
  readline.after = view.after;
  readline.put();
  const head = [`${prefix} ${message}${shownDefault}`, ...view.above.map((l, i) => (i === 0 && l.startsWith('…') ? colors.dim(l) : l))];
  const content = `${head.join('\n')}${view.above.length ? '\n' : ' '}${view.line}${view.after}`;
  const bottom = [...view.below.map((l) => (l.startsWith('…') ? colors.dim(l) : l)), ...(error ? [look.style.error(error)] : [])].join('\n');
  return [content, bottom];
});

/** A note on a question, asked for with its own key: Enter without text adds none (or keeps the note given before), Backspace clears it. */
export async function notePrompt(config: NoteConfig, context: PromptContext = {}): Promise<string | undefined> {
  const output = (context.output ?? process.stdout) as NodeJS.WriteStream;
  // Pasted text comes marked while the prompt is open; the terminal is set back however the run ends.
  const paste = (on: boolean) => {
    if (output.isTTY && !output.writableEnded) output.write(on ? PASTE_ON : PASTE_OFF);
  };
  const off = () => paste(false);
  paste(true);
  process.once('exit', off);
  try {
    return await editorPrompt(config, context);
  } finally {
    process.removeListener('exit', off);
    off();
  }
}
