import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Answers } from '../schema/answers.js';
import type { Model } from '../schema/model.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { formatProblem, UserError } from '../errors.js';
import type { Problem } from '../errors.js';
import { safeLoader } from './yaml-file.js';
import type { YamlFile } from './yaml-file.js';

/* What every loader shares, without the zod schemas: where the built-ins are, their checked copies, references, kinds. */

export type FileKind = 'model' | 'questionnaire' | 'answers';

/** The folder the package is installed in (holds models/, questionnaires/, templates/). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const builtinDir = (kind: 'models' | 'questionnaires') => join(packageRoot, kind);

export interface Loaded<T> {
  /** The file's path, without parsing it again. */
  path: string;
  file: YamlFile;
  data: T;
}

export interface Assessment {
  answers: Loaded<Answers>;
  questionnaire: Loaded<Questionnaire>;
  model: Loaded<Model>;
  /** Problems that do not stop a report (e.g. the questionnaire changed without a new version). */
  warnings: Problem[];
}

export function detectKind(data: unknown): FileKind | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if (record.kind === 'model' || record.kind === 'questionnaire' || record.kind === 'answers') return record.kind;
  if ('respondents' in record || 'assessment' in record) return 'answers';
  if ('sections' in record) return 'questionnaire';
  if ('dimensions' in record || 'initiatives' in record) return 'model';
  return undefined;
}

export const cache = new Map<string, Loaded<unknown>>();

/** Where the build keeps the checked contents of the built-in models and questionnaires. */
export const compiledDir = (kind: 'models' | 'questionnaires') => join(packageRoot, 'dist', 'builtin', kind);

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * The built-in files are large and checked when the package is built; parsing and checking them again
 * on every run would be most of a report's cost. Their checked contents are used while the file's bytes
 * still hash to what was checked; an edited file goes through the full loader.
 */
export function precompiled<T>(path: string, kind: 'models' | 'questionnaires'): T | undefined {
  if (process.env.ITAAS_NO_PRECOMPILED || resolve(dirname(path)) !== builtinDir(kind)) return undefined;
  const compiled = join(compiledDir(kind), `${basename(path).replace(/\.ya?ml$/, '')}.json`);
  if (!existsSync(compiled) || !existsSync(path)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(compiled, 'utf8')) as { sha256: string; data: T };
    return entry.sha256 === sha256(readFileSync(path)) ? entry.data : undefined;
  } catch {
    return undefined;
  }
}

/** A loaded file whose YAML document is only parsed if someone asks for it (for positions). */
export function lazily<T>(path: string, data: T): Loaded<T> {
  let yamlFile: YamlFile | undefined;
  return {
    path,
    data,
    get file() {
      return (yamlFile ??= safeLoader().loadYamlFile(path));
    },
  };
}

export function throwIfErrors(problems: Problem[], what: string): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new UserError(`${what} has ${errors.length} problem${errors.length > 1 ? 's' : ''}:\n${errors.map(formatProblem).join('\n')}`, errors);
}

function listBuiltins(kind: 'models' | 'questionnaires'): string[] {
  const dir = builtinDir(kind);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(dir, f))
    : [];
}

/** Resolves a model or questionnaire reference: a path (relative to `baseDir`) or a built-in id. */
export function resolveRef(ref: string, kind: 'models' | 'questionnaires', baseDir: string): string {
  if (/[/\\]/.test(ref) || /\.ya?ml$/i.test(ref)) return isAbsolute(ref) ? ref : resolve(baseDir, ref);
  const byName = join(builtinDir(kind), `${ref}.yaml`);
  if (existsSync(byName)) return byName;
  const names = listBuiltins(kind).map((p) => p.replace(/^.*[/\\]/, '').replace(/\.ya?ml$/, ''));
  throw new UserError(`no built-in ${kind === 'models' ? 'model' : 'questionnaire'} "${ref}" (built-in: ${names.join(', ') || 'none'}); give a path to a .yaml file instead`);
}

/** The questionnaire file an answers file was given against. */
export function questionnairePathFor(answers: Answers, answersPath: string, override?: string): string {
  if (override) return resolveRef(override, 'questionnaires', process.cwd());
  if (answers.questionnaire.path) return resolve(dirname(answersPath), answers.questionnaire.path);
  return resolveRef(answers.questionnaire.id, 'questionnaires', dirname(answersPath));
}
