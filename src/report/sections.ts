import type { RequirementCheck } from '../core/placement.js';
import type { RoadmapItem } from '../core/roadmap.js';
import type { DimensionScore, QuestionResponse, QuestionScore } from '../core/score.js';
import type { Messages } from '../i18n/index.js';
import { answerParts } from '../schema/answer-parts.js';
import type { Result } from '../core/assess.js';
import { scoreGroups } from './context.js';
import type { ReportContext, ScoreGroup } from './context.js';
import { evidenceGroups, roadmapByOutcome, strengths, summary } from './summary.js';
import type { EvidenceGroup, OutcomeSummary, Strength, Summary } from './summary.js';

/*
 * The report's sections: which ones a report has, in which order, under which title, and what each
 * needs. The Markdown and HTML templates consult it (`it.sections`, `it.section`) and the PDF document
 * iterates it, so that a section's title, order and condition are written once.
 */

/** Every section any format prints, by its anchor (the HTML id, the PDF's named destination). */
export type SectionId = 'summary' | 'position' | 'scores' | 'dimensions' | 'disagreements' | 'roadmap' | 'in-place' | 'appendix';

/** The formats laid out section by section (JSON and CSV are data, not a document). */
export type DocumentFormat = 'md' | 'html' | 'pdf';

/**
 * The order each format prints its sections in. Deliberate differences: only HTML has the dimension
 * cards (`dimensions`), which its score tables link to; PDF and Markdown show each dimension's level
 * descriptor under its score table instead. Markdown prints the scores before where the organisation
 * stands, HTML and PDF after it.
 */
export const SECTION_ORDER: Readonly<Record<DocumentFormat, readonly SectionId[]>> = {
  md: ['summary', 'scores', 'position', 'disagreements', 'roadmap', 'in-place', 'appendix'],
  html: ['summary', 'position', 'scores', 'dimensions', 'disagreements', 'roadmap', 'in-place', 'appendix'],
  pdf: ['summary', 'position', 'scores', 'disagreements', 'roadmap', 'in-place', 'appendix'],
};

type ReportWords = Messages['report'];
/** The key of a plain-text title in the report catalogue (`t.report`). */
type TitleKey = { [K in keyof ReportWords]: ReportWords[K] extends string ? K : never }[keyof ReportWords];

/** A response the report quotes: one that chose an option (skipped and hidden questions are not quoted). */
export interface QuotedResponse extends QuestionResponse {
  option: string;
  /** The number of its note in the appendix, when it has one. */
  noteNumber: number | undefined;
}

/** A question the respondents disagree on, with the responses the report quotes. */
export interface Disagreement {
  question: QuestionScore;
  responses: QuotedResponse[];
}

/** One dimension's card (HTML): its score, the questions of it the respondents disagree on, its notes by number. */
export interface DimensionCard {
  dimension: DimensionScore;
  disagreements: QuestionScore[];
  /** The numbers of the notes given on its questions, in order. */
  notes: number[];
}

/** One answer of one respondent as the appendix lists it. */
export interface AppendixAnswer {
  question: string;
  option: string;
  /** The option's level, when it has one. */
  level: number | undefined;
  note: string | undefined;
  noteNumber: number | undefined;
}

/** What each section needs, by section. */
export interface SectionData {
  summary: Summary;
  position: Pick<Result, 'phase' | 'operatingModel'>;
  scores: {
    groups: ScoreGroup[];
    /** Whether a target comes from the assessment (the tables mark it with "*" and explain it below). */
    targetOverridden: boolean;
  };
  dimensions: { cards: DimensionCard[] };
  disagreements: { questions: Disagreement[] };
  roadmap: { roadmap: NonNullable<Result['roadmap']>; items: RoadmapItem[]; outcomes: OutcomeSummary[] };
  'in-place': { strengths: Strength[]; groups: EvidenceGroup[] };
  appendix: { respondents: Array<{ name: string; role: string | undefined; answers: AppendixAnswer[] }> };
}

/** One section as a format prints it. */
export type ReportSection = {
  [K in SectionId]: {
    id: K;
    /** The key of its title in `t.report`. */
    titleKey: TitleKey;
    title: string;
    /** Its place among the sections this format prints, from 1 (the contents' numbering). */
    number: number;
    data: SectionData[K];
  };
}[SectionId];

/** A section's title key: the scores are "by axis" in a model that has axes. */
function titleKey(ctx: ReportContext, id: SectionId): TitleKey {
  switch (id) {
    case 'summary':
      return 'executiveSummary';
    case 'position':
      return 'whereItStands';
    case 'scores':
      return ctx.result.axes.length ? 'scoresByAxis' : 'scores';
    case 'dimensions':
      return 'dimensionSection';
    case 'disagreements':
      return 'disagreements';
    case 'roadmap':
      return 'roadmap';
    case 'in-place':
      return 'inPlaceTitle';
    case 'appendix':
      return 'appendix';
  }
}

