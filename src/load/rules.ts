import { migrationRulesPath } from './migrations.js';
import { conditionLeaves } from '../core/conditions.js';
import { answerParts } from '../schema/answer-parts.js';
import type { Answers } from '../schema/answers.js';
import type { Model } from '../schema/model.js';
import { RESERVED_ANSWERS } from '../schema/answer-parts.js';
import type { Condition, Questionnaire } from '../schema/questionnaire.js';
import { questionnaireHash } from './hash.js';
import type { Problem } from '../errors.js';
import type { YamlFile } from './yaml-file.js';
import { pathString, safeLoader } from './yaml-file.js';

type Path = Array<string | number>;

/** Maps a data path to the file and path where the value was written (for merged questionnaires). */
export type Locator = (path: Path) => { file: YamlFile; path: Path };

/** Collects problems for one file, each placed at the line and column of the offending value. */
export class Findings {
  readonly problems: Problem[] = [];
  private readonly where: Locator;
  constructor(yamlFile: YamlFile, where?: Locator) {
    this.where = where ?? ((path) => ({ file: yamlFile, path }));
  }
  private push(path: Path, message: string, severity: Problem['severity'], key?: string): void {
    const origin = this.where(path);
    // Placing a problem needs the yaml package's document: on the quick path, loading it is left until a problem is found.
    const { locate, locateKey } = safeLoader();
    const pos = key === undefined ? locate(origin.file, origin.path) : locateKey(origin.file, origin.path, key);
    const shown = key === undefined ? origin.path : [...origin.path, key];
    this.problems.push({ file: origin.file.file, ...pos, message: `${pathString(shown)}: ${message}`, severity });
  }
  error(path: Path, message: string): void {
    this.push(path, message, 'error');
  }
  warn(path: Path, message: string): void {
    this.push(path, message, 'warning');
  }
  warnAtKey(path: Path, key: string, message: string): void {
    this.push(path, message, 'warning', key);
  }
  errorAtKey(path: Path, key: string, message: string): void {
    this.push(path, message, 'error', key);
  }
}

function uniqueIds(out: Findings, items: ReadonlyArray<{ id: string }>, path: Path, what: string): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) out.error([...path, i, 'id'], `duplicate ${what} id "${item.id}" (first used at ${pathString([...path, first])})`);
    else seen.set(item.id, i);
  });
  return new Set(seen.keys());
}

