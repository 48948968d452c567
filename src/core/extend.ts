import type { Text } from '../schema/common.js';
import type { Question, Questionnaire, QuestionnaireFile, Section } from '../schema/questionnaire.js';

/*
 * `extends` as a pure merge: the extended questionnaire, already resolved, changed by a file's
 * `drop`, `replace` and `add`, in that order. Nothing here reads a file; load/extend.ts reads the
 * files and words the issues found here as problems at their lines.
 */

type DataPath = Array<string | number>;

/** Where a part of a questionnaire was written: a file (whatever the caller uses to name one) and the data path inside it. */
export interface Origin<F> {
  file: F;
  path: DataPath;
}

/** Parallel to a questionnaire's sections: the origin of each section and of each of its questions. */
export type SectionOrigins<F> = Array<{ origin: Origin<F>; questions: Array<Origin<F>> }>;

/** Why a change cannot be made, at the data path of the extending file that asks for it. */
export type ExtendIssue = { at: DataPath } & (
  | { code: 'dropUnknown'; id: string; alreadyDropped: boolean; known: string[] }
  | { code: 'dropEmptiesSection'; id: string; section: string }
  | { code: 'replaceUnknownQuestion' | 'replaceUnknownSection'; id: string; dropped: boolean; known: string[] }
  | { code: 'addExistingSection'; id: string }
  | { code: 'addExistingQuestion'; id: string; section: string }
  | { code: 'addAfterUnknownSection'; after: string; dropped: boolean; known: string[] }
  | { code: 'addIntoUnknownSection'; into: string; dropped: boolean; known: string[] }
  | { code: 'addAfterUnknownQuestion'; into: string; after: string; dropped: boolean; known: string[] }
  | { code: 'dependsOnDropped'; what: 'section' | 'question'; id: string; question: string }
);

/** Plain strings are in the file's language; once merged with a file in another language, say which. */
function tag(text: Text, lang: string): Text;
function tag(text: Text | undefined, lang: string): Text | undefined;
function tag(text: Text | undefined, lang: string): Text | undefined {
  return typeof text === 'string' ? { [lang]: text } : text;
}

function tagQuestion(question: Question, lang: string): Question {
  const out: Question = {
    ...question,
    text: tag(question.text, lang),
    options: question.options.map((option) => {
      const tagged = { ...option, label: tag(option.label, lang) };
      if (option.description !== undefined) tagged.description = tag(option.description, lang);
      return tagged;
    }),
  };
  if (question.help !== undefined) out.help = tag(question.help, lang);
  return out;
}

function tagSection(section: Section, lang: string): Section {
  const out: Section = { ...section, title: tag(section.title, lang), questions: section.questions.map((question) => tagQuestion(question, lang)) };
  if (section.description !== undefined) out.description = tag(section.description, lang);
  return out;
}

/** Every `question` a condition looks at. */
function conditionQuestions(condition: unknown, out = new Set<string>()): Set<string> {
  if (condition && typeof condition === 'object') {
    const node = condition as Record<string, unknown>;
    if (typeof node.question === 'string') out.add(node.question);
    for (const key of ['all', 'any']) if (Array.isArray(node[key])) for (const part of node[key] as unknown[]) conditionQuestions(part, out);
    if (node.not) conditionQuestions(node.not, out);
  }
  return out;
}

/** The same key order whichever way the questionnaire was built, so hashes and output do not depend on it. */
export function ordered(questionnaire: Questionnaire): Questionnaire {
  const { kind, id, version, title, language, model, sections } = questionnaire;
  const out: Questionnaire = { kind, id, version, title, language, model, sections };
  if (questionnaire.description !== undefined) out.description = questionnaire.description;
  return out;
}

interface Working<F> {
  section: Section;
  origin: Origin<F>;
  questions: Array<{ question: Question; origin: Origin<F> }>;
}

/**
 * Applies an extending file's changes to the questionnaire it extends. `file` names the extending file
 * in the origins; `model` is the model reference as the extending file would write it.
 */
