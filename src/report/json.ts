import { REPORT_SCHEMA_VERSION } from '../schema/report-version.js';
import type { JsonReport } from '../schema/report.js';
import type { ReportContext } from './context.js';
import { roadmapByOutcome, strengths } from './summary.js';

/** Builds the JSON report. Key order is fixed here, so the output is byte-stable. */
export function buildJsonReport(ctx: ReportContext): JsonReport {
  const { result, answers, model, questionnaire } = ctx;
  const inits = new Map(model.initiatives.map((i) => [i.id, i]));
  const phase = result.phase;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    assessment: {
      organisation: answers.assessment.organisation,
      scope: answers.assessment.scope ?? null,
      date: answers.assessment.date,
      assessor: answers.assessment.assessor ?? null,
      language: ctx.lang,
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      model: { id: model.id, version: model.version },
      respondents: answers.respondents.map((r) => ({ name: r.name, role: r.role ?? null, completed: r.completed ?? false })),
    },
    dimensions: result.dimensions.map((d) => ({
      id: d.id,
      title: ctx.dimTitle(d.id),
      axis: d.axis,
      weight: d.weight,
      score: d.score,
      level: d.level,
      target: d.target,
      targetSource: d.targetSource,
      gap: d.gap,
      spread: d.spread,
      coverage: { ...d.coverage },
      disagreements: result.questions.filter((x) => x.dimension === d.id && x.disagreement).map((x) => x.id),
    })),
    axes: result.axes.map((a) => ({ id: a.id, title: ctx.axisTitle(a.id), score: a.score, target: a.target, belowTarget: a.belowTarget, dimensions: [...a.dimensions] })),
    overall: { title: ctx.words.overallScore, score: result.overall, precision: result.scoring.precision },
    // What the model lacks is left out altogether (undefined keys are not written).
    phase:
      phase === null
        ? undefined
        : {
            reached: phase.reached,
            id: phase.reachedId,
            title: ctx.phaseTitle(phase.reached),
            next: phase.next
              ? {
                  number: phase.next.number,
                  id: phase.next.id,
                  title: ctx.phaseTitle(phase.next.number),
                  progress: phase.next.progress,
                  heldBackBy: phase.next.blockers[0]?.dimension ?? null,
                  blockers: phase.next.blockers.map((b) => ({ dimension: b.dimension, min: b.min, score: b.score, met: b.met, shortfall: b.shortfall })),
                }
              : null,
          },
    operatingModel:
      result.operatingModel === null
        ? undefined
        : {
            predominant: { id: result.operatingModel.predominant, title: ctx.stageTitle(result.operatingModel.predominant) },
            stages: result.operatingModel.stages.map((s) => ({
              id: s.id,
              title: ctx.stageTitle(s.id),
              attained: s.attained,
              attainment: s.attainment,
              requirements: s.requirements.map((b) => ({ dimension: b.dimension, min: b.min, score: b.score, met: b.met, shortfall: b.shortfall })),
            })),
          },
    topGaps: [...result.topGaps],
    disagreements: result.questions
      .filter((x) => x.disagreement)
      .map((x) => ({
        question: x.id,
        dimension: x.dimension,
        spread: x.spread,
        answers: x.responses.filter((r) => r.level !== undefined).map((r) => ({ respondent: r.respondent, option: r.option!, level: r.level! })),
      })),
    roadmap:
      result.roadmap === null
        ? undefined
        : {
            months: result.roadmap.months,
            start: result.roadmap.start,
            capacity: result.roadmap.capacity,
            horizon: result.roadmap.horizon,
            capacityToFit: result.roadmap.capacityToFit,
            criticalPath: result.roadmap.criticalPath,
            waves: result.roadmap.waves.map((w) => ({
              id: w.id,
              title: ctx.waveTitle(w.id),
              fromMonth: w.fromMonth,
              toMonth: w.toMonth,
              items: w.items.map((it) => ({
                id: it.id,
                title: ctx.initiativeTitle(it.id),
                rationale: ctx.modelText(inits.get(it.id)?.rationale),
                effort: it.effort,
                start: it.start,
                end: it.end,
                startMonth: ctx.monthDate(it.start).slice(0, 7),
                endMonth: ctx.monthDate(it.end - 1).slice(0, 7),
                priority: it.priority,
                dimensions: [...new Set(it.raises.map((r) => r.dimension))],
                raises: it.raises.map((r) => ({ ...r })),
                dependsOn: [...it.dependsOn],
                alternatives: [...it.alternatives],
                outcomes: [...it.outcomes],
                blockerPath: it.blockerPath,
                reason: {
                  gaps: it.reason.gaps.map((g) => ({ dimension: g.dimension, from: g.from, to: g.to, closes: g.closes, with: [...g.with], holdsBackPhase: g.holdsBackPhase })),
                  requiredBy: [...it.reason.requiredBy],
                  text: ctx.reasonText(it),
                },
              })),
            })),
            outcomes: roadmapByOutcome(ctx),
          },
    strengths: strengths(ctx),
    questions: result.questions.map((x) => ({
      id: x.id,
      dimension: x.dimension,
      score: x.score,
      spread: x.spread,
      responses: x.responses.map((r) => ({ respondent: r.respondent, status: r.status, option: r.option ?? null, level: r.level ?? null, note: r.note ?? null })),
    })),
  };
}

export function renderJson(ctx: ReportContext): string {
  return `${JSON.stringify(buildJsonReport(ctx), null, 2)}\n`;
}
