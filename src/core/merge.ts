import { answerParts } from '../schema/answer-parts.js';
import type { Answer, Respondent } from '../schema/answers.js';

/**
 * Bringing respondents from several answers files into one assessment, as a pure plan: who is new, what
 * each known respondent adds, and where two sources disagree. Nothing here reads or writes a file.
 */

/** Which side wins where a respondent's answers differ: the later `updated` stamp, the target, or the input. */
export type Prefer = 'newer' | 'target' | 'input';

export interface AnswerValue {
  option: string;
  note?: string;
}

export interface MergeSource {
  /** How the source is named to the user (a path, a workbook). */
  name: string;
  respondents: readonly Respondent[];
  /** When the source was last changed (ms since epoch), for `newer` where a respondent carries no stamp. */
  modified?: number;
}

/** One point where a respondent's two versions disagree: a question id, or "role". */
export interface Conflict {
  respondent: string;
  field: string;
  /** The source holding the kept value so far, and that value (as a line; for a question, also the answer itself). */
  ours: { source: string; value: string; answer?: AnswerValue };
  theirs: { source: string; value: string; answer?: AnswerValue };
  /** Which side was kept when a preference decided it; absent when unresolved. */
  kept?: 'ours' | 'theirs';
}

export interface RespondentChange {
  name: string;
  /** Where the respondent (new) or the changes came from. */
  sources: string[];
  isNew: boolean;
  role?: string;
  completed?: boolean;
  updated?: string;
  /** Answers to write, in the order they were met. */
  answers: Array<{ question: string; answer: AnswerValue }>;
  /** Of those, how many replace an answer the target had. */
  changed: number;
}

export interface MergePlan {
  changes: RespondentChange[];
  /** Respondents of the inputs that the target already holds exactly (merging again changes nothing). */
  unchanged: Array<{ name: string; source: string }>;
  conflicts: Conflict[];
}

interface Working {
  role?: string;
  completed: boolean;
  updated?: string;
  answers: Map<string, AnswerValue>;
  /** Which source each answer (and the role) came from. */
  origin: Map<string, string>;
  stamp: Map<string, number | undefined>;
}

export const normalise = (answer: Answer): AnswerValue => {
  const { option, note } = answerParts(answer);
  return note !== undefined && note !== '' ? { option, note } : { option };
};

const same = (a: AnswerValue, b: AnswerValue) => a.option === b.option && (a.note ?? '') === (b.note ?? '');

/** An answer as one line for a conflict list. */
export const showAnswer = (a: AnswerValue) => (a.note ? `${a.option} (note: ${a.note})` : a.option);

function stampOf(respondent: Respondent, source: MergeSource): number | undefined {
  const time = respondent.updated ? Date.parse(respondent.updated) : NaN;
  return Number.isFinite(time) ? time : source.modified;
}

function toWorking(respondent: Respondent, source: MergeSource): Working {
  const stamp = stampOf(respondent, source);
  const answers = new Map(Object.entries(respondent.answers).map(([questionId, answer]) => [questionId, normalise(answer)] as const));
  const origin = new Map([...answers.keys(), 'role'].map((k) => [k, source.name] as const));
  return { role: respondent.role, completed: respondent.completed ?? false, updated: respondent.updated, answers, origin, stamp: new Map([...origin.keys()].map((k) => [k, stamp] as const)) };
}

/**
 * Which side of a disagreement to keep. `newer` compares the two sides' stamps and cannot decide when
 * one is missing or they are equal; then the conflict stays open.
 */
function decide(prefer: Prefer | undefined, ours: number | undefined, theirs: number | undefined): 'ours' | 'theirs' | undefined {
  if (prefer === 'target') return 'ours';
  if (prefer === 'input') return 'theirs';
  if (prefer === 'newer' && ours !== undefined && theirs !== undefined && ours !== theirs) return theirs > ours ? 'theirs' : 'ours';
  return undefined;
}

