import { existsSync } from 'node:fs';
import { messages } from '../i18n/index.js';
import type { InterviewMessages } from '../i18n/index.js';
import type { Lock } from '../interview/lock.js';
import { summaryLines } from '../interview/session.js';
import type { Outcome } from '../interview/session.js';
import { progress, visibleQuestions } from '../interview/state.js';
import { AnswersStore } from '../interview/store.js';
import type { AssessmentInfo } from '../interview/store.js';
import { loadQuestionnaire, resolveRef } from '../load/index.js';
import { itaasCommand } from '../ui.js';
import { checkAnswersPath, shellQuote } from './interview.js';

/* The run behind `itaas assess`, around the interview itself: what is checked first, the commands it suggests, the signals, and what it says at the end. */

export interface AssessRunOptions {
  answers: string;
  questionnaire?: string;
  respondent?: string;
  role?: string;
  lang?: string;
}

/** What is known before the lock is taken and anything is asked. */
export interface AssessStart {
  path: string;
  /** The answers file does not exist yet. */
  fresh: boolean;
  /** For a new file: the questionnaire it will be given against, checked. */
  newQuestionnaire?: string;
  /** The questionnaire's language: for a new file now, for an existing one once it is open. */
  questionnaireLanguage?: string;
}

/** Refuses a path that cannot become an answers file and checks a new file's questionnaire. */
export function startAssess(opts: AssessRunOptions): AssessStart {
  const path = opts.answers;
  checkAnswersPath(path);
  const fresh = !existsSync(path);
  if (!fresh) return { path, fresh };
  const newQuestionnaire = resolveRef(opts.questionnaire ?? 'itaas-core', 'questionnaires', process.cwd());
  return { path, fresh, newQuestionnaire, questionnaireLanguage: loadQuestionnaire(newQuestionnaire).questionnaire.data.language };
}

/** The commands the interview suggests: to resume it, and to report the answers. */
export function suggestedCommands(opts: AssessRunOptions, start: AssessStart) {
  const quoted = shellQuote(start.path);
  const withQuestionnaire = !start.fresh && opts.questionnaire ? ` --questionnaire ${shellQuote(opts.questionnaire)}` : '';
  /** --lang is repeated where the command would otherwise pick another language. */
  const langOption = (defaultLanguage: string | undefined) => (opts.lang && opts.lang !== defaultLanguage ? ` --lang ${shellQuote(opts.lang)}` : '');
  const self = itaasCommand();
  return {
    resume: () => `${self} assess --answers ${quoted}${withQuestionnaire}${langOption(start.questionnaireLanguage)}`,
    report: (reportLanguage: string | undefined) => `${self} report ${quoted}${withQuestionnaire}${langOption(reportLanguage ?? start.questionnaireLanguage)}`,
  };
}

/** A new answers file is created once the organisation is confirmed; an existing one is opened. `saved` is told when the file exists. */
export async function openAnswers(
  opts: AssessRunOptions,
  start: AssessStart,
  askNew: (create: (info: AssessmentInfo) => AnswersStore) => Promise<AnswersStore>,
  saved: () => void,
): Promise<AnswersStore> {
  if (start.fresh) {
    return askNew((info) => {
      const made = AnswersStore.create(start.path, start.newQuestionnaire!, info);
      made.stampChanges();
      saved();
      return made;
    });
  }
  const store = AnswersStore.open(start.path, opts.questionnaire);
  // Each respondent's answers carry when they last changed, for `itaas merge --prefer newer`.
  store.stampChanges();
  return store;
}

/** What stops a running interview from outside: Ctrl-C sent as a signal, SIGTERM, a closed terminal. */
export interface InterviewGuard {
  /** Aborted when one of those signals arrives: the prompt under way ends with an AbortPromptError. */
  signal: AbortSignal;
  /** The signal that stopped the interview, if one did. */
  stoppedBy: () => NodeJS.Signals | undefined;
  /** Removes the handlers. */
  unguard: () => void;
}

/**
 * While the interview runs, SIGINT, SIGTERM and SIGHUP free the answers file at once (every confirmed
 * answer is already on disk) and end the prompt under way; the command then says what happened and
 * cli.ts ends the process with the signal's exit code.
 */
export function guardInterview(lock: Lock): InterviewGuard {
  const stop = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    lock.release();
    stoppedBy ??= signal;
    stop.abort(signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  return {
    signal: stop.signal,
    stoppedBy: () => stoppedBy,
    unguard: () => {
      for (const signal of signals) process.removeListener(signal, onSignal);
    },
  };
}

/** What the interview says when a respondent stops or finishes. */
export function closingLines(
  store: AnswersStore,
  respondentIndex: number,
  outcome: Outcome,
  view: { lang: string; color: boolean; columns: number; words: InterviewMessages },
  start: AssessStart,
  commands: ReturnType<typeof suggestedCommands>,
): string[] {
  const respondent = store.respondent(respondentIndex);
  const words = view.words;
  if (outcome === 'quit') {
    const done = progress(store.questionnaire, respondent.answers, null);
    return [`${words.savedSoFar({ answered: done.answered, questions: done.questions, name: respondent.name, path: start.path })}\n${words.resumeWith(commands.resume())}`];
  }
  const left = visibleQuestions(store.questionnaire, respondent.answers).filter((v) => !Object.hasOwn(respondent.answers, v.question.id)).length;
  return [
    '',
    ...summaryLines(store, view.lang, view.color, view.columns),
    words.completed({ name: respondent.name, unanswered: left, path: start.path }),
    // The report's language is the file's, else the questionnaire's: an interview in another one asks for it.
    words.next(commands.report(store.data.assessment.language)),
    words.anotherRespondent(commands.resume()),
  ];
}

/** The interview's wording: --lang, else the questionnaire's language, else English. */
export const interviewWords = (lang: string | undefined): InterviewMessages => messages(lang ?? 'en').interview;
