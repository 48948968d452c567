import type { Comparison } from '../core/compare.js';
import { fmtScore as score } from './context.js';
import { mdCell, mdEscape, table } from './markdown.js';

const signed = (d: number | null) => (d === null ? '–' : d > 0 ? `+${d.toFixed(1)}` : d < 0 ? `−${Math.abs(d).toFixed(1)}` : '0.0');
const arrow = { up: '▲', down: '▼', same: '=', unknown: '?' } as const;

const who = (a: Comparison['baseline']) => `${a.organisation}, ${a.date} (${a.questionnaire.id} ${a.questionnaire.version})`;

/** The comparison of two assessments as Markdown. */
export function renderComparisonMarkdown(c: Comparison): string {
  const out: string[] = [];
  out.push(`# What moved: ${mdEscape(c.current.organisation)}`, '');
  out.push(`**Baseline:** ${mdEscape(who(c.baseline))}  \n**Current:** ${mdEscape(who(c.current))}`, '');
  for (const n of c.notes) out.push(`> ${mdEscape(n)}`, '');

  const up = c.dimensions.filter((d) => d.direction === 'up').length;
  const down = c.dimensions.filter((d) => d.direction === 'down').length;
  out.push('## Summary', '');
  out.push(
    `${mdEscape(c.overall.title ?? 'Overall score')} ${score(c.overall.before)} → ${score(c.overall.after)} (${signed(c.overall.delta)}), over the ${c.dimensions.length} dimensions both assessments share: ${up} up, ${down} down, ${c.dimensions.length - up - down} unchanged or not comparable.`,
    '',
  );
  if (c.phase) {
    const p = c.phase;
    out.push(
      p.direction === 'same' ? `Phase: still ${mdEscape(p.after.title)}.` : `Phase: ${mdEscape(p.before.title)} → ${mdEscape(p.after.title)} (${p.direction === 'up' ? 'forward' : 'back'}).`,
      '',
    );
  }
  if (c.predominantStage) {
    const s = c.predominantStage;
    out.push(s.changed ? `Predominant stage: ${mdEscape(s.before.title)} → ${mdEscape(s.after.title)}.` : `Predominant stage: still ${mdEscape(s.after.title)}.`, '');
  }

  out.push('## Dimensions', '');
  const targets = c.dimensions.some((d) => d.after.target !== null);
  out.push(
    table(
      ['Dimension', 'Before', 'After', 'Change', '', ...(targets ? ['Target', 'Gap now'] : [])],
      c.dimensions.map((d) => [
        mdCell(d.title),
        score(d.before.score),
        score(d.after.score),
        signed(d.delta),
        arrow[d.direction],
        ...(targets ? [d.after.target === null ? '–' : String(d.after.target), d.after.gap === null ? '–' : d.after.gap > 0 ? d.after.gap.toFixed(1) : 'met'] : []),
      ]),
      ['---', '---:', '---:', '---:', ':---:', ...(targets ? ['---:', '---:'] : [])],
    ),
    '',
  );

  if (c.stages.length) {
    out.push('## Stages', '');
    out.push(
      table(
        ['Stage', 'Before', 'After'],
        c.stages.map((s) => [
          mdCell(s.title),
          `${s.before.attained ? 'attained' : 'not attained'} (${s.before.attainment}%)`,
          `${s.after.attained ? 'attained' : 'not attained'} (${s.after.attainment}%)`,
        ]),
      ),
      '',
    );
  }

  if (targets) {
    out.push('## Gaps', '');
    if (!c.gaps.opened.length && !c.gaps.closed.length) out.push('No dimension fell below or rose to its target.', '');
    for (const g of c.gaps.closed) out.push(`- Closed: **${mdEscape(g.title)}** (was ${g.gap.toFixed(1)} below target)`);
    for (const g of c.gaps.opened) out.push(`- New gap: **${mdEscape(g.title)}** (now ${g.gap.toFixed(1)} below target)`);
    out.push('');
  }

  if (c.roadmap) {
    out.push('## Roadmap', '');
    if (!c.roadmap.noLongerNeeded.length && !c.roadmap.added.length) out.push('The roadmap holds the same initiatives as before.', '');
    for (const i of c.roadmap.noLongerNeeded) out.push(`- No longer needed: ${mdEscape(i.title)}`);
    for (const i of c.roadmap.added) out.push(`- Now needed: ${mdEscape(i.title)}`);
    out.push('');
  }

  if (c.notCompared.length) {
    out.push('## Not compared', '');
    for (const n of c.notCompared) out.push(`- ${n.what} ${mdEscape(n.id)}: ${mdEscape(n.reason)}`);
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

export function renderComparisonJson(c: Comparison): string {
  return `${JSON.stringify({ kind: 'comparison', schemaVersion: 1, ...c }, null, 2)}\n`;
}
