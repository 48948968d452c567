import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Answers } from '../schema/answers.js';
import { Model } from '../schema/model.js';
import { Questionnaire } from '../schema/questionnaire.js';
import { formatProblem, UserError } from './problems.js';
import type { Problem } from './problems.js';
import { answersRules, modelRules, questionnaireRules } from './rules.js';
import { loadYamlFile } from './safe-yaml.js';
import type { YamlFile } from './safe-yaml.js';
import { schemaProblems } from './validate-schema.js';

export type FileKind = 'model' | 'questionnaire' | 'answers';

/** The folder the package is installed in (holds models/, questionnaires/, templates/). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const builtinDir = (kind: 'models' | 'questionnaires') => join(packageRoot, kind);

export interface Loaded<T> {
  file: YamlFile;
  data: T;
}

export interface Assessment {
  answers: Loaded<Answers>;
  questionnaire: Loaded<Questionnaire>;
  model: Loaded<Model>;
}

export function detectKind(data: unknown): FileKind | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const o = data as Record<string, unknown>;
  if (o.kind === 'model' || o.kind === 'questionnaire' || o.kind === 'answers') return o.kind;
  if ('respondents' in o || 'assessment' in o) return 'answers';
  if ('sections' in o) return 'questionnaire';
  if ('dimensions' in o || 'initiatives' in o) return 'model';
  return undefined;
}

const cache = new Map<string, Loaded<unknown>>();

function throwIfErrors(problems: Problem[], what: string): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new UserError(`${what} has ${errors.length} problem${errors.length > 1 ? 's' : ''}:\n${errors.map(formatProblem).join('\n')}`, errors);
}

function listBuiltins(kind: 'models' | 'questionnaires'): string[] {
  const dir = builtinDir(kind);
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f)) : [];
}

/** Resolves a model or questionnaire reference: a path (relative to `baseDir`) or a built-in id. */
export function resolveRef(ref: string, kind: 'models' | 'questionnaires', baseDir: string): string {
  if (/[/\\]/.test(ref) || /\.ya?ml$/i.test(ref)) return isAbsolute(ref) ? ref : resolve(baseDir, ref);
  const byName = join(builtinDir(kind), `${ref}.yaml`);
  if (existsSync(byName)) return byName;
  const names = listBuiltins(kind).map((p) => p.replace(/^.*[/\\]/, '').replace(/\.ya?ml$/, ''));
  throw new UserError(
    `no built-in ${kind === 'models' ? 'model' : 'questionnaire'} "${ref}" (built-in: ${names.join(', ') || 'none'}); give a path to a .yaml file instead`,
  );
}

function parseAs<T>(f: YamlFile, kind: FileKind, schema: import('zod').ZodType<T>): { data?: T; problems: Problem[] } {
  const found = detectKind(f.data);
  if (found && found !== kind) {
    return { problems: [{ file: f.file, line: 1, col: 1, message: `is ${found === 'answers' ? 'an answers file' : `a ${found}`}, but a ${kind === 'answers' ? 'answers file' : kind} was expected here`, severity: 'error' }] };
  }
  return schemaProblems(f, schema);
}

export function loadModel(path: string): Loaded<Model> {
  const key = `model:${path}`;
  const hit = cache.get(key);
  if (hit) return hit as Loaded<Model>;
  const f = loadYamlFile(path);
  const { data, problems } = parseAs(f, 'model', Model);
  throwIfErrors(problems, path);
  throwIfErrors(modelRules(f, data!), path);
  const loaded = { file: f, data: data! };
  cache.set(key, loaded);
  return loaded;
}

export function loadQuestionnaire(path: string): { questionnaire: Loaded<Questionnaire>; model: Loaded<Model> } {
  const key = `questionnaire:${path}`;
  const hit = cache.get(key) as { questionnaire: Loaded<Questionnaire>; model: Loaded<Model> } | undefined;
  if (hit) return hit;
  const f = loadYamlFile(path);
  const { data, problems } = parseAs(f, 'questionnaire', Questionnaire);
  throwIfErrors(problems, path);
  const model = loadModel(resolveRef(data!.model, 'models', dirname(path)));
  throwIfErrors(questionnaireRules(f, data!, model.data), path);
  const loaded = { questionnaire: { file: f, data: data! }, model };
  cache.set(key, loaded as unknown as Loaded<unknown>);
  return loaded;
}

/** The questionnaire file an answers file was given against. */
export function questionnairePathFor(answers: Answers, answersPath: string, override?: string): string {
  if (override) return resolveRef(override, 'questionnaires', process.cwd());
  if (answers.questionnaire.path) return resolve(dirname(answersPath), answers.questionnaire.path);
  return resolveRef(answers.questionnaire.id, 'questionnaires', dirname(answersPath));
}

export function loadAssessment(path: string, opts: { questionnaire?: string } = {}): Assessment {
  const f = loadYamlFile(path);
  const { data, problems } = parseAs(f, 'answers', Answers);
  throwIfErrors(problems, path);
  const { questionnaire, model } = loadQuestionnaire(questionnairePathFor(data!, path, opts.questionnaire));
  throwIfErrors(answersRules(f, data!, questionnaire.data, model.data), path);
  return { answers: { file: f, data: data! }, questionnaire, model };
}

/** Checks one file of any kind and returns every problem found (for `itaas validate`). */
export function checkFile(path: string, opts: { questionnaire?: string } = {}): { kind?: FileKind; problems: Problem[] } {
  let f: YamlFile;
  try {
    f = loadYamlFile(path);
  } catch (e) {
    if (e instanceof UserError) return { problems: e.problems.length ? e.problems : [{ file: path, message: e.message, severity: 'error' }] };
    throw e;
  }
  const kind = detectKind(f.data);
  if (!kind) {
    return { problems: [{ file: path, line: 1, col: 1, message: 'cannot tell what this file is; add "kind: model", "kind: questionnaire" or "kind: answers" at the top', severity: 'error' }] };
  }
  const related = (fn: () => void): Problem[] => {
    try {
      fn();
      return [];
    } catch (e) {
      if (e instanceof UserError) return e.problems.length ? e.problems : [{ file: path, line: 1, col: 1, message: e.message, severity: 'error' }];
      throw e;
    }
  };
  if (kind === 'model') {
    const { data, problems } = schemaProblems(f, Model);
    return { kind, problems: data ? modelRules(f, data) : problems };
  }
  if (kind === 'questionnaire') {
    const { data, problems } = schemaProblems(f, Questionnaire);
    if (!data) return { kind, problems };
    let model: Model | undefined;
    const refProblems = related(() => {
      model = loadModel(resolveRef(data.model, 'models', dirname(path))).data;
    });
    return { kind, problems: [...refProblems.map((p) => ({ ...p, message: p.file === path ? p.message : `model: ${p.message}` })), ...questionnaireRules(f, data, model)] };
  }
  const { data, problems } = schemaProblems(f, Answers);
  if (!data) return { kind, problems };
  let q: { questionnaire: Loaded<Questionnaire>; model: Loaded<Model> } | undefined;
  const refProblems = related(() => {
    q = loadQuestionnaire(questionnairePathFor(data, path, opts.questionnaire));
  });
  return { kind, problems: [...refProblems, ...answersRules(f, data, q?.questionnaire.data, q?.model.data)] };
}
