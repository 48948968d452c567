import { input, select, Separator } from '@inquirer/prompts';
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import { interviewMessages } from './messages.js';
import type { InterviewMessages } from './messages.js';

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
  /** Terminal height, to keep the whole prompt on one screen. */
  rows?: number;
  color?: boolean;
  /** The interview's own wording in the interview language (default English). */
  words?: InterviewMessages;
}

export type QuestionAction =
  | { type: 'answer'; option: string }
  | { type: 'back' }
  | { type: 'skip' }
  | { type: 'help' }
  | { type: 'summary' }
  | { type: 'quit' };

/** One-key shortcuts, shown in the hint line under every question. */
const KEYS: Record<string, QuestionAction['type']> = {
  b: 'back',
  left: 'back',
  s: 'skip',
  right: 'skip',
  h: 'help',
  '?': 'help',
  l: 'summary',
  q: 'quit',
};

export function keyHint(answers: number, words: InterviewMessages = interviewMessages('en')): string {
  return words.keyHint(answers);
}

export function palette(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** Inquirer's theme, built on chalk so that NO_COLOR and --no-color switch every colour off. */
export function theme(color: boolean, hint?: string) {
  const c = palette(color);
  return {
    prefix: { idle: c.cyan('?'), done: c.green('✔') },
    style: {
      answer: (t: string) => c.cyan(t),
      message: (t: string) => c.bold(t),
      error: (t: string) => c.red(`> ${t}`),
      help: (t: string) => c.dim(t),
      highlight: (t: string) => c.cyan(t),
      key: (t: string) => c.cyan(c.bold(t)),
      description: (t: string) => c.italic(t),
      disabled: (t: string) => c.dim(t),
      defaultAnswer: (t: string) => c.dim(`(${t})`),
      keysHelpTip: (keys: Array<[string, string]>) => hint ?? keys.map(([k, a]) => `${k} ${a}`).join(' · '),
    },
  };
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
export async function questionPrompt(view: QuestionView, context: PromptContext = {}): Promise<QuestionAction> {
  const c = palette(view.color ?? false);
  const w = view.words ?? interviewMessages('en');
  const answers: Array<{ value: Value; name: string; description?: string }> = view.options.map((o) => ({
    value: `o:${o.id}`,
    name: o.id === view.current ? `${o.label} ${c.dim(w.currentAnswer)}` : o.label,
    ...(o.description ? { description: o.description } : {}),
  }));
  if (view.allowNa) answers.push({ value: 'o:na', name: view.current === 'na' ? `${w.notApplicable} ${c.dim(w.currentAnswer)}` : w.notApplicable });
  if (view.allowDontKnow) answers.push({ value: 'o:dontKnow', name: view.current === 'dontKnow' ? `${w.dontKnow} ${c.dim(w.currentAnswer)}` : w.dontKnow });
  // Numbers on the answers only (digits answer at once); the moves below have keys of their own.
  answers.forEach((a, i) => (a.name = `${String(i + 1).padStart(answers.length > 9 ? 2 : 1)}. ${a.name}`));
  const moves: Array<{ value: Value; name: string }> = [
    { value: 'a:back', name: w.moves.back },
    { value: 'a:skip', name: w.moves.skip },
    { value: 'a:help', name: w.moves.help },
    { value: 'a:summary', name: w.moves.summary },
    { value: 'a:quit', name: w.moves.quit },
  ];
  const choices = [...answers, new Separator(c.dim('──────────')), ...moves];
  const rows = view.rows ?? 24;
  const hint = keyHint(answers.length, w);
  const message = `${c.dim(view.progress)}  ${c.bold(view.section)}\n${view.text}`;
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
    } else if (KEYS[name]) {
      shortcut = { type: KEYS[name] } as QuestionAction;
    }
    if (shortcut) abort.abort();
  };
  if (context.signal) context.signal.addEventListener('abort', () => abort.abort(context.signal!.reason), { once: true });
  const source = (context.input ?? process.stdin) as NodeJS.ReadableStream;
  const defaultValue: Value | undefined = view.current ? `o:${view.current}` : undefined;
  const pending = select<Value>(
    {
      message,
      choices,
      pageSize,
      loop: false,
      ...(defaultValue ? { default: defaultValue } : {}),
      theme: theme(view.color ?? false, c.dim(hint)),
    },
    { ...context, signal: abort.signal },
  );
  source.on('keypress', onKey);
  try {
    const value = await pending;
    return value.startsWith('o:') ? { type: 'answer', option: value.slice(2) } : ({ type: value.slice(2) } as QuestionAction);
  } catch (e) {
    if (shortcut && (e as Error).name === 'AbortPromptError') return shortcut;
    throw e;
  } finally {
    source.removeListener('keypress', onKey);
  }
}

