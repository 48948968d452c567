import { questionnaireHash } from '../load/hash.js';
import { loadAssessment, loadQuestionnaire, resolveRef } from '../load/index.js';
import { UserError } from '../errors.js';
import type { Answers, Respondent } from '../schema/answers.js';
import type { Questionnaire } from '../schema/questionnaire.js';

/** Where a form or a workbook takes its questionnaire and assessment from: an answers file, or options. */
export interface SourceOptions {
  questionnaire?: string;
  answers?: string;
  organisation?: string;
  date?: string;
  scope?: string;
  assessor?: string;
}

export interface AssessmentSource {
  questionnaire: Questionnaire;
  questionnairePath: string;
  hash: string;
  assessment: Answers['assessment'];
  respondents: Respondent[];
}

/** Today's date as YYYY-MM-DD in UTC, from SOURCE_DATE_EPOCH when set (reproducible builds), else the clock. */
export function today(epoch = process.env.SOURCE_DATE_EPOCH): string {
  const seconds = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) : Date.now() / 1000;
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

export function assessmentSource(opts: SourceOptions): AssessmentSource {
  if (opts.answers) {
    const given = (['organisation', 'date', 'scope', 'assessor'] as const).filter((k) => opts[k] !== undefined);
    if (given.length) throw new UserError(`--${given[0]} comes from ${opts.answers} when --answers is given; leave it out, or edit the answers file`);
    const loaded = loadAssessment(opts.answers, { questionnaire: opts.questionnaire });
    return {
      questionnaire: loaded.questionnaire.data,
      questionnairePath: loaded.questionnaire.path,
      hash: questionnaireHash(loaded.questionnaire.data),
      assessment: loaded.answers.data.assessment,
      respondents: loaded.answers.data.respondents,
    };
  }
  if (!opts.organisation?.trim()) throw new UserError('name the organisation with --organisation NAME, or take it (and the questionnaire) from an assessment with --answers FILE');
  const date = opts.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new UserError(`--date ${JSON.stringify(date)} is not a date; write it as YYYY-MM-DD`);
  }
  const path = resolveRef(opts.questionnaire ?? 'itaas-core', 'questionnaires', process.cwd());
  const questionnaireData = loadQuestionnaire(path).questionnaire.data;
  const assessment: Answers['assessment'] = { organisation: opts.organisation.trim(), ...(opts.scope ? { scope: opts.scope } : {}), date, ...(opts.assessor ? { assessor: opts.assessor } : {}) };
  return { questionnaire: questionnaireData, questionnairePath: path, hash: questionnaireHash(questionnaireData), assessment, respondents: [] };
}
