import { dirname } from 'node:path';
import { Answers } from '../schema/answers.js';
import { Model } from '../schema/model.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { originOf, resolveQuestionnaireFile } from './extend.js';
import type { ResolvedQuestionnaire } from './extend.js';
import { UserError } from '../errors.js';
import type { Problem } from '../errors.js';
import { answersRules, modelRules, questionnaireRules } from './rules.js';
import { strictModelRules, strictQuestionnaireRules } from './strict-rules.js';
import { loadYamlFile } from './safe-yaml.js';
import type { YamlFile } from './safe-yaml.js';
import { schemaProblems } from './validate-schema.js';
import { cache, detectKind, lazily, precompiled, questionnairePathFor, resolveRef, throwIfErrors } from './builtin.js';
import type { Assessment, FileKind, Loaded } from './builtin.js';

export { builtinDir, compiledDir, detectKind, packageRoot, questionnairePathFor, resolveRef, sha256 } from './builtin.js';
export type { Assessment, FileKind, Loaded } from './builtin.js';

function parseAs<T>(f: YamlFile, kind: FileKind, schema: import('zod').ZodType<T>): { data?: T; problems: Problem[] } {
  const found = detectKind(f.data);
  if (found && found !== kind) {
    return {
      problems: [
        {
          file: f.file,
          line: 1,
          col: 1,
          message: `is ${found === 'answers' ? 'an answers file' : `a ${found}`}, but a ${kind === 'answers' ? 'answers file' : kind} was expected here`,
          severity: 'error',
        },
      ],
    };
  }
  return schemaProblems(f, schema);
}

export function loadModel(path: string): Loaded<Model> {
  const key = `model:${path}`;
  const hit = cache.get(key);
  if (hit) return hit as Loaded<Model>;
  const pre = precompiled<Model>(path, 'models');
  if (pre) {
    const loaded = lazily(path, pre);
    cache.set(key, loaded);
    return loaded;
  }
  const f = loadYamlFile(path);
  const { data, problems } = parseAs(f, 'model', Model);
  throwIfErrors(problems, path);
  throwIfErrors(modelRules(f, data!), path);
  const loaded = { path, file: f, data: data! };
  cache.set(key, loaded);
  return loaded;
}

function wrongKind(f: YamlFile, kind: FileKind): Problem[] {
  const found = detectKind(f.data);
  if (!found || found === kind) return [];
  return [
    {
      file: f.file,
      line: 1,
      col: 1,
      message: `is ${found === 'answers' ? 'an answers file' : `a ${found}`}, but a ${kind === 'answers' ? 'answers file' : kind} was expected here`,
      severity: 'error',
    },
  ];
}

const questionnaireRef = (ref: string, baseDir: string) => resolveRef(ref, 'questionnaires', baseDir);

/** Problems found in an extended questionnaire's own lines say which file's changes led to them. */
function attribute(problems: Problem[], f: YamlFile): Problem[] {
  return problems.map((p) => (p.file === f.file ? p : { ...p, message: `${p.message} (in the questionnaire that ${f.file} extends, after its changes)` }));
}

/** A questionnaire with `extends` resolved, checked against its model. */
export function loadQuestionnaire(path: string): { questionnaire: Loaded<Questionnaire>; model: Loaded<Model>; resolved: ResolvedQuestionnaire } {
  const key = `questionnaire:${path}`;
  const hit = cache.get(key) as { questionnaire: Loaded<Questionnaire>; model: Loaded<Model>; resolved: ResolvedQuestionnaire } | undefined;
  if (hit) return hit;
  const pre = precompiled<Questionnaire>(path, 'questionnaires');
  if (pre) {
    const questionnaire = lazily(path, pre);
    let resolved: ResolvedQuestionnaire | undefined;
    const loaded = {
      questionnaire,
      model: loadModel(resolveRef(pre.model, 'models', dirname(path))),
      get resolved() {
        return (resolved ??= resolveQuestionnaireFile(questionnaire.file, questionnaireRef).resolved!);
      },
    };
    cache.set(key, loaded as unknown as Loaded<unknown>);
    return loaded;
  }
  const f = loadYamlFile(path);
  throwIfErrors(wrongKind(f, 'questionnaire'), path);
  const { resolved, problems } = resolveQuestionnaireFile(f, questionnaireRef);
  throwIfErrors(problems, path);
  const r = resolved!;
  const model = loadModel(resolveRef(r.model.ref, 'models', r.model.baseDir));
  throwIfErrors(
    attribute(
      questionnaireRules(f, r.data, model.data, (p) => originOf(r, p)),
      f,
    ),
    path,
  );
  const loaded = { questionnaire: { path, file: f, data: r.data }, model, resolved: r };
  cache.set(key, loaded as unknown as Loaded<unknown>);
  return loaded;
}

/** `parsed`: the file, when the caller has read it already (see quick.ts). */
export function loadAssessment(path: string, opts: { questionnaire?: string } = {}, parsed?: YamlFile): Assessment {
  const f = parsed ?? loadYamlFile(path);
  const { data, problems } = parseAs(f, 'answers', Answers);
  throwIfErrors(problems, path);
  const { questionnaire, model } = loadQuestionnaire(questionnairePathFor(data!, path, opts.questionnaire));
  const found = answersRules(f, data!, questionnaire.data, model.data);
  throwIfErrors(found, path);
  return { answers: { path, file: f, data: data! }, questionnaire, model, warnings: found.filter((p) => p.severity === 'warning') };
}

/** Checks one file of any kind and returns every problem found (for `itaas validate`). */
export function checkFile(path: string, opts: { questionnaire?: string; strict?: boolean } = {}, parsed?: YamlFile): { kind?: FileKind; problems: Problem[] } {
  let f: YamlFile;
  try {
    f = parsed ?? loadYamlFile(path);
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
    if (!data) return { kind, problems };
    const errors = modelRules(f, data);
    return { kind, problems: opts.strict && !errors.length ? strictModelRules(f, data) : errors };
  }
  if (kind === 'questionnaire') {
    const { resolved, problems } = resolveQuestionnaireFile(f, questionnaireRef);
    if (!resolved) return { kind, problems };
    let model: Model | undefined;
    const refProblems = related(() => {
      model = loadModel(resolveRef(resolved.model.ref, 'models', resolved.model.baseDir)).data;
    });
    const where = (p: Array<string | number>) => originOf(resolved, p);
    const found = [...refProblems.map((p) => ({ ...p, message: p.file === path ? p.message : `model: ${p.message}` })), ...attribute(questionnaireRules(f, resolved.data, model, where), f)];
    const strict = opts.strict && model && !found.some((p) => p.severity === 'error') ? attribute(strictQuestionnaireRules(f, resolved.data, model, where), f) : [];
    return { kind, problems: [...found, ...strict] };
  }
  const { data, problems } = schemaProblems(f, Answers);
  if (!data) return { kind, problems };
  let q: { questionnaire: Loaded<Questionnaire>; model: Loaded<Model> } | undefined;
  const refProblems = related(() => {
    q = loadQuestionnaire(questionnairePathFor(data, path, opts.questionnaire));
  });
  return { kind, problems: [...refProblems, ...answersRules(f, data, q?.questionnaire.data, q?.model.data)] };
}
