import { existsSync } from 'node:fs';
import { checkAnswersPath, endAsHangUp, isPromptExit, localToday, onLostTerminal, shellQuote, terminalGone } from '../app/interview.js';
import { acquireLock } from '../interview/lock.js';
import { terminalUi } from '../interview/prompts.js';
import { messages } from '../i18n/index.js';
import { askAssessment, interviewRespondent, pickRespondent, summaryLines } from '../interview/session.js';
import { AnswersStore } from '../interview/store.js';
import type { AssessmentInfo } from '../interview/store.js';
import { progress, visibleQuestions } from '../interview/state.js';
import { loadQuestionnaire, resolveRef } from '../load/index.js';
import { UserError } from '../errors.js';
import { itaasCommand, useColor } from '../ui.js';

export interface AssessOptions {
  answers: string;
  questionnaire?: string;
  respondent?: string;
  role?: string;
  lang?: string;
}

export async function assessCommand(opts: AssessOptions): Promise<void> {
  // Checked before anything else, so that a script or CI job never hangs and no file appears.
  if (!process.stdin.isTTY) {
    throw new UserError('itaas assess interviews people and needs a terminal, but its input is not one. ' + 'To score a saved answers file without prompts, run `itaas report FILE`.');
  }
  const path = opts.answers;
  checkAnswersPath(path);

  // A new file's questionnaire is checked before the lock is taken and anything is asked.
  const fresh = !existsSync(path);
  const newQuestionnaire = fresh ? resolveRef(opts.questionnaire ?? 'itaas-core', 'questionnaires', process.cwd()) : undefined;
  const newLanguage = newQuestionnaire ? loadQuestionnaire(newQuestionnaire).questionnaire.data.language : undefined;

  const output = process.stdout.isTTY ? process.stdout : process.stderr;
  const color = useColor(output);
  // The interview speaks --lang, else the questionnaire's language (for an existing file, known once it is open).
  let questionnaireLanguage = newLanguage;
  let m = messages(opts.lang ?? newLanguage ?? 'en').interview;
  const quoted = shellQuote(path);
  const withQuestionnaire = !fresh && opts.questionnaire ? ` --questionnaire ${shellQuote(opts.questionnaire)}` : '';
  /** --lang is repeated where the command would otherwise pick another language. */
  const langOption = (defaultLanguage: string | undefined) => (opts.lang && opts.lang !== defaultLanguage ? ` --lang ${shellQuote(opts.lang)}` : '');
  const self = itaasCommand();
  const resume = () => `${self} assess --answers ${quoted}${withQuestionnaire}${langOption(questionnaireLanguage)}`;
  let saved = false;
  const interrupted = () => (saved ? `${m.interrupted(path)}\n${m.resumeWith(resume())}` : fresh ? m.interruptedUnsaved(path) : m.interruptedAlone);

  const lock = acquireLock(path);
  const onSignal = (signal: NodeJS.Signals) => {
    // Every confirmed answer is already on disk: free the file and go.
    lock.release();
    if (signal === 'SIGHUP') return endAsHangUp();
    if (signal === 'SIGINT') process.stderr.write(`\n${interrupted()}\n`);
    // Leave the shell prompt on a line of its own; a closed terminal (SIGHUP) gets nothing.
    else if (signal === 'SIGTERM') output.write('\n');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  const onLost = onLostTerminal(
    () => onSignal('SIGHUP'),
    () => lock.release(),
  );
  process.on('uncaughtException', onLost);
  try {
    let store: AnswersStore;
    if (fresh) {
      // The file is created once the organisation is confirmed; from then on an interruption has saved something.
      const create = (info: AssessmentInfo) => {
        const made = AnswersStore.create(path, newQuestionnaire!, info);
        made.stampChanges();
        saved = true;
        return made;
      };
      store = await askAssessment(terminalUi({ output, color, words: m }), localToday(), create, m);
    } else {
      store = AnswersStore.open(path, opts.questionnaire);
      // Each respondent's answers carry when they last changed, for `itaas merge --prefer newer`.
      store.stampChanges();
    }
    saved = true;
    questionnaireLanguage = store.questionnaire.language;
    const lang = opts.lang ?? questionnaireLanguage;
    m = messages(lang).interview;
    const ui = terminalUi({ output, color, words: m });
    const ri = await pickRespondent(store, ui, { ...(opts.respondent ? { respondent: opts.respondent } : {}), ...(opts.role ? { role: opts.role } : {}) }, m);
    const outcome = await interviewRespondent(store, ri, ui, lang);
    const r = store.respondent(ri);
    if (outcome === 'quit') {
      const p = progress(store.questionnaire, r.answers, null);
      ui.print(`${m.savedSoFar({ answered: p.answered, questions: p.questions, name: r.name, path })}\n${m.resumeWith(resume())}`);
      return;
    }
    const left = visibleQuestions(store.questionnaire, r.answers).filter((v) => !Object.hasOwn(r.answers, v.question.id)).length;
    ui.print('');
    for (const line of summaryLines(store, lang, color, ui.columns)) ui.print(line);
    ui.print(m.completed({ name: r.name, unanswered: left, path }));
    // The report's language is the file's, else the questionnaire's: an interview in another one asks for it.
    ui.print(m.next(`${self} report ${quoted}${withQuestionnaire}${langOption(store.data.assessment.language ?? questionnaireLanguage)}`));
    ui.print(m.anotherRespondent(resume()));
  } catch (e) {
    if (isPromptExit(e)) {
      process.stderr.write(`\n${interrupted()}\n`);
      process.exitCode = 130;
      return;
    }
    if (terminalGone(e)) {
      // As for SIGHUP: every confirmed answer is on disk; nobody is left to read a message.
      lock.release();
      endAsHangUp();
      return;
    }
    throw e;
  } finally {
    process.removeListener('uncaughtException', onLost);
    for (const s of signals) process.removeListener(s, onSignal);
    lock.release();
  }
}
