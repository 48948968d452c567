import type { Problem, UserError } from '../errors.js';
import type { Answers } from '../schema/answers.js';
import type { Model } from '../schema/model.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { throwIfErrors } from './builtin.js';
import type { Assessment, FileKind, Loaded } from './builtin.js';
import type { ResolvedQuestionnaire } from './extend.js';
import { answersRules } from './rules.js';
import type { YamlFile } from './yaml-file.js';

/* What the loader pipeline (index.ts) and its zod-free happy path (quick.ts) share: no zod here. */

/** A questionnaire with `extends` resolved, and its model. */
export interface LoadedQuestionnaire {
  questionnaire: Loaded<Questionnaire>;
  model: Loaded<Model>;
  resolved: ResolvedQuestionnaire;
}

interface Values {
  model: Model;
  questionnaire: LoadedQuestionnaire;
  answers: Assessment;
}

/** What inspecting a file found. */
export interface Inspection<K extends FileKind = FileKind> {
  kind?: K;
  /** The loaded file, when no problem stops it. */
  value?: Values[K];
  /** Every problem found, errors and warnings. */
  problems: Problem[];
  /** The error that stopped the pipeline and is thrown as it is: the file cannot be read, or a file it refers to is bad. */
  failure?: UserError;
}

export interface InspectOptions {
  /** The kind of file wanted here; another kind is a problem. Without it, the file's own kind decides. */
  expect?: FileKind;
  /** The questionnaire to check answers against instead of the one they name. */
  questionnaire?: string;
  /** Also look for authoring smells (warnings). */
  strict?: boolean;
}

/** A file another one refers to, loaded, or the error that loading it threw, as problems of the referring file. */
export interface Reference<T> {
  value?: T;
  failure?: UserError;
  problems: Problem[];
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');

/** The last step for answers whose schema holds: the questionnaire they refer to, then the rules. */
export function answersStep(path: string, yamlFile: YamlFile, data: Answers, questionnaire: Reference<{ questionnaire: Loaded<Questionnaire>; model: Loaded<Model> }>): Inspection<'answers'> {
  const found = [...questionnaire.problems, ...answersRules(yamlFile, data, questionnaire.value?.questionnaire.data, questionnaire.value?.model.data)];
  const failure = questionnaire.failure;
  if (!questionnaire.value || hasErrors(found)) return { kind: 'answers', problems: found, ...(failure ? { failure } : {}) };
  const { questionnaire: loaded, model } = questionnaire.value;
  return { kind: 'answers', value: { answers: { path, file: yamlFile, data }, questionnaire: loaded, model, warnings: found.filter((p) => p.severity === 'warning') }, problems: found };
}

/** The loaded file, or the error that stops it: a bad file it refers to throws its own error, else the file's problems. */
export function orThrow<K extends FileKind>(found: Inspection<K>, path: string): Values[K] {
  if (found.failure) throw found.failure;
  throwIfErrors(found.problems, path);
  return found.value!;
}
