import { input, select, Separator } from '@inquirer/prompts';
import { messages } from '../i18n/index.js';
import { visible } from '../io/terminal-text.js';
import type { InterviewMessages } from '../i18n/index.js';
import { notePrompt } from './note-prompt.js';
import type { NoteConfig } from './note-prompt.js';
import { palette } from '../ui.js';
import { theme } from './theme.js';

/**
 * The thin layer between the interview and the terminal. Each prompt is an @inquirer prompt function
 * `(config, context) => Promise`, so tests drive it with @inquirer/testing, and the interview itself
 * only sees the `Ui` interface, so tests of the flow pass a scripted fake.
 */

export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  clearPromptOnDone?: boolean;
  signal?: AbortSignal;
}

export interface QuestionView {
  /** "Section 3/7 - Question 12/48" */
  progress: string;
  section: string;
  text: string;
  options: Array<{ id: string; label: string; description?: string }>;
  allowNa: boolean;
  allowDontKnow: boolean;
  /** The option chosen before, highlighted and marked. */
  current?: string;
  /** The first question shown: there is nothing to go back to. */
  first?: boolean;
  /** A note typed before answering, saved with the answer. */
  pendingNote?: string;
  /** Terminal height, to keep the whole prompt on one screen. */
  rows?: number;
  /** Terminal width. */
  columns?: number;
  color?: boolean;
  /** The interview's own wording in the interview language (default English). */
  words?: InterviewMessages;
}

export type QuestionAction = { type: 'answer'; option: string } | { type: 'back' } | { type: 'note' } | { type: 'skip' } | { type: 'help' } | { type: 'summary' } | { type: 'quit' };

/** One-key shortcuts, shown in the hint line under every question. */
const KEYS: Record<string, QuestionAction['type']> = {
  b: 'back',
  left: 'back',
  n: 'note',
  s: 'skip',
  right: 'skip',
  h: 'help',
  '?': 'help',
  l: 'summary',
  q: 'quit',
};

export function keyHint(answers: number, words: InterviewMessages = messages('en').interview, first = false): string {
  return words.keyHint(answers, first);
}

type Value = `o:${string}` | `a:${QuestionAction['type']}`;

function keyName(key: { name?: string; sequence?: string; ctrl?: boolean; meta?: boolean } | undefined): string | undefined {
  if (!key || key.ctrl || key.meta) return undefined;
  return key.name ?? key.sequence;
}

/**
 * One question: its options, "Not applicable", "Don't know", then the moves (back, skip, help, section
 * list, quit) as entries and as single keys; digits answer at once.
 */
/**
 * The prompt's own abort (a shortcut key, a failed save) together with the interview's stop signal,
 * without adding a listener to the long-lived stop signal for every prompt.
 */
const withStop = (own: AbortSignal, stop: AbortSignal | undefined): AbortSignal => (stop ? AbortSignal.any([own, stop]) : own);