export function suggest(name: string, known: Iterable<string>): string {
  let best = '';
  let bestScore = Infinity;
  for (const k of known) {
    const distance = editDistance(name, k);
    if (distance < bestScore) {
      bestScore = distance;
      best = k;
    }
  }
  return best && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean "${best}"?` : '';
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

export function unknown(what: string, id: string, known: Iterable<string>): string {
  return `unknown ${what} "${id}"${suggest(id, known)}`;
}

/** Finds one dependency cycle, as the list of ids on it, or null. */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visitNode = (node: string): string[] | null => {
    state.set(node, 1);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue;
      const seen = state.get(next);
      if (seen === 1) return [...stack.slice(stack.indexOf(next)), next];
      if (seen === undefined) {
        const cycle = visitNode(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 2);
    return null;
  };
  for (const start of [...edges.keys()].sort()) {
    if (!state.has(start)) {
      const found = visitNode(start);
      if (found) return found;
    }
  }
  return null;
}

export function modelRules(yamlFile: YamlFile, modelData: Model): Problem[] {
  const out = new Findings(yamlFile);
  const levels = modelData.scale.map((s) => s.level);
  const minLevel = Math.min(...levels);
  const maxLevel = Math.max(...levels);
  levels.forEach((level, i) => {
    if (i > 0 && level <= levels[i - 1]!) out.error(['scale', i, 'level'], 'scale levels must increase, lowest first');
  });
  const axes = uniqueIds(out, modelData.axes, ['axes'], 'axis');
  const dims = uniqueIds(out, modelData.dimensions, ['dimensions'], 'dimension');
  modelData.dimensions.forEach((dimension, i) => {
    if (dimension.axis === undefined) {
      if (axes.size) out.error(['dimensions', i], `has no "axis"; the model has axes, so name one of ${[...axes].join(', ')}`);
    } else if (!axes.has(dimension.axis))
      out.error(['dimensions', i, 'axis'], axes.size ? unknown('axis', dimension.axis, axes) : `unknown axis "${dimension.axis}": the model declares no axes; add them under "axes:" or remove "axis"`);
    if (dimension.target !== undefined && (dimension.target < minLevel || dimension.target > maxLevel))
      out.error(['dimensions', i, 'target'], `must be between ${minLevel} and ${maxLevel}, the scale's levels`);
    for (const level of levels) if (dimension.levels[String(level)] === undefined) out.error(['dimensions', i, 'levels'], `has no descriptor for level ${level}`);
    for (const k of Object.keys(dimension.levels)) if (!levels.includes(Number(k))) out.errorAtKey(['dimensions', i, 'levels'], k, `level ${k} is not on the scale (${levels.join(', ')})`);
  });
  const requirementRules = (reqs: ReadonlyArray<{ dimension: string; min: number }>, path: Path) =>
    reqs.forEach((requirement, j) => {
      if (!dims.has(requirement.dimension)) out.error([...path, j, 'dimension'], unknown('dimension', requirement.dimension, dims));
      if (requirement.min < minLevel || requirement.min > maxLevel) out.error([...path, j, 'min'], `must be between ${minLevel} and ${maxLevel}`);
    });
  if (modelData.phases) {
    uniqueIds(out, modelData.phases.list, ['phases', 'list'], 'phase');
    modelData.phases.list.forEach((p, i) => requirementRules(p.requires, ['phases', 'list', i, 'requires']));
  }
  if (modelData.stages) {
    const stageIds = uniqueIds(out, modelData.stages.list, ['stages', 'list'], 'stage');
    if (stageIds.has(modelData.stages.baseline.id)) out.error(['stages', 'baseline', 'id'], `"${modelData.stages.baseline.id}" is also the id of a listed stage`);
    modelData.stages.list.forEach((s, i) => requirementRules(s.requires, ['stages', 'list', i, 'requires']));
  }
  if (modelData.initiatives.length && !modelData.roadmap) out.error(['initiatives'], 'a model with initiatives needs a "roadmap:" section with its waves and efforts');
  if (modelData.roadmap) {
    uniqueIds(out, modelData.roadmap.waves, ['roadmap', 'waves'], 'wave');
    modelData.roadmap.waves.forEach((roadmapWave, i) => {
      const prev = modelData.roadmap!.waves[i - 1];
      if (prev && roadmapWave.fromMonth !== prev.toMonth) out.error(['roadmap', 'waves', i, 'fromMonth'], `must be ${prev.toMonth}, where the previous wave ends`);
    });
  }
  const efforts = uniqueIds(out, modelData.roadmap?.efforts ?? [], ['roadmap', 'efforts'], 'effort');
  const inits = uniqueIds(out, modelData.initiatives, ['initiatives'], 'initiative');
  const outcomes = uniqueIds(out, modelData.outcomes, ['outcomes'], 'outcome');
  const edges = new Map<string, string[]>();
  modelData.initiatives.forEach((it, i) => {
    if (modelData.roadmap && !efforts.has(it.effort)) out.error(['initiatives', i, 'effort'], unknown('effort', it.effort, efforts));
    it.raises.forEach((raise, j) => {
      if (!dims.has(raise.dimension)) out.error(['initiatives', i, 'raises', j, 'dimension'], unknown('dimension', raise.dimension, dims));
      if (raise.from < minLevel || raise.to > maxLevel) out.error(['initiatives', i, 'raises', j], `levels must lie between ${minLevel} and ${maxLevel}`);
    });
    it.dependsOn.forEach((dep, j) => {
      if (!inits.has(dep)) out.error(['initiatives', i, 'dependsOn', j], unknown('initiative', dep, inits));
      if (dep === it.id) out.error(['initiatives', i, 'dependsOn', j], 'an initiative cannot depend on itself');
    });
    it.alternatives.forEach((alt, j) => {
      if (!inits.has(alt)) out.error(['initiatives', i, 'alternatives', j], unknown('initiative', alt, inits));
      if (alt === it.id) out.error(['initiatives', i, 'alternatives', j], 'an initiative cannot be its own alternative');
    });
    it.outcomes.forEach((outcome, j) => {
      if (!outcomes.has(outcome)) out.error(['initiatives', i, 'outcomes', j], unknown('outcome', outcome, outcomes));
    });
    if (!edges.has(it.id))
      edges.set(
        it.id,
        it.dependsOn.filter((d) => d !== it.id),
      );
  });
  const cycle = findCycle(edges);
  if (cycle) {
    const i = modelData.initiatives.findIndex((x) => x.id === cycle[0]);
    out.error(['initiatives', i, 'dependsOn'], `dependency cycle: ${cycle.join(' -> ')}; remove one of these dependencies`);
  }
  return out.problems;
}

