import type { Result } from '../core/assess.js';
import type { RoadmapItem } from '../core/roadmap.js';
import { LATER_WAVE } from '../core/roadmap.js';
import { resolveText } from '../core/text.js';
import type { Answers } from '../schema/answers.js';
import type { Text } from '../schema/common.js';
import type { Model } from '../schema/model.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { messages } from './messages/index.js';
import type { Messages } from './messages/index.js';

/** What every renderer gets: the loaded files, the result, and wording in one language. */
export interface ReportContext {
  lang: string;
  /** The fixed wording of the reports in `lang` (English where there is no catalogue for it). */
  t: Messages;
  model: Model;
  questionnaire: Questionnaire;
  answers: Answers;
  result: Result;
  /** Model text in the report language. */
  m: (t: Text | undefined) => string;
  /** Questionnaire text in the report language. */
  q: (t: Text | undefined) => string;
  dimTitle: (id: string) => string;
  axisTitle: (id: string) => string;
  phaseTitle: (n: number) => string;
  stageTitle: (id: string) => string;
  initiativeTitle: (id: string) => string;
  waveTitle: (id: string) => string;
  effortLabel: (id: string) => string;
  levelLabel: (level: number | null) => string;
  levelDescriptor: (dimension: string, level: number | null) => string;
  questionText: (id: string) => string;
  optionLabel: (question: string, option: string) => string;
  reasonText: (item: RoadmapItem) => string;
  /** A number with one decimal (or `digits`) and the report language's decimal mark; '–' for none. */
  num: (x: number | null, digits?: number) => string;
  /** A whole percentage (0..100) in the report language's style: 83% in English, 83 % in German. */
  pct: (percent: number) => string;
  /** For each language used instead of the one asked for, the distinct texts it was used for (for a single notice). */
  fallbacks: Map<string, Set<string>>;
}

export const fmtScore = (s: number | null): string => (s === null ? '–' : s.toFixed(1));

export function buildContext(model: Model, questionnaire: Questionnaire, answers: Answers, result: Result, lang?: string): ReportContext {
  const language = lang ?? answers.assessment.language ?? questionnaire.language;
  const fallbacks = new Map<string, Set<string>>();
  const fellBack = (t: Text, used: string) => {
    const seen = fallbacks.get(used) ?? new Set<string>();
    seen.add(typeof t === 'string' ? t : (t[used] ?? ''));
    fallbacks.set(used, seen);
  };
  const m = (t: Text | undefined) => resolveText(t, language, model.language, (used) => fellBack(t!, used));
  const q = (t: Text | undefined) => resolveText(t, language, questionnaire.language, (used) => fellBack(t!, used));
  const dims = new Map(model.dimensions.map((d) => [d.id, d]));
  const inits = new Map(model.initiatives.map((i) => [i.id, i]));
  const questions = new Map(questionnaire.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const)));
  const t = messages(language);
  const num = (x: number | null, digits = 1) => (x === null ? '–' : x.toFixed(digits).replace('.', t.decimal));
  const ctx: ReportContext = {
    lang: language,
    t,
    num,
    pct: (percent) => t.percent(percent),
    model,
    questionnaire,
    answers,
    result,
    m,
    q,
    fallbacks,
    dimTitle: (id) => m(dims.get(id)?.title) || id,
    axisTitle: (id) => m(model.axes.find((a) => a.id === id)?.title) || id,
    phaseTitle: (n) => (n === 0 ? m(model.phases.none.title) : m(model.phases.list[n - 1]?.title)),
    stageTitle: (id) => (id === model.stages.baseline.id ? m(model.stages.baseline.title) : m(model.stages.list.find((s) => s.id === id)?.title) || id),
    initiativeTitle: (id) => m(inits.get(id)?.title) || id,
    waveTitle: (id) => (id === LATER_WAVE ? t.laterWave(model.roadmap.waves[model.roadmap.waves.length - 1]!.toMonth) : m(model.roadmap.waves.find((w) => w.id === id)?.title) || id),
    effortLabel: (id) => m(model.roadmap.efforts.find((e) => e.id === id)?.label) || id,
    levelLabel: (level) => (level === null ? t.notAssessed : m(model.scale.find((s) => s.level === level)?.label) || String(level)),
    levelDescriptor: (dimension, level) => (level === null ? '' : m(dims.get(dimension)?.levels[String(level)])),
    questionText: (id) => q(questions.get(id)?.text) || id,
    optionLabel: (question, option) => {
      if (option === 'na') return t.notApplicable;
      if (option === 'dontKnow') return t.dontKnow;
      return q(questions.get(question)?.options.find((o) => o.id === option)?.label) || option;
    },
    reasonText: (item) => {
      const parts: string[] = [];
      for (const g of item.reason.gaps) {
        const next = g.holdsBackPhase && result.phase.next ? t.reason.holdsBackPhase(ctx.phaseTitle(result.phase.next.number)) : '';
        parts.push(t.reason.closesGap(num(g.closes), ctx.dimTitle(g.dimension), num(g.from), num(g.to)) + next);
      }
      if (item.reason.requiredBy.length) parts.push(t.reason.neededFirstBy(item.reason.requiredBy.map((id) => ctx.initiativeTitle(id))));
      return t.reason.sentence(parts);
    },
  };
  return ctx;
}