/**
 * Plans the merge of `inputs`, in order, into `target`. A respondent is the same person when the name is
 * the same. Answers only one side has are added; answers both have and that differ are conflicts,
 * settled by `prefer` where it can (later inputs count as "input" against earlier ones).
 */
export function planMerge(target: MergeSource, inputs: readonly MergeSource[], prefer?: Prefer): MergePlan {
  const work = new Map<string, Working>();
  for (const person of target.respondents) work.set(person.name, toWorking(person, target));
  const conflicts: Conflict[] = [];
  const unchanged: MergePlan['unchanged'] = [];
  const touched = new Map<string, string[]>();
  const touch = (name: string, source: string) => {
    const list = touched.get(name) ?? [];
    if (!list.includes(source)) list.push(source);
    touched.set(name, list);
  };

  for (const source of inputs) {
    for (const person of source.respondents) {
      const working = work.get(person.name);
      if (!working) {
        work.set(person.name, toWorking(person, source));
        touch(person.name, source.name);
        continue;
      }
      let differs = false;
      const theirStamp = stampOf(person, source);
      const settle = (field: string, ours: string | AnswerValue, theirs: string | AnswerValue): boolean => {
        const kept = decide(prefer, working.stamp.get(field), theirStamp);
        const side = (from: string, v: string | AnswerValue) => (typeof v === 'string' ? { source: from, value: v } : { source: from, value: showAnswer(v), answer: v });
        conflicts.push({ respondent: person.name, field, ours: side(working.origin.get(field) ?? target.name, ours), theirs: side(source.name, theirs), ...(kept ? { kept } : {}) });
        return kept === 'theirs';
      };
      const take = (field: string) => {
        working.origin.set(field, source.name);
        working.stamp.set(field, theirStamp);
        differs = true;
      };
      if (person.role !== undefined && person.role !== working.role) {
        if (working.role === undefined || settle('role', working.role, person.role)) {
          working.role = person.role;
          take('role');
        }
      }
      for (const [questionId, given] of Object.entries(person.answers)) {
        const theirs = normalise(given);
        const ours = working.answers.get(questionId);
        // The same option without a note adds nothing; a note where there was none is an addition.
        if (ours && ours.option === theirs.option && (!theirs.note || ours.note === theirs.note)) continue;
        if (!ours || (ours.option === theirs.option && !ours.note) || settle(questionId, ours, theirs)) {
          working.answers.set(questionId, theirs);
          take(questionId);
        }
      }
      if (person.completed && !working.completed) {
        working.completed = true;
        differs = true;
      }
      // The stamp says when the kept answers last changed: it moves only with answers taken from here.
      if (differs && person.updated && (!working.updated || Date.parse(person.updated) > Date.parse(working.updated))) working.updated = person.updated;
      if (differs) touch(person.name, source.name);
      else if (!touched.has(person.name)) unchanged.push({ name: person.name, source: source.name });
    }
  }

  const before = new Map(target.respondents.map((r) => [r.name, toWorking(r, target)] as const));
  const changes: RespondentChange[] = [];
  for (const [name, merged] of work) {
    const old = before.get(name);
    const answers = [...merged.answers]
      .filter(([questionId, answer]) => !old?.answers.has(questionId) || !same(old.answers.get(questionId)!, answer))
      .map(([question, answer]) => ({ question, answer }));
    const roleChanged = merged.role !== old?.role;
    const completedChanged = merged.completed !== (old?.completed ?? false);
    const updatedChanged = merged.updated !== old?.updated;
    if (old && !answers.length && !roleChanged && !completedChanged && !updatedChanged) continue;
    changes.push({
      name,
      sources: touched.get(name) ?? [],
      isNew: !old,
      ...(merged.role !== undefined ? { role: merged.role } : {}),
      completed: merged.completed,
      ...(merged.updated !== undefined ? { updated: merged.updated } : {}),
      answers,
      changed: answers.filter((a) => old?.answers.has(a.question)).length,
    });
  }
  return { changes, unchanged: unchanged.filter((u) => !changes.some((c) => c.name === u.name)), conflicts };
}
