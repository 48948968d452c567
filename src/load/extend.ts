import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { extendQuestionnaire, ordered } from '../core/extend.js';
import type { ExtendIssue, Origin as PartOrigin, SectionOrigins } from '../core/extend.js';
import { QuestionnaireFile } from '../schema/questionnaire.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { UserError } from '../errors.js';
import { suggest } from './rules.js';
import type { Problem } from '../errors.js';
import { loadYamlFile } from './safe-yaml.js';
import type { YamlFile } from './yaml-file.js';
import { schemaProblems } from './validate-schema.js';
import { locate } from './safe-yaml.js';
import { pathString } from './yaml-file.js';

type Path = Array<string | number>;

/** Where a part of a resolved questionnaire was written: a file and the data path inside it. */
export type Origin = PartOrigin<YamlFile>;

/** A questionnaire with any `extends` resolved, and where each of its sections and questions came from. */
export interface ResolvedQuestionnaire {
  file: YamlFile;
  data: Questionnaire;
  /** Parallel to data.sections: the origin of each section and of each of its questions. */
  origins: SectionOrigins<YamlFile>;
  /** The model file reference and the folder it is relative to. */
  model: { ref: string; baseDir: string };
  /** Files this questionnaire was built from, the file itself first. */
  chain: string[];
}

/** Maps a data path of the resolved questionnaire to the file and path where that value was written. */
export function originOf(resolved: ResolvedQuestionnaire, path: ReadonlyArray<string | number>): Origin {
  if (path[0] === 'sections' && typeof path[1] === 'number') {
    const sectionOrigin = resolved.origins[path[1]];
    if (sectionOrigin) {
      if (path[2] === 'questions' && typeof path[3] === 'number') {
        const questionOrigin = sectionOrigin.questions[path[3]];
        if (questionOrigin) return { file: questionOrigin.file, path: [...questionOrigin.path, ...path.slice(4)] };
      }
      return { file: sectionOrigin.origin.file, path: [...sectionOrigin.origin.path, ...path.slice(2)] };
    }
  }
  return { file: resolved.file, path: [...path] };
}

/** An issue of the merge as the problem the user reads, at the line of the extending file that caused it. */
function describe(issue: ExtendIssue): string {
  const whereDropped = (id: string, dropped: boolean) => (dropped ? ` ("${id}" is dropped above)` : '');
  switch (issue.code) {
    case 'dropUnknown':
      return issue.alreadyDropped ? `"${issue.id}" is already dropped` : `the extended questionnaire has no question or section "${issue.id}"${suggest(issue.id, issue.known)}`;
    case 'dropEmptiesSection':
      return `dropping "${issue.id}" leaves section "${issue.section}" without questions; drop the section instead`;
    case 'replaceUnknownQuestion':
      return `the extended questionnaire has no question "${issue.id}"${whereDropped(issue.id, issue.dropped)}${issue.dropped ? '' : suggest(issue.id, issue.known)}; to add a new question, use "add"`;
    case 'replaceUnknownSection':
      return `the extended questionnaire has no section "${issue.id}"${whereDropped(issue.id, issue.dropped)}${issue.dropped ? '' : suggest(issue.id, issue.known)}; to add a new section, use "add"`;
    case 'addExistingSection':
      return `there already is a section "${issue.id}"; to change it, use "replace"`;
    case 'addAfterUnknownSection':
      return `no section "${issue.after}"${whereDropped(issue.after, issue.dropped)}${suggest(issue.after, issue.known)}`;
    case 'addIntoUnknownSection':
      return `no section "${issue.into}"${whereDropped(issue.into, issue.dropped)}${issue.dropped ? '' : suggest(issue.into, issue.known)}`;
    case 'addExistingQuestion':
      return `there already is a question "${issue.id}" (in section "${issue.section}"); to change it, use "replace"`;
    case 'addAfterUnknownQuestion':
      return `section "${issue.into}" has no question "${issue.after}"${whereDropped(issue.after, issue.dropped)}${suggest(issue.after, issue.known)}`;
    case 'dependsOnDropped':
      return `${issue.what} "${issue.id}" is shown only depending on the answer to "${issue.question}", which is dropped; drop or replace "${issue.id}" too`;
  }
}

