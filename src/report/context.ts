import type { Result } from '../core/assess.js';
import type { GapReason, RoadmapItem } from '../core/roadmap.js';
import type { DimensionScore } from '../core/score.js';
import { LATER_WAVE } from '../core/roadmap.js';
import { answerLabel, formatNumber, resolveText } from '../core/text.js';
import { answerParts } from '../schema/answer-parts.js';
import type { Answers } from '../schema/answers.js';
import type { Text } from '../schema/common.js';
import type { Model } from '../schema/model.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { messages } from '../i18n/index.js';
import type { Messages } from '../i18n/index.js';
import { modelWords } from '../i18n/model-words.js';
import type { Words } from '../i18n/model-words.js';

/** What every renderer gets: the loaded files, the result, and wording in one language. */
export interface ReportContext {
  lang: string;
  /** The fixed wording of the reports in `lang` (English where there is no catalogue for it). */
  messages: Messages;
  /** @deprecated The name templates written for itaas 0.1 use for `messages`; still served to them. */
  t: Messages;
  model: Model;
  questionnaire: Questionnaire;
  answers: Answers;
  result: Result;
  /** Model text in the report language. */
  modelText: (text: Text | undefined) => string;
  /** Questionnaire text in the report language. */
  questionnaireText: (text: Text | undefined) => string;
  /** @deprecated The name templates written for itaas 0.1 use for `modelText`; still served to them. */
  m: (text: Text | undefined) => string;
  /** @deprecated The name templates written for itaas 0.1 use for `questionnaireText`; still served to them. */
  q: (text: Text | undefined) => string;
  dimTitle: (id: string) => string;
  axisTitle: (id: string) => string;
  phaseTitle: (phaseNumber: number) => string;
  stageTitle: (id: string) => string;
  initiativeTitle: (id: string) => string;
  /** The title of a roadmap wave: its number and its real span in calendar months. */
  waveTitle: (id: string) => string;
  outcomeTitle: (id: string) => string;
  /** The calendar month `offset` months after the roadmap's start, e.g. "Mar 2025". */
  monthLabel: (offset: number) => string;
  /** The calendar months from the start of month `start` to the end of month `end - 1`, e.g. "Mar 2025 – Jun 2025". */
  period: (start: number, end: number) => string;
  /** The first day of the month `offset` months after the roadmap's start, as YYYY-MM-DD. */
  monthDate: (offset: number) => string;
  effortLabel: (id: string) => string;
  levelLabel: (level: number | null) => string;
  levelDescriptor: (dimension: string, level: number | null) => string;
  questionText: (id: string) => string;
  optionLabel: (question: string, option: string) => string;
  reasonText: (item: RoadmapItem) => string;
  /** The model's own words for its concepts in the report language, neutral defaults where it has none. */
  words: Words;
  /** Whether any dimension has a target (from the model or the assessment). */
  hasTargets: boolean;
  /** The disagreement threshold in words ("two levels"). */
  apart: string;
  /** An option's value as written: whole levels as they are, fractions with the language's decimal mark. */
  valueText: (x: number | undefined) => string;
  /** The overall score as the report shows it, with the model's name for it. */
  overallLine: string;
  /** A number with one decimal (or `digits`) and the report language's decimal mark; '–' for none. */
  num: (x: number | null, digits?: number) => string;
  /** A whole percentage (0..100) in the report language's style: 83% in English, 83 % in German. */
  pct: (percent: number) => string;
  /**
   * The number of a respondent's note on a question. Notes are printed in full once, numbered in the
   * order of the appendix (respondent, then question); the rest of the report refers to them by number.
   */
  noteNumber: (respondent: string, question: string) => number | undefined;
  /** For each language used instead of the one asked for, the distinct texts it was used for (for a single notice). */
  fallbacks: Map<string, Set<string>>;
}