export async function questionPrompt(view: QuestionView, context: PromptContext = {}): Promise<QuestionAction> {
  const colors = palette(view.color ?? false);
  const words = view.words ?? messages('en').interview;
  const answers: Array<{ value: Value; name: string; description?: string }> = view.options.map((o) => ({
    value: `o:${o.id}`,
    name: o.id === view.current ? `${o.label} ${colors.dim(words.currentAnswer)}` : o.label,
    ...(o.description ? { description: o.description } : {}),
  }));
  if (view.allowNa) answers.push({ value: 'o:na', name: view.current === 'na' ? `${words.notApplicable} ${colors.dim(words.currentAnswer)}` : words.notApplicable });
  if (view.allowDontKnow) answers.push({ value: 'o:dontKnow', name: view.current === 'dontKnow' ? `${words.dontKnow} ${colors.dim(words.currentAnswer)}` : words.dontKnow });
  // Numbers on the answers only (digits answer at once); the moves below have keys of their own.
  answers.forEach((a, i) => (a.name = `${String(i + 1).padStart(answers.length > 9 ? 2 : 1)}. ${a.name}`));
  const moves: Array<{ value: Value; name: string }> = [
    ...(view.first ? [] : [{ value: 'a:back' as const, name: words.moves.back }]),
    { value: 'a:note', name: words.moveNote },
    { value: 'a:skip', name: words.moves.skip },
    { value: 'a:help', name: words.moves.help },
    { value: 'a:summary', name: words.moves.summary },
    { value: 'a:quit', name: words.moves.quit },
  ];
  const choices = [...answers, new Separator(colors.dim('──────────')), ...moves];
  const rows = view.rows ?? 24;
  const hint = keyHint(answers.length, words, view.first);
  // A pending note takes at most two lines, however long it is: the question and its options stay in view.
  const columns = view.columns ?? 80;
  const pending = view.pendingNote ? `\n${colors.dim(shorten(words.notePending(visible(view.pendingNote.replace(/\s+/g, ' '))), 2 * columns - 1))}` : '';
  const message = `${colors.dim(view.progress)}  ${colors.bold(view.section)}\n${view.text}${pending}`;
  // Question, list, a blank line, two lines of description and the hint fit on one screen.
  const pageSize = Math.max(5, Math.min(choices.length, rows - message.split('\n').length - 5));

  const abort = new AbortController();
  let shortcut: QuestionAction | undefined;
  const onKey = (_s: unknown, key: { name?: string; sequence?: string; ctrl?: boolean; meta?: boolean } | undefined) => {
    const name = keyName(key);
    if (name === undefined || shortcut) return;
    if (/^[1-9]$/.test(name) && answers.length <= 9) {
      const chosen = answers[Number(name) - 1];
      if (chosen) shortcut = { type: 'answer', option: chosen.value.slice(2) };
    } else if (KEYS[name] && !(view.first && KEYS[name] === 'back')) {
      shortcut = { type: KEYS[name] } as QuestionAction;
    }
    if (shortcut) abort.abort();
  };
  const source = (context.input ?? process.stdin) as NodeJS.ReadableStream;
  const defaultValue: Value | undefined = view.current ? `o:${view.current}` : undefined;
  const prompt = select<Value>(
    {
      message,
      choices,
      pageSize,
      loop: false,
      ...(defaultValue ? { default: defaultValue } : {}),
      theme: theme(view.color ?? false, colors.dim(hint)),
    },
    { ...context, signal: withStop(abort.signal, context.signal) },
  );
  source.on('keypress', onKey);
  try {
    const value = await prompt;
    return value.startsWith('o:') ? { type: 'answer', option: value.slice(2) } : ({ type: value.slice(2) } as QuestionAction);
  } catch (e) {
    if (shortcut && (e as Error).name === 'AbortPromptError') return shortcut;
    throw e;
  } finally {
    source.removeListener('keypress', onKey);
  }
}

const shorten = (s: string, width: number) => (s.length <= width ? s : `${s.slice(0, width - 1)}…`);

export interface TextConfig {
  message: string;
  default?: string;
  required?: boolean;
  validate?: (value: string) => true | string;
  /**
   * Saves the value once it is valid, before it shows as confirmed (✔ means "on disk"). A refusal
   * (a message) is shown at the prompt, and what was typed stays there to be changed.
   */
  save?: (value: string) => true | string;
  color?: boolean;
  words?: InterviewMessages;
}

export async function textPrompt(config: TextConfig, context: PromptContext = {}): Promise<string> {
  // An error from saving (other than a refusal) ends the prompt and is raised as it was.
  const abort = new AbortController();
  let failure: { error: unknown } | undefined;
  try {
    const value = await input(
      {
        message: config.message,
        ...(config.default !== undefined ? { default: config.default } : {}),
        required: config.required ?? false,
        validate: (value: string) => {
          const trimmed = value.trim();
          if (config.required && !trimmed) return (config.words ?? messages('en').interview).typeAnswer;
          const valid = config.validate ? config.validate(trimmed) : true;
          if (valid !== true || !config.save) return valid;
          try {
            return config.save(trimmed);
          } catch (error) {
            failure = { error };
            // End the prompt once it has handled this refusal: aborting now would close its line
            // editor before it restores the typed text, an unhandled rejection on newer Node.
            setImmediate(() => abort.abort());
            return ' ';
          }
        },
        theme: theme(config.color ?? false),
      },
      { ...context, signal: withStop(abort.signal, context.signal) },
    );
    return value.trim();
  } catch (e) {
    if (failure) throw failure.error;
    throw e;
  }
}

