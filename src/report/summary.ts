import type { RoadmapItem } from '../core/roadmap.js';
import type { ReportContext } from './context.js';

/** A calendar date n months after an ISO date, clamped to the month's last day; no local time involved. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** One outcome of the model and the part of the roadmap that serves it. */
export interface OutcomeSummary {
  id: string;
  title: string;
  /** Proposed initiatives serving it, in schedule order. */
  items: string[];
  /** Months from the roadmap's start: the first start and the last end of those items (0 and 0 when none). */
  fromMonth: number;
  toMonth: number;
  /** Initiatives serving it that are already in place. */
  inPlace: string[];
}

/** The roadmap summarised by the outcomes the model names, in the model's order. */
export function roadmapByOutcome(ctx: ReportContext): OutcomeSummary[] {
  if (!ctx.result.roadmap) return [];
  const items = ctx.result.roadmap.waves.flatMap((w) => w.items).sort((a, b) => a.start - b.start || a.end - b.end);
  const inits = new Map(ctx.model.initiatives.map((i) => [i.id, i]));
  return ctx.model.outcomes.map((outcome) => {
    const mine = items.filter((i) => i.outcomes.includes(outcome.id));
    return {
      id: outcome.id,
      title: ctx.outcomeTitle(outcome.id),
      items: mine.map((i) => i.id),
      fromMonth: mine.length ? Math.min(...mine.map((i) => i.start)) : 0,
      toMonth: mine.length ? Math.max(...mine.map((i) => i.end)) : 0,
      inPlace: ctx.result.inPlace.filter((p) => inits.get(p.id)?.outcomes.includes(outcome.id)).map((p) => p.id),
    };
  });
}

/** An initiative already in place, with the answers that show it. */
export interface Strength {
  id: string;
  title: string;
  evidence: Array<{
    question: string;
    text: string;
    /** The answer that stands for all respondents (the median one), as its label. */
    answer: string | null;
    /** Each respondent's answer; a note is printed in full once, in the appendix, under its number. */
    responses: Array<{ respondent: string; answer: string; note: string | null; noteNumber: number | null }>;
  }>;
}

export function strengths(ctx: ReportContext): Strength[] {
  const questions = new Map(ctx.result.questions.map((q) => [q.id, q]));
  const chosen = ctx.result.representative;
  return ctx.result.inPlace.map((p) => ({
    id: p.id,
    title: ctx.initiativeTitle(p.id),
    evidence: p.evidence.map((id) => {
      const rep = chosen.get(id);
      return {
        question: id,
        text: ctx.questionText(id),
        answer: rep === undefined ? null : ctx.optionLabel(id, rep),
        responses: (questions.get(id)?.responses ?? [])
          .filter((r) => r.option !== undefined && r.status !== 'hidden')
          .map((r) => ({ respondent: r.respondent, answer: ctx.optionLabel(id, r.option!), note: r.note ?? null, noteNumber: (r.note && ctx.noteNumber(r.respondent, id)) || null })),
      };
    }),
  }));
}

/** One question's answers by answer: the one that stands for all (the median) first, each with who gave it. */
export function byAnswer(evidence: Strength['evidence'][number]): Array<{ answer: string; respondents: Array<{ name: string; noteNumber: number | null }> }> {
  const out: Array<{ answer: string; respondents: Array<{ name: string; noteNumber: number | null }> }> = [];
  for (const response of evidence.responses) {
    const group = out.find((x) => x.answer === response.answer);
    if (group) group.respondents.push({ name: response.respondent, noteNumber: response.noteNumber });
    else out.push({ answer: response.answer, respondents: [{ name: response.respondent, noteNumber: response.noteNumber }] });
  }
  const median = out.findIndex((g) => g.answer === evidence.answer);
  if (median > 0) out.unshift(...out.splice(median, 1));
  return out;
}

/** One question's answers, printed once, with the initiatives in place they help show. */
export interface EvidenceGroup {
  ids: string[];
  titles: string[];
  evidence: Strength['evidence'][number];
}

/**
 * The evidence by question: each question that shows an initiative in place once, in the order the
 * initiatives come, naming every initiative it helps show (one that rests on several answers is named at each).
 */
export function evidenceGroups(list: Strength[]): EvidenceGroup[] {
  const groups = new Map<string, EvidenceGroup>();
  for (const strength of list)
    for (const evidence of strength.evidence) {
      const group = groups.get(evidence.question);
      if (group) {
        if (!group.ids.includes(strength.id)) {
          group.ids.push(strength.id);
          group.titles.push(strength.title);
        }
      } else groups.set(evidence.question, { ids: [strength.id], titles: [strength.title], evidence });
    }
  return [...groups.values()];
}

export interface Summary {
  paragraphs: string[];
  topGaps: Array<{ id: string; title: string; score: number | null; target: number; gap: number; levelLabel: string }>;
  firstWave: RoadmapItem[];
  warnings: string[];
}

