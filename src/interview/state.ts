import { visibleQuestions as visibleFor } from '../core/visibility.js';
import type { Visible } from '../core/visibility.js';
import { answerParts } from '../schema/answer-parts.js';
import type { Answer } from '../schema/answers.js';
import type { Question, Questionnaire } from '../schema/questionnaire.js';

/**
 * The interview as a pure state machine: which questions are shown, where the respondent is, what comes
 * next. Nothing here prompts or touches a file; the answers themselves live in the answers file and are
 * passed in, so the state after a crash is rebuilt from what is on disk.
 */

/** A respondent's answers keyed by question id, as in the answers file. */
export type AnswerMap = Readonly<Record<string, Answer>>;

export type { Visible };

/** Where the respondent is: the question on screen (null once past the last one), and what they put off. */
export interface InterviewState {
  current: string | null;
  /** Questions skipped in this sitting; they are passed over going forward and listed at the end. */
  skipped: readonly string[];
}

export interface Progress {
  /** 1-based number of the section among the sections shown. */
  section: number;
  sections: number;
  /** 1-based number of the question among all questions shown. */
  question: number;
  questions: number;
  /** Questions shown that have an answer. */
  answered: number;
}

export type InterviewEvent = { type: 'answered' } | { type: 'back' } | { type: 'skip' } | { type: 'goto'; question: string };

/** The option ids chosen so far, for evaluating conditions (the same view scoring takes). */
export function choicesOf(answers: AnswerMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [q, a] of Object.entries(answers)) out[q] = answerParts(a).option;
  return out;
}

/** The questions shown to this respondent, in order: those whose section and own conditions hold. */
export function visibleQuestions(q: Questionnaire, answers: AnswerMap): Visible[] {
  return visibleFor(q, choicesOf(answers));
}

export function isAnswered(answers: AnswerMap, id: string): boolean {
  return Object.hasOwn(answers, id);
}

/** "Section s/S - Question q/Q", recomputed from the questions currently shown. */
export function progress(q: Questionnaire, answers: AnswerMap, current: string | null): Progress {
  const vis = visibleQuestions(q, answers);
  const sections = [...new Set(vis.map((v) => v.sectionIndex))];
  const at = current === null ? -1 : vis.findIndex((v) => v.question.id === current);
  const answered = vis.filter((v) => isAnswered(answers, v.question.id)).length;
  if (at < 0) return { section: sections.length, sections: sections.length, question: vis.length, questions: vis.length, answered };
  return { section: sections.indexOf(vis[at]!.sectionIndex) + 1, sections: sections.length, question: at + 1, questions: vis.length, answered };
}

export function progressLine(p: Progress): string {
  return `Section ${p.section}/${p.sections} - Question ${p.question}/${p.questions}`;
}

/** Position of a question in questionnaire order, whether shown or not (for "after this one"). */
function orderIndex(q: Questionnaire, id: string): number {
  let i = 0;
  for (const s of q.sections) {
    for (const x of s.questions) {
      if (x.id === id) return i;
      i++;
    }
  }
  return -1;
}

/** The first shown question after `after` (or from the start) that is unanswered and not put off. */
export function nextUnanswered(q: Questionnaire, answers: AnswerMap, after: string | null, skipped: readonly string[] = []): string | null {
  const from = after === null ? -1 : orderIndex(q, after);
  const hit = visibleQuestions(q, answers).find((v) => orderIndex(q, v.question.id) > from && !isAnswered(answers, v.question.id) && !skipped.includes(v.question.id));
  return hit ? hit.question.id : null;
}

/** Shown questions without an answer, in order (what the end-of-interview list offers). */
export function unanswered(q: Questionnaire, answers: AnswerMap): Visible[] {
  return visibleQuestions(q, answers).filter((v) => !isAnswered(answers, v.question.id));
}

/**
 * Where an interrupted interview picks up: the first unanswered question after the furthest answered
 * one (so that questions put off earlier do not pull the respondent back), else the first unanswered
 * one, else null (everything shown is answered).
 */
export function resumePoint(q: Questionnaire, answers: AnswerMap): string | null {
  const vis = visibleQuestions(q, answers);
  let last: string | null = null;
  for (const v of vis) if (isAnswered(answers, v.question.id)) last = v.question.id;
  return nextUnanswered(q, answers, last) ?? nextUnanswered(q, answers, null);
}

export function startState(q: Questionnaire, answers: AnswerMap): InterviewState {
  return { current: resumePoint(q, answers), skipped: [] };
}

/** The shown question before `id` in order; a hidden or unknown `id` falls back to the nearest earlier one. */
export function previousQuestion(q: Questionnaire, answers: AnswerMap, id: string | null): string | null {
  const vis = visibleQuestions(q, answers);
  if (id === null) return vis.length ? vis[vis.length - 1]!.question.id : null;
  const at = orderIndex(q, id);
  let prev: string | null = null;
  for (const v of vis) {
    if (orderIndex(q, v.question.id) >= at) break;
    prev = v.question.id;
  }
  return prev;
}

/**
 * The next state after an event. `answers` already holds the answer just given (for `answered`), so a
 * changed answer that reveals a question makes it the next one asked.
 */
export function advance(q: Questionnaire, answers: AnswerMap, state: InterviewState, event: InterviewEvent): InterviewState {
  switch (event.type) {
    case 'answered': {
      const skipped = state.skipped.filter((id) => id !== state.current);
      return { current: nextUnanswered(q, answers, state.current, skipped), skipped };
    }
    case 'skip': {
      if (state.current === null) return state;
      const skipped = state.skipped.includes(state.current) ? state.skipped : [...state.skipped, state.current];
      return { current: nextUnanswered(q, answers, state.current, skipped), skipped };
    }
    case 'back': {
      const prev = previousQuestion(q, answers, state.current);
      return prev === null ? state : { ...state, current: prev };
    }
    case 'goto': {
      if (!visibleQuestions(q, answers).some((v) => v.question.id === event.question)) return state;
      return { ...state, current: event.question };
    }
  }
}

/** The shown questions of one section with their answers, for the section summary. */
export function sectionSummary(q: Questionnaire, answers: AnswerMap, sectionIndex: number): Array<{ question: Question; answer?: Answer }> {
  return visibleQuestions(q, answers)
    .filter((v) => v.sectionIndex === sectionIndex)
    .map((v) => (isAnswered(answers, v.question.id) ? { question: v.question, answer: answers[v.question.id]! } : { question: v.question }));
}

export function findVisible(q: Questionnaire, answers: AnswerMap, id: string | null): Visible | undefined {
  return id === null ? undefined : visibleQuestions(q, answers).find((v) => v.question.id === id);
}