/** The year and month (1..12) `offset` months after a YYYY-MM month. */
function monthAt(start: string, offset: number): { year: number; month: number } {
  const [y, mo] = start.split('-').map(Number) as [number, number];
  const total = y * 12 + (mo - 1) + offset;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

/**
 * An item's steps on one dimension, read as one range for the reason text: 1.3->2 and 2->3 become
 * 1.3->3, with the shares added up and every partner named once.
 */
function mergeSteps(gaps: readonly GapReason[]): GapReason[] {
  const out: GapReason[] = [];
  for (const gap of gaps) {
    const last = out[out.length - 1];
    if (last && last.dimension === gap.dimension && last.holdsBackPhase === gap.holdsBackPhase && Math.abs(last.to - gap.from) < 1e-9) {
      out[out.length - 1] = {
        ...last,
        to: gap.to,
        closes: Math.round((last.closes + gap.closes) * 100) / 100,
        with: [...new Set([...last.with, ...gap.with])],
      };
    } else out.push({ ...gap, with: [...gap.with] });
  }
  return out;
}

/** Decimal places enough to show a score apart from the level it falls short of (2.96 is not "3.0"). */
function shortOf(score: number, min: number, precision: number): number {
  let digits = precision;
  while (digits < precision + 2 && Math.round(score * 10 ** digits) === Math.round(min * 10 ** digits)) digits++;
  return digits;
}

export const fmtScore = (score: number | null): string => (score === null ? '–' : score.toFixed(1));

export function buildContext(model: Model, questionnaire: Questionnaire, answers: Answers, result: Result, lang?: string): ReportContext {
  const language = lang ?? answers.assessment.language ?? questionnaire.language;
  const fallbacks = new Map<string, Set<string>>();
  const fellBack = (text: Text, used: string) => {
    const seen = fallbacks.get(used) ?? new Set<string>();
    seen.add(typeof text === 'string' ? text : (text[used] ?? ''));
    fallbacks.set(used, seen);
  };
  const modelText = (text: Text | undefined) => resolveText(text, language, model.language, (used) => fellBack(text!, used));
  const questionnaireText = (text: Text | undefined) => resolveText(text, language, questionnaire.language, (used) => fellBack(text!, used));
  const dims = new Map(model.dimensions.map((d) => [d.id, d]));
  const inits = new Map(model.initiatives.map((i) => [i.id, i]));
  const questions = new Map(questionnaire.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const)));
  const catalogue = messages(language);
  const precision = model.scoring?.precision ?? 1;
  const num = (x: number | null, digits = precision) => formatNumber(x, digits, catalogue.decimal);
  const words = modelWords(catalogue, model.terms ?? {}, modelText);
  const roadmapStart = result.roadmap?.start ?? answers.assessment.date.slice(0, 7);
  const notes = new Map<string, number>();
  for (const respondent of answers.respondents) {
    for (const x of questions.values()) {
      const raw = respondent.answers[x.id];
      if (raw !== undefined && answerParts(raw).note) notes.set(`${respondent.name}\u0000${x.id}`, notes.size + 1);
    }
  }
  // A report names the same few months many times (each item's period, the timeline, the Gantt chart).
  const byMonth = (write: (year: number, month: number) => string): ((offset: number) => string) => {
    const written = new Map<number, string>();
    return (offset) => {
      let text = written.get(offset);
      if (text === undefined) {
        const { year, month } = monthAt(roadmapStart, offset);
        written.set(offset, (text = write(year, month)));
      }
      return text;
    };
  };
  const ctx: ReportContext = {
    lang: language,
    messages: catalogue,
    num,
    pct: (percent) => catalogue.percent(percent),
    noteNumber: (respondent, question) => notes.get(`${respondent}\u0000${question}`),
    model,
    questionnaire,
    answers,
    result,
    modelText,
    questionnaireText,
    t: catalogue,
    m: modelText,
    q: questionnaireText,
    fallbacks,
    words,
    valueText: (x) => (x === undefined ? '–' : String(x).replace('.', catalogue.decimal)),
    hasTargets: result.dimensions.some((d) => d.target !== null),
    apart: catalogue.apart(result.scoring.disagreement, num(result.scoring.disagreement, Number.isInteger(result.scoring.disagreement) ? 0 : undefined)),
    overallLine: catalogue.report.overallLine(words.overallScore, num(result.overall), num(Math.min(...model.scale.map((s) => s.level)), 0), num(Math.max(...model.scale.map((s) => s.level)), 0)),
    dimTitle: (id) => modelText(dims.get(id)?.title) || id,
    axisTitle: (id) => modelText(model.axes.find((a) => a.id === id)?.title) || id,
    phaseTitle: (phaseNumber) => (phaseNumber === 0 ? modelText(model.phases?.none.title) : modelText(model.phases?.list[phaseNumber - 1]?.title)),
    stageTitle: (id) => (id === model.stages?.baseline.id ? modelText(model.stages.baseline.title) : modelText(model.stages?.list.find((s) => s.id === id)?.title) || id),
    initiativeTitle: (id) => modelText(inits.get(id)?.title) || id,
    waveTitle: (id) => {
      const waves = result.roadmap?.waves ?? [];
      const index = waves.findIndex((w) => w.id === id);
      if (index < 0) return id;
      const wave = waves[index]!;
      const from = ctx.monthLabel(wave.fromMonth);
      const to = ctx.monthLabel(Math.max(wave.fromMonth, wave.toMonth - 1));
      return id === LATER_WAVE
        ? catalogue.report.laterWaveTitle(result.roadmap!.horizon, from, to)
        : catalogue.report.waveTitle(modelText(model.roadmap?.waves.find((x) => x.id === id)?.title) || id, from, to);
    },
    outcomeTitle: (id) => modelText(model.outcomes.find((o) => o.id === id)?.title) || id,
    monthLabel: byMonth((year, month) => catalogue.monthYear(month, year)),
    period: (start, end) => (end - 1 <= start ? ctx.monthLabel(start) : `${ctx.monthLabel(start)} – ${ctx.monthLabel(end - 1)}`),
    monthDate: byMonth((year, month) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`),
    effortLabel: (id) => modelText(model.roadmap?.efforts.find((e) => e.id === id)?.label) || id,
    levelLabel: (level) => (level === null ? catalogue.notAssessed : modelText(model.scale.find((s) => s.level === level)?.label) || String(level)),
    levelDescriptor: (dimension, level) => (level === null ? '' : modelText(dims.get(dimension)?.levels[String(level)])),
    questionText: (id) => questionnaireText(questions.get(id)?.text) || id,
    optionLabel: (question, option) => answerLabel(questions.get(question), option, { text: questionnaireText, notApplicable: catalogue.notApplicable, dontKnow: catalogue.dontKnow }),
    reasonText: (item) => {
      const parts: string[] = [];
      for (const gap of mergeSteps(item.reason.gaps)) {
        const others = gap.with.map((id) => ctx.initiativeTitle(id));
        const gate = gap.holdsBackPhase ? result.phase?.next : undefined;
        const need = gate?.blockers.find((b) => b.dimension === gap.dimension);
        if (gate && need && need.score !== null) {
          const at = shortOf(need.score, need.min, precision);
          const whole = Math.abs(gap.from - need.score) < 1e-9 && Math.abs(gap.to - need.min) < 1e-9;
          parts.push(
            catalogue.reason.phaseGap(
              ctx.dimTitle(gap.dimension),
              num(need.score, at),
              num(need.min - need.score, at),
              num(need.min),
              ctx.phaseTitle(gate.number),
              others,
              whole ? null : { from: num(gap.from), to: num(gap.to) },
            ),
          );
        } else
          parts.push(
            others.length
              ? catalogue.reason.closesWith(others, ctx.dimTitle(gap.dimension), num(gap.from), num(gap.to))
              : catalogue.reason.closesGap(ctx.dimTitle(gap.dimension), num(gap.from), num(gap.to)),
          );
      }
      if (item.alternatives.length) parts.push(catalogue.reason.alternativeTo(item.alternatives.map((id) => ctx.initiativeTitle(id))));
      if (item.reason.requiredBy.length) parts.push(catalogue.reason.neededFirstBy(item.reason.requiredBy.map((id) => ctx.initiativeTitle(id))));
      return catalogue.reason.sentence(parts);
    },
  };
  return ctx;
}

/** A group of dimensions the score tables show together: one per axis, or all of them when the model has no axes. */
export interface ScoreGroup {
  id: string | null;
  title: string | null;
  description: string;
  /** The axis' score line, or '' without axes. */
  line: string;
  dimensions: string[];
}

export function scoreGroups(ctx: ReportContext): ScoreGroup[] {
  const { result, model, messages } = ctx;
  if (!result.axes.length) return [{ id: null, title: null, description: '', line: '', dimensions: result.dimensions.map((d) => d.id) }];
  return result.axes.map((axis) => ({
    id: axis.id,
    title: ctx.axisTitle(axis.id),
    description: ctx.modelText(model.axes.find((x) => x.id === axis.id)?.description),
    line: axis.target === null ? messages.report.axisScoreLine(ctx.num(axis.score)) : messages.report.axisLine(ctx.num(axis.score), ctx.num(axis.target), axis.belowTarget, axis.dimensions.length),
    dimensions: [...axis.dimensions],
  }));
}

/** A dimension's target as the tables show it: "*" marks one set by the assessment, '–' none. */
export const targetText = (dimension: DimensionScore): string => (dimension.target === null ? '–' : `${dimension.target}${dimension.targetSource === 'assessment' ? '*' : ''}`);

/** A dimension's gap as the tables show it: the gap, "met", or '–' when there is nothing to compare. */
export const gapText = (ctx: ReportContext, dimension: DimensionScore): string => (dimension.gap === null ? '–' : dimension.gap > 0 ? ctx.num(dimension.gap) : ctx.messages.met);