/** The executive summary in plain words, shared by every report format. */
export function summary(ctx: ReportContext): Summary {
  const { result, answers, messages } = ctx;
  const phrases = messages.summary;
  const org = answers.assessment.organisation;
  const paragraphs: string[] = [];
  const phase = result.phase;
  const dims = new Map(result.dimensions.map((d) => [d.id, d]));
  const words = ctx.words;

  if (phase) {
    let phaseLine = phase.reached === 0 ? phrases.notYetReached(org, ctx.phaseTitle(1)) : phrases.reached(org, ctx.phaseTitle(phase.reached));
    if (phase.next) {
      const blockers = phase.next.blockers;
      const first = blockers[0];
      phaseLine += ` ${phase.next.number === phase.reached + 1 && phase.reached > 0 ? phrases.nextPhaseProgress(words.phase, ctx.phaseTitle(phase.next.number), phase.next.progress) : phrases.phaseProgress(ctx.phaseTitle(phase.next.number), phase.next.progress)}`;
      if (first) {
        const hold = first.score === null ? phrases.blockerNotAssessed(ctx.dimTitle(first.dimension)) : phrases.blocker(ctx.dimTitle(first.dimension), ctx.num(first.score), first.min);
        const others = blockers.slice(1).map((b) => phrases.blocker(ctx.dimTitle(b.dimension), ctx.num(b.score), b.min));
        phaseLine += ` ${phrases.heldBackMost(hold, others)}`;
      }
    } else {
      phaseLine += ` ${words.lastPhase}`;
    }
    paragraphs.push(phaseLine);
  }

  const om = result.operatingModel;
  if (om) {
    const attained = om.stages.filter((s) => s.attained);
    const notAttained = om.stages.filter((s) => !s.attained);
    let stageLine = phrases.predominantStage(words.stagesSubject, ctx.stageTitle(om.predominant), words.stage);
    // The predominant stage is the last one attained: name only the others.
    const others = attained.filter((s) => s.id !== om.predominant);
    if (others.length) stageLine += ` ${phrases.attained(others.map((s) => ctx.stageTitle(s.id)))}`;
    if (notAttained.length) stageLine += ` ${phrases.notYetAttained(notAttained.map((s) => phrases.stageProgress(ctx.stageTitle(s.id), s.attainment)))}`;
    const firstMissing = om.stages.findIndex((s) => !s.attained);
    if (firstMissing >= 0 && om.stages.slice(firstMissing + 1).some((s) => s.attained)) {
      stageLine += ` ${phrases.foundations(words.stage, words.stages, ctx.stageTitle(om.stages[firstMissing]!.id))}`;
    }
    paragraphs.push(stageLine);
  }

  // Without phases or stages the summary still opens with where the organisation stands: its strongest
  // and weakest dimensions, and how many are below target.
  if (!phase && !om) {
    const scored = result.dimensions.filter((d) => d.score !== null);
    const shown = (dimension: (typeof scored)[number]) => phrases.dimensionScore(ctx.dimTitle(dimension.id), ctx.num(dimension.score), ctx.levelLabel(dimension.level));
    const sentences: string[] = [];
    if (scored.length > 1) {
      const printed = (dimension: (typeof scored)[number]) => ctx.num(dimension.score);
      const high = printed(scored.reduce((a, b) => (b.score! > a.score! ? b : a)));
      const low = printed(scored.reduce((a, b) => (b.score! < a.score! ? b : a)));
      if (high !== low) sentences.push(phrases.range(scored.filter((d) => printed(d) === high).map(shown), scored.filter((d) => printed(d) === low).map(shown)));
    }
    const targeted = scored.filter((d) => d.gap !== null);
    if (targeted.length) sentences.push(phrases.belowTarget(targeted.filter((d) => d.gap! > 0).length, targeted.length));
    if (sentences.length) paragraphs.push(sentences.join(' '));
  }

  const rm = result.roadmap;
  const items = rm?.waves.flatMap((x) => x.items) ?? [];
  if (rm && items.length) {
    let roadmapLine = phrases.roadmap(items.length, rm.months, ctx.monthLabel(0), ctx.monthLabel(Math.max(0, rm.months - 1)), phase?.next ? ctx.phaseTitle(phase.next.number) : null);
    if (rm.months > rm.horizon) roadmapLine += ` ${messages.report.overrun(rm.months, rm.horizon, rm.capacity, rm.capacityToFit, rm.criticalPath)}`;
    paragraphs.push(roadmapLine);
  }
  if (result.inPlace.length) paragraphs.push(phrases.inPlace(result.inPlace.length));

  const topGaps = result.topGaps.slice(0, 3).map((id) => {
    const dimension = dims.get(id)!;
    return { id, title: ctx.dimTitle(id), score: dimension.score, target: dimension.target!, gap: dimension.gap!, levelLabel: ctx.levelLabel(dimension.level) };
  });
  const firstWave = (result.roadmap?.waves[0]?.items ?? []).slice(0, 5);

  const warnings: string[] = [];
  const disagreements = result.questions.filter((x) => x.disagreement).length;
  if (disagreements) warnings.push(phrases.warnDisagreements(disagreements, ctx.apart));
  const unassessed = result.dimensions.filter((d) => d.score === null).map((d) => ctx.dimTitle(d.id));
  const gated = [...(phase ? [words.phases] : []), ...(om ? [words.stages] : [])];
  if (unassessed.length) warnings.push(phrases.warnUnassessed(unassessed, gated));
  const thin = result.dimensions.filter((d) => d.score !== null && d.coverage.ratio < 0.5).map((d) => ctx.dimTitle(d.id));
  if (thin.length) warnings.push(phrases.warnThin(thin));
  if (!answers.respondents.length) warnings.push(phrases.warnNoRespondents);
  return { paragraphs, topGaps, firstWave, warnings };
}
