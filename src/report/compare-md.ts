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

function numbers(comparison: Comparison, catalogue: Messages) {
  const num = (x: number | null, digits = comparison.precision) => (x === null ? '–' : x.toFixed(digits).replace('.', catalogue.decimal));
  const signed = (d: number | null) => (d === null ? '–' : d > 0 ? `+${num(d)}` : d < 0 ? `−${num(Math.abs(d))}` : num(0));
  return { num, signed };
}

/** A note on what differs between the two assessments, in words. */
export function noteText(note: CompareNote, comparison: Comparison, { messages: catalogue, words }: CompareWording): string {
  const text = catalogue.compare;
  if (note.code === 'different-organisations') return text.differentOrganisations(note.baseline, note.current);
  if (note.code === 'different-questionnaires') return text.differentQuestionnaires(`${note.baseline.id} ${note.baseline.version}`, `${note.current.id} ${note.current.version}`);
  if (note.code === 'different-models') return text.differentModels(note.baseline, note.current);
  // What the model has beyond dimensions is matched by id across versions.
  const byId = [...(comparison.phase ? [words.phases] : []), ...(comparison.predominantStage || comparison.stages.length ? [words.stages] : [])];
  return text.differentModelVersions(note.baseline, note.current, byId);
}

const reasonText = (n: NotCompared, t: Messages) => t.compare.reasons[n.reason];
const noun = (n: NotCompared, { messages: catalogue, words }: CompareWording) => (n.what === 'dimension' ? catalogue.compare.dimensionNoun : n.what === 'phase' ? words.phase : words.stage);

/** The comparison of two assessments as Markdown, in the language of `wording`. */
export function renderComparisonMarkdown(comparison: Comparison, wording: CompareWording): string {
  const { messages: catalogue, words } = wording;
  const text = catalogue.compare;
  const reportText = catalogue.report;
  const { num, signed } = numbers(comparison, catalogue);
  const who = (a: Comparison['baseline']) => `${a.organisation}, ${a.date} (${a.questionnaire.id} ${a.questionnaire.version})`;
  const out: string[] = [];
  out.push(`# ${mdEscape(text.title(comparison.current.organisation))}`, '');
  out.push(`**${text.baseline}:** ${mdEscape(who(comparison.baseline))}  \n**${text.current}:** ${mdEscape(who(comparison.current))}`, '');
  for (const note of comparison.notes) out.push(`> ${mdEscape(noteText(note, comparison, wording))}`, '');

  const up = comparison.dimensions.filter((d) => d.direction === 'up').length;
  const down = comparison.dimensions.filter((d) => d.direction === 'down').length;
  out.push(`## ${text.summary}`, '');
  out.push(
    mdEscape(
      text.overall(
        comparison.overall.title ?? words.overallScore,
        num(comparison.overall.before),
        num(comparison.overall.after),
        signed(comparison.overall.delta),
        comparison.dimensions.length,
        up,
        down,
      ),
    ),
    '',
  );
  if (comparison.phase) {
    const phase = comparison.phase;
    out.push(
      mdEscape(phase.direction === 'same' ? text.still(words.phasesTitle, phase.after.title) : text.moved(words.phasesTitle, phase.before.title, phase.after.title, phase.direction === 'up')),
      '',
    );
  }
  if (comparison.predominantStage) {
    const stage = comparison.predominantStage;
    out.push(mdEscape(stage.changed ? text.movedPredominant(words.stagesTitle, stage.before.title, stage.after.title) : text.stillPredominant(words.stagesTitle, stage.after.title)), '');
  }

  out.push(`## ${text.dimensions}`, '');
  const targets = comparison.dimensions.some((d) => d.after.target !== null);
  out.push(
    table(
      [reportText.dimension, text.before, text.after, text.change, '', ...(targets ? [reportText.target, text.gapNow] : [])],
      comparison.dimensions.map((d) => [
        mdCell(d.title),
        num(d.before.score),
        num(d.after.score),
        signed(d.delta),
        arrow[d.direction],
        ...(targets ? [d.after.target === null ? '–' : num(d.after.target, 0), d.after.gap === null ? '–' : d.after.gap > 0 ? num(d.after.gap) : catalogue.met] : []),
      ]),
      ['---', '---:', '---:', '---:', ':---:', ...(targets ? ['---:', '---:'] : [])],
    ),
    '',
  );

  if (comparison.stages.length) {
    out.push(`## ${mdEscape(words.stagesTitle)}`, '');
    out.push(
      table(
        [mdCell(catalogue.cap(words.stage)), text.before, text.after],
        comparison.stages.map((s) => [
          mdCell(s.title),
          text.attainment(s.before.attained, catalogue.percent(s.before.attainment)),
          text.attainment(s.after.attained, catalogue.percent(s.after.attainment)),
        ]),
      ),
      '',
    );
  }

  if (targets) {
    out.push(`## ${text.gaps}`, '');
    if (!comparison.gaps.opened.length && !comparison.gaps.closed.length) out.push(text.noGapChange, '');
    for (const gap of comparison.gaps.closed) out.push(`- ${text.closed(`**${mdEscape(gap.title)}**`, num(gap.gap))}`);
    for (const gap of comparison.gaps.opened) out.push(`- ${text.opened(`**${mdEscape(gap.title)}**`, num(gap.gap))}`);
    out.push('');
  }

  if (comparison.roadmap) {
    out.push(`## ${reportText.roadmap}`, '');
    if (!comparison.roadmap.noLongerNeeded.length && !comparison.roadmap.added.length) out.push(text.sameRoadmap, '');
    for (const i of comparison.roadmap.noLongerNeeded) out.push(`- ${text.noLongerNeeded(mdEscape(i.title))}`);
    for (const i of comparison.roadmap.added) out.push(`- ${text.nowNeeded(mdEscape(i.title))}`);
    out.push('');
  }

  if (comparison.notCompared.length) {
    out.push(`## ${text.notCompared}`, '');
    for (const missing of comparison.notCompared) out.push(`- ${mdEscape(text.notComparedLine(noun(missing, wording), missing.id, reasonText(missing, catalogue)))}`);
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** The comparison as JSON: numbers, ids and codes as computed, with the notes and reasons in words. */
export function renderComparisonJson(comparison: Comparison, wording: CompareWording): string {
  const doc = {
    kind: 'comparison',
    schemaVersion: 1,
    baseline: comparison.baseline,
    current: comparison.current,
    overall: { ...comparison.overall, title: comparison.overall.title ?? wording.words.overallScore },
    dimensions: comparison.dimensions,
    phase: comparison.phase,
    predominantStage: comparison.predominantStage,
    stages: comparison.stages,
    roadmap: comparison.roadmap,
    gaps: comparison.gaps,
    notCompared: comparison.notCompared.map((n) => ({ what: n.what, id: n.id, reason: reasonText(n, wording.messages) })),
    notes: comparison.notes.map((n) => noteText(n, comparison, wording)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
