import { order, validate } from '../schema/validators/answers.js';
import type { KeyOrder } from '../schema/standalone.js';
import { dirname } from 'node:path';
import type { Answers } from '../schema/answers.js';
import type { Model } from '../schema/model.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { cache, detectKind, lazily, precompiled, questionnairePathFor, resolveRef } from './builtin.js';
import type { Assessment, FileKind, Loaded } from './builtin.js';
import type { Problem } from '../errors.js';
import { answersStep, orThrow } from './inspection.js';
import type { Inspection } from './inspection.js';
import { loadPlainYamlFile } from './plain-yaml.js';
import { loadSafeLoader, SafeLoaderNotLoaded } from './yaml-file.js';
import type { YamlFile } from './yaml-file.js';

/*
 * The happy path of the commands run most (report, validate): an answers file for a built-in
 * questionnaire, checked by the validator generated at build time from the zod schema's JSON Schema.
 * Nothing here loads zod. Whatever the validator rejects, and every other kind of file, goes to the
 * full loader (index.ts), which finds the problems with zod and words them as before; the rules step
 * after the schema is the same code either way.
 */

/** A value laid out as zod would give it back: object keys in the order of the schema. */
function inSchemaOrder(value: unknown, keyOrder: KeyOrder | null | undefined): unknown {
  if (!keyOrder || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return keyOrder.items ? value.map((x) => inSchemaOrder(x, keyOrder.items)) : value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (keyOrder.keys) {
    for (const k of Object.keys(keyOrder.keys)) if (Object.hasOwn(src, k)) out[k] = inSchemaOrder(src[k], keyOrder.keys[k]);
  } else if (keyOrder.values !== undefined) {
    for (const k of Object.keys(src)) out[k] = inSchemaOrder(src[k], keyOrder.values);
  } else return value;
  return out;
}

/** The answers in a file the generated validator accepts, with zod's defaults; undefined if it rejects it. */
function validAnswers(yamlFile: YamlFile): Answers | undefined {
  if (detectKind(yamlFile.data) !== 'answers') return undefined;
  // The validator fills in defaults where it finds them missing: let it do so on a copy.
  const copy = structuredClone(yamlFile.data);
  return validate(copy) ? (inSchemaOrder(copy, order as KeyOrder) as Answers) : undefined;
}

/** A built-in questionnaire and its model from the build's checked copies, or undefined. */
function builtinQuestionnaire(path: string): { questionnaire: Loaded<Questionnaire>; model: Loaded<Model> } | undefined {
  const key = `quick-questionnaire:${path}`;
  const hit = cache.get(key) as { questionnaire: Loaded<Questionnaire>; model: Loaded<Model> } | undefined;
  if (hit) return hit;
  const checkedQuestionnaire = precompiled<Questionnaire>(path, 'questionnaires');
  if (!checkedQuestionnaire) return undefined;
  let modelPath: string;
  try {
    modelPath = resolveRef(checkedQuestionnaire.model, 'models', dirname(path));
  } catch {
    return undefined;
  }
  const checkedModel = precompiled<Model>(modelPath, 'models');
  if (!checkedModel) return undefined;
  const found = { questionnaire: lazily(path, checkedQuestionnaire), model: lazily(modelPath, checkedModel) };
  cache.set(key, found as unknown as Loaded<unknown>);
  return found;
}

/** The built-in questionnaire of valid answers; undefined if it is not one (a reference the full loader explains). */
function questionnaireOf(data: Answers, path: string, override: string | undefined) {
  try {
    return builtinQuestionnaire(questionnairePathFor(data, path, override));
  } catch {
    return undefined;
  }
}

/** The answers stage of inspect (index.ts), without zod; undefined unless the file is valid answers for a built-in questionnaire. */
function inspectQuickly(path: string, yamlFile: YamlFile, opts: { questionnaire?: string }): Inspection<'answers'> | undefined {
  const data = validAnswers(yamlFile);
  const questionnaire = data && questionnaireOf(data, path, opts.questionnaire);
  return data && questionnaire ? answersStep(path, yamlFile, data, { value: questionnaire, problems: [] }) : undefined;
}

/**
 * Runs a step of the quick path; if it needs the safe loader (a file the quick reader does not take, a problem to
 * place at its line and column), loads it and runs the step again. Steps only read, so running one twice is safe.
 */
async function withSafeLoader<T>(step: () => T): Promise<T> {
  try {
    return step();
  } catch (e) {
    if (!(e instanceof SafeLoaderNotLoaded)) throw e;
  }
  await loadSafeLoader();
  return step();
}

/** loadAssessment (index.ts), without zod for a valid answers file of a built-in questionnaire. */
export async function loadAssessmentQuickly(path: string, opts: { questionnaire?: string } = {}): Promise<Assessment> {
  const { yamlFile, found } = await withSafeLoader(() => {
    const yamlFile = loadPlainYamlFile(path);
    return { yamlFile, found: inspectQuickly(path, yamlFile, opts) };
  });
  return found ? orThrow(found, path) : (await import('./index.js')).loadAssessment(path, opts, yamlFile);
}

/** checkFile (index.ts), without zod for a valid answers file of a built-in questionnaire. */
export async function checkFileQuickly(path: string, opts: { questionnaire?: string; strict?: boolean } = {}): Promise<{ kind?: FileKind; problems: Problem[] }> {
  const { yamlFile, found } = await withSafeLoader(() => {
    let yamlFile: YamlFile | undefined;
    try {
      yamlFile = loadPlainYamlFile(path);
    } catch (e) {
      if (e instanceof SafeLoaderNotLoaded) throw e;
      // The full loader says what is wrong with the file.
    }
    return { yamlFile, found: yamlFile && inspectQuickly(path, yamlFile, opts) };
  });
  return found ? { kind: 'answers', problems: found.problems } : (await import('./index.js')).checkFile(path, opts, yamlFile);
}
