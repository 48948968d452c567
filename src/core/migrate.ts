import type { Answers } from '../schema/answers.js';
import { answerParts } from '../schema/answer-parts.js';
import type { Migration } from '../schema/migration.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { visibleQuestions } from './visibility.js';

/** An earlier answer taken out because its question now asks something it does not say. */
export interface DroppedAnswer {
  question: string;
  option: string;
  note?: string;
}

export interface RespondentMigration {
  name: string;
  /** Answers carried over as they were. */
  kept: number;
  dropped: DroppedAnswer[];
  /** Questions this respondent is to be asked (again), in questionnaire order: those taken out and those added that they are shown. */
  askAgain: string[];
  /** Marked completed before, and now with questions to ask: no longer completed. */
  reopened: boolean;
}

export interface MigrationPlan {
  questionnaire: string;
  from: string;
  to: string;
  respondents: RespondentMigration[];
  /** Why each changed question keeps only some answers, for the questions this file answered. */
  changed: Array<{ question: string; why: string }>;
}

/**
 * Which answers carry over from `rules.from` to `rules.to`. Pure: the caller edits and writes the file.
 * An answer to a question the rules do not name is kept; one to a changed question is kept only if the
 * rules say its option means the same now; nothing is derived for the questions the new version adds.
 */
export function planMigration(rules: Migration, target: Questionnaire, answers: Answers): MigrationPlan {
  const order = target.sections.flatMap((s) => s.questions.map((q) => q.id));
  const touched = new Set<string>();
  const respondents = answers.respondents.map((respondent) => {
    const dropped: DroppedAnswer[] = [];
    const after: Record<string, string> = {};
    let kept = 0;
    for (const [question, answer] of Object.entries(respondent.answers)) {
      const { option, note } = answerParts(answer);
      const rule = rules.changed[question];
      if (rule) touched.add(question);
      if (rule && !rule.keep.includes(option)) {
        dropped.push({ question, option, ...(note ? { note } : {}) });
        continue;
      }
      kept++;
      after[question] = option;
    }
    const open = new Set([...dropped.map((d) => d.question), ...rules.added]);
    const shown = new Set(visibleQuestions<Questionnaire['sections'][number]['questions'][number], Questionnaire['sections'][number]>(target, after).map((v) => v.question.id));
    const askAgain = order.filter((id) => open.has(id) && shown.has(id));
    return { name: respondent.name, kept, dropped, askAgain, reopened: respondent.completed === true && askAgain.length > 0 };
  });
  const changed = order.filter((id) => touched.has(id)).map((question) => ({ question, why: rules.changed[question]!.why }));
  return { questionnaire: rules.questionnaire, from: rules.from, to: rules.to, respondents, changed };
}