/**
 * Whether the report has a section: where it stands only for a model with phases or stages; the
 * roadmap and what is already in place only for a model with initiatives. The others are always
 * there and say so when they have nothing to show (no disagreements, no answers).
 */
export function sectionShown(ctx: ReportContext, id: SectionId): boolean {
  const { result } = ctx;
  if (id === 'position') return Boolean(result.phase || result.operatingModel);
  if (id === 'roadmap' || id === 'in-place') return Boolean(result.roadmap);
  return true;
}

/** The responses the report quotes on a question: answers, "not applicable" and "don't know". */
export function quotedResponses(ctx: ReportContext, question: QuestionScore): QuotedResponse[] {
  return question.responses
    .filter((p) => p.status === 'answered' || p.status === 'na' || p.status === 'dontKnow')
    .map((p) => ({ ...p, option: p.option!, noteNumber: p.note ? ctx.noteNumber(p.respondent, question.id) : undefined }));
}

/** The questions the respondents disagree on, in questionnaire order. */
export function disagreements(ctx: ReportContext): Disagreement[] {
  return ctx.result.questions.filter((x) => x.disagreement).map((question) => ({ question, responses: quotedResponses(ctx, question) }));
}

/** Every initiative of the roadmap, wave by wave. */
export const roadmapItems = (ctx: ReportContext): RoadmapItem[] => ctx.result.roadmap?.waves.flatMap((w) => w.items) ?? [];

function dimensionCards(ctx: ReportContext): DimensionCard[] {
  const { result } = ctx;
  return result.dimensions.map((dimension) => {
    const questions = result.questions.filter((x) => x.dimension === dimension.id);
    const notes = questions
      .flatMap((x) => x.responses.filter((p) => p.note).map((p) => ctx.noteNumber(p.respondent, x.id)))
      .filter((n) => n !== undefined)
      .sort((a, b) => a - b);
    return { dimension, disagreements: questions.filter((x) => x.disagreement), notes };
  });
}

/** Each respondent's answers in questionnaire order, with their notes by number. */
export function appendixAnswers(ctx: ReportContext): SectionData['appendix']['respondents'] {
  const questions = ctx.questionnaire.sections.flatMap((sec) => sec.questions);
  return ctx.answers.respondents.map((person) => ({
    name: person.name,
    role: person.role,
    answers: questions.flatMap((question) => {
      const raw = person.answers[question.id];
      if (raw === undefined) return [];
      const { option, note } = answerParts(raw);
      return [
        {
          question: question.id,
          option,
          level: question.options.find((o) => o.id === option)?.level,
          note,
          noteNumber: note ? ctx.noteNumber(person.name, question.id) : undefined,
        },
      ];
    }),
  }));
}

function dataOf(ctx: ReportContext, id: SectionId): SectionData[SectionId] {
  const { result } = ctx;
  switch (id) {
    case 'summary':
      return summary(ctx);
    case 'position':
      return { phase: result.phase, operatingModel: result.operatingModel };
    case 'scores':
      return { groups: scoreGroups(ctx), targetOverridden: result.dimensions.some((d) => d.targetSource === 'assessment') };
    case 'dimensions':
      return { cards: dimensionCards(ctx) };
    case 'disagreements':
      return { questions: disagreements(ctx) };
    case 'roadmap':
      return { roadmap: result.roadmap!, items: roadmapItems(ctx), outcomes: roadmapByOutcome(ctx) };
    case 'in-place': {
      const credited = strengths(ctx);
      return { strengths: credited, groups: evidenceGroups(credited) };
    }
    case 'appendix':
      return { respondents: appendixAnswers(ctx) };
  }
}

/** The sections a report in `format` prints, in its order, numbered, each with its title and data. */
export function reportSections(ctx: ReportContext, format: DocumentFormat): ReportSection[] {
  const shown = SECTION_ORDER[format].filter((id) => sectionShown(ctx, id));
  return shown.map((id, i) => {
    const key = titleKey(ctx, id);
    return { id, titleKey: key, title: ctx.messages.report[key], number: i + 1, data: dataOf(ctx, id) } as ReportSection;
  });
}

/** The data of one section of a list, or undefined when the report does not have it. */
export function sectionData<K extends SectionId>(sections: readonly ReportSection[], id: K): SectionData[K] | undefined {
  return sections.find((sec) => sec.id === id)?.data as SectionData[K] | undefined;
}

/* Wording the formats share. */

