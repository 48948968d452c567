import type { CompareNote, Comparison, NotCompared } from '../core/compare.js';
import type { Messages } from '../i18n/index.js';
import type { Words } from '../i18n/model-words.js';
import { mdCell, mdEscape, table } from './markdown.js';

/** What a comparison is worded with: the catalogue of its language and the model's words in it. */
export interface CompareWording {
  /** The catalogue of the comparison's language. */
  messages: Messages;
  words: Words;
}

const arrow = { up: '▲', down: '▼', same: '=', unknown: '?' } as const;

function numbers(c: Comparison, t: Messages) {
  const num = (x: number | null, digits = c.precision) => (x === null ? '–' : x.toFixed(digits).replace('.', t.decimal));
  const signed = (d: number | null) => (d === null ? '–' : d > 0 ? `+${num(d)}` : d < 0 ? `−${num(Math.abs(d))}` : num(0));
  return { num, signed };
}

/** A note on what differs between the two assessments, in words. */
export function noteText(n: CompareNote, c: Comparison, { messages: t, words }: CompareWording): string {
  const w = t.compare;
  if (n.code === 'different-organisations') return w.differentOrganisations(n.baseline, n.current);
  if (n.code === 'different-questionnaires') return w.differentQuestionnaires(`${n.baseline.id} ${n.baseline.version}`, `${n.current.id} ${n.current.version}`);
  if (n.code === 'different-models') return w.differentModels(n.baseline, n.current);
  // What the model has beyond dimensions is matched by id across versions.
  const byId = [...(c.phase ? [words.phases] : []), ...(c.predominantStage || c.stages.length ? [words.stages] : [])];
  return w.differentModelVersions(n.baseline, n.current, byId);
}

const reasonText = (n: NotCompared, t: Messages) => t.compare.reasons[n.reason];
const noun = (n: NotCompared, { messages: t, words }: CompareWording) => (n.what === 'dimension' ? t.compare.dimensionNoun : n.what === 'phase' ? words.phase : words.stage);

/** The comparison of two assessments as Markdown, in the language of `wording`. */
export function renderComparisonMarkdown(c: Comparison, wording: CompareWording): string {
  const { messages: t, words } = wording;
  const w = t.compare;
  const r = t.report;
  const { num, signed } = numbers(c, t);
  const who = (a: Comparison['baseline']) => `${a.organisation}, ${a.date} (${a.questionnaire.id} ${a.questionnaire.version})`;
  const out: string[] = [];
  out.push(`# ${mdEscape(w.title(c.current.organisation))}`, '');
  out.push(`**${w.baseline}:** ${mdEscape(who(c.baseline))}  \n**${w.current}:** ${mdEscape(who(c.current))}`, '');
  for (const n of c.notes) out.push(`> ${mdEscape(noteText(n, c, wording))}`, '');

  const up = c.dimensions.filter((d) => d.direction === 'up').length;
  const down = c.dimensions.filter((d) => d.direction === 'down').length;
  out.push(`## ${w.summary}`, '');
  out.push(mdEscape(w.overall(c.overall.title ?? words.overallScore, num(c.overall.before), num(c.overall.after), signed(c.overall.delta), c.dimensions.length, up, down)), '');
  if (c.phase) {
    const p = c.phase;
    out.push(mdEscape(p.direction === 'same' ? w.still(words.phasesTitle, p.after.title) : w.moved(words.phasesTitle, p.before.title, p.after.title, p.direction === 'up')), '');
  }
  if (c.predominantStage) {
    const s = c.predominantStage;
    out.push(mdEscape(s.changed ? w.movedPredominant(words.stagesTitle, s.before.title, s.after.title) : w.stillPredominant(words.stagesTitle, s.after.title)), '');
  }

  out.push(`## ${w.dimensions}`, '');
  const targets = c.dimensions.some((d) => d.after.target !== null);
  out.push(
    table(
      [r.dimension, w.before, w.after, w.change, '', ...(targets ? [r.target, w.gapNow] : [])],
      c.dimensions.map((d) => [
        mdCell(d.title),
        num(d.before.score),
        num(d.after.score),
        signed(d.delta),
        arrow[d.direction],
        ...(targets ? [d.after.target === null ? '–' : num(d.after.target, 0), d.after.gap === null ? '–' : d.after.gap > 0 ? num(d.after.gap) : t.met] : []),
      ]),
      ['---', '---:', '---:', '---:', ':---:', ...(targets ? ['---:', '---:'] : [])],
    ),
    '',
  );

  if (c.stages.length) {
    out.push(`## ${mdEscape(words.stagesTitle)}`, '');
    out.push(
      table(
        [mdCell(t.cap(words.stage)), w.before, w.after],
        c.stages.map((s) => [mdCell(s.title), w.attainment(s.before.attained, t.percent(s.before.attainment)), w.attainment(s.after.attained, t.percent(s.after.attainment))]),
      ),
      '',
    );
  }

  if (targets) {
    out.push(`## ${w.gaps}`, '');
    if (!c.gaps.opened.length && !c.gaps.closed.length) out.push(w.noGapChange, '');
    for (const g of c.gaps.closed) out.push(`- ${w.closed(`**${mdEscape(g.title)}**`, num(g.gap))}`);
    for (const g of c.gaps.opened) out.push(`- ${w.opened(`**${mdEscape(g.title)}**`, num(g.gap))}`);
    out.push('');
  }

  if (c.roadmap) {
    out.push(`## ${r.roadmap}`, '');
    if (!c.roadmap.noLongerNeeded.length && !c.roadmap.added.length) out.push(w.sameRoadmap, '');
    for (const i of c.roadmap.noLongerNeeded) out.push(`- ${w.noLongerNeeded(mdEscape(i.title))}`);
    for (const i of c.roadmap.added) out.push(`- ${w.nowNeeded(mdEscape(i.title))}`);
    out.push('');
  }

  if (c.notCompared.length) {
    out.push(`## ${w.notCompared}`, '');
    for (const n of c.notCompared) out.push(`- ${mdEscape(w.notComparedLine(noun(n, wording), n.id, reasonText(n, t)))}`);
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** The comparison as JSON: numbers, ids and codes as computed, with the notes and reasons in words. */
export function renderComparisonJson(c: Comparison, wording: CompareWording): string {
  const doc = {
    kind: 'comparison',
    schemaVersion: 1,
    baseline: c.baseline,
    current: c.current,
    overall: { ...c.overall, title: c.overall.title ?? wording.words.overallScore },
    dimensions: c.dimensions,
    phase: c.phase,
    predominantStage: c.predominantStage,
    stages: c.stages,
    roadmap: c.roadmap,
    gaps: c.gaps,
    notCompared: c.notCompared.map((n) => ({ what: n.what, id: n.id, reason: reasonText(n, wording.messages) })),
    notes: c.notes.map((n) => noteText(n, c, wording)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
