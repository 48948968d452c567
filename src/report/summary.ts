import type { RoadmapItem } from '../core/roadmap.js';
import type { ReportContext } from './context.js';

/** A calendar date n months after an ISO date, clamped to the month's last day; no local time involved. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface Summary {
  paragraphs: string[];
  topGaps: Array<{ id: string; title: string; score: number | null; target: number; gap: number; levelLabel: string }>;
  firstWave: RoadmapItem[];
  warnings: string[];
}

/** The executive summary in plain words, shared by every report format. */
export function summary(ctx: ReportContext): Summary {
  const { result, answers, t } = ctx;
  const w = t.summary;
  const org = answers.assessment.organisation;
  const paragraphs: string[] = [];
  const phase = result.phase;
  const dims = new Map(result.dimensions.map((d) => [d.id, d]));
  const words = ctx.words;

  if (phase) {
    let p = phase.reached === 0 ? w.notYetReached(org, ctx.phaseTitle(1)) : w.reached(org, ctx.phaseTitle(phase.reached));
    if (phase.next) {
      const blockers = phase.next.blockers;
      const first = blockers[0];
      p += ` ${phase.next.number === phase.reached + 1 && phase.reached > 0 ? w.nextPhaseProgress(words.phase, ctx.phaseTitle(phase.next.number), phase.next.progress) : w.phaseProgress(ctx.phaseTitle(phase.next.number), phase.next.progress)}`;
      if (first) {
        const hold = first.score === null ? w.blockerNotAssessed(ctx.dimTitle(first.dimension)) : w.blocker(ctx.dimTitle(first.dimension), ctx.num(first.score), first.min);
        const others = blockers.slice(1).map((b) => w.blocker(ctx.dimTitle(b.dimension), ctx.num(b.score), b.min));
        p += ` ${w.heldBackMost(hold, others)}`;
      }
    } else {
      p += ` ${words.lastPhase}`;
    }
    paragraphs.push(p);
  }

  const om = result.operatingModel;
  if (om) {
    const attained = om.stages.filter((s) => s.attained);
    const notAttained = om.stages.filter((s) => !s.attained);
    let o = w.predominantStage(words.stagesSubject, ctx.stageTitle(om.predominant));
    if (attained.length) o += ` ${w.attained(attained.map((s) => ctx.stageTitle(s.id)))}`;
    if (notAttained.length) o += ` ${w.notYetAttained(notAttained.map((s) => w.stageProgress(ctx.stageTitle(s.id), s.attainment)))}`;
    const firstMissing = om.stages.findIndex((s) => !s.attained);
    if (firstMissing >= 0 && om.stages.slice(firstMissing + 1).some((s) => s.attained)) {
      o += ` ${w.foundations(words.stage, ctx.stageTitle(om.stages[firstMissing]!.id))}`;
    }
    paragraphs.push(o);
  }

  const items = result.roadmap?.waves.flatMap((x) => x.items) ?? [];
  if (items.length) paragraphs.push(w.roadmap(items.length, result.roadmap!.months));

  const topGaps = result.topGaps.slice(0, 3).map((id) => {
    const d = dims.get(id)!;
    return { id, title: ctx.dimTitle(id), score: d.score, target: d.target!, gap: d.gap!, levelLabel: ctx.levelLabel(d.level) };
  });
  const firstWave = (result.roadmap?.waves[0]?.items ?? []).slice(0, 5);

  const warnings: string[] = [];
  const disagreements = result.questions.filter((x) => x.disagreement).length;
  if (disagreements) warnings.push(w.warnDisagreements(disagreements, ctx.apart));
  const unassessed = result.dimensions.filter((d) => d.score === null).map((d) => ctx.dimTitle(d.id));
  const gated = [...(phase ? [words.phases] : []), ...(om ? [words.stages] : [])];
  if (unassessed.length) warnings.push(w.warnUnassessed(unassessed, gated));
  const thin = result.dimensions.filter((d) => d.score !== null && d.coverage.ratio < 0.5).map((d) => ctx.dimTitle(d.id));
  if (thin.length) warnings.push(w.warnThin(thin));
  if (!answers.respondents.length) warnings.push(w.warnNoRespondents);
  return { paragraphs, topGaps, firstWave, warnings };
}
