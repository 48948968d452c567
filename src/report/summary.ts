import type { RoadmapItem } from '../core/roadmap.js';
import { fmtScore } from './context.js';
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

function list(xs: string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** The executive summary in plain words, shared by every report format. */
export function summary(ctx: ReportContext): Summary {
  const { result, answers } = ctx;
  const org = answers.assessment.organisation;
  const paragraphs: string[] = [];
  const phase = result.phase;
  const dims = new Map(result.dimensions.map((d) => [d.id, d]));

  let p = phase.reached === 0 ? `${org} has not yet reached ${ctx.phaseTitle(1)}.` : `${org} has reached ${ctx.phaseTitle(phase.reached)}.`;
  if (phase.next) {
    const blockers = phase.next.blockers;
    const first = blockers[0];
    p += ` ${phase.next.number === phase.reached + 1 && phase.reached > 0 ? `The next phase, ${ctx.phaseTitle(phase.next.number)}, is` : `${ctx.phaseTitle(phase.next.number)} is`} ${phase.next.progress}% of the way there.`;
    if (first) {
      const hold = first.score === null ? `${ctx.dimTitle(first.dimension)}, which was not assessed` : `${ctx.dimTitle(first.dimension)} (${fmtScore(first.score)}, needs ${first.min})`;
      p += ` It is held back most by ${hold}`;
      const others = blockers.slice(1).map((b) => `${ctx.dimTitle(b.dimension)} (${fmtScore(b.score)}, needs ${b.min})`);
      p += others.length ? `, and also by ${list(others)}.` : '.';
    }
  } else {
    p += ' This is the last phase of the journey; the work now is to close the remaining gaps and keep the gains.';
  }
  paragraphs.push(p);

  const om = result.operatingModel;
  const attained = om.stages.filter((s) => s.attained);
  const notAttained = om.stages.filter((s) => !s.attained);
  let o = `The operating model is predominantly ${ctx.stageTitle(om.predominant)}.`;
  if (attained.length) o += ` Attained: ${list(attained.map((s) => ctx.stageTitle(s.id)))}.`;
  if (notAttained.length) o += ` Not yet attained: ${list(notAttained.map((s) => `${ctx.stageTitle(s.id)} (${s.attainment}%)`))}.`;
  const firstMissing = om.stages.findIndex((s) => !s.attained);
  if (firstMissing >= 0 && om.stages.slice(firstMissing + 1).some((s) => s.attained)) {
    o += ` Note that a later stage is attained while ${ctx.stageTitle(om.stages[firstMissing]!.id)} is not: the foundations under it need attention.`;
  }
  paragraphs.push(o);

  const items = result.roadmap.waves.flatMap((w) => w.items);
  if (items.length) {
    paragraphs.push(
      `The roadmap has ${items.length} initiative${items.length > 1 ? 's' : ''} over ${result.roadmap.months} months, ordered so that nothing starts before what it depends on.`,
    );
  }

  const topGaps = result.topGaps.slice(0, 3).map((id) => {
    const d = dims.get(id)!;
    return { id, title: ctx.dimTitle(id), score: d.score, target: d.target, gap: d.gap!, levelLabel: ctx.levelLabel(d.level) };
  });
  const firstWave = (result.roadmap.waves[0]?.items ?? []).slice(0, 5);

  const warnings: string[] = [];
  const disagreements = result.questions.filter((x) => x.disagreement).length;
  if (disagreements) warnings.push(`Respondents differ by two levels or more on ${disagreements} question${disagreements > 1 ? 's' : ''}; see "Disagreements to discuss" before acting on those scores.`);
  const unassessed = result.dimensions.filter((d) => d.score === null).map((d) => ctx.dimTitle(d.id));
  if (unassessed.length) warnings.push(`Not assessed (no scored answers): ${list(unassessed)}. Phases and stages that need them cannot be reached until they are.`);
  const thin = result.dimensions.filter((d) => d.score !== null && d.coverage.ratio < 0.5).map((d) => ctx.dimTitle(d.id));
  if (thin.length) warnings.push(`Less than half of the questions were answered for ${list(thin)}; treat those scores with care.`);
  if (!answers.respondents.length) warnings.push('No respondent has answered yet.');
  return { paragraphs, topGaps, firstWave, warnings };
}
