import { holds } from '../core/conditions.js';
import type { Model } from '../schema/model.js';
import type { Condition, Question, Questionnaire } from '../schema/questionnaire.js';
import type { Text } from '../schema/common.js';
import type { Problem } from '../errors.js';
import { contradictingRanges } from './ranges.js';
import { Findings } from './rules.js';
import type { Locator } from './rules.js';
import type { YamlFile } from './yaml-file.js';

/*
 * Authoring smells, reported by `itaas validate --strict` as warnings: the file works, but something
 * in it is probably not what its author meant.
 */

/** Beyond this many combinations of earlier answers, a condition is assumed to be satisfiable. */
const MAX_COMBINATIONS = 50_000;

const list = (xs: Iterable<number | string>) => [...xs].join(', ');

type Raise = Model['initiatives'][number]['raises'][number];

/**
 * Ids of initiatives that some gap can select, or that such an initiative needs first while it is
 * not yet done (the roadmap leaves out prerequisites already achieved).
 */
function selectableInitiatives(model: Model, canSelect: (r: Raise) => boolean, canBePending: (r: Raise) => boolean): Set<string> {
  const byId = new Map(model.initiatives.map((i) => [i.id, i]));
  const out = new Set(model.initiatives.filter((i) => i.raises.some(canSelect)).map((i) => i.id));
  const queue = [...out];
  while (queue.length) {
    for (const dep of byId.get(queue.shift()!)?.dependsOn ?? []) {
      const dependency = byId.get(dep);
      if (!out.has(dep) && dependency && dependency.raises.some(canBePending)) {
        out.add(dep);
        queue.push(dep);
      }
    }
  }
  return out;
}

export function strictModelRules(yamlFile: YamlFile, model: Model): Problem[] {
  const out = new Findings(yamlFile);
  const scale = model.scale.map((s) => s.level);
  // A gap in a step of a dimension that no initiative raises leaves the roadmap silent about it. A model
  // without initiatives has no roadmap to be silent, and a dimension without a target has no gap.
  if (!model.initiatives.length) return out.problems;
  model.dimensions.forEach((dim, i) => {
    if (dim.target === undefined) return;
    const target = dim.target;
    const raised = model.initiatives.flatMap((it) => it.raises.filter((r) => r.dimension === dim.id));
    const open = scale.slice(0, -1).filter((l, k) => l < target && !raised.some((r) => r.from <= l && r.to >= scale[k + 1]!));
    if (raised.length === 0) out.warn(['dimensions', i, 'id'], `no initiative raises dimension "${dim.id}", so a gap in it never reaches a roadmap`);
    else if (open.length) out.warn(['dimensions', i, 'id'], `no initiative raises dimension "${dim.id}" from level ${list(open)} to the next level, so such a gap never reaches a roadmap`);
  });
  return out.problems;
}

interface Visibility {
  question: Question;
  /** The section's and the question's conditions together. */
  when: Condition | undefined;
  answerable: string[];
}

/** Whether a condition can hold in some complete interview: every shown question answered, no hidden one. */
function makeSolver(questionnaire: Questionnaire): (cond: Condition) => boolean | undefined {
  const vis = new Map<string, Visibility>();
  for (const section of questionnaire.sections) {
    for (const qu of section.questions) {
      const parts = [section.when, qu.when].filter((c): c is Condition => c !== undefined);
      const answerable = [...qu.options.map((o) => o.id), ...(qu.allowNa ? ['na'] : []), ...(qu.allowDontKnow ? ['dontKnow'] : [])];
      vis.set(qu.id, { question: qu, when: parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { all: parts }, answerable });
    }
  }
  const refs = (condition: Condition | undefined, acc: Set<string>): Set<string> => {
    if (!condition) return acc;
    if ('all' in condition) condition.all.forEach((x) => refs(x, acc));
    else if ('any' in condition) condition.any.forEach((x) => refs(x, acc));
    else if ('not' in condition) refs(condition.not, acc);
    else if (!acc.has(condition.question) && vis.has(condition.question)) {
      acc.add(condition.question);
      refs(vis.get(condition.question)!.when, acc);
    }
    return acc;
  };
  return (cond) => {
    const vars = [...refs(cond, new Set())];
    // A question without a condition is always shown, so always answered.
    const domains = vars.map((variable) => {
      const info = vis.get(variable)!;
      return info.when ? [undefined, ...info.answerable] : info.answerable;
    });
    if (domains.reduce((n, d) => n * d.length, 1) > MAX_COMBINATIONS) return undefined;
    const choice = new Map<string, string>();
    const search = (i: number): boolean => {
      if (i === vars.length) {
        for (const variable of vars) if (choice.has(variable) !== holds(vis.get(variable)!.when, choice)) return false;
        return holds(cond, choice);
      }
      for (const value of domains[i]!) {
        if (value === undefined) choice.delete(vars[i]!);
        else choice.set(vars[i]!, value);
        if (search(i + 1)) return true;
      }
      choice.delete(vars[i]!);
      return false;
    };
    return search(0);
  };
}