export function extendQuestionnaire<F>(
  base: { data: Questionnaire; origins: SectionOrigins<F> },
  changes: QuestionnaireFile,
  file: F,
  model: string,
): { data: Questionnaire; origins: SectionOrigins<F>; issues: [] } | { issues: ExtendIssue[] } {
  const language = changes.language ?? base.data.language;
  const retag = language !== base.data.language;
  const baseLanguage = base.data.language;
  const issues: ExtendIssue[] = [];
  const here = (path: DataPath): Origin<F> => ({ file, path });

  const sections: Array<Working<F>> = base.data.sections.map((section, i) => ({
    section: retag ? tagSection(section, baseLanguage) : section,
    origin: base.origins[i]!.origin,
    questions: section.questions.map((question, j) => ({ question: retag ? tagQuestion(question, baseLanguage) : question, origin: base.origins[i]!.questions[j]! })),
  }));
  const findSection = (id: string) => sections.findIndex((working) => working.section.id === id);
  const findQuestion = (id: string): [number, number] | undefined => {
    for (let i = 0; i < sections.length; i++) {
      const j = sections[i]!.questions.findIndex((entry) => entry.question.id === id);
      if (j >= 0) return [i, j];
    }
    return undefined;
  };
  const sectionIds = () => sections.map((working) => working.section.id);
  const questionIds = () => sections.flatMap((working) => working.questions.map((entry) => entry.question.id));
  const dropped = new Map<string, number>();

  (changes.drop ?? []).forEach((id, i) => {
    const sectionIndex = findSection(id);
    if (sectionIndex >= 0) {
      for (const entry of sections[sectionIndex]!.questions) dropped.set(entry.question.id, i);
      sections.splice(sectionIndex, 1);
      dropped.set(id, i);
      return;
    }
    const at = findQuestion(id);
    if (!at) {
      issues.push({
        at: ['drop', i],
        code: 'dropUnknown',
        id,
        alreadyDropped: dropped.has(id),
        known: sections.flatMap((working) => [working.section.id, ...working.questions.map((entry) => entry.question.id)]),
      });
      return;
    }
    const working = sections[at[0]]!;
    working.questions.splice(at[1], 1);
    dropped.set(id, i);
    if (working.questions.length === 0) issues.push({ at: ['drop', i], code: 'dropEmptiesSection', id, section: working.section.id });
  });

  (changes.replace ?? []).forEach((change, i) => {
    if ('question' in change) {
      const question = change.question;
      const at = findQuestion(question.id);
      if (!at) {
        issues.push({ at: ['replace', i, 'question', 'id'], code: 'replaceUnknownQuestion', id: question.id, dropped: dropped.has(question.id), known: questionIds() });
        return;
      }
      sections[at[0]]!.questions[at[1]] = { question, origin: here(['replace', i, 'question']) };
    } else {
      const section = change.section;
      const sectionIndex = findSection(section.id);
      if (sectionIndex < 0) {
        issues.push({ at: ['replace', i, 'section', 'id'], code: 'replaceUnknownSection', id: section.id, dropped: dropped.has(section.id), known: sectionIds() });
        return;
      }
      sections[sectionIndex] = {
        section,
        origin: here(['replace', i, 'section']),
        questions: section.questions.map((question, j) => ({ question, origin: here(['replace', i, 'section', 'questions', j]) })),
      };
    }
  });

  (changes.add ?? []).forEach((change, i) => {
    if ('section' in change) {
      const section = change.section;
      if (findSection(section.id) >= 0) {
        issues.push({ at: ['add', i, 'section', 'id'], code: 'addExistingSection', id: section.id });
        return;
      }
      let position = sections.length;
      if (change.after !== undefined) {
        const afterIndex = findSection(change.after);
        if (afterIndex < 0) {
          issues.push({ at: ['add', i, 'after'], code: 'addAfterUnknownSection', after: change.after, dropped: dropped.has(change.after), known: sectionIds() });
          return;
        }
        position = afterIndex + 1;
      }
      sections.splice(position, 0, {
        section,
        origin: here(['add', i, 'section']),
        questions: section.questions.map((question, j) => ({ question, origin: here(['add', i, 'section', 'questions', j]) })),
      });
      return;
    }
    const question = change.question;
    const sectionIndex = findSection(change.into);
    if (sectionIndex < 0) {
      issues.push({ at: ['add', i, 'into'], code: 'addIntoUnknownSection', into: change.into, dropped: dropped.has(change.into), known: sectionIds() });
      return;
    }
    const existing = findQuestion(question.id);
    if (existing) {
      issues.push({ at: ['add', i, 'question', 'id'], code: 'addExistingQuestion', id: question.id, section: sections[existing[0]]!.section.id });
      return;
    }
    const target = sections[sectionIndex]!;
    let position = target.questions.length;
    if (change.after !== undefined) {
      const afterIndex = target.questions.findIndex((entry) => entry.question.id === change.after);
      if (afterIndex < 0) {
        issues.push({
          at: ['add', i, 'after'],
          code: 'addAfterUnknownQuestion',
          into: change.into,
          after: change.after,
          dropped: dropped.has(change.after),
          known: target.questions.map((entry) => entry.question.id),
        });
        return;
      }
      position = afterIndex + 1;
    }
    target.questions.splice(position, 0, { question, origin: here(['add', i, 'question']) });
  });

  // A question that stays may not look at one that was dropped.
  if (dropped.size) {
    for (const working of sections) {
      const users = [
        { id: working.section.id, when: working.section.when, what: 'section' as const },
        ...working.questions.map((entry) => ({ id: entry.question.id, when: entry.question.when, what: 'question' as const })),
      ];
      for (const user of users) {
        for (const ref of conditionQuestions(user.when)) {
          const dropIndex = dropped.get(ref);
          if (dropIndex !== undefined) issues.push({ at: ['drop', dropIndex], code: 'dependsOnDropped', what: user.what, id: user.id, question: ref });
        }
      }
    }
  }
  if (issues.length) return { issues };

  const data: Questionnaire = {
    kind: 'questionnaire',
    id: changes.id,
    version: changes.version,
    title: changes.title ?? (retag ? tag(base.data.title, baseLanguage) : base.data.title),
    language,
    model,
    sections: sections.map((working) => ({ ...working.section, questions: working.questions.map((entry) => entry.question) })),
  };
  const description = changes.description ?? (retag ? tag(base.data.description, baseLanguage) : base.data.description);
  if (description !== undefined) data.description = description;
  return {
    data: ordered(data),
    origins: sections.map((working) => ({ origin: working.origin, questions: working.questions.map((entry) => entry.origin) })),
    issues: [],
  };
}
