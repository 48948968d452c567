import { holds } from './conditions.js';
import type { Choices } from './conditions.js';
import type { Condition, Question, Section } from '../schema/questionnaire.js';

/**
 * Which questions a respondent is shown. The one rule for the terminal interview, scoring and the
 * survey form (whose script is bundled from this file), so a conditional question appears in the
 * browser exactly when it would in `itaas assess`.
 */

export interface Visible<Q = Question, S = Section> {
  question: Q;
  section: S;
  /** Index of the section in the questionnaire (0-based). */
  sectionIndex: number;
}

interface Conditional {
  when?: Condition;
}

/** The questions shown for these choices, in order: those whose section and own conditions hold. */
export function visibleQuestions<Q extends Conditional, S extends Conditional & { questions: readonly Q[] }>(questionnaire: { sections: readonly S[] }, choices: Choices): Array<Visible<Q, S>> {
  const out: Array<Visible<Q, S>> = [];
  questionnaire.sections.forEach((section, sectionIndex) => {
    if (!holds(section.when, choices)) return;
    for (const question of section.questions) if (holds(question.when, choices)) out.push({ question, section, sectionIndex });
  });
  return out;
}
