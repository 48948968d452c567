import { assess } from '../core/assess.js';
import { visible } from '../io/terminal-text.js';
import { answerLabel, formatNumber, resolveText } from '../core/text.js';
import { modelWords } from '../i18n/model-words.js';
import { answerParts } from '../schema/answer-parts.js';
import { IsoDate } from '../schema/common.js';
import type { Text } from '../schema/common.js';
import { messages } from '../i18n/index.js';
import type { InterviewMessages } from '../i18n/index.js';
import type { Ui } from './prompts.js';
import { advance, findVisible, previousQuestion, progress, sectionSummary, startState, unanswered, visibleQuestions } from './state.js';
import type { InterviewState } from './state.js';
import { palette } from '../ui.js';
import { nameKey, normaliseName, TooLarge } from './store.js';
import type { AnswersStore, AssessmentInfo } from './store.js';

/**
 * The interview flow: asks through `Ui`, moves with the state machine, saves through the store after
 * every confirmed answer. No terminal and no file system here, so tests drive it with a scripted Ui.
 */

export interface Texts {
  q: (text: Text | undefined) => string;
  /** The interview's own wording. */
  m: InterviewMessages;
}

export function textsFor(store: AnswersStore, lang: string): Texts {
  // Every text from the questionnaire reaches the terminal: its control characters are made visible.
  return { q: (t) => visible(resolveText(t, lang, store.questionnaire.language)), m: messages(lang).interview };
}

