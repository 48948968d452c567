import { answerParts } from '../schema/answers.js';
import { fmtScore } from './context.js';
import type { ReportContext } from './context.js';
import { addMonths, summary } from './summary.js';

/** Escapes text for Markdown prose: nothing a respondent typed can become markup or HTML. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+!|~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** Escapes text for a table cell: also keeps the row on one line. */
export function mdCell(s: string): string {
  return mdEscape(s.replace(/\r\n?|\n/g, ' ').replace(/\s+/g, ' ').trim()) || ' ';
}

/** Mermaid labels cannot hold colons, semicolons or hashes; keep them plain. */
function mermaidLabel(s: string): string {
  return s.replace(/[:;#<>"`{}[\]]/g, ' ').replace(/\s+/g, ' ').trim();
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function table(head: string[], rows: string[][], align?: string[]): string {
  const sep = head.map((_, i) => align?.[i] ?? '---');
  return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export function renderMarkdown(ctx: ReportContext): string {
  const { answers, result, questionnaire, model } = ctx;
  const a = answers.assessment;
  const s = summary(ctx);
  const out: string[] = [];
  const dimById = new Map(result.dimensions.map((d) => [d.id, d]));

  out.push(`# ${mdEscape(ctx.m(model.title))}: ${mdEscape(a.organisation)}`);
  out.push('');
  const meta = [
    a.scope ? `**Scope:** ${mdEscape(a.scope)}` : '',
    `**Date:** ${a.date}`,
    a.assessor ? `**Assessor:** ${mdEscape(a.assessor)}` : '',
    `**Respondents:** ${answers.respondents.length ? answers.respondents.map((r) => mdEscape(r.role ? `${r.name} (${r.role})` : r.name)).join(', ') : 'none'}`,
    `**Questionnaire:** ${mdEscape(questionnaire.id)} ${questionnaire.version}`,
  ].filter(Boolean);
  out.push(meta.join('  \n'));
  out.push('');

  out.push('## Executive summary', '');
  for (const p of s.paragraphs) out.push(mdEscape(p), '');
  if (s.topGaps.length) {
    out.push('The largest gaps to target:', '');
    for (const g of s.topGaps) out.push(`- **${mdEscape(g.title)}**: ${fmtScore(g.score)} against a target of ${g.target} (${mdEscape(g.levelLabel)} today).`);
    out.push('');
  }
  if (s.firstWave.length) {
    out.push('Start with:', '');
    for (const it of s.firstWave) out.push(`1. **${mdEscape(ctx.initiativeTitle(it.id))}**: ${mdEscape(ctx.reasonText(it))}`);
    out.push('');
  }
  for (const w of s.warnings) out.push(`> ${mdEscape(w)}`, '');

  out.push('## Scores by axis', '');
  out.push('Scores run from 0 to 4; a level is reached when the score gets to it. Coverage is the share of asked questions answered with a scored option (not "not applicable" or "don\'t know"). Spread is the widest disagreement between respondents on any one question.', '');
  for (const axis of result.axes) {
    out.push(`### ${mdEscape(ctx.axisTitle(axis.id))}`, '');
    const desc = ctx.m(model.axes.find((x) => x.id === axis.id)?.description);
    if (desc) out.push(mdEscape(desc), '');
    out.push(`Average score ${fmtScore(axis.score)} against an average target of ${axis.target.toFixed(1)}; ${axis.belowTarget} of ${axis.dimensions.length} dimensions below target.`, '');
    const rows = axis.dimensions.map((id) => {
      const d = dimById.get(id)!;
      return [
        mdCell(ctx.dimTitle(id)),
        fmtScore(d.score),
        mdCell(d.level === null ? 'not assessed' : `${d.level} ${ctx.levelLabel(d.level)}`),
        `${d.target}${d.targetSource === 'assessment' ? '*' : ''}`,
        d.gap === null ? '–' : d.gap > 0 ? d.gap.toFixed(1) : 'met',
        `${pct(d.coverage.ratio)} (${d.coverage.answered}/${d.coverage.questions} questions)`,
        d.spread >= 2 ? `**${d.spread}**` : String(d.spread),
      ];
    });
    out.push(table(['Dimension', 'Score', 'Level', 'Target', 'Gap', 'Coverage', 'Spread'], rows, ['---', '---:', '---', '---:', '---:', '---', '---:']), '');
    for (const id of axis.dimensions) {
      const d = dimById.get(id)!;
      if (d.level !== null) out.push(`- **${mdEscape(ctx.dimTitle(id))}, level ${d.level}:** ${mdEscape(ctx.levelDescriptor(id, d.level))}`);
    }
    out.push('');
  }
  if (result.dimensions.some((d) => d.targetSource === 'assessment')) out.push('\\* Target set for this assessment rather than the model default.', '');

  out.push('## Where the organisation stands', '');
  out.push('### Journey phases', '');
  out.push(
    table(
      ['Phase', 'Reached', 'Requires'],
      result.phase.phases.map((p) => [
        mdCell(ctx.phaseTitle(p.number)),
        p.reached ? 'yes' : 'no',
        mdCell(p.requirements.map((r) => `${ctx.dimTitle(r.dimension)} ${fmtScore(r.score)} / ${r.min}${r.met ? ' ✓' : ' ✗'}`).join('; ')),
      ]),
    ),
    '',
  );
  out.push('### Operating-model stages', '');
  out.push('Each stage is judged on its own: an organisation can be running parts of IT like a business before it is fully service-oriented.', '');
  out.push(
    table(
      ['Stage', 'Attained', 'Progress', 'Requires'],
      result.operatingModel.stages.map((st) => [
        mdCell(ctx.stageTitle(st.id)),
        st.attained ? 'yes' : 'no',
        `${st.attainment}%`,
        mdCell(st.requirements.map((r) => `${ctx.dimTitle(r.dimension)} ${fmtScore(r.score)} / ${r.min}${r.met ? ' ✓' : ' ✗'}`).join('; ')),
      ]),
    ),
    '',
  );

  out.push('## Disagreements to discuss', '');
  const disagreements = result.questions.filter((x) => x.disagreement);
  if (!disagreements.length) out.push('Respondents did not differ by two levels or more on any question.', '');
  else {
    out.push(`Respondents differ by two levels or more on ${disagreements.length} question${disagreements.length > 1 ? 's' : ''}. The scores use the median; talk these through before acting on them.`, '');
    for (const x of disagreements) {
      out.push(`### ${mdEscape(ctx.questionText(x.id))}`, '');
      out.push(`*${mdEscape(ctx.dimTitle(x.dimension))}; spread ${x.spread} levels; median ${fmtScore(x.score)}*`, '');
      for (const r of x.responses.filter((r) => r.status === 'answered' || r.status === 'na' || r.status === 'dontKnow')) {
        const lvl = r.level !== undefined ? ` (level ${r.level})` : '';
        out.push(`- **${mdEscape(r.respondent)}**: ${mdEscape(ctx.optionLabel(x.id, r.option!))}${lvl}${r.note ? `. “${mdEscape(r.note.replace(/\s+/g, ' '))}”` : ''}`);
      }
      out.push('');
    }
  }

  out.push('## Roadmap', '');
  const items = result.roadmap.waves.flatMap((w) => w.items);
  if (!items.length) out.push('Every assessed dimension is at or above its target: no initiative is needed to close a gap.', '');
  else {
    out.push(`${items.length} initiative${items.length > 1 ? 's' : ''} over ${result.roadmap.months} months, at most ${model.roadmap.parallel} at a time, ordered so that nothing starts before what it depends on.`, '');
    for (const w of result.roadmap.waves) {
      out.push(`### ${mdEscape(ctx.waveTitle(w.id))}`, '');
      if (!w.items.length) {
        out.push('Nothing starts in this wave.', '');
        continue;
      }
      for (const it of w.items) {
        const init = model.initiatives.find((i) => i.id === it.id)!;
        out.push(`#### ${mdEscape(ctx.initiativeTitle(it.id))}`, '');
        out.push(
          `*${mdEscape(ctx.effortLabel(it.effort))} effort; months ${it.start}–${it.end}; raises ${mdEscape(it.raises.map((r) => `${ctx.dimTitle(r.dimension)} ${r.from}→${r.to}`).join(', '))}*`,
          '',
        );
        out.push(`**Why:** ${mdEscape(ctx.reasonText(it))}`, '');
        if (it.dependsOn.length) out.push(`**After:** ${mdEscape(it.dependsOn.map((d) => ctx.initiativeTitle(d)).join(', '))}`, '');
        out.push(mdEscape(ctx.m(init.rationale).replace(/\s+/g, ' ').trim()), '');
      }
    }
    out.push('### Timeline', '');
    out.push('```mermaid', 'gantt', `  title ${mermaidLabel(`Roadmap for ${a.organisation}`)}`, '  dateFormat YYYY-MM-DD', '  axisFormat %b %Y');
    for (const w of result.roadmap.waves) {
      if (!w.items.length) continue;
      out.push(`  section ${mermaidLabel(ctx.waveTitle(w.id))}`);
      for (const it of w.items) out.push(`  ${mermaidLabel(ctx.initiativeTitle(it.id))} :${it.id}, ${addMonths(a.date, it.start)}, ${addMonths(a.date, it.end)}`);
    }
    out.push('```', '');
  }

  out.push('## Appendix: every answer', '');
  const questions = questionnaire.sections.flatMap((sec) => sec.questions);
  for (const r of answers.respondents) {
    out.push(`### ${mdEscape(r.name)}${r.role ? `, ${mdEscape(r.role)}` : ''}`, '');
    const rows = questions
      .filter((x) => r.answers[x.id] !== undefined)
      .map((x) => {
        const { option, note } = answerParts(r.answers[x.id]!);
        const level = x.options.find((o) => o.id === option)?.level;
        return [mdCell(x.id), mdCell(ctx.questionText(x.id)), mdCell(ctx.optionLabel(x.id, option)), level === undefined ? '–' : String(level), note ? mdCell(note) : ' '];
      });
    if (!rows.length) out.push('No answers yet.', '');
    else out.push(table(['Question', 'Asked', 'Answer', 'Level', 'Note'], rows), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