export function questionnaireRules(yamlFile: YamlFile, questionnaire: Questionnaire, model: Model | undefined, where?: Locator): Problem[] {
  const out = new Findings(yamlFile, where);
  uniqueIds(out, questionnaire.sections, ['sections'], 'section');
  const dims = new Set(model?.dimensions.map((d) => d.id) ?? []);
  const levels = new Set(model?.scale.map((s) => s.level) ?? []);
  const earlier = new Map<string, Set<string>>();
  const seen = new Map<string, string>();
  const checkCondition = (cond: Condition, path: Path, self?: string) => {
    for (const leaf of conditionLeaves(cond)) {
      const at = [...path, ...leaf.path];
      const opts = earlier.get(leaf.question);
      if (!opts) {
        if (leaf.question === self) out.error([...at, 'question'], 'a question cannot depend on its own answer');
        else if (seen.has(leaf.question) || questionnaire.sections.some((s) => s.questions.some((x) => x.id === leaf.question)))
          out.error([...at, 'question'], `"${leaf.question}" comes later; conditions may only look at earlier questions`);
        else out.error([...at, 'question'], unknown('question', leaf.question, earlier.keys()));
        continue;
      }
      leaf.values.forEach((value, k) => {
        if (!opts.has(value)) out.error([...at, leaf.key, k], `"${leaf.question}" has no option "${value}" (options: ${[...opts].join(', ')})`);
      });
    }
  };
  questionnaire.sections.forEach((sec, si) => {
    if (sec.when) checkCondition(sec.when, ['sections', si, 'when']);
    sec.questions.forEach((qu, qi) => {
      const path: Path = ['sections', si, 'questions', qi];
      const first = seen.get(qu.id);
      if (first) out.error([...path, 'id'], `duplicate question id "${qu.id}" (first used in section "${first}")`);
      seen.set(qu.id, sec.id);
      if (model && !dims.has(qu.dimension)) out.error([...path, 'dimension'], unknown('dimension', qu.dimension, dims));
      if (qu.when) checkCondition(qu.when, [...path, 'when'], qu.id);
      if (model?.scoring.dimension === 'levels' && qu.level === undefined) {
        out.error(path, `has no "level": model ${model.id} scores each dimension by level (scoring.dimension: levels), so every question names the level it belongs to`);
      }
      if (model && qu.level !== undefined && !levels.has(qu.level)) out.error([...path, 'level'], `level ${qu.level} is not on the model's scale (${[...levels].join(', ')})`);
      const optIds = new Set<string>();
      qu.options.forEach((opt, oi) => {
        if ((RESERVED_ANSWERS as readonly string[]).includes(opt.id)) out.error([...path, 'options', oi, 'id'], `"${opt.id}" is reserved for the built-in answer; choose another id`);
        if (optIds.has(opt.id)) out.error([...path, 'options', oi, 'id'], `duplicate option id "${opt.id}"`);
        optIds.add(opt.id);
        if (model && (opt.level < Math.min(...levels) || opt.level > Math.max(...levels))) {
          out.error([...path, 'options', oi, 'level'], `${opt.level} is not on the model's scale, which runs from ${Math.min(...levels)} to ${Math.max(...levels)}`);
        }
      });
      const answerable = new Set(optIds);
      if (qu.allowNa) answerable.add('na');
      if (qu.allowDontKnow) answerable.add('dontKnow');
      if (!earlier.has(qu.id)) earlier.set(qu.id, answerable);
    });
  });
  return out.problems;
}