/**
 * Reads a questionnaire file and resolves `extends`: the extended questionnaire (built-in id or path,
 * itself possibly extending another) is loaded and changed by `drop`, `replace` and `add`, in that
 * order. Problems point at the line of the file that caused them.
 */
export function resolveQuestionnaireFile(yamlFile: YamlFile, resolveRef: (ref: string, baseDir: string) => string, stack: string[] = []): { resolved?: ResolvedQuestionnaire; problems: Problem[] } {
  const { data: raw, problems } = schemaProblems(yamlFile, QuestionnaireFile);
  if (!raw) return { problems };
  const here = dirname(yamlFile.file);
  const err = (path: Path, message: string): Problem => ({ file: yamlFile.file, ...locate(yamlFile, path), message: `${pathString(path)}: ${message}`, severity: 'error' });

  if (raw.extends === undefined) {
    const language = raw.language ?? 'en';
    const data: Questionnaire = { kind: 'questionnaire', id: raw.id, version: raw.version, title: raw.title!, language, model: raw.model!, sections: raw.sections! };
    if (raw.description !== undefined) data.description = raw.description;
    const origins = raw.sections!.map((s, i) => ({
      origin: { file: yamlFile, path: ['sections', i] },
      questions: s.questions.map((_, j) => ({ file: yamlFile, path: ['sections', i, 'questions', j] })),
    }));
    return { resolved: { file: yamlFile, data: ordered(data), origins, model: { ref: raw.model!, baseDir: here }, chain: [yamlFile.file] }, problems: [] };
  }

  // The extended questionnaire.
  let basePath: string;
  try {
    basePath = resolveRef(raw.extends, here);
  } catch (e) {
    if (e instanceof UserError) return { problems: [err(['extends'], e.message)] };
    throw e;
  }
  if (resolve(basePath) === resolve(yamlFile.file) || stack.includes(resolve(basePath))) {
    return {
      problems: [
        err(
          ['extends'],
          `extends itself (${[...stack, resolve(yamlFile.file), resolve(basePath)].map((p) => relative(process.cwd(), p) || p).join(' -> ')}); a questionnaire cannot extend one that extends it`,
        ),
      ],
    };
  }
  let baseFile: YamlFile;
  try {
    baseFile = loadYamlFile(basePath);
  } catch (e) {
    if (e instanceof UserError)
      return { problems: [err(['extends'], `cannot read the extended questionnaire: ${e.problems[0]?.message ?? e.message}`), ...e.problems.filter((p) => p.line !== undefined)] };
    throw e;
  }
  const base = resolveQuestionnaireFile(baseFile, resolveRef, [...stack, resolve(yamlFile.file)]);
  if (!base.resolved) {
    const count = base.problems.filter((p) => p.severity === 'error').length;
    return { problems: [err(['extends'], `the extended questionnaire ${basePath} has ${count} problem${count === 1 ? '' : 's'}; fix ${count === 1 ? 'it' : 'them'} first`), ...base.problems] };
  }
  const baseResolved = base.resolved;
  const modelRef = raw.model !== undefined ? { ref: raw.model, baseDir: here } : baseResolved.model;
  const merged = extendQuestionnaire(baseResolved, raw, yamlFile, raw.model ?? portableRef(baseResolved.model, here));
  if (!('data' in merged)) return { problems: merged.issues.map((issue) => err(issue.at, describe(issue))) };
  return { resolved: { file: yamlFile, data: merged.data, origins: merged.origins, model: modelRef, chain: [yamlFile.file, ...baseResolved.chain] }, problems: [] };
}

/** A model reference as the extending file would write it: built-in ids stay, paths become relative to it. */
function portableRef(model: { ref: string; baseDir: string }, here: string): string {
  if (!/[/\\]/.test(model.ref) && !/\.ya?ml$/i.test(model.ref)) return model.ref;
  const abs = isAbsolute(model.ref) ? model.ref : resolve(model.baseDir, model.ref);
  return relative(here, abs).split('\\').join('/') || abs;
}
