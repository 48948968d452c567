import { overallScore } from './gates.js';

/** The facts of one assessment a comparison reads: who and what was assessed. */
export interface SnapshotAssessment {
  organisation: string;
  scope: string | null;
  date: string;
  assessor: string | null;
  /** The language its titles are in. */
  language: string;
  questionnaire: { id: string; version: string };
  model: { id: string; version: string };
  respondents: Array<{ name: string; role: string | null; completed: boolean }>;
}

/**
 * What a comparison needs of one assessment: the parts that can move, with titles already in one
 * language. Built from a scored result or read back from a JSON report; the comparison itself only
 * matches ids and subtracts numbers.
 */
export interface Snapshot {
  assessment: SnapshotAssessment;
  /** Decimals the model shows scores with. */
  precision: number;
  dimensions: Array<{ id: string; title: string; axis: string | null; weight: number; score: number | null; level: number | null; target: number | null; gap: number | null }>;
  /** The overall score and the model's name for it (null: the model gives none); null when the source does not carry a score. */
  overall: { title: string | null; score: number | null } | null;
  phase: { reached: number; id: string | null; title: string } | null;
  operatingModel: { predominant: { id: string; title: string }; stages: Array<{ id: string; title: string; attained: boolean; attainment: number }> } | null;
  /** The initiatives the roadmap proposes; null when the model has no roadmap. */
  roadmap: Array<{ id: string; title: string }> | null;
}

export interface DimensionState {
  score: number | null;
  level: number | null;
  target: number | null;
  gap: number | null;
}

export type Direction = 'up' | 'down' | 'same' | 'unknown';

export interface DimensionChange {
  id: string;
  title: string;
  axis: string | null;
  before: DimensionState;
  after: DimensionState;
  /** after - before, null when either side was not assessed. */
  delta: number | null;
  direction: Direction;
}

/** Why something was left out of the comparison. */
export type NotComparedReason = 'only-current' | 'only-baseline' | 'not-assessed-either' | 'not-assessed-baseline' | 'not-assessed-current' | 'different-models';

export interface NotCompared {
  what: 'dimension' | 'phase' | 'stage';
  id: string;
  reason: NotComparedReason;
}

/** What the reader should know before reading the numbers: the two assessments differ in who or what was assessed. */
export type CompareNote =
  | { code: 'different-organisations'; baseline: string; current: string }
  | { code: 'different-questionnaires'; baseline: { id: string; version: string }; current: { id: string; version: string } }
  | { code: 'different-models'; baseline: string; current: string }
  | { code: 'different-model-versions'; baseline: string; current: string };

export interface Comparison {
  baseline: SnapshotAssessment;
  current: SnapshotAssessment;
  /** `title`: the current report's name for the overall score, when it has one. */
  overall: { title: string | null; before: number | null; after: number | null; delta: number | null };
  dimensions: DimensionChange[];
  phase: {
    before: { reached: number; id: string | null; title: string };
    after: { reached: number; id: string | null; title: string };
    direction: Direction;
  } | null;
  predominantStage: { before: { id: string; title: string }; after: { id: string; title: string }; changed: boolean } | null;
  stages: Array<{ id: string; title: string; before: { attained: boolean; attainment: number }; after: { attained: boolean; attainment: number } }>;
  roadmap: {
    /** Items on the baseline roadmap that the current one no longer needs. */
    noLongerNeeded: Array<{ id: string; title: string }>;
    /** Items the current roadmap has that the baseline did not. */
    added: Array<{ id: string; title: string }>;
  } | null;
  gaps: {
    /** Compared dimensions below target now that were not before. */
    opened: Array<{ dimension: string; title: string; gap: number }>;
    /** Compared dimensions that were below target and are not any more. */
    closed: Array<{ dimension: string; title: string; gap: number }>;
  };
  notCompared: NotCompared[];
  notes: CompareNote[];
  /** Decimals of the scores and changes (the current assessment's model). */
  precision: number;
}

const direction = (delta: number | null): Direction => (delta === null ? 'unknown' : delta > 1e-9 ? 'up' : delta < -1e-9 ? 'down' : 'same');
const state = (d: Snapshot['dimensions'][number]): DimensionState => ({ score: d.score, level: d.level, target: d.target, gap: d.gap });
const roadmapItems = (s: Snapshot) => s.roadmap ?? [];
const rounded = (x: number, digits: number) => Math.round(x * 10 ** digits + (x >= 0 ? 1e-9 : -1e-9)) / 10 ** digits;

/**
 * What moved between two assessments. Dimensions, stages and roadmap items are matched by id, so two
 * versions of a questionnaire compare wherever their dimensions match; what cannot be matched is listed
 * in `notCompared` rather than guessed.
 */
