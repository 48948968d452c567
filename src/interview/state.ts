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
  for (const [questionId, answer] of Object.entries(answers)) out[questionId] = answerParts(answer).option;
  return out;
}

/** The questions shown to this respondent, in order: those whose section and own conditions hold. */
export function visibleQuestions(questionnaire: Questionnaire, answers: AnswerMap): Visible[] {
  return visibleFor(questionnaire, choicesOf(answers));
}

export function isAnswered(answers: AnswerMap, id: string): boolean {
  return Object.hasOwn(answers, id);
}

/** "Section s/S - Question q/Q", recomputed from the questions currently shown. */
export function progress(questionnaire: Questionnaire, answers: AnswerMap, current: string | null): Progress {
  const vis = visibleQuestions(questionnaire, answers);
  const sections = [...new Set(vis.map((v) => v.sectionIndex))];
  const at = current === null ? -1 : vis.findIndex((v) => v.question.id === current);
  const answered = vis.filter((v) => isAnswered(answers, v.question.id)).length;
  if (at < 0) return { section: sections.length, sections: sections.length, question: vis.length, questions: vis.length, answered };
  return { section: sections.indexOf(vis[at]!.sectionIndex) + 1, sections: sections.length, question: at + 1, questions: vis.length, answered };
}

export function progressLine(status: Progress): string {
  return `Section ${status.section}/${status.sections} - Question ${status.question}/${status.questions}`;
}

/** Position of a question in questionnaire order, whether shown or not (for "after this one"). */
function orderIndex(questionnaire: Questionnaire, id: string): number {
  let i = 0;
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      if (question.id === id) return i;
      i++;
    }
  }
  return -1;
}

/** The first shown question after `after` (or from the start) that is unanswered and not put off. */
export function nextUnanswered(questionnaire: Questionnaire, answers: AnswerMap, after: string | null, skipped: readonly string[] = []): string | null {
  const from = after === null ? -1 : orderIndex(questionnaire, after);
  const hit = visibleQuestions(questionnaire, answers).find((v) => orderIndex(questionnaire, v.question.id) > from && !isAnswered(answers, v.question.id) && !skipped.includes(v.question.id));
  return hit ? hit.question.id : null;
}

/** Shown questions without an answer, in order (what the end-of-interview list offers). */
export function unanswered(questionnaire: Questionnaire, answers: AnswerMap): Visible[] {
  return visibleQuestions(questionnaire, answers).filter((v) => !isAnswered(answers, v.question.id));
}

/**
 * Where an interrupted interview picks up: the first unanswered question after the furthest answered
 * one (so that questions put off earlier do not pull the respondent back), else the first unanswered
 * one, else null (everything shown is answered).
 */
export function resumePoint(questionnaire: Questionnaire, answers: AnswerMap): string | null {
  const vis = visibleQuestions(questionnaire, answers);
  let last: string | null = null;
  for (const shown of vis) if (isAnswered(answers, shown.question.id)) last = shown.question.id;
  return nextUnanswered(questionnaire, answers, last) ?? nextUnanswered(questionnaire, answers, null);
}

export function startState(questionnaire: Questionnaire, answers: AnswerMap): InterviewState {
  return { current: resumePoint(questionnaire, answers), skipped: [] };
}

/** The shown question before `id` in order; a hidden or unknown `id` falls back to the nearest earlier one. */
export function previousQuestion(questionnaire: Questionnaire, answers: AnswerMap, id: string | null): string | null {
  const vis = visibleQuestions(questionnaire, answers);
  if (id === null) return vis.length ? vis[vis.length - 1]!.question.id : null;
  const at = orderIndex(questionnaire, id);
  let prev: string | null = null;
  for (const shown of vis) {
    if (orderIndex(questionnaire, shown.question.id) >= at) break;
    prev = shown.question.id;
  }
  return prev;
}

/**
 * The next state after an event. `answers` already holds the answer just given (for `answered`), so a
 * changed answer that reveals a question makes it the next one asked.
 */
export function advance(questionnaire: Questionnaire, answers: AnswerMap, state: InterviewState, event: InterviewEvent): InterviewState {
  switch (event.type) {
    case 'answered': {
      const skipped = state.skipped.filter((id) => id !== state.current);
      return { current: nextUnanswered(questionnaire, answers, state.current, skipped), skipped };
    }
    case 'skip': {
      if (state.current === null) return state;
      const skipped = state.skipped.includes(state.current) ? state.skipped : [...state.skipped, state.current];
      return { current: nextUnanswered(questionnaire, answers, state.current, skipped), skipped };
    }
    case 'back': {
      const prev = previousQuestion(questionnaire, answers, state.current);
      return prev === null ? state : { ...state, current: prev };
    }
    case 'goto': {
      if (!visibleQuestions(questionnaire, answers).some((v) => v.question.id === event.question)) return state;
      return { ...state, current: event.question };
    }
  }
}

/** The shown questions of one section with their answers, for the section summary. */
export function sectionSummary(questionnaire: Questionnaire, answers: AnswerMap, sectionIndex: number): Array<{ question: Question; answer?: Answer }> {
  return visibleQuestions(questionnaire, answers)
    .filter((v) => v.sectionIndex === sectionIndex)
    .map((v) => (isAnswered(answers, v.question.id) ? { question: v.question, answer: answers[v.question.id]! } : { question: v.question }));
}

export function findVisible(questionnaire: Questionnaire, answers: AnswerMap, id: string | null): Visible | undefined {
  return id === null ? undefined : visibleQuestions(questionnaire, answers).find((v) => v.question.id === id);
}