/** A phase's or stage's requirements in one line: "Automation 2.4 / 3 ✗; Virtualization 3.1 / 3 ✓". */
export function requirementsText(ctx: ReportContext, list: readonly RequirementCheck[]): string {
  return list.map((q) => `${ctx.dimTitle(q.dimension)} ${ctx.num(q.score)} / ${q.min}${q.met ? ' ✓' : ' ✗'}`).join('; ');
}

/** A dimension's level as the tables show it: "2 Repeatable", or "not assessed". */
export const levelText = (ctx: ReportContext, dimension: DimensionScore): string => (dimension.level === null ? ctx.messages.notAssessed : `${dimension.level} ${ctx.levelLabel(dimension.level)}`);

/** A dimension's coverage as the tables show it: "83% (5 of 6)". */
export const coverageText = (ctx: ReportContext, dimension: DimensionScore): string =>
  ctx.messages.report.coverageValue(ctx.pct(Math.round(dimension.coverage.ratio * 100)), dimension.coverage.answered, dimension.coverage.asked);

/** Whether a dimension's spread reaches the disagreement threshold (the tables mark it). */
export const spreadFlagged = (ctx: ReportContext, dimension: DimensionScore): boolean => dimension.spread >= ctx.result.scoring.disagreement;

/** A quoted response: its option, and its level where it has one ("Automated (level 3)"). */
export const responseText = (ctx: ReportContext, question: string, response: { option: string; level?: number | undefined }): string =>
  `${ctx.optionLabel(question, response.option)}${response.level !== undefined ? ` (${ctx.messages.report.levelWord(ctx.valueText(response.level))})` : ''}`;

/** The roadmap's opening sentence: how many initiatives over how many months, from when to when. */
export function roadmapIntro(ctx: ReportContext, roadmap: NonNullable<Result['roadmap']>, count: number): string {
  return ctx.messages.report.roadmapIntro(count, roadmap.months, roadmap.capacity, ctx.monthLabel(0), ctx.monthLabel(Math.max(0, roadmap.months - 1)));
}

/** The warning when the roadmap runs past its horizon, or '' when it fits. */
export function overrunText(ctx: ReportContext, roadmap: NonNullable<Result['roadmap']>): string {
  return roadmap.months > roadmap.horizon ? ctx.messages.report.overrun(roadmap.months, roadmap.horizon, roadmap.capacity, roadmap.capacityToFit, roadmap.criticalPath) : '';
}

/** An outcome's work in one cell: how many initiatives over which months, and how many are in place. */
export const outcomeWorkText = (ctx: ReportContext, outcome: OutcomeSummary): string =>
  ctx.messages.report.outcomeWork(outcome.items.length, ctx.period(outcome.fromMonth, outcome.toMonth)) +
  (outcome.inPlace.length ? `; ${ctx.messages.report.outcomeInPlace(outcome.inPlace.length)}` : '');

/** An outcome's initiatives in one cell, or '–' when none is proposed. */
export const outcomeInitiativesText = (ctx: ReportContext, outcome: OutcomeSummary): string => (outcome.items.length ? outcome.items.map((id) => ctx.initiativeTitle(id)).join('; ') : '–');

/** An initiative's effort, period and the steps it raises, in one line. */
export const initiativeMeta = (ctx: ReportContext, item: RoadmapItem): string =>
  ctx.messages.report.initiativeMeta(ctx.effortLabel(item.effort), ctx.period(item.start, item.end), item.raises.map((x) => `${ctx.dimTitle(x.dimension)} ${x.from}→${x.to}`).join(', '));

/** An initiative's rationale from the model, on one line. */
export const rationaleText = (ctx: ReportContext, id: string): string =>
  ctx
    .modelText(ctx.model.initiatives.find((i) => i.id === id)?.rationale)
    .replace(/\s+/g, ' ')
    .trim();

/** The facts on the cover, as label and value, in order: scope, date, assessor, respondents, questionnaire, model. */
export function coverFacts(ctx: ReportContext): Array<{ label: string; value: string }> {
  const { messages, answers, model, questionnaire } = ctx;
  const words = messages.report;
  const assessment = answers.assessment;
  return [
    ...(assessment.scope ? [{ label: words.scope, value: assessment.scope }] : []),
    { label: words.date, value: assessment.date },
    ...(assessment.assessor ? [{ label: words.assessor, value: assessment.assessor }] : []),
    { label: words.respondents, value: answers.respondents.length ? answers.respondents.map((p) => words.respondent(p.name, p.role)).join(', ') : messages.none },
    { label: words.questionnaire, value: `${questionnaire.id} ${questionnaire.version}` },
    { label: words.modelVersion, value: `${model.id} ${model.version}` },
  ];
}
