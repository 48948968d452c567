import { existsSync, statSync } from 'node:fs';
import { planMerge } from '../core/merge.js';
import type { MergePlan, MergeSource, Prefer } from '../core/merge.js';
import { AnswersStore } from '../interview/store.js';
import { acquireLock } from '../interview/lock.js';
import { questionnaireHash } from '../load/hash.js';
import { loadQuestionnaire, questionnairePathFor, resolveRef } from '../load/index.js';
import { formatProblem, UserError } from '../errors.js';
import { answersRules } from '../load/rules.js';
import { loadYamlFile } from '../load/safe-yaml.js';
import { schemaProblems } from '../load/validate-schema.js';
import { Answers } from '../schema/answers.js';
import type { Questionnaire } from '../schema/questionnaire.js';

/** Answers to bring in that were read elsewhere (a workbook): already checked cell by cell. */
export interface MergeInput {
  source: string;
  answers: Answers;
  modified?: number;
  /** The questionnaire file the answers name, where a new target needs one. */
  questionnairePath?: string;
}

export interface MergeOptions {
  prefer?: Prefer;
  dryRun?: boolean;
  /** The questionnaire file to use instead of the one the target (or a new target's first input) names. */
  questionnaire?: string;
  /** The first comment line of a target that the merge creates. */
  header?: string;
}

export interface MergeSummary {
  target: string;
  /** The target did not exist (and was created, unless nothing was written). */
  created: boolean;
  written: boolean;
  plan: MergePlan;
  /** 2 when unresolved conflicts stopped the merge. */
  exitCode: 0 | 2;
}

const unusable = (path: string, e: UserError) =>
  new UserError(
    `${path} cannot be merged into:\n${e.problems.length ? e.problems.map(formatProblem).join('\n') : `${path}: ${e.message}`}\n` +
      `The file was left unchanged. Fix it by hand (\`itaas validate ${path}\` lists every problem), or give the questionnaire it was written for with --questionnaire FILE.`,
    e.problems,
  );

/** Refuses answers given against another questionnaire, another version, or another text of the same version. */
export function checkSameQuestionnaire(source: string, block: Answers['questionnaire'], questionnaireData: Questionnaire, target: string): void {
  const theirs = `${block.id} ${block.version}`;
  const ours = `${questionnaireData.id} ${questionnaireData.version}`;
  if (block.id !== questionnaireData.id || block.version !== questionnaireData.version) {
    throw new UserError(`${source} holds answers to questionnaire ${theirs}, but ${target} is for ${ours}; only answers to the same questionnaire and version can be merged`);
  }
  if (block.hash !== undefined && block.hash !== questionnaireHash(questionnaireData)) {
    throw new UserError(
      `${source} was answered against a different text of ${ours} (content hash ${block.hash.slice(0, 19)}…, ${target}'s questionnaire has ${questionnaireHash(questionnaireData).slice(0, 19)}…); ` +
        `the questionnaire changed without a new version. Merge it with the questionnaire file it was answered against (--questionnaire FILE), or ask the respondent again`,
    );
  }
}

/** Reads one answers file to merge, checked against the questionnaire the merge uses. */
function readInput(path: string, questionnairePath: string | undefined, target: string): MergeInput {
  const yamlFile = loadYamlFile(path);
  const { data, problems } = schemaProblems(yamlFile, Answers);
  if (!data) throw new UserError(`${path} is not an answers file that can be merged:\n${problems.map(formatProblem).join('\n')}`, problems);
  const qp = questionnairePath ?? questionnairePathFor(data, path);
  const { questionnaire, model } = loadQuestionnaire(qp);
  checkSameQuestionnaire(path, data.questionnaire, questionnaire.data, target);
  const errors = answersRules(yamlFile, data, questionnaire.data, model.data).filter((p) => p.severity === 'error');
  if (errors.length) throw new UserError(`${path} has ${errors.length} problem${errors.length > 1 ? 's' : ''}; nothing was merged:\n${errors.map(formatProblem).join('\n')}`, errors);
  return { source: path, answers: data, modified: statSync(path).mtimeMs, questionnairePath: qp };
}

/**
 * Brings the respondents of `inputs` (answers files, or answers read from a workbook) into the answers
 * file `target`, creating it when it does not exist. Under the target's lock; one atomic write, or
 * none when nothing changes, conflicts stay open, or it is a dry run.
 */
export function runMerge(target: string, inputs: Array<string | MergeInput>, opts: MergeOptions = {}): MergeSummary {
  if (!inputs.length) throw new UserError('name at least one answers file to merge into the target');
  const lock = opts.dryRun ? undefined : acquireLock(target, 'merge');
  try {
    const exists = existsSync(target);
    let store: AnswersStore | undefined;
    if (exists) {
      try {
        store = AnswersStore.open(target, opts.questionnaire);
      } catch (e) {
        if (e instanceof UserError) throw unusable(target, e);
        throw e;
      }
    }
    const override = opts.questionnaire ? resolveRef(opts.questionnaire, 'questionnaires', process.cwd()) : undefined;
    let qPath = store?.questionnairePath ?? override;
    let questionnaire = store?.questionnaire;
    const read: MergeInput[] = [];
    for (const input of inputs) {
      if (typeof input === 'string') {
        const got = readInput(input, qPath, target);
        qPath ??= got.questionnairePath;
        questionnaire ??= loadQuestionnaire(qPath!).questionnaire.data;
        read.push(got);
      } else {
        qPath ??= input.questionnairePath ?? questionnairePathFor(input.answers, input.source);
        questionnaire ??= loadQuestionnaire(qPath).questionnaire.data;
        checkSameQuestionnaire(input.source, input.answers.questionnaire, questionnaire, target);
        read.push(input);
      }
    }
    const targetSource: MergeSource = { name: target, respondents: store?.data.respondents ?? [], ...(exists ? { modified: statSync(target).mtimeMs } : {}) };
    const plan = planMerge(
      targetSource,
      read.map((i) => ({ name: i.source, respondents: i.answers.respondents, ...(i.modified !== undefined ? { modified: i.modified } : {}) })),
      opts.prefer,
    );
    const open = plan.conflicts.some((c) => !c.kept);
    const summary: MergeSummary = { target, created: !exists, written: false, plan, exitCode: open ? 2 : 0 };
    if (open || opts.dryRun || (exists && !plan.changes.length)) return summary;

    if (!store) {
      const { organisation, scope, date, assessor } = read[0]!.answers.assessment;
      store = AnswersStore.create(
        target,
        qPath!,
        { organisation, date, ...(scope ? { scope } : {}), ...(assessor ? { assessor } : {}) },
        { unsaved: true, ...(opts.header ? { header: opts.header } : {}) },
      );
    }
    const writer = store;
    writer.batch(() => {
      for (const change of plan.changes) {
        const index = change.isNew ? writer.addRespondent(change.name, change.role) : writer.data.respondents.findIndex((r) => r.name === change.name);
        if (!change.isNew && change.role !== writer.data.respondents[index]!.role) writer.setRespondentField(index, 'role', change.role);
        for (const { question, answer } of change.answers) writer.setAnswer(index, question, answer.option, answer.note);
        writer.setCompleted(index, change.completed ?? false);
        if (change.updated) writer.setRespondentField(index, 'updated', change.updated);
      }
    });
    summary.written = true;
    return summary;
  } finally {
    lock?.release();
  }
}