function shorten(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, Math.max(1, width - 1))}…`;
}

export function optionLabel(store: AnswersStore, questionId: string, option: string, tx: Texts): string {
  const question = store.questionnaire.sections.flatMap((s) => s.questions).find((x) => x.id === questionId);
  return answerLabel(question, option, { text: tx.q, notApplicable: tx.m.notApplicable, dontKnow: tx.m.dontKnow, raw: visible });
}

/**
 * Runs a save; a save the file cannot take (past the size limit) becomes the reason, worded for the
 * person at the prompt where it was asked (with how much shorter `note` must be, if it is to blame).
 */
function refusal(save: () => void, words: InterviewMessages, note?: string): true | string {
  try {
    save();
    return true;
  } catch (e) {
    if (!(e instanceof TooLarge)) throw e;
    return words.tooLarge({ path: visible(e.path), size: e.size, chars: note ? charsToCut(note, e.over) : 0 });
  }
}

/** How many characters from the end of `note` hold at least `bytes` bytes. */
function charsToCut(note: string, bytes: number): number {
  const chars = [...note];
  let freed = 0;
  for (let n = 1; n <= chars.length; n++) {
    freed += Buffer.byteLength(chars[chars.length - n]!, 'utf8');
    if (freed >= bytes) return n;
  }
  return chars.length;
}

/**
 * Asks for the assessment's details when a new answers file is started. The file is created as soon as
 * the organisation is confirmed (with today's date until another is), and each detail after it is
 * saved as it is confirmed: what shows as confirmed is on disk.
 */
export async function askAssessment(ui: Ui, today: string, create: (info: AssessmentInfo) => AnswersStore, words: InterviewMessages = messages('en').interview): Promise<AnswersStore> {
  ui.print(words.newAssessment);
  let store: AnswersStore | undefined;
  const made = () => store!;
  await ui.text({
    message: words.organisation,
    required: true,
    validate: (v) => (v.length <= 200 ? true : words.atMost(200)),
    save: (organisation) => refusal(() => (store ? store.setAssessmentField('organisation', organisation) : (store = create({ organisation, date: today }))), words),
  });
  const detail = (key: 'scope' | 'assessor') => (v: string) => refusal(() => made().setAssessmentField(key, v || undefined), words);
  await ui.text({ message: words.scope, validate: (v) => (v.length <= 500 ? true : words.atMost(500)), save: detail('scope') });
  await ui.text({ message: words.assessor, validate: (v) => (v.length <= 200 ? true : words.atMost(200)), save: detail('assessor') });
  await ui.text({
    message: words.date,
    default: today,
    validate: (v) => (IsoDate.safeParse(v).success ? true : words.realDate),
    save: (date) => refusal(() => made().setAssessmentField('date', date), words),
  });
  return made();
}

export interface Who {
  respondent?: string;
  role?: string;
}

/** Picks whom to interview: the one named, an unfinished one to resume, or a new one. */
export async function pickRespondent(store: AnswersStore, ui: Ui, who: Who, words: InterviewMessages = messages('en').interview): Promise<number> {
  const maxLen = (n: number) => (v: string) => (v.length <= n ? true : words.atMost(n));
  const list = store.data.respondents;
  const named = who.respondent?.trim();
  if (named) {
    const at = list.findIndex((r) => nameKey(r.name) === nameKey(named));
    if (at >= 0) return at;
    // Saved at once; the role (unless given) is asked after it and saved when it is confirmed.
    const added = store.addRespondent(named, who.role?.trim() || undefined);
    if (!who.role?.trim()) await askRole(store, ui, added, named, words);
    return added;
  }
  const questionnaire = store.questionnaire;
  const count = (i: number) => {
    const answers = list[i]!.answers;
    const vis = visibleQuestions(questionnaire, answers);
    return words.answeredOf(vis.filter((v) => Object.hasOwn(answers, v.question.id)).length, vis.length);
  };
  const label = (r: { name: string; role?: string | undefined }) => visible(`${r.name}${r.role ? ` (${r.role})` : ''}`);
  let choice = -1;
  if (list.length) {
    const entries: Array<{ value: number; name: string } | 'separator'> = [];
    list.forEach((respondent, i) => {
      if (!respondent.completed) entries.push({ value: i, name: words.resumeEntry(label(respondent), count(i)) });
    });
    entries.push({ value: -1, name: words.addRespondent });
    const done = list.map((respondent, i) => [respondent, i] as const).filter(([r]) => r.completed);
    if (done.length) {
      entries.push('separator');
      for (const [person, i] of done) entries.push({ value: i, name: words.reviewEntry(label(person)) });
    }
    choice = await ui.choose({ message: words.whoIsNext(visible(store.path), list.length), choices: entries });
  }
  if (choice >= 0) return choice;
  // "Dana", "Dana " and "Da\u200bna" are one person: names that look alike are refused as duplicates.
  const names = new Map(list.map((r) => [nameKey(r.name), r.name]));
  // The respondent is saved as soon as the name is confirmed, the role (asked after it) when it is.
  let added = -1;
  const name = await ui.text({
    message: words.respondent,
    required: true,
    validate: (v) => (names.has(nameKey(v)) ? words.duplicateName(visible(names.get(nameKey(v))!)) : maxLen(200)(v)),
    save: (v) => refusal(() => (added = store.addRespondent(v, who.role?.trim() || undefined)), words),
  });
  if (!who.role?.trim()) await askRole(store, ui, added, name, words);
  return added;
}

async function askRole(store: AnswersStore, ui: Ui, at: number, name: string, words: InterviewMessages): Promise<void> {
  await ui.text({
    message: words.roleOf(visible(normaliseName(name))),
    validate: (v) => (v.length <= 200 ? true : words.atMost(200)),
    save: (role) => refusal(() => store.setRespondentField(at, 'role', role || undefined), words),
  });
}

export type Outcome = 'finished' | 'quit';

/** Interviews one respondent until they finish or quit. Every answer is saved before the next question. */
export async function interviewRespondent(store: AnswersStore, ri: number, ui: Ui, lang: string): Promise<Outcome> {
  const questionnaire = store.questionnaire;
  const tx = textsFor(store, lang);
  const colors = palette(ui.color);
  const answers = () => store.respondent(ri).answers;
  let state: InterviewState = startState(questionnaire, answers());
  const log = answerLog(ui);
  // Notes typed before the question is answered; saved with the answer.
  const pendingNotes = new Map<string, string>();
  const respondent = store.respondent(ri);
  ui.print(colors.bold(tx.m.interviewing(visible(`${respondent.name}${respondent.role ? ` (${respondent.role})` : ''}`), visible(store.path))));
  if (state.current !== null && Object.keys(answers()).length) {
    const status = progress(questionnaire, answers(), state.current);
    ui.print(colors.dim(tx.m.resuming(status)));
  }
  for (;;) {
    if (state.current === null) {
      const end = await endOfInterview(store, ri, ui, tx);
      if (end.type === 'finish') {
        if (!store.respondent(ri).completed) store.setCompleted(ri, true);
        return 'finished';
      }
      if (end.type === 'quit') return 'quit';
      state = advance(questionnaire, answers(), state, end.type === 'back' ? { type: 'back' } : { type: 'goto', question: end.question });
      continue;
    }
    const shown = findVisible(questionnaire, answers(), state.current);
    if (!shown) {
      state = startState(questionnaire, answers());
      continue;
    }
    const given = answers()[shown.question.id];
    const prev = given === undefined ? undefined : answerParts(given);
    const progressNow = progress(questionnaire, answers(), shown.question.id);
    const action = await ui.question({
      progress: tx.m.progressLine(progressNow),
      words: tx.m,
      section: tx.q(shown.section.title),
      text: wrap(tx.q(shown.question.text), Math.max(20, ui.columns - 1)).join('\n'),
      options: shown.question.options.map((o) => ({ id: o.id, label: tx.q(o.label), ...(o.description ? { description: tx.q(o.description) } : {}) })),
      allowNa: shown.question.allowNa,
      allowDontKnow: shown.question.allowDontKnow,
      ...(prev ? { current: prev.option } : {}),
      ...(pendingNotes.has(shown.question.id) ? { pendingNote: pendingNotes.get(shown.question.id)! } : {}),
      first: previousQuestion(questionnaire, answers(), shown.question.id) === null,
    });
    /** A save the file cannot take (past the size limit) is refused here, with the reason, and the question stays. */
    const saved = (save: () => void, note?: string): boolean => {
      const verdict = refusal(save, tx.m, note);
      if (verdict !== true) ui.print(colors.red(verdict));
      return verdict === true;
    };
    const logAnswer = (option: string, note: string | undefined) => {
      const label = optionLabel(store, shown.question.id, option, tx);
      const head = `${colors.green('✔')} ${colors.dim(`${progressNow.question}.`)} ${shorten(tx.q(shown.question.text), Math.max(20, ui.columns - label.length - 12))} ${colors.cyan(`→ ${label}`)}`;
      log.write(shown.question.id, note ? `${head}\n  ${colors.dim(`✎ ${shorten(note, ui.columns - 5)}`)}` : head);
    };
    switch (action.type) {
      case 'answer': {
        // One key answers: the choice (with a note typed before it) is saved, then the next question shows.
        // Refused, the note typed before it stays pending with the question.
        const note = pendingNotes.get(shown.question.id) ?? prev?.note;
        if (!saved(() => store.setAnswer(ri, shown.question.id, action.option, note), note)) break;
        pendingNotes.delete(shown.question.id);
        logAnswer(action.option, note);
        state = advance(questionnaire, answers(), state, { type: 'answered' });
        break;
      }
      case 'note': {
        // The question and the answer chosen (if any) stay on screen while the note is typed. The note is
        // saved (or, before an answer, checked to fit) at the prompt: a refusal is shown there, the note kept.
        const current = pendingNotes.get(shown.question.id) ?? prev?.note;
        const answer = prev ? optionLabel(store, shown.question.id, prev.option, tx) : undefined;
        const ids = [...shown.question.options.map((o) => o.id), ...(shown.question.allowNa ? ['na'] : []), ...(shown.question.allowDontKnow ? ['dontKnow'] : [])];
        const longest = ids.reduce((a, b) => (b.length > a.length ? b : a));
        const save = (n: string | undefined) =>
          prev ? n === prev.note || refusal(() => store.setAnswer(ri, shown.question.id, prev.option, n), tx.m, n) : refusal(() => store.checkAnswer(ri, shown.question.id, longest, n), tx.m, n);
        const note = await ui.note({ question: tx.q(shown.question.text), ...(answer !== undefined ? { answer } : {}), ...(current !== undefined ? { current } : {}), save });
        if (!prev) {
          if (note === undefined) pendingNotes.delete(shown.question.id);
          else pendingNotes.set(shown.question.id, note);
          break;
        }
        if (note !== prev.note) logAnswer(prev.option, note);
        state = advance(questionnaire, answers(), state, { type: 'answered' });
        break;
      }
      case 'back': {
        const next = advance(questionnaire, answers(), state, { type: 'back' });
        if (next.current === state.current) log.note(colors.dim(tx.m.firstQuestion));
        state = next;
        break;
      }
      case 'skip':
        log.write(shown.question.id, `${colors.yellow('»')} ${colors.dim(tx.m.skipped(progressNow.question))}`);
        state = advance(questionnaire, answers(), state, { type: 'skip' });
        break;
      case 'help':
        log.note(helpText(shown.question, tx, colors, ui.columns));
        break;
      case 'summary': {
        const target = await showSection(store, ri, ui, shown.sectionIndex, shown.question.id, tx);
        if (target !== shown.question.id) state = advance(questionnaire, answers(), state, { type: 'goto', question: target });
        break;
      }
      case 'quit':
        return 'quit';
    }
  }
}

/**
 * The lines the interview leaves on screen, one per question: answering a question again (after going
 * back, or one skipped before) rewrites its line in place instead of adding a second one, as long as
 * that line is still on screen. Anything else printed in between ends the stretch that can be rewritten.
 */
function answerLog(ui: Ui) {
  let entries: Array<{ id: string; text: string }> = [];
  const height = (text: string) => text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.replace(/\x1b\[[0-9;]*m/g, '').length / Math.max(1, ui.columns))), 0);
  return {
    write(id: string, text: string): void {
      const at = entries.findIndex((e) => e.id === id);
      if (at >= 0 && ui.rewrite) {
        const below = entries.slice(at);
        const lines = below.reduce((n, e) => n + height(e.text), 0);
        if (lines < ui.rows - 1) {
          below[0]!.text = text;
          ui.rewrite(lines, below.map((e) => e.text).join('\n'));
          return;
        }
      }
      if (at >= 0) entries = [];
      ui.print(text);
      entries.push({ id, text });
    },
    note(text: string): void {
      entries = [];
      ui.print(text);
    },
  };
}

function helpText(question: import('../schema/questionnaire.js').Question, tx: Texts, colors: ReturnType<typeof palette>, columns: number): string {
  const width = Math.max(30, columns - 4);
  const indent = (text: string, first = '  ', rest = '     ') => wrap(text, width).map((l, i) => `${i ? rest : first}${l}`);
  const lines: string[] = [colors.bold(tx.m.helpTitle(shorten(tx.q(question.text), width - 6)))];
  const help = tx.q(question.help);
  lines.push(...(help ? indent(help, '  ', '  ') : [colors.dim(`  ${tx.m.noHelp}`)]));
  question.options.forEach((option, i) => {
    const description = tx.q(option.description);
    lines.push(...indent(`${i + 1}. ${tx.q(option.label)}${description ? `: ${description}` : ''}`));
  });
  lines.push(...indent(tx.m.helpFooter(tx.m.notApplicable, tx.m.dontKnow), '  ', '  ').map((l) => colors.dim(l)));
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** The section's questions with their answers; picking one jumps to it. */
async function showSection(store: AnswersStore, ri: number, ui: Ui, sectionIndex: number, current: string, tx: Texts): Promise<string> {
  const questionnaire = store.questionnaire;
  const rows = sectionSummary(questionnaire, store.respondent(ri).answers, sectionIndex);
  const section = questionnaire.sections[sectionIndex]!;
  const width = Math.max(30, ui.columns - 6);
  return ui.choose<string>({
    message: tx.m.sectionList(tx.q(section.title), rows.filter((x) => x.answer !== undefined).length, rows.length),
    default: current,
    cancel: current,
    choices: rows.map((row) => {
      const ans = row.answer === undefined ? tx.m.notAnswered : optionLabel(store, row.question.id, answerParts(row.answer).option, tx);
      const mark = row.answer === undefined ? '·' : '✔';
      const text = tx.q(row.question.text);
      return { value: row.question.id, name: `${mark} ${shorten(text, width - ans.length - 5)} → ${ans}`, description: text };
    }),
  });
}

type End = { type: 'finish' } | { type: 'quit' } | { type: 'back' } | { type: 'goto'; question: string };

/** At the end: what is unanswered, with the choice to go back to it, finish anyway or stop for now. */
async function endOfInterview(store: AnswersStore, ri: number, ui: Ui, tx: Texts): Promise<End> {
  const questionnaire = store.questionnaire;
  const open = unanswered(questionnaire, store.respondent(ri).answers);
  const width = Math.max(30, ui.columns - 8);
  if (!open.length) {
    return ui.choose<End>({
      message: tx.m.everyAnswered,
      choices: [
        { value: { type: 'finish' }, name: tx.m.finish },
        { value: { type: 'back' }, name: tx.m.backToLast },
      ],
    });
  }
  const all = visibleQuestions(questionnaire, store.respondent(ri).answers);
  return ui.choose<End>({
    message: tx.m.openLeft(open.length),
    choices: [
      ...open.map((v) => ({
        value: { type: 'goto', question: v.question.id } as End,
        name: `${all.findIndex((x) => x.question.id === v.question.id) + 1}. ${shorten(tx.q(v.question.text), width)}`,
        description: tx.q(v.section.title),
      })),
      'separator' as const,
      { value: { type: 'finish' } as End, name: tx.m.finishAnyway },
      { value: { type: 'quit' } as End, name: tx.m.saveQuit },
    ],
  });
}

/** The one-screen summary after an interview: scores so far per dimension and the phase reached. */
export function summaryLines(store: AnswersStore, lang: string, color: boolean, columns = 80): string[] {
  const colors = palette(color);
  const data = store.data;
  const model = store.model;
  const result = assess(model, store.questionnaire, data);
  // Titles, numbers and the model's words as the report gives them, without building a report.
  const catalogue = messages(lang);
  const interviewWords = catalogue.interview;
  const text = (x: Text | undefined) => resolveText(x, lang, model.language);
  const words = modelWords(catalogue, model.terms ?? {}, text);
  const num = (x: number | null) => formatNumber(x, model.scoring?.precision ?? 1, catalogue.decimal);
  const dimensions = new Map(model.dimensions.map((d) => [d.id, d]));
  const dimTitle = (id: string) => text(dimensions.get(id)?.title) || id;
  const phaseTitle = (n: number) => text(n === 0 ? model.phases?.none.title : model.phases?.list[n - 1]?.title);
  const lines: string[] = [colors.bold(interviewWords.scoresSoFar(visible(data.assessment.organisation), data.respondents.length))];
  const titleWidth = Math.min(30, Math.max(...result.dimensions.map((d) => dimTitle(d.id).length)));
  const barWidth = Math.max(4, Math.min(20, columns - titleWidth - 24));
  const max = Math.max(...model.scale.map((s) => s.level));
  for (const dimension of result.dimensions) {
    const title = shorten(visible(dimTitle(dimension.id)), titleWidth).padEnd(titleWidth);
    if (dimension.score === null) {
      lines.push(`  ${title}    ${colors.dim(`–  ${interviewWords.notAssessedYet}`)}`);
      continue;
    }
    const filled = Math.round((dimension.score / max) * barWidth);
    const bar = `${'█'.repeat(filled)}${'·'.repeat(barWidth - filled)}`;
    const mark = (dimension.gap ?? 0) > 0 ? colors.yellow(bar) : colors.green(bar);
    // Numbers as the report writes them: the language's decimal mark (2,5 in German).
    const target = dimension.target === null ? '' : ` ${colors.dim(interviewWords.target(String(dimension.target).replace('.', catalogue.decimal)))}`;
    lines.push(`  ${title} ${num(dimension.score).padStart(4)} ${mark}${target}`);
  }
  if (result.overall !== null) lines.push(`${colors.bold(interviewWords.overall(words.overallScore, num(result.overall)))}`);
  const phase = result.phase;
  if (phase)
    lines.push(
      `${colors.bold(interviewWords.phaseReached(words.phase))} ${phaseTitle(phase.reached)}${phase.next ? ` ${colors.dim(interviewWords.towardsPhase(phase.next.progress, phaseTitle(phase.next.number)))}` : ''}`,
    );
  return lines;
}