export interface NoteConfig {
  /** The note given before, kept with Enter. */
  current?: string;
  color?: boolean;
  words?: InterviewMessages;
}

/** The optional note after an answer: Enter skips (or keeps the note given before), Backspace clears it. */
export async function notePrompt(config: NoteConfig, context: PromptContext = {}): Promise<string | undefined> {
  const c = palette(config.color ?? false);
  const w = config.words ?? interviewMessages('en');
  const hint = config.current ? w.noteKeep : w.noteSkip;
  const value = await input(
    {
      message: `${w.note} ${c.dim(`(${hint})`)}:`,
      ...(config.current ? { default: config.current } : {}),
      theme: theme(config.color ?? false),
    },
    context,
  );
  return value === '' ? undefined : value;
}

export interface TextConfig {
  message: string;
  default?: string;
  required?: boolean;
  validate?: (value: string) => true | string;
  color?: boolean;
  words?: InterviewMessages;
}

export async function textPrompt(config: TextConfig, context: PromptContext = {}): Promise<string> {
  const value = await input(
    {
      message: config.message,
      ...(config.default !== undefined ? { default: config.default } : {}),
      required: config.required ?? false,
      validate: (v: string) => {
        const t = v.trim();
        if (config.required && !t) return (config.words ?? interviewMessages('en')).typeAnswer;
        return config.validate ? config.validate(t) : true;
      },
      theme: theme(config.color ?? false),
    },
    context,
  );
  return value.trim();
}

export interface ChooseConfig<T> {
  message: string;
  choices: Array<{ value: T; name: string; description?: string } | 'separator'>;
  default?: T;
  rows?: number;
  color?: boolean;
  words?: InterviewMessages;
}

export async function choosePrompt<T>(config: ChooseConfig<T>, context: PromptContext = {}): Promise<T> {
  const c = palette(config.color ?? false);
  const choices = config.choices.map((x) => (x === 'separator' ? new Separator(c.dim('──────────')) : x));
  return select<T>(
    {
      message: config.message,
      choices,
      pageSize: Math.max(5, Math.min(choices.length, (config.rows ?? 24) - 6)),
      loop: false,
      ...(config.default !== undefined ? { default: config.default } : {}),
      theme: theme(config.color ?? false, c.dim((config.words ?? interviewMessages('en')).chooseHint)),
    } as Parameters<typeof select<T>>[0],
    context,
  );
}

/** What the interview needs from the terminal. */
export interface Ui {
  question(view: QuestionView): Promise<QuestionAction>;
  note(current?: string): Promise<string | undefined>;
  text(config: TextConfig): Promise<string>;
  choose<T>(config: ChooseConfig<T>): Promise<T>;
  print(text: string): void;
  color: boolean;
  rows: number;
  columns: number;
}

/** The real terminal: prompts on `output` (stdout on a terminal, else stderr), cleared once answered. */
export function terminalUi(opts: { output: NodeJS.WriteStream; color: boolean; words?: InterviewMessages }): Ui {
  const context: PromptContext = { output: opts.output, clearPromptOnDone: true };
  const size = () => ({ rows: opts.output.rows || 24, columns: opts.output.columns || 80 });
  return {
    color: opts.color,
    get rows() {
      return size().rows;
    },
    get columns() {
      return size().columns;
    },
    question: (view) => questionPrompt({ ...view, rows: size().rows, color: opts.color }, context),
    note: (current) => notePrompt({ ...(current !== undefined ? { current } : {}), color: opts.color, ...(opts.words ? { words: opts.words } : {}) }, context),
    text: (config) => textPrompt({ ...config, color: opts.color, ...(opts.words ? { words: opts.words } : {}) }, { output: opts.output }),
    choose: (config) => choosePrompt({ ...config, rows: size().rows, color: opts.color, ...(opts.words ? { words: opts.words } : {}) }, context),
    print: (text) => {
      opts.output.write(`${text}\n`);
    },
  };
}
