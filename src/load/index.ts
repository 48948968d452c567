import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import type { Problem } from '../errors.js';
import { Answers } from '../schema/answers.js';
import { Model } from '../schema/model.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { cache, detectKind, lazily, precompiled, questionnairePathFor, resolveRef } from './builtin.js';
import type { Assessment, FileKind, Loaded } from './builtin.js';
import { answersStep, hasErrors, orThrow } from './inspection.js';
import type { Inspection, InspectOptions, LoadedQuestionnaire, Reference } from './inspection.js';
import { originOf, resolveQuestionnaireFile } from './extend.js';
import type { ResolvedQuestionnaire } from './extend.js';
import { modelRules, questionnaireRules } from './rules.js';
import { loadYamlFile } from './safe-yaml.js';
import type { YamlFile } from './yaml-file.js';
import { strictModelRules, strictQuestionnaireRules } from './strict-rules.js';
import { schemaProblems } from './validate-schema.js';

export { builtinDir, compiledDir, detectKind, packageRoot, questionnairePathFor, resolveRef, sha256 } from './builtin.js';
export type { Assessment, FileKind, Loaded } from './builtin.js';
export type { Inspection, LoadedQuestionnaire } from './inspection.js';

/*
 * One pipeline for every file: read -> kind -> schema -> the files it refers to -> rules. `inspect`
 * runs it and returns every problem (for `itaas validate`); each loader is inspect plus a throw.
 */

/** A kind of file as a sentence names it: "a model", "an answers file". */
const aKind = (kind: FileKind): string => (kind === 'answers' ? 'an answers file' : `a ${kind}`);

/** A file of one kind where another was expected: said the same way for every loader. */
function wrongKind(yamlFile: YamlFile, found: FileKind, wanted: FileKind): Problem {
  return {
    file: yamlFile.file,
    line: 1,
    col: 1,
    message: `is ${aKind(found)}, but ${aKind(wanted)} was expected here`,
    severity: 'error',
  };
}

/** Loads a file this one refers to; its error becomes this file's problems, placed at the top of this file when it has none of its own. */
function referenced<T>(path: string, load: () => T): Reference<T> {
  try {
    return { value: load(), problems: [] };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { failure: e, problems: e.problems.length ? e.problems : [{ file: path, line: 1, col: 1, message: e.message, severity: 'error' }] };
  }
}

const questionnaireRef = (ref: string, baseDir: string) => resolveRef(ref, 'questionnaires', baseDir);

/** Problems found in an extended questionnaire's own lines say which file's changes led to them. */
function attribute(problems: Problem[], yamlFile: YamlFile): Problem[] {
  return problems.map((p) => (p.file === yamlFile.file ? p : { ...p, message: `${p.message} (in the questionnaire that ${yamlFile.file} extends, after its changes)` }));
}

function inspectModel(yamlFile: YamlFile, opts: InspectOptions): Inspection<'model'> {
  const { data, problems } = schemaProblems(yamlFile, Model);
  if (!data) return { kind: 'model', problems };
  const found = modelRules(yamlFile, data);
  if (hasErrors(found)) return { kind: 'model', problems: found };
  return { kind: 'model', value: data, problems: opts.strict && !found.length ? strictModelRules(yamlFile, data) : found };
}

function inspectQuestionnaire(path: string, yamlFile: YamlFile, opts: InspectOptions): Inspection<'questionnaire'> {
  const { resolved, problems } = resolveQuestionnaireFile(yamlFile, questionnaireRef);
  if (!resolved) return { kind: 'questionnaire', problems };
  const model = referenced(path, () => loadModel(resolveRef(resolved.model.ref, 'models', resolved.model.baseDir)));
  const where = (p: Array<string | number>) => originOf(resolved, p);
  const found = [
    ...model.problems.map((p) => ({ ...p, message: p.file === path ? p.message : `model: ${p.message}` })),
    ...attribute(questionnaireRules(yamlFile, resolved.data, model.value?.data, where), yamlFile),
  ];
  const failure = model.failure;
  if (!model.value || hasErrors(found)) return { kind: 'questionnaire', problems: found, ...(failure ? { failure } : {}) };
  const strict = opts.strict ? attribute(strictQuestionnaireRules(yamlFile, resolved.data, model.value.data, where), yamlFile) : [];
  return { kind: 'questionnaire', value: { questionnaire: { path, file: yamlFile, data: resolved.data }, model: model.value, resolved }, problems: [...found, ...strict] };
}

function inspectAnswers(path: string, yamlFile: YamlFile, opts: InspectOptions): Inspection<'answers'> {
  const { data, problems } = schemaProblems(yamlFile, Answers);
  if (!data) return { kind: 'answers', problems };
  return answersStep(
    path,
    yamlFile,
    data,
    referenced(path, () => loadQuestionnaire(questionnairePathFor(data, path, opts.questionnaire))),
  );
}

/** Reads and checks one file: every problem found, and the loaded file when none stops it. `parsed`: the file, when the caller has read it already (see quick.ts). */
export function inspect<K extends FileKind>(path: string, opts: InspectOptions & { expect: K }, parsed?: YamlFile): Inspection<K>;
export function inspect(path: string, opts?: InspectOptions, parsed?: YamlFile): Inspection;
export function inspect(path: string, opts: InspectOptions = {}, parsed?: YamlFile): Inspection {
  let yamlFile: YamlFile;
  try {
    yamlFile = parsed ?? loadYamlFile(path);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { problems: e.problems.length ? e.problems : [{ file: path, message: e.message, severity: 'error' }], failure: e };
  }
  const found = detectKind(yamlFile.data);
  if (opts.expect && found && found !== opts.expect) return { kind: found, problems: [wrongKind(yamlFile, found, opts.expect)] };
  const kind = found ?? opts.expect;
  if (!kind) {
    return { problems: [{ file: path, line: 1, col: 1, message: 'cannot tell what this file is; add "kind: model", "kind: questionnaire" or "kind: answers" at the top', severity: 'error' }] };
  }
  if (kind === 'model') return inspectModel(yamlFile, opts);
  if (kind === 'questionnaire') return inspectQuestionnaire(path, yamlFile, opts);
  return inspectAnswers(path, yamlFile, opts);
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
  const yamlFile = loadYamlFile(path);
  const loaded = { path, file: yamlFile, data: orThrow(inspect(path, { expect: 'model' }, yamlFile), path) };
  cache.set(key, loaded);
  return loaded;
}

/** A questionnaire with `extends` resolved, checked against its model. */
export function loadQuestionnaire(path: string): LoadedQuestionnaire {
  const key = `questionnaire:${path}`;
  const hit = cache.get(key) as LoadedQuestionnaire | undefined;
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
  const loaded = orThrow(inspect(path, { expect: 'questionnaire' }), path);
  cache.set(key, loaded as unknown as Loaded<unknown>);
  return loaded;
}

/** `parsed`: the file, when the caller has read it already (see quick.ts). */
export function loadAssessment(path: string, opts: { questionnaire?: string } = {}, parsed?: YamlFile): Assessment {
  return orThrow(inspect(path, { ...opts, expect: 'answers' }, parsed), path);
}

/** Checks one file of any kind and returns every problem found (for `itaas validate`). */
export function checkFile(path: string, opts: { questionnaire?: string; strict?: boolean } = {}, parsed?: YamlFile): { kind?: FileKind; problems: Problem[] } {
  const { kind, problems } = inspect(path, opts, parsed);
  return kind ? { kind, problems } : { problems };
}
