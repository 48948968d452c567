import type { ChooseConfig, QuestionAction, QuestionView, TextConfig, Ui } from '../../src/interview/prompts.js';

export type Step = { question: (v: QuestionView) => QuestionAction } | { note: string | undefined } | { choose: (c: ChooseConfig<unknown>) => unknown } | { text: (c: TextConfig) => string };

/** A scripted terminal: each prompt takes the next step, which must be of the right kind. */
export function scripted(steps: Step[]): Ui & { printed: string[]; views: QuestionView[]; asked: string[] } {
  const printed: string[] = [];
  const views: QuestionView[] = [];
  const asked: string[] = [];
  const next = <K extends string>(kind: K) => {
    const s = steps.shift();
    if (!s || !(kind in s)) throw new Error(`expected a ${kind} step, got ${JSON.stringify(s && Object.keys(s))}`);
    return s as Record<K, unknown>;
  };
  return {
    printed,
    views,
    asked,
    color: false,
    rows: 24,
    columns: 80,
    print: (t) => void printed.push(t),
    question: async (v) => {
      views.push(v);
      return (next('question').question as (v: QuestionView) => QuestionAction)(v);
    },
    note: async (c) => {
      for (;;) {
        const note = next('note').note as string | undefined;
        const refused = c.save ? c.save(note) : true;
        if (refused === true) return note;
        printed.push(refused);
      }
    },
    choose: async <T>(c: ChooseConfig<T>) => {
      asked.push(c.message, ...c.choices.map((x) => (x === 'separator' ? '' : x.name)));
      return (next('choose').choose as (c: ChooseConfig<T>) => T)(c);
    },
    // As at a real prompt: a value is checked, then saved; a refusal is shown and the next step answers again.
    text: async (c) => {
      asked.push(c.message);
      for (;;) {
        const value = (next('text').text as (c: TextConfig) => string)(c);
        const verdict = c.validate ? c.validate(value) : true;
        const refused = verdict === true && c.save ? c.save(value) : verdict;
        if (refused === true) return value;
        printed.push(refused);
      }
    },
  };
}