export function compareSnapshots(baseline: Snapshot, current: Snapshot): Comparison {
  const notes: CompareNote[] = [];
  const notCompared: NotCompared[] = [];
  if (baseline.assessment.organisation !== current.assessment.organisation) {
    notes.push({ code: 'different-organisations', baseline: baseline.assessment.organisation, current: current.assessment.organisation });
  }
  const bq = baseline.assessment.questionnaire;
  const cq = current.assessment.questionnaire;
  if (bq.id !== cq.id || bq.version !== cq.version) notes.push({ code: 'different-questionnaires', baseline: { ...bq }, current: { ...cq } });
  const bm = baseline.assessment.model;
  const cm = current.assessment.model;
  const sameModel = bm.id === cm.id;
  if (!sameModel) notes.push({ code: 'different-models', baseline: bm.id, current: cm.id });
  else if (bm.version !== cm.version) notes.push({ code: 'different-model-versions', baseline: bm.version, current: cm.version });
  const precision = current.precision;
  const round = (x: number) => rounded(x, precision);

  const before = new Map(baseline.dimensions.map((d) => [d.id, d]));
  const after = new Map(current.dimensions.map((d) => [d.id, d]));
  const dimensions: DimensionChange[] = [];
  for (const now of current.dimensions) {
    const then = before.get(now.id);
    if (!then) {
      notCompared.push({ what: 'dimension', id: now.id, reason: 'only-current' });
      continue;
    }
    // The change between the scores as the two reports print them.
    const delta = then.score === null || now.score === null ? null : round(round(now.score) - round(then.score));
    dimensions.push({ id: now.id, title: now.title, axis: now.axis, before: state(then), after: state(now), delta, direction: direction(delta) });
    if (delta === null)
      notCompared.push({
        what: 'dimension',
        id: now.id,
        reason: then.score === null ? (now.score === null ? 'not-assessed-either' : 'not-assessed-baseline') : 'not-assessed-current',
      });
  }
  for (const old of baseline.dimensions) if (!after.has(old.id)) notCompared.push({ what: 'dimension', id: old.id, reason: 'only-baseline' });

  const common = dimensions.map((d) => d.id);
  // Where both assessments have the same dimensions, the overall score is the one each report shows (by
  // the model's rule); otherwise it is recomputed over the shared dimensions so that like meets like.
  const same = (s: Snapshot) => s.dimensions.length === common.length;
  const overallOf = (s: Snapshot) => (sameModel && same(baseline) && same(current) && s.overall ? s.overall.score : overallScore(s.dimensions.filter((d) => common.includes(d.id))));
  const ob = overallOf(baseline);
  const oa = overallOf(current);

  let phase: Comparison['phase'] = null;
  let predominantStage: Comparison['predominantStage'] = null;
  const stages: Comparison['stages'] = [];
  if (sameModel) {
    const bph = baseline.phase;
    const cph = current.phase;
    if (bph && cph) {
      const phaseOf = (x: NonNullable<Snapshot['phase']>) => ({ reached: x.reached, id: x.id, title: x.title });
      phase = { before: phaseOf(bph), after: phaseOf(cph), direction: direction(cph.reached - bph.reached) };
    }
    const bom = baseline.operatingModel;
    const com = current.operatingModel;
    if (bom && com) {
      predominantStage = { before: { ...bom.predominant }, after: { ...com.predominant }, changed: bom.predominant.id !== com.predominant.id };
      const bs = new Map(bom.stages.map((s) => [s.id, s]));
      const cs = new Set(com.stages.map((s) => s.id));
      for (const stage of com.stages) {
        const then = bs.get(stage.id);
        if (!then) notCompared.push({ what: 'stage', id: stage.id, reason: 'only-current' });
        else stages.push({ id: stage.id, title: stage.title, before: { attained: then.attained, attainment: then.attainment }, after: { attained: stage.attained, attainment: stage.attainment } });
      }
      for (const lost of bom.stages) if (!cs.has(lost.id)) notCompared.push({ what: 'stage', id: lost.id, reason: 'only-baseline' });
    }
  } else if (baseline.phase || current.phase) {
    notCompared.push({ what: 'phase', id: 'phase', reason: 'different-models' });
  }

  const bi = roadmapItems(baseline);
  const ci = roadmapItems(current);
  const ciIds = new Set(ci.map((i) => i.id));
  const biIds = new Set(bi.map((i) => i.id));

  const opened: Comparison['gaps']['opened'] = [];
  const closed: Comparison['gaps']['closed'] = [];
  for (const change of dimensions) {
    const was = (change.before.gap ?? 0) > 0;
    const is = (change.after.gap ?? 0) > 0;
    if (is && !was && change.before.score !== null) opened.push({ dimension: change.id, title: change.title, gap: change.after.gap! });
    if (was && !is && change.after.score !== null) closed.push({ dimension: change.id, title: change.title, gap: change.before.gap! });
  }

  return {
    baseline: baseline.assessment,
    current: current.assessment,
    overall: { title: current.overall?.title ?? null, before: ob, after: oa, delta: ob === null || oa === null ? null : round(oa - ob) },
    dimensions,
    phase,
    predominantStage,
    stages,
    roadmap: !baseline.roadmap && !current.roadmap ? null : { noLongerNeeded: bi.filter((i) => !ciIds.has(i.id)), added: ci.filter((i) => !biIds.has(i.id)) },
    gaps: { opened, closed },
    notCompared,
    notes,
    precision,
  };
}