export function answersRules(yamlFile: YamlFile, answersData: Answers, questionnaireData: Questionnaire | undefined, model: Model | undefined): Problem[] {
  const out = new Findings(yamlFile);
  const capacity = answersData.roadmap?.capacity;
  if (capacity !== undefined && !Number.isInteger(capacity)) out.error(['roadmap', 'capacity'], `must be a whole number of initiatives run at once, not ${capacity}`);
  if (questionnaireData) {
    if (answersData.questionnaire.id !== questionnaireData.id) {
      out.error(['questionnaire', 'id'], `answers are for questionnaire "${answersData.questionnaire.id}", but "${questionnaireData.id}" was given`);
      return out.problems;
    }
    if (answersData.questionnaire.version !== questionnaireData.version) {
      out.error(
        ['questionnaire', 'version'],
        migrationRulesPath(questionnaireData.id, answersData.questionnaire.version)
          ? `answers were given against ${questionnaireData.id} version ${answersData.questionnaire.version}, but the questionnaire is version ${questionnaireData.version}; carry them over with \`itaas migrate ${yamlFile.file}\` (it keeps the answers that still mean the same and lists the questions to ask again)`
          : `answers were given against ${questionnaireData.id} version ${answersData.questionnaire.version}, but the questionnaire is version ${questionnaireData.version}; use the questionnaire file of version ${answersData.questionnaire.version} (--questionnaire FILE), or migrate the answers`,
      );
      return out.problems;
    }
    const hash = answersData.questionnaire.hash;
    if (hash !== undefined && hash !== questionnaireHash(questionnaireData)) {
      out.warn(
        ['questionnaire', 'hash'],
        `answers were given against a different text of ${questionnaireData.id} version ${questionnaireData.version}: the questionnaire was changed since, without a new version number; check that the questions still mean what the respondents answered, and give a changed questionnaire a new version`,
      );
    }
  }
  const questions = new Map(questionnaireData?.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const)) ?? []);
  const names = new Set<string>();
  answersData.respondents.forEach((person, ri) => {
    if (names.has(person.name)) out.error(['respondents', ri, 'name'], `duplicate respondent name "${person.name}"`);
    names.add(person.name);
    if (!questionnaireData) return;
    for (const [qid, ans] of Object.entries(person.answers)) {
      const question = questions.get(qid);
      if (!question) {
        out.errorAtKey(['respondents', ri, 'answers'], qid, unknown('question', qid, questions.keys()));
        continue;
      }
      const { option } = answerParts(ans);
      const at: Path = ['respondents', ri, 'answers', qid, ...(typeof ans === 'string' ? [] : ['option'])];
      if (option === 'na') {
        if (!question.allowNa) out.error(at, `"${qid}" does not allow "na" (not applicable)`);
      } else if (option === 'dontKnow') {
        if (!question.allowDontKnow) out.error(at, `"${qid}" does not allow "dontKnow"`);
      } else if (!question.options.some((o) => o.id === option)) {
        const ids = question.options.map((o) => o.id);
        const all = [...ids, ...(question.allowNa ? ['na'] : []), ...(question.allowDontKnow ? ['dontKnow'] : [])];
        out.error(at, `"${qid}" has no option "${option}"${suggest(option, ids)} (options: ${all.join(', ')})`);
      }
    }
  });
  if (answersData.targets && model) {
    const dims = new Set(model.dimensions.map((d) => d.id));
    const max = Math.max(...model.scale.map((s) => s.level));
    const min = Math.min(...model.scale.map((s) => s.level));
    for (const [dim, target] of Object.entries(answersData.targets)) {
      if (!dims.has(dim)) out.errorAtKey(['targets'], dim, unknown('dimension', dim, dims));
      else if (target < min || target > max) out.error(['targets', dim], `must be between ${min} and ${max}`);
    }
  }
  return out.problems;
}