export function strictQuestionnaireRules(yamlFile: YamlFile, questionnaireData: Questionnaire, model: Model, where?: Locator): Problem[] {
  const out = new Findings(yamlFile, where);
  const top = yamlFile.data && typeof yamlFile.data === 'object' && 'model' in yamlFile.data ? ['model'] : ['extends'];
  const scale = model.scale.map((s) => s.level);
  const canHold = makeSolver(questionnaireData);

  // Conditions that can never hold, and sections nobody is ever shown.
  const shown = new Set<string>();
  questionnaireData.sections.forEach((sec, si) => {
    const sectionOk = sec.when ? canHold(sec.when) !== false : true;
    if (!sectionOk) out.warn(['sections', si, 'when'], `this condition can never hold, so section "${sec.id}" is never shown; check the option ids it names against the questions it looks at`);
    let any = false;
    sec.questions.forEach((qu, qi) => {
      const parts = [sec.when, qu.when].filter((c): c is Condition => c !== undefined);
      if (qu.when && sectionOk) {
        const ok = canHold(parts.length === 1 ? parts[0]! : { all: parts }) !== false;
        if (!ok) out.warn(['sections', si, 'questions', qi, 'when'], `this condition can never hold${sec.when ? " (together with the section's)" : ''}, so question "${qu.id}" is never asked`);
        else {
          any = true;
          shown.add(qu.id);
        }
      } else if (sectionOk) {
        any = true;
        shown.add(qu.id);
      }
    });
    if (sectionOk && !any) out.warn(['sections', si], `section "${sec.id}" is never shown: none of its questions can ever be asked`);
  });

  // Options that leave levels of the scale uncovered. Where a dimension is scored by level, an option
  // is worth a share of its question's level instead, so it need not span the scale.
  if (model.scoring.dimension !== 'levels')
    questionnaireData.sections.forEach((s, si) =>
      s.questions.forEach((qu, qi) => {
        const have = new Set(qu.options.map((o) => o.level));
        const missing = scale.filter((l) => !have.has(l));
        if (missing.length) {
          out.warn(
            ['sections', si, 'questions', qi, 'options'],
            `no option of "${qu.id}" gives level${missing.length > 1 ? 's' : ''} ${list(missing)} of the scale (${list(scale)}); a respondent whose answer lies there has to pick a level that is not true`,
          );
        }
      }),
    );

  // Option labels that state a range other than the one the descriptor of their level states.
  const dims = new Map(model.dimensions.map((d) => [d.id, d]));
  // A plain string is in its file's language.
  const texts = (t: Text | undefined, lang: string): Array<[string, string]> => (t === undefined ? [] : typeof t === 'string' ? [[lang, t]] : Object.entries(t));
  questionnaireData.sections.forEach((s, si) =>
    s.questions.forEach((qu, qi) => {
      const levels = dims.get(qu.dimension)?.levels;
      qu.options.forEach((opt, oi) => {
        const descriptor = new Map(texts(levels?.[String(opt.level)], model.language));
        for (const [lang, label] of texts(opt.label, questionnaireData.language ?? 'en')) {
          const described = descriptor.get(lang);
          if (described === undefined) continue;
          for (const contradiction of contradictingRanges(label, described)) {
            out.warn(
              ['sections', si, 'questions', qi, 'options', oi, 'label', ...(typeof opt.label === 'string' ? [] : [lang])],
              `option "${opt.id}" of "${qu.id}" says "${contradiction.option.text}", but level ${opt.level} of dimension "${qu.dimension}" says ${contradiction.descriptor.map((x) => `"${x.text}"`).join(' and ')}${typeof opt.label === 'string' ? '' : ` (${lang})`}; make the option and the level descriptor state the same range`,
            );
          }
        }
      });
    }),
  );

  // Dimensions measured by fewer than two questions.
  const measuring = new Map<string, Array<[number, number]>>();
  questionnaireData.sections.forEach((s, si) => s.questions.forEach((qu, qi) => measuring.set(qu.dimension, [...(measuring.get(qu.dimension) ?? []), [si, qi]])));
  // Unmeasured dimensions in one warning: a questionnaire that covers a few dimensions of a large
  // model would otherwise get a screenful of the same advice.
  const unmeasured = model.dimensions.filter((d) => !measuring.has(d.id)).map((d) => d.id);
  if (unmeasured.length) {
    const unreachable = model.initiatives.filter((it) => it.raises.every((r) => !measuring.has(r.dimension))).length;
    const selectNone = unreachable
      ? ` and no gap can select the ${unreachable} initiative${unreachable === 1 ? '' : 's'} that raise${unreachable === 1 ? 's' : ''} ${unmeasured.length === 1 ? 'it' : 'only them'}`
      : '';
    out.warn(
      top,
      unmeasured.length === 1
        ? `no question measures dimension "${unmeasured[0]}", so it is never scored${selectNone}; add at least two questions for it`
        : `no question measures ${unmeasured.length} of the model's ${model.dimensions.length} dimensions (${unmeasured.map((id) => `"${id}"`).join(', ')}), so they are never scored${selectNone}; add at least two questions for each, or use a model with only the dimensions you assess`,
    );
  }
  for (const dim of model.dimensions) {
    const at = measuring.get(dim.id) ?? [];
    if (at.length === 1) {
      const [si, qi] = at[0]!;
      out.warn(
        ['sections', si, 'questions', qi, 'dimension'],
        `"${questionnaireData.sections[si]!.questions[qi]!.id}" is the only question measuring dimension "${dim.id}", so one answer decides its score; add a second question`,
      );
    }
  }

  // Initiatives the model could select but that no gap can select with these questions.
  const lowest = new Map<string, number>();
  for (const s of questionnaireData.sections) {
    for (const qu of s.questions) {
      if (!shown.has(qu.id)) continue;
      for (const o of qu.options) lowest.set(qu.dimension, Math.min(lowest.get(qu.dimension) ?? Infinity, o.level));
    }
  }
  // Targets may be raised per assessment up to the top of the scale, so only the questions can rule a gap out.
  const withQuestions = selectableInitiatives(
    model,
    (raise) => {
      const low = lowest.get(raise.dimension);
      return low !== undefined && Math.max(raise.from, low) < raise.to;
    },
    (raise) => {
      const low = lowest.get(raise.dimension);
      return low === undefined || low < raise.to;
    },
  );
  for (const it of model.initiatives) {
    if (withQuestions.has(it.id)) continue;
    // An initiative on dimensions without questions is already covered by the warning about the dimension.
    if (it.raises.every((r) => !measuring.has(r.dimension))) continue;
    const why = it.raises.map((r) => (lowest.has(r.dimension) ? `no answer on ${r.dimension} gives a level below ${r.to}` : `no question that can be asked measures ${r.dimension}`)).join('; ');
    out.warn(top, `no gap can select initiative "${it.id}" of the model with this questionnaire (${why}), so it never reaches a roadmap`);
  }
  return out.problems;
}