export interface ChooseConfig<T> {
  message: string;
  /** What Esc and q return: set it for a list that can be closed without choosing. */
  cancel?: T;
  choices: Array<{ value: T; name: string; description?: string } | 'separator'>;
  default?: T;
  rows?: number;
  color?: boolean;
  words?: InterviewMessages;
}

export async function choosePrompt<T>(config: ChooseConfig<T>, context: PromptContext = {}): Promise<T> {
  const colors = palette(config.color ?? false);
  const words = config.words ?? messages('en').interview;
  const choices = config.choices.map((x) => (x === 'separator' ? new Separator(colors.dim('──────────')) : x));
  const closable = Object.hasOwn(config, 'cancel');
  const abort = new AbortController();
  let closed = false;
  const onKey = (_s: unknown, key: { name?: string; sequence?: string; ctrl?: boolean; meta?: boolean } | undefined) => {
    // A lone Esc arrives as a timed-out escape sequence, flagged as meta.
    if (key?.name !== 'escape' && keyName(key) !== 'q') return;
    closed = true;
    abort.abort();
  };
  const source = (context.input ?? process.stdin) as NodeJS.ReadableStream;
  const prompt = select<T>(
    {
      message: config.message,
      choices,
      pageSize: Math.max(5, Math.min(choices.length, (config.rows ?? 24) - 6)),
      loop: false,
      ...(config.default !== undefined ? { default: config.default } : {}),
      theme: theme(config.color ?? false, colors.dim(closable ? words.listHint : words.chooseHint)),
    } as Parameters<typeof select<T>>[0],
    { ...context, signal: withStop(abort.signal, context.signal) },
  );
  if (closable) source.on('keypress', onKey);
  try {
    return await prompt;
  } catch (e) {
    if (closed && (e as Error).name === 'AbortPromptError') return config.cancel as T;
    throw e;
  } finally {
    source.removeListener('keypress', onKey);
  }
}

/** What the interview needs from the terminal. */
export interface Ui {
  question(view: QuestionView): Promise<QuestionAction>;
  note(config: Omit<NoteConfig, 'color' | 'words' | 'columns'>): Promise<string | undefined>;
  text(config: TextConfig): Promise<string>;
  choose<T>(config: ChooseConfig<T>): Promise<T>;
  print(text: string): void;
  /** Replaces the last `lines` lines printed with `text` (where the terminal can). */
  rewrite?(lines: number, text: string): void;
  color: boolean;
  rows: number;
  columns: number;
}

/** The real terminal: prompts on `output` (stdout on a terminal, else stderr), cleared once answered. */
export function terminalUi(opts: { output: NodeJS.WriteStream; color: boolean; words?: InterviewMessages; signal?: AbortSignal }): Ui {
  const context: PromptContext = { output: opts.output, clearPromptOnDone: true, ...(opts.signal ? { signal: opts.signal } : {}) };
  const size = () => ({ rows: opts.output.rows || 24, columns: opts.output.columns || 80 });
  return {
    color: opts.color,
    get rows() {
      return size().rows;
    },
    get columns() {
      return size().columns;
    },
    question: (view) => questionPrompt({ ...view, ...size(), color: opts.color }, context),
    note: (config) => notePrompt({ ...config, color: opts.color, columns: size().columns, ...(opts.words ? { words: opts.words } : {}) }, context),
    text: (config) => textPrompt({ ...config, color: opts.color, ...(opts.words ? { words: opts.words } : {}) }, { output: opts.output, ...(opts.signal ? { signal: opts.signal } : {}) }),
    choose: (config) => choosePrompt({ ...config, rows: size().rows, color: opts.color, ...(opts.words ? { words: opts.words } : {}) }, context),
    print: (text) => {
      opts.output.write(`${text}\n`);
    },
    // Cursor up, to the start of the line, clear to the end of the screen (prompts are cleared once answered, so the log ends just above the cursor).
    rewrite: (lines, text) => {
      opts.output.write(`\x1b[${lines}A\r\x1b[J${text}\n`);
    },
  };
}
