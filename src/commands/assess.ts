import { closingLines, guardInterview, interviewWords, openAnswers, startAssess, suggestedCommands } from '../app/assess-run.js';
import type { AssessRunOptions } from '../app/assess-run.js';
import { isPromptExit, localToday } from '../app/interview.js';
import { HangUp, UserError } from '../errors.js';
import { terminalGone } from '../io/terminal-gone.js';
import { acquireLock } from '../interview/lock.js';
import { terminalUi } from '../interview/prompts.js';
import { askAssessment, interviewRespondent, pickRespondent } from '../interview/session.js';
import { useColor } from '../ui.js';

export type AssessOptions = AssessRunOptions;

export async function assessCommand(opts: AssessOptions): Promise<void> {
  // Checked before anything else, so that a script or CI job never hangs and no file appears.
  if (!process.stdin.isTTY) {
    throw new UserError('itaas assess interviews people and needs a terminal, but its input is not one. ' + 'To score a saved answers file without prompts, run `itaas report FILE`.');
  }
  // A new file's questionnaire is checked before the lock is taken and anything is asked.
  const start = startAssess(opts);
  const path = start.path;
  const output = process.stdout.isTTY ? process.stdout : process.stderr;
  const color = useColor(output);
  // The interview speaks --lang, else the questionnaire's language (for an existing file, known once it is open).
  let words = interviewWords(opts.lang ?? start.questionnaireLanguage);
  const commands = suggestedCommands(opts, start);
  let saved = false;
  const interrupted = () => (saved ? `${words.interrupted(path)}\n${words.resumeWith(commands.resume())}` : start.fresh ? words.interruptedUnsaved(path) : words.interruptedAlone);

  const lock = acquireLock(path);
  const guard = guardInterview(lock);
  // How the interview ends when it is stopped: cli.ts ends the process with the exit code set here.
  const stopped = (signal: NodeJS.Signals | undefined): void => {
    // A closed terminal: nobody is left to read a message.
    if (signal === 'SIGHUP') throw new HangUp();
    if (signal === 'SIGTERM') {
      // Leave the shell prompt on a line of its own.
      output.write('\n');
      process.exitCode = 143;
      return;
    }
    process.stderr.write(`\n${interrupted()}\n`);
    process.exitCode = 130;
  };
  try {
    const askNew = (create: Parameters<typeof askAssessment>[2]) => askAssessment(terminalUi({ output, color, words, signal: guard.signal }), localToday(), create, words);
    const store = await openAnswers(opts, start, askNew, () => {
      // From here on an interruption has saved something.
      saved = true;
    });
    saved = true;
    start.questionnaireLanguage = store.questionnaire.language;
    const lang = opts.lang ?? start.questionnaireLanguage;
    words = interviewWords(lang);
    const ui = terminalUi({ output, color, words, signal: guard.signal });
    const respondentIndex = await pickRespondent(store, ui, { ...(opts.respondent ? { respondent: opts.respondent } : {}), ...(opts.role ? { role: opts.role } : {}) }, words);
    const outcome = await interviewRespondent(store, respondentIndex, ui, lang);
    for (const line of closingLines(store, respondentIndex, outcome, { lang, color, columns: ui.columns, words }, start, commands)) ui.print(line);
    // A signal after the last prompt still ends the run as that signal.
    if (guard.stoppedBy()) stopped(guard.stoppedBy());
  } catch (e) {
    // A prompt ended by Ctrl-C, or by a signal from outside; every confirmed answer is on disk.
    if (isPromptExit(e) || guard.stoppedBy()) return stopped(guard.stoppedBy());
    if (terminalGone(e)) {
      lock.release();
      throw new HangUp();
    }
    throw e;
  } finally {
    guard.unguard();
    lock.release();
  }
}
